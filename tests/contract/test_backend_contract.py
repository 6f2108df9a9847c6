"""Behaviour every backend must show on the five samples (see conftest for the backends)."""

from __future__ import annotations

from pathlib import Path

from api.neighborhood import walk
from graph.store import GraphStore
from loaders.models import DocumentExtraction

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def _texts() -> dict[str, str]:
    from loaders.decode import read_document

    return dict(read_document(path) for path in sorted(SAMPLES.glob("*.txt")))


def test_counts_match_the_extractions(
    store: GraphStore, sample_extractions: list[DocumentExtraction]
) -> None:
    counts = store.counts()
    assert counts["nodes"]["Document"] == 5
    node_ids = {node.id for extraction in sample_extractions for node in extraction.nodes}
    node_ids |= {extraction.document.id for extraction in sample_extractions}
    assert sum(counts["nodes"].values()) == len(node_ids)
    edge_keys = {edge.key() for extraction in sample_extractions for edge in extraction.edges}
    assert sum(counts["edges"].values()) == len(edge_keys)


def test_ingest_is_idempotent(store: GraphStore, sample_extractions: list[DocumentExtraction]) -> None:
    before = store.counts()
    evidence_before = sum(len(edge["evidence"]) for edge in store.export()["edges"])
    outcomes = [store.ingest(extraction) for extraction in sample_extractions]
    assert {outcome.status for outcome in outcomes} == {"unchanged"}
    assert store.counts() == before
    assert sum(len(edge["evidence"]) for edge in store.export()["edges"]) == evidence_before


def test_export_quotes_match_their_documents(store: GraphStore) -> None:
    texts = _texts()
    export = store.export()
    evidence = [ev for edge in export["edges"] for ev in edge["evidence"]]
    assert len(evidence) >= len(export["edges"]) > 100
    assert all(texts[ev["doc"]][ev["start"] : ev["end"]] == ev["quote"] for ev in evidence)


def test_commitments_of_xinjian_district(store: GraphStore) -> None:
    params = {"by": "新建区", "metric": "家庭医生", "year": None, "kind": None, "committers": None}
    params |= {"offset": 0, "limit": 50}
    rows = store.backend.read("commitments", params)
    assert any(row["value"] == 60 and row["unit"] == "%" for row in rows)
    assert all(row["committer"] == "新建区" for row in rows)


def test_entity_lookup_by_substring(store: GraphStore) -> None:
    params = {"q": "南昌", "label": "Region", "offset": 0, "limit": 10}
    names = [row["node"]["name"] for row in store.backend.read("search_entities", params)]
    assert "南昌市" in names


def test_retraction_keeps_other_documents_evidence(store: GraphStore) -> None:
    shared = [edge for edge in store.export()["edges"] if len({ev["doc"] for ev in edge["evidence"]}) > 1]
    assert shared, "the samples share at least one fact across documents"
    edge = shared[0]
    gone = edge["evidence"][0]["doc"]
    store.retract(gone)
    after = {(e["type"], e["source"], e["target"]): e for e in store.export()["edges"]}
    kept = after[(edge["type"], edge["source"], edge["target"])]
    assert kept["evidence"] == [ev for ev in edge["evidence"] if ev["doc"] != gone]
    assert all(ev["doc"] != gone for e in after.values() for ev in e["evidence"])
    assert store.counts()["nodes"]["Document"] == 4


def test_neighbourhood_of_xinjian(store: GraphStore) -> None:
    rows = walk(store, "region:360112", 1, None, 500).edges
    pairs = {(row["source"]["id"], row["type"], row["target"]["id"]) for row in rows}
    assert ("region:360112", "PART_OF", "region:360100") in pairs
    assert any(t == "SETS_TARGET" for _, t, _ in pairs)
    only = walk(store, "region:360112", 1, ["PART_OF"], 500).edges
    assert {row["type"] for row in only} == {"PART_OF"}


def test_paths_between_a_district_and_its_province(store: GraphStore) -> None:
    direct = store.backend.read(
        "paths_1", {"source": "region:360112", "target": "region:360000", "limit": 10, "hub": 250}
    )
    two_hops = store.backend.read(
        "paths_2", {"source": "region:360112", "target": "region:360000", "limit": 50, "hub": 250}
    )
    assert direct == [] or all(len(p["nodes"]) == 2 for p in direct)
    via_city = [p for p in two_hops if [n["id"] for n in p["nodes"]][1] == "region:360100"]
    assert via_city, "新建区 PART_OF 南昌市 PART_OF 江西省"
    assert [e["type"] for e in via_city[0]["edges"]] == ["PART_OF", "PART_OF"]
