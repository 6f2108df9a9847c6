"""The installed `healthkg` command, run as a user would, on a throw-away data directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES


def healthkg(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HEALTHKG_DATA_DIR": str(data_dir), "HEALTHKG_GRAPH_URL": "embedded"}
    command = shutil.which("healthkg") or ""
    argv = [command, *args] if command else [sys.executable, "-m", "api.cli", *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def cli_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli")
    result = healthkg(data_dir, "ingest", str(SAMPLES))
    assert result.returncode == 0, result.stderr
    assert "5 documents (5 loaded" in result.stdout
    return data_dir


def _stats(data_dir: Path) -> dict:
    result = healthkg(data_dir, "stats")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_twice_changes_no_counts(cli_data: Path) -> None:
    before = _stats(cli_data)
    again = healthkg(cli_data, "ingest", str(SAMPLES))
    assert again.returncode == 0
    assert "5 unchanged" in again.stdout
    assert _stats(cli_data) == before
    assert before["nodes"]["Document"] == 5


def test_export_json_matches_the_contract(cli_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.json"
    assert healthkg(cli_data, "export", "--format", "json", "-o", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    labels = {"Region", "Official", "Organization", "Program", "Hospital", "Target", "Document"}
    assert {node["label"] for node in data["nodes"]} == labels
    assert all({"id", "label", "name", "aliases"} <= node.keys() for node in data["nodes"])
    target = next(node for node in data["nodes"] if node["label"] == "Target")
    assert {"metric", "value", "unit", "comparator", "kind"} <= target.keys()
    assert isinstance(target["value"], float)
    edge = data["edges"][0]
    assert set(edge) == {"type", "source", "target", "evidence"}
    assert set(edge["evidence"][0]) == {"doc", "start", "end", "quote"}


def test_bad_input_fails_cleanly_and_writes_nothing(cli_data: Path, tmp_path: Path) -> None:
    before = _stats(cli_data)
    good = tmp_path / "good.txt"
    good.write_text("南昌市卫生健康委员会召开会议。", encoding="utf-8")
    binary = tmp_path / "broken.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = healthkg(cli_data, "ingest", str(good), str(binary))
    assert result.returncode != 0
    assert "broken.txt" in result.stderr
    assert "Traceback" not in result.stderr
    missing = healthkg(cli_data, "ingest", str(tmp_path / "nope.txt"))
    assert missing.returncode != 0
    assert "nope.txt" in missing.stderr
    assert _stats(cli_data) == before, "a failed batch leaves the graph as it was"


def test_unknown_graph_url_is_a_clear_error(tmp_path: Path) -> None:
    result = healthkg(tmp_path, "--graph", "mysql://x", "stats")
    assert result.returncode != 0
    assert "unsupported graph URL" in result.stderr


def test_reset_empties_the_graph(tmp_path: Path) -> None:
    assert healthkg(tmp_path, "ingest", str(SAMPLES / "001_b1280b1a44e49c58.txt")).returncode == 0
    assert _stats(tmp_path)["nodes"]["Document"] == 1
    assert healthkg(tmp_path, "reset").returncode == 0
    assert _stats(tmp_path) == {"nodes": {}, "edges": {}}


def test_restarting_the_embedded_server_keeps_the_counts(cli_data: Path) -> None:
    first = _stats(cli_data)
    assert not (cli_data / "server.json").exists(), "each CLI run stops the server it started"
    assert _stats(cli_data) == first
    assert sum(first["edges"].values()) > 100


def test_ingest_while_serve_runs_shares_the_embedded_server(tmp_path: Path) -> None:
    import signal
    import time

    import httpx

    from tests.conftest import free_port

    port = free_port()
    env = {**os.environ, "HEALTHKG_DATA_DIR": str(tmp_path), "HEALTHKG_GRAPH_URL": "embedded"}
    command = shutil.which("healthkg")
    argv = [command] if command else [sys.executable, "-m", "api.cli"]
    serve = subprocess.Popen(
        [*argv, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        url = f"http://127.0.0.1:{port}"
        assert serve.stdout is not None
        assert f"serving {url}/" in serve.stdout.readline()
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "serve did not come up"
            time.sleep(0.2)
        result = healthkg(tmp_path, "ingest", str(SAMPLES / "001_b1280b1a44e49c58.txt"))
        assert result.returncode == 0, result.stderr
        found = httpx.get(f"{url}/api/entities", params={"q": "新建区", "label": "Region"}).json()
        assert "region:360112" in [e["id"] for e in found["data"]], "serve sees what ingest wrote"
    finally:
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=30)
    assert not (tmp_path / "server.json").exists(), "the last process out stopped the server"
    assert _stats(tmp_path)["nodes"]["Document"] == 1
