"""The API's named queries on every engine the contract suite reaches (Neo4j when HEALTHKG_GRAPH_URL
names one): the same rows from the same Cypher, over the five samples."""

from __future__ import annotations

from api.neighborhood import walk
from graph.rows import evidence_from_json, evidence_prefix
from graph.store import GraphStore

XINJIAN_REPORT = "001_b1280b1a44e49c58.txt"


def test_region_scope_reaches_subregions_and_located_entities(store: GraphStore) -> None:
    (scope,) = store.backend.read("region_scope", {"region_id": "region:360100"})
    assert {"region:360100", "region:360112"} <= set(scope["regions"])
    edges = store.export()["edges"]
    located = {e["source"] for e in edges if e["type"] == "LOCATED_IN" and e["target"] in scope["regions"]}
    assert located and set(scope["located"]) == located
    params = {"by": None, "metric": "家庭医生", "year": None, "kind": None, "committers": scope["regions"]}
    rows = store.backend.read("commitments", {**params, "offset": 0, "limit": 50})
    assert any(row["committer_id"] == "region:360112" and row["value"] == 60 for row in rows)


def test_neighbors_return_edges_with_both_ends(store: GraphStore) -> None:
    one = walk(store, "region:360112", 1, ["PART_OF"], 50).edges
    assert {"region:360112", "region:360100"} <= {
        e for r in one for e in (r["source"]["id"], r["target"]["id"])
    }
    assert all(row["type"] == "PART_OF" and row["quotes"] >= 1 for row in one)
    two = walk(store, "region:360112", 2, None, 1000).edges
    assert len(two) > len(one)


def test_paths_of_one_length(store: GraphStore) -> None:
    params = {"source": "hospital:南昌市第一医院", "target": "region:360112", "limit": 10, "hub": 250}
    assert store.backend.read("paths_1", params) == []
    rows = store.backend.read("paths_2", params)
    assert rows and all(len(row["nodes"]) == 3 and len(row["edges"]) == 2 for row in rows)
    assert all(row["nodes"][0]["id"] == "hospital:南昌市第一医院" for row in rows)
    assert all(
        edge["source"] and edge["target"] and edge["evidence"] for row in rows for edge in row["edges"]
    )


def test_timeline_and_metric_counts(store: GraphStore) -> None:
    rows = store.backend.read("metric_timeline", {"metric": "家庭医生签约服务覆盖率", "limit": 1000})
    assert any(row["value"] == 60 and row["committer_id"] == "region:360112" for row in rows)
    metrics = store.backend.read("metrics", {"q": "家庭医生", "offset": 0, "limit": 10})
    assert "家庭医生签约服务覆盖率" in [row["metric"] for row in metrics]
    assert store.backend.read("count_metrics", {"q": "家庭医生"})[0]["total"] == len(metrics)


def test_document_text_search_and_facts(store: GraphStore) -> None:
    (document,) = store.backend.read("get_document", {"ref": XINJIAN_REPORT})
    text = document["document"]["text"]
    hits = store.backend.read("documents_containing", {"q": "新建区"})
    assert XINJIAN_REPORT in [row["file"] for row in hits]
    (row,) = [row for row in hits if row["file"] == XINJIAN_REPORT]
    assert row["hits"] == text.count("新建区") > 1  # counted in the database, no text returned
    assert set(row) == {"file", "hits"}
    params = {"file": XINJIAN_REPORT, "evidence_prefix": evidence_prefix(XINJIAN_REPORT)}
    facts = store.backend.read("document_facts", params)
    quotes = [ev for row in facts for ev in evidence_from_json(row["evidence"])]
    assert len(quotes) > 20 and all(text[ev["start"] : ev["end"]] == ev["quote"] for ev in quotes)


def test_program_queries_and_entity_resolution(store: GraphStore) -> None:
    (resolved,) = store.backend.read("resolve_entity", {"ref": "闻大翔", "label": None})
    assert resolved["node"]["label"] == "Official"
    (city,) = store.backend.read("resolve_entity", {"ref": "南昌", "label": "Region"})
    assert city["node"]["id"] == "region:360100"
    assert store.backend.read("resolve_entity", {"ref": "闻大翔", "label": "Region"}) == []
    edges = store.export()["edges"]
    partnering = {end for e in edges if e["type"] == "PARTNERS_WITH" for end in (e["source"], e["target"])}
    program_id = min(e["target"] for e in edges if e["type"] == "IMPLEMENTS" and e["source"] in partnering)
    (program,) = store.backend.read("get_program", {"id": program_id})
    assert program["node"]["id"] == program_id
    implementers = store.backend.read("program_implementers", {"id": program_id, "limit": 50, "quotes": 3})
    partners = store.backend.read("program_partners", {"id": program_id, "limit": 50, "quotes": 3})
    assert implementers and partners
    (counts,) = store.backend.read("program_link_counts", {"id": program_id})
    assert (counts["implementers"], counts["partners"]) == (len(implementers), len(partners))
    assert {row["implementer_id"] for row in partners} <= {row["entity"]["id"] for row in implementers}
