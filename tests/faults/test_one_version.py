"""Defect 1 (and 7's identical uploads): concurrent writers of one file name, over HTTP and the CLI,
leave exactly one version, and each status says what happened."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from graph.backend import GraphSettings, connect
from loaders.decode import read_document
from loaders.pipeline import extract_document
from tests.conftest import SAMPLES
from tests.faults.serve import Serve, run_cli

KEY = "fault-key"


def _texts() -> list[str]:
    whole = [read_document(path)[1] for path in sorted(SAMPLES.glob("*.txt"))]
    return whole + [text[: len(text) // 2] for text in whole]


def _upload(url: str, name: str, text: str) -> httpx.Response:
    files = {"file": (name, text.encode("utf-8"), "text/plain")}
    return httpx.post(f"{url}/api/documents", files=files, headers={"X-API-Key": KEY}, timeout=300)


def test_concurrent_uploads_under_one_name_leave_one_version(tmp_path: Path) -> None:
    texts = _texts()
    cli_file = tmp_path / "docs" / "mix.txt"
    cli_file.parent.mkdir()
    cli_file.write_text(texts[-1], encoding="utf-8")
    with Serve(tmp_path / "graph", HEALTHKG_API_KEY=KEY) as serve, ThreadPoolExecutor(len(texts)) as pool:
        uploads = [pool.submit(_upload, serve.url, "mix.txt", text) for text in texts[:-1]]
        cli = pool.submit(run_cli, tmp_path / "graph", "ingest", str(cli_file))
        responses = [future.result() for future in uploads]
        cli_result = cli.result()
        assert cli_result.returncode == 0, cli_result.stderr
        assert all(r.status_code == 201 for r in responses), [r.text for r in responses]
        statuses = [r.json()["status"] for r in responses]
        statuses.append("loaded" if "1 loaded" in cli_result.stdout else "replaced")
        assert statuses.count("loaded") == 1, statuses
        assert set(statuses) <= {"loaded", "replaced"}, statuses

        stored = httpx.get(f"{serve.url}/api/documents/mix.txt/text", timeout=60).json()
        text = stored["text"]
        assert text in texts, "the stored text is one of the uploads"
        for fact in stored["facts"]:
            for ev in fact["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["quote"], "every quote is from the stored version"
        expected = extract_document("mix.txt", text)
        got_edges = {(f["type"], f["source"]["id"], f["target"]["id"]) for f in stored["facts"]}
        assert got_edges == {(e.type, e.source, e.target) for e in expected.edges}
        with connect(GraphSettings(url="embedded", data_dir=tmp_path / "graph")) as backend:
            rows = backend.execute(
                "MATCH (n:Entity) WHERE 'mix.txt' IN n.docs RETURN count(n) AS c", {}, read_only=True
            )
        assert rows[0]["c"] == len(expected.nodes) + 1, "the nodes of one version, plus its Document"


def test_identical_concurrent_uploads_report_one_load(tmp_path: Path) -> None:
    text = _texts()[0]
    with Serve(tmp_path / "graph", HEALTHKG_API_KEY=KEY) as serve, ThreadPoolExecutor(6) as pool:
        responses = list(pool.map(lambda _: _upload(serve.url, "same.txt", text), range(6)))
    assert [r.status_code for r in responses] == [201] * 6
    statuses = sorted(r.json()["status"] for r in responses)
    assert statuses == ["loaded"] + ["unchanged"] * 5
