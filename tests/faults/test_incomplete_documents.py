"""Defect 2: an ingest that fails or is killed leaves no visible facts, and the next start or
ingest removes what it left."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import httpx
import pytest

from graph.backend import GraphSettings, connect
from graph.store import GraphStore
from loaders.decode import read_document
from loaders.pipeline import extract_document
from tests.conftest import SAMPLES
from tests.faults.serve import Serve, healthkg_argv, healthkg_env, run_cli, wait_until

KEY = "fault-key"
# Nodes that cite a file whose Document is missing or not complete: what a crash leaves.
ORPHANS = """
MATCH (n:Entity) UNWIND n.docs AS file
OPTIONAL MATCH (d:Document {file: file})
WITH n, file, d WHERE d IS NULL OR d.complete IS NULL OR d.complete = false
RETURN collect(DISTINCT n.id) AS ids, collect(DISTINCT file) AS files
"""


def _orphans(backend) -> tuple[set[str], set[str]]:  # noqa: ANN001
    row = backend.execute(ORPHANS, {}, read_only=True)[0]
    return set(row["ids"]), set(row["files"])


def _nul_text() -> str:
    text = read_document(SAMPLES / "001_b1280b1a44e49c58.txt")[1]
    text = (text * 3)[:25_000]
    return text[:20_500] + "\x00" + text[20_500:]


def test_a_nul_after_20000_characters_is_refused_before_any_write(tmp_path: Path) -> None:
    data = tmp_path / "graph"
    with Serve(data, HEALTHKG_API_KEY=KEY) as serve:
        files = {"file": ("nul.txt", _nul_text().encode("utf-8"), "text/plain")}
        response = httpx.post(
            f"{serve.url}/api/documents", files=files, headers={"X-API-Key": KEY}, timeout=300
        )
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "bad_document"
        assert "NUL" in response.json()["error"]["message"]
        assert httpx.get(f"{serve.url}/api/documents/nul.txt").status_code == 404
        with connect(GraphSettings(url="embedded", data_dir=data)) as backend:
            assert _orphans(backend) == (set(), set())
            count = backend.execute("MATCH (n:Entity) RETURN count(n) AS c", {}, read_only=True)[0]["c"]
            assert count == 0, "nothing was written"
    bad = tmp_path / "nul.txt"
    bad.write_text(_nul_text(), encoding="utf-8")
    result = run_cli(data, "ingest", str(bad))
    assert result.returncode == 2 and "NUL" in result.stderr
    assert '"nodes": {}' in run_cli(data, "stats").stdout


def _folder(tmp_path: Path, round_: int) -> Path:
    folder = tmp_path / f"docs{round_}"
    folder.mkdir()
    for k, path in enumerate(sorted(SAMPLES.glob("*.txt")) * 2):
        text = read_document(path)[1]
        (folder / f"r{round_}_{k}.txt").write_text(text if k < 5 else text[::-1], encoding="utf-8")
    return folder


def test_kill_minus_9_during_ingest_leaves_nothing_visible_and_is_swept(tmp_path: Path) -> None:
    data = tmp_path / "graph"
    kills_mid_write = 0
    with connect(GraphSettings(url="embedded", data_dir=data)) as backend:  # keeps the server up
        GraphStore(backend).ensure_schema()
        for round_ in range(6):
            folder = _folder(tmp_path, round_)
            ingest = subprocess.Popen(
                [*healthkg_argv(), "ingest", str(folder)],
                env=healthkg_env(data),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            wait_until(lambda p=ingest: p.poll() is not None or bool(_orphans(backend)[1]), 300, 0.005)
            ingest.send_signal(signal.SIGKILL)
            ingest.wait(timeout=30)
            ids, files = _orphans(backend)
            if not files:
                continue  # the kill missed the writes; try again
            kills_mid_write += 1
            # Reads skip the facts of the document that never completed.
            visible = backend.read(
                "list_entities", {"label": None, "limit": 100000, "offset": 0}
            )
            shown = {row["node"]["id"] for row in visible}
            only_orphan = {
                row["node"]["id"] for row in visible if set(row["node"].get("docs") or []) <= files
            }
            assert not only_orphan, f"{len(only_orphan)} nodes of incomplete documents are visible"
            assert ids - shown, "the killed document's own nodes exist but are hidden"
            listed = {
                row["document"]["file"] for row in backend.read("list_documents", {"limit": 500, "offset": 0})
            }
            assert not (listed & files)
            if kills_mid_write >= 2:
                break
        assert kills_mid_write >= 1, "no kill landed during the writes"
        # The next ingest (of anything) sweeps what the killed one left.
        result = run_cli(data, "ingest", str(SAMPLES / "001_b1280b1a44e49c58.txt"))
        assert result.returncode == 0, result.stderr
        assert "interrupted ingest" in result.stderr
        assert _orphans(backend) == (set(), set())


def test_the_store_refuses_what_the_engine_would_before_writing(empty_store: GraphStore) -> None:
    from loaders.errors import DocumentError

    good = extract_document("v.txt", read_document(SAMPLES / "001_b1280b1a44e49c58.txt")[1])
    for broken in ("坏\x00名", "bad\udc80name"):
        node = good.nodes[-1].model_copy(update={"name": broken})
        bad = good.model_copy(update={"nodes": [*good.nodes[:-1], node]})
        with pytest.raises(DocumentError, match="cannot store"):
            empty_store.ingest(bad)
        assert empty_store.counts() == {"nodes": {}, "edges": {}}, "nothing was written"


INCOMPLETE_DOCUMENTS = "MATCH (d:Document) WHERE d.complete = false RETURN collect(d.file) AS files"


def test_kill_minus_9_during_a_batch_leaves_only_incomplete_documents_the_sweep_removes(
    tmp_path: Path,
) -> None:
    """Ten documents written as one batch: a kill while it is written leaves every one of them
    incomplete (none half-visible), and the next ingest removes them all."""
    data = tmp_path / "graph"
    with connect(GraphSettings(url="embedded", data_dir=data)) as backend:
        GraphStore(backend).ensure_schema()
        landed: set[str] = set()
        for round_ in range(4):
            folder = _folder(tmp_path, round_)
            ingest = subprocess.Popen(
                [*healthkg_argv(), "ingest", "--batch-rows", "100000", "--quiet", str(folder)],
                env=healthkg_env(data),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

            def batch_started(p: subprocess.Popen = ingest) -> bool:
                rows = backend.execute(INCOMPLETE_DOCUMENTS, {}, read_only=True)
                return p.poll() is not None or len(rows[0]["files"]) >= 2

            wait_until(batch_started, 300, 0.005)
            ingest.send_signal(signal.SIGKILL)
            if ingest.wait(timeout=30) == 0:
                continue  # finished before the kill; try again
            incomplete = set(backend.execute(INCOMPLETE_DOCUMENTS, {}, read_only=True)[0]["files"])
            complete = {
                row["document"]["file"] for row in backend.read("list_documents", {"limit": 500, "offset": 0})
            }
            assert not (complete & {f"r{round_}_{k}.txt" for k in range(10)}), "a batch completes at once"
            if len(incomplete) >= 2:
                landed = incomplete
                _, orphan_files = _orphans(backend)
                assert orphan_files <= incomplete
                break
        assert len(landed) >= 2, "no kill landed during a batch"
        result = run_cli(data, "ingest", "--quiet", str(SAMPLES / "001_b1280b1a44e49c58.txt"))
        assert result.returncode == 0, result.stderr
        assert result.stderr.count("interrupted ingest") >= len(landed)
        assert _orphans(backend) == (set(), set())
        assert not backend.execute(INCOMPLETE_DOCUMENTS, {}, read_only=True)[0]["files"]
