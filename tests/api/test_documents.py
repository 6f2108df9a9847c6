"""Documents: list, one with its facts, its text with spans, upload and retraction behind the key."""

from fastapi.testclient import TestClient

from loaders.models import Document, DocumentExtraction, Edge, Evidence, Program, Target
from tests.api.conftest import API_KEY, Writable
from tests.api.facts import FILE_A, FILE_B, TEXT_A

KEY = {"X-API-Key": API_KEY}


def test_list_documents_without_text(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 2
    assert [d["file"] for d in body["data"]] == [FILE_A, FILE_B]
    assert body["data"][0]["title"] == "2023年新建区卫生健康工作要点" and body["data"][0]["chars"] == len(
        TEXT_A
    )
    assert all("text" not in d for d in body["data"])
    assert client.get("/api/documents", params={"limit": 1, "offset": 1}).json()["data"][0]["file"] == FILE_B


def test_document_text_with_the_spans_of_its_facts(client: TestClient) -> None:
    body = client.get(f"/api/documents/{FILE_A}/text").json()
    assert body["text"] == TEXT_A
    assert body["document"]["id"] == f"doc:{FILE_A}"
    assert len(body["facts"]) == 9
    for fact in body["facts"]:
        for ev in fact["evidence"]:
            assert ev["doc"] == FILE_A
            assert TEXT_A[ev["start"] : ev["end"]] == ev["quote"]
    by_id = client.get(f"/api/documents/doc:{FILE_A}").json()
    assert "text" not in by_id and "text" not in by_id["document"]
    assert by_id["facts"] == body["facts"]


def test_shared_fact_shows_only_this_documents_quote(client: TestClient) -> None:
    body = client.get(f"/api/documents/{FILE_B}").json()
    (part_of,) = [f for f in body["facts"] if f["type"] == "PART_OF"]
    assert [ev["doc"] for ev in part_of["evidence"]] == [FILE_B]


def test_unknown_document_is_404(client: TestClient) -> None:
    for response in (
        client.get("/api/documents/doc:none.txt"),
        client.get("/api/documents/none.txt/text"),
        client.delete("/api/documents/none.txt"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_export_leaves_the_text_out(client: TestClient) -> None:
    nodes = client.get("/api/export").json()["nodes"]
    documents = [n for n in nodes if n["label"] == "Document"]
    assert len(documents) == 2 and all("text" not in n for n in documents)


def test_delete_needs_the_key(writable: Writable) -> None:
    test_client, _ = writable
    for headers in ({}, {"X-API-Key": "wrong"}):
        response = test_client.delete(f"/api/documents/{FILE_A}", headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
    assert test_client.get(f"/api/documents/{FILE_A}").status_code == 200


def test_delete_retracts_only_what_the_document_alone_supported(writable: Writable) -> None:
    test_client, _ = writable
    response = test_client.delete(f"/api/documents/doc:{FILE_A}", headers=KEY)
    assert response.status_code == 200
    assert response.json() == {
        "id": f"doc:{FILE_A}", "file": FILE_A, "edges_removed": 8, "edges_kept": 1, "alias_removed": None
    }
    assert test_client.get(f"/api/documents/{FILE_A}").status_code == 404
    assert test_client.get("/api/entities/hospital:南昌市第一医院").status_code == 404
    assert test_client.get("/api/commitments", params={"by": "新建区"}).json()["total"] == 0
    xinjian = test_client.get("/api/entities/region:360112").json()
    (part_of,) = xinjian["edges"]["PART_OF"]
    assert [(ev["doc"], ev["quote"]) for ev in part_of["evidence"]] == [(FILE_B, "新建区是南昌市下辖区。")]
    assert set(xinjian["edges"]) == {"PART_OF"}
    assert test_client.get("/api/commitments").json()["total"] == 1


def test_upload_needs_the_key_and_ingests(writable: Writable) -> None:
    test_client, store = writable
    files = {
        "file": ("c_new.txt", "2024年南昌县卫生健康工作总结\n全县卫生工作稳步推进。\n".encode(), "text/plain")
    }
    assert test_client.post("/api/documents", files=files).status_code == 401
    response = test_client.post("/api/documents", files=files, headers=KEY)
    assert response.status_code == 201
    assert response.json()["id"] == "doc:c_new.txt" and response.json()["status"] == "loaded"
    text = test_client.get("/api/documents/c_new.txt/text").json()["text"]
    assert text.startswith("2024年南昌县卫生健康工作总结")
    again = test_client.post("/api/documents", files=files, headers=KEY)
    assert again.json()["status"] == "unchanged"


def test_upload_refuses_what_it_cannot_read(writable: Writable) -> None:
    test_client, _ = writable
    bad = {"file": ("report.pdf", b"%PDF-1.4", "application/pdf")}
    response = test_client.post("/api/documents", files=bad, headers=KEY)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_document"
    assert test_client.get("/api/documents").json()["total"] == 2


def test_ids_and_metrics_holding_a_slash_are_reachable(writable: Writable) -> None:
    test_client, store = writable
    text = "推进医疗/医保联动改革，每千人口/床位数达到6张。"
    quote = "每千人口/床位数达到6张。"
    start = text.index(quote)
    evidence = [Evidence.from_text("c_slash.txt", text, start, start + len(quote))]
    extraction = DocumentExtraction(
        document=Document(id="doc:c_slash.txt", name="c", file="c_slash.txt", sha256="c", chars=len(text)),
        text=text,
        nodes=[
            Program(id="program:医疗/医保联动", name="医疗/医保联动"),
            Target(id="target:c/1", name="每千人口/床位数", metric="每千人口/床位数", value=6, unit="张"),
        ],
        edges=[
            Edge(type="SETS_TARGET", source="program:医疗/医保联动", target="target:c/1", evidence=evidence)
        ],
    )
    store.ingest(extraction)
    assert test_client.get("/api/entities/program:医疗/医保联动").json()["entity"]["name"] == "医疗/医保联动"
    subgraph = test_client.get("/api/entities/program:医疗/医保联动/neighbors").json()
    assert [e["target"] for e in subgraph["edges"]] == ["target:c/1"]
    program = test_client.get("/api/programs/program:医疗/医保联动").json()
    assert program["targets"][0]["target"]["value"] == 6
    timeline = test_client.get("/api/metrics/每千人口/床位数/timeline").json()
    assert [p["quote"] for p in timeline["data"]] == [quote]
