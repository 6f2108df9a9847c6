"""The extended endpoints through a real uvicorn over the five sample reports (the real extractor)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import networkx as nx
import pytest

from loaders.decode import read_document
from tests.conftest import SAMPLES, LiveServer

XINJIAN_REPORT = "001_b1280b1a44e49c58.txt"
NANCHANG_REPORT = "002_a55b4f72392eaa2a.txt"


@pytest.fixture(scope="module")
def http(live_api: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_api.url, timeout=60) as client:
        yield client


def _text(file: str) -> str:
    return read_document(SAMPLES / file)[1]


def test_family_doctor_goal_of_xinjian_by_region_and_on_the_timeline(http: httpx.Client) -> None:
    rows = http.get("/api/commitments", params={"region": "南昌市", "metric": "家庭医生"}).json()["data"]
    (row,) = [r for r in rows if r["committer_id"] == "region:360112" and r["value"] == 60]
    assert (row["unit"], row["doc"]) == ("%", XINJIAN_REPORT)
    assert _text(XINJIAN_REPORT)[row["start"] : row["end"]] == row["quote"]
    timeline = http.get(f"/api/metrics/{row['metric']}/timeline").json()
    assert any(p["value"] == 60 and p["doc"] == XINJIAN_REPORT for p in timeline["data"])
    metrics = http.get("/api/metrics", params={"q": "家庭医生签约"}).json()
    assert row["metric"] in [m["metric"] for m in metrics["data"]]


def test_partnership_neighbourhood_matches_the_export(http: httpx.Client) -> None:
    """The busiest partner's PARTNERS_WITH subgraph is exactly the export's edges around it.

    (Whether 南昌市第一医院's partnership in the 2026 report is extracted is the extractor's test,
    tests/test_sample_facts.py; this one checks what the API makes of whatever was extracted.)"""
    partnerships = [e for e in http.get("/api/export").json()["edges"] if e["type"] == "PARTNERS_WITH"]
    ends = [end for e in partnerships for end in (e["source"], e["target"])]
    busiest = max(sorted(set(ends)), key=ends.count)
    subgraph = http.get(f"/api/entities/{busiest}/neighbors", params={"types": "PARTNERS_WITH"}).json()
    expected = {(e["source"], e["target"]) for e in partnerships if busiest in (e["source"], e["target"])}
    assert {(e["source"], e["target"]) for e in subgraph["edges"]} == expected
    assert {n["id"] for n in subgraph["nodes"]} == {busiest} | {end for pair in expected for end in pair}
    detail = http.get(f"/api/entities/{busiest}").json()
    assert len(detail["edges"]["PARTNERS_WITH"]) == len(expected)
    hospital = http.get("/api/entities/hospital:南昌市第一医院").json()
    (located,) = hospital["edges"]["LOCATED_IN"]
    assert located["other"]["id"] == "region:360100"
    assert {ev["doc"] for ev in located["evidence"]} == {NANCHANG_REPORT}
    partner_docs = {ev["doc"] for edge in hospital["edges"]["PARTNERS_WITH"] for ev in edge["evidence"]}
    assert NANCHANG_REPORT in partner_docs


def test_wen_daxiang_to_the_shanghai_commission_is_one_hop(http: httpx.Client) -> None:
    body = http.get("/api/paths", params={"from": "闻大翔", "to": "上海市卫生健康委员会"}).json()
    assert body["hops"] == 1
    (edge,) = body["data"][0]["edges"]
    assert edge["type"] == "HOLDS_POSITION" and edge["target"] == "org:上海市卫生健康委员会"
    assert "闻大翔" in edge["evidence"][0]["quote"]


def test_search_finds_nanchang_inside_longer_words_with_true_offsets(http: httpx.Client) -> None:
    body = http.get("/api/search", params={"q": "南昌", "limit": 100}).json()
    assert body["total"] == sum(_text(path.name).count("南昌") for path in SAMPLES.glob("*.txt")) > 0
    texts = {hit["doc"]: _text(hit["doc"]) for hit in body["data"]}
    for hit in body["data"]:
        assert texts[hit["doc"]][hit["start"] : hit["end"]] == "南昌"
        assert texts[hit["doc"]][hit["sentence_start"] : hit["sentence_end"]] == hit["sentence"]
    assert any(texts[h["doc"]][h["start"] : h["start"] + 3] == "南昌市" for h in body["data"])
    assert "region:360100" in [e["id"] for e in body["entities"]]


def test_document_text_is_the_file_and_spans_index_into_it(http: httpx.Client) -> None:
    body = http.get(f"/api/documents/{XINJIAN_REPORT}/text").json()
    text = _text(XINJIAN_REPORT)
    assert body["text"] == text and body["document"]["chars"] == len(text)
    quotes = [ev for fact in body["facts"] for ev in fact["evidence"]]
    assert len(quotes) > 20
    assert all(text[ev["start"] : ev["end"]] == ev["quote"] for ev in quotes)
    listing = http.get("/api/documents").json()
    assert listing["total"] == 5 and all("text" not in d for d in listing["data"])


def test_a_program_with_implementers_and_partners(http: httpx.Client) -> None:
    found = http.post(
        "/api/query",
        json={
            "cypher": "MATCH (x:Entity)-[:IMPLEMENTS]->(p:Program) MATCH (x)-[:PARTNERS_WITH]-(y:Entity) "
            "RETURN p.id AS program, count(DISTINCT y) AS partners ORDER BY partners DESC, program LIMIT 1"
        },
    ).json()
    (row,) = found["rows"]
    body = http.get(f"/api/programs/{row['program']}").json()
    assert body["implementers"] and body["documents"]
    assert len({p["entity"]["id"] for p in body["partners"]}) == row["partners"]
    implementers = {i["entity"]["id"] for i in body["implementers"]}
    assert all(p["implementer_id"] in implementers for p in body["partners"])


def test_graphml_of_the_samples_opens_in_networkx(http: httpx.Client) -> None:
    export = http.get("/api/export").json()
    graph = nx.parse_graphml(http.get("/api/export", params={"format": "graphml"}).text)
    assert graph.number_of_nodes() == len(export["nodes"])
    assert graph.number_of_edges() == len(export["edges"])
    assert graph.nodes["region:360112"]["name"] == "新建区"
