"""A folder of mixed formats through `healthkg ingest`, and uploads through POST /api/documents."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ServiceSettings
from graph.backend import GraphBackend, GraphSettings
from graph.store import GraphStore
from tests.readers.conftest import NANCHANG_2026, XINJIAN_2023
from tests.readers.documents import SAMPLES, encrypted_pdf, sample_text, textless_pdf, zip_bomb_docx
from tests.test_cli import healthkg

API_KEY = "readers-key"
KEY = {"X-API-Key": API_KEY}


def _mixed_folder(folder: Path, built: dict) -> Path:
    folder.mkdir()
    (folder / "xinjian.pdf").write_bytes(built[XINJIAN_2023, "pdf"][0])
    (folder / "nanchang.htm").write_bytes(built[NANCHANG_2026, "gbk.html"])
    (folder / "nested").mkdir()
    (folder / "nested" / "nanchang.docx").write_bytes(built[NANCHANG_2026, "docx"])
    (folder / "plain.txt").write_bytes((SAMPLES / XINJIAN_2023).read_bytes())
    (folder / "notes.md").write_text("not a report", encoding="utf-8")  # other suffixes are skipped
    return folder


def test_cli_ingests_a_folder_of_mixed_formats(built: dict, tmp_path: Path) -> None:
    data_dir = tmp_path / "graph"
    result = healthkg(data_dir, "ingest", str(_mixed_folder(tmp_path / "in", built)))
    assert result.returncode == 0, result.stderr
    assert "4 documents (4 loaded" in result.stdout
    out = tmp_path / "graph.json"
    assert healthkg(data_dir, "export", "--format", "json", "-o", str(out)).returncode == 0
    export = json.loads(out.read_text(encoding="utf-8"))
    documents = {n["file"]: n for n in export["nodes"] if n["label"] == "Document"}
    assert {f: d["format"] for f, d in documents.items()} == {
        "xinjian.pdf": "pdf", "nanchang.htm": "html", "nanchang.docx": "docx", "plain.txt": "txt",
    }  # fmt: skip
    assert documents["xinjian.pdf"]["pages"] >= 3
    evidence = [ev for edge in export["edges"] for ev in edge["evidence"]]
    assert all(("page" in ev) == ev["doc"].endswith(".pdf") for ev in evidence)
    assert {ev["page"] for ev in evidence if "page" in ev} >= {1, 2, 3}
    # the same report as PDF and as text supports the same family-doctor target
    targets = {n["id"]: n for n in export["nodes"] if n["label"] == "Target"}
    family = [
        {ev["doc"] for ev in e["evidence"]}
        for e in export["edges"]
        if e["type"] == "SETS_TARGET"
        and "家庭医生" in targets[e["target"]]["metric"]
        and targets[e["target"]]["value"] == 60
    ]
    assert any({"xinjian.pdf", "plain.txt"} <= docs for docs in family), family


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("scan.pdf", textless_pdf, "no text layer; OCR is not supported"),
        ("locked.pdf", lambda: encrypted_pdf(sample_text(XINJIAN_2023)), "encrypted"),
        ("bomb.docx", zip_bomb_docx, "zip bomb"),
    ],
)
def test_cli_refuses_a_bad_file_in_a_folder_and_writes_nothing(
    built: dict, tmp_path: Path, name: str, make: Callable[[], bytes], expected: str
) -> None:
    data_dir = tmp_path / "graph"
    assert healthkg(data_dir, "ingest", str(SAMPLES / NANCHANG_2026)).returncode == 0
    folder = _mixed_folder(tmp_path / "in", built)
    (folder / name).write_bytes(make())
    result = healthkg(data_dir, "ingest", str(folder))
    assert result.returncode == 2
    assert f"{name}: " in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr
    stats = healthkg(data_dir, "stats")
    assert json.loads(stats.stdout)["nodes"]["Document"] == 1, "the good files of the batch were not written"


@pytest.fixture()
def api(data_dir: Path, open_graph: Callable[[str], GraphBackend]) -> Iterator[TestClient]:
    store = GraphStore(open_graph("readers_api"))
    store.reset()
    graph = GraphSettings(url="embedded", data_dir=data_dir, graph_name="readers_api")
    with TestClient(create_app(ServiceSettings(graph=graph, api_key=API_KEY))) as client:
        yield client


def test_an_uploaded_pdf_is_read_and_its_quotes_carry_pages(built: dict, api: TestClient) -> None:
    pdf, drawn = built[XINJIAN_2023, "pdf"]
    files = {"file": ("xinjian.pdf", pdf, "application/pdf")}
    response = api.post("/api/documents", files=files, headers=KEY)
    assert response.status_code == 201, response.text
    body = api.get("/api/documents/xinjian.pdf/text").json()
    assert body["document"]["format"] == "pdf" and body["document"]["pages"] == len(drawn)
    text = body["text"]
    assert "南昌市卫生健康委员会文件" not in text  # the running header is gone
    evidence = [ev for fact in body["facts"] for ev in fact["evidence"]]
    assert evidence
    for ev in evidence:
        assert text[ev["start"] : ev["end"]] == ev["quote"]
        assert 1 <= ev["page"] <= len(drawn)
    entity = api.get("/api/entities/region:360112").json()
    assert any("page" in ev for edges in entity["edges"].values() for e in edges for ev in e["evidence"])


def test_an_uploaded_page_keeps_its_title_and_date(built: dict, api: TestClient) -> None:
    files = {"file": ("nanchang.html", built[NANCHANG_2026, "gbk.html"], "text/html")}
    assert api.post("/api/documents", files=files, headers=KEY).status_code == 201
    document = api.get("/api/documents/nanchang.html").json()["document"]
    assert document["title"] == "2026年全市卫生健康工作会议召开"
    assert document["date"] == "2023-03-15" and document["format"] == "html"


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("scan.pdf", textless_pdf, "scan.pdf: no text layer; OCR is not supported"),
        ("locked.pdf", lambda: encrypted_pdf("2024年某市卫生健康工作要点"), "encrypted"),
        ("report.docx", zip_bomb_docx, "zip bomb"),
        ("report.pdf", lambda: b"PK\x03\x04 not really", "the name says a PDF"),
    ],
)
def test_uploads_that_cannot_be_read_get_a_clear_400(
    api: TestClient, name: str, make: Callable[[], bytes], expected: str
) -> None:
    files = {"file": (name, make(), "application/octet-stream")}
    response = api.post("/api/documents", files=files, headers=KEY)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "bad_document" and expected in error["message"]
    assert api.get("/api/documents").json()["total"] == 0
