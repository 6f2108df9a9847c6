"""The API's lookups are served by indexes (their plans), and answer what the old scans answered."""

from __future__ import annotations

from typing import Any

import pytest

from graph.rows import evidence_prefix, search_grams
from graph.store import GraphStore

SEARCHES = ("南昌", "南昌市", "市", "医院", "家庭医生", "不存在的名字")


def _sample_file(store: GraphStore) -> str:
    rows = store.backend.read("list_documents", {"offset": 0, "limit": 1})
    return rows[0]["document"]["file"]


def _named_queries(store: GraphStore) -> dict[str, dict[str, Any]]:
    file = _sample_file(store)
    doc = {"file": file, "evidence_prefix": evidence_prefix(file)}
    page = {"offset": 0, "limit": 20}
    commitment = {"by": None, "metric": None, "year": None, "kind": None, "committers": None, **page}
    return {
        "search_entities": {"q": "南昌", "label": None, **page},
        "count_search_entities": {"q": "南昌", "label": None},
        "resolve_entity": {"ref": "南昌", "label": None},
        "entities_named": {"ref": "南昌"},
        "document_facts": doc,
        "count_mentions_of_document": {"file": file},
        "delete_edges_only_in_document": doc,
        "retract_document_edges": doc,
        "delete_nodes_only_in_document": doc,
        "retract_document_nodes": doc,
        "commitments_of": {**commitment, "committers": ["region:360100"]},
        "commitments_by_metric": {**commitment, "metric": "家庭医生"},
        "commitments_in_year": {**commitment, "year": 2025},
        "incomplete_documents": {},
    }


def test_every_lookup_plan_starts_from_an_index(sample_store: GraphStore) -> None:
    graph = sample_store.backend._graph
    for name, params in _named_queries(sample_store).items():
        plan = str(graph.explain(sample_store.backend.catalog[name].text, params))
        assert "Label Scan" not in plan and "All Node Scan" not in plan, f"{name} scans:\n{plan}"
        assert "Index Scan" in plan, f"{name} uses no index:\n{plan}"


def _all_entities(store: GraphStore) -> list[dict[str, Any]]:
    rows = store.backend.read("list_entities", {"label": None, "offset": 0, "limit": 100_000})
    return [row["node"] for row in rows]


@pytest.mark.parametrize("q", SEARCHES)
def test_search_finds_every_substring_match(sample_store: GraphStore, q: str) -> None:
    everyone = _all_entities(sample_store)
    expected = sorted(
        (len(n["name"]), n["id"]) for n in everyone
        if q in n["name"] or any(q in a for a in n.get("aliases") or [])
    )  # fmt: skip
    rows = sample_store.backend.read("search_entities", {"q": q, "label": None, "offset": 0, "limit": 1000})
    assert [(len(r["node"]["name"]), r["node"]["id"]) for r in rows] == expected
    total = sample_store.backend.read("count_search_entities", {"q": q, "label": None})[0]["total"]
    assert total == len(expected)
    if q == "南昌":
        names = {r["node"]["name"] for r in rows}
        assert {"南昌市", "南昌县"} <= names


def test_resolve_by_id_then_name_then_alias(sample_store: GraphStore) -> None:
    everyone = _all_entities(sample_store)
    with_alias = next(n for n in everyone if n.get("aliases") and n["label"] != "Document")
    for ref in (with_alias["id"], with_alias["name"], with_alias["aliases"][0]):
        expected = min(
            (n for n in everyone
             if ref in (n["id"], n["name"]) or ref in (n.get("aliases") or [])),
            key=lambda n: (0 if n["id"] == ref else 1 if n["name"] == ref else 2, len(n["id"]), n["id"]),
        )  # fmt: skip
        (row,) = sample_store.backend.read("resolve_entity", {"ref": ref, "label": None})
        assert row["node"]["id"] == expected["id"]


def test_document_facts_through_fact_lists_equal_the_scan(sample_store: GraphStore) -> None:
    documents = sample_store.backend.read("list_documents", {"offset": 0, "limit": 100})
    assert len(documents) >= 2
    for row in documents:
        file = row["document"]["file"]
        params = {"file": file, "evidence_prefix": evidence_prefix(file)}
        indexed = sample_store.backend.read("document_facts", params)
        assert indexed, file
        assert indexed == sample_store.backend.read("document_facts_by_scan", params)
        mentions = sample_store.backend.read("count_mentions_of_document", {"file": file})
        by_scan = sample_store.backend.read("count_mentions_of_document_by_scan", {"file": file})
        assert mentions[0]["total"] == by_scan[0]["total"] - 1  # the scan counts the Document too
    counts = {r["file"]: r["facts"] for r in sample_store.backend.read("document_fact_counts")}
    for row in documents:
        file = row["document"]["file"]
        params = {"file": file, "evidence_prefix": evidence_prefix(file)}
        assert counts[file] == len(sample_store.backend.read("document_facts_by_scan", params))


def test_search_answers_name_every_model_property() -> None:
    import re

    from graph.queries import QueryCatalog
    from loaders import models

    fields = {
        name for cls in (models.Region, models.Official, models.Organization, models.Hospital,
                         models.Program, models.Target, models.Document)
        for name in cls.model_fields
    } - {"evidence"}  # fmt: skip
    for engine in ("falkordb", "neo4j"):
        for name in ("search_entities", "get_entity_view"):
            text = QueryCatalog(engine)[name].text
            projected = set(re.findall(r"\.(\w+)", text.split("RETURN", 1)[1].split("AS node")[0]))
            assert projected == fields, (engine, name)


def test_search_grams_cover_every_substring() -> None:
    grams = set(search_grams(["南昌市", "洪都"]))
    assert {"南", "南昌", "昌市", "市", "洪都"} <= grams
    assert "南市" not in grams


def test_old_graph_gains_fact_lists(empty_store: GraphStore) -> None:
    from api.ingest import extract_paths
    from tests.conftest import SAMPLES

    extractions = extract_paths(sorted(SAMPLES.glob("*.txt"))[:2])
    for extraction in extractions:
        empty_store.ingest(extraction)
    backend = empty_store.backend
    search = {"q": "南昌", "label": None, "offset": 0, "limit": 100}
    found = backend.read("search_entities", search)
    grams = {r["id"]: r["grams"] for r in backend.execute(
        "MATCH (n:Entity) RETURN n.id AS id, n.grams AS grams", {}, read_only=True)}  # fmt: skip
    backend.execute("MATCH (d:Document) REMOVE d.fact_nodes, d.fact_edges", {}, read_only=False)
    # (one property per REMOVE: FalkorDB 4.16 dropped another property of nodes lacking one named)
    for prop in ("grams", "search"):
        backend.execute(f"MATCH (n:Entity) REMOVE n.{prop}", {}, read_only=False)
    backend.execute("MATCH (n:Target) REMOVE n.metric_grams", {}, read_only=False)
    assert len(backend.read("documents_without_fact_lists")) == len(extractions)
    assert backend.read("search_entities", search) == []
    GraphStore(backend).ensure_schema()  # what a new version does on an old data directory
    assert backend.read("documents_without_fact_lists") == []
    again = backend.read("search_entities", search)
    assert {r["node"]["id"] for r in again} == {r["node"]["id"] for r in found}
    assert found and again == found
    rebuilt = {r["id"]: r["grams"] for r in backend.execute(
        "MATCH (n:Entity) RETURN n.id AS id, n.grams AS grams", {}, read_only=True)}  # fmt: skip
    assert {k: set(v) for k, v in rebuilt.items()} == {k: set(v) for k, v in grams.items()}
    first = extractions[0].document.file
    params = {"file": first, "evidence_prefix": evidence_prefix(first)}
    assert backend.read("document_facts", params) == backend.read("document_facts_by_scan", params)
    # Retraction through the rebuilt lists leaves what the other document alone would have.
    empty_store.retract(first)
    left = empty_store.export()
    assert all(ev["doc"] != first for e in left["edges"] for ev in e["evidence"])
    assert backend.read("count_mentions_of_document_by_scan", {"file": first})[0]["total"] == 0


def test_retraction_restores_the_graph_without_the_document(empty_store: GraphStore) -> None:
    from api.ingest import extract_paths
    from tests.conftest import SAMPLES

    first, second = extract_paths(sorted(SAMPLES.glob("*.txt"))[:2])
    empty_store.ingest(first)
    alone = empty_store.export()
    empty_store.ingest(second)
    empty_store.retract(second.document.file)
    after = empty_store.export()
    assert after["edges"] == alone["edges"]  # every quote of the first document, none of the second
    # (aliases a retracted document added stay, as before: they are not tracked per document)
    assert [n["id"] for n in after["nodes"]] == [n["id"] for n in alone["nodes"]]
    empty_store.ingest(second)
    empty_store.ingest(second)  # unchanged: skipped
    empty_store.retract(first.document.file)
    empty_store.retract(second.document.file)
    assert empty_store.export() == {"nodes": [], "edges": []}


def test_busy_node_evidence_has_no_duplicates_after_a_repair(empty_store: GraphStore) -> None:
    from api.ingest import extract_paths
    from tests.conftest import SAMPLES

    (extraction,) = extract_paths(sorted(SAMPLES.glob("*.txt"))[:1])
    steps = empty_store.document_steps(extraction)
    empty_store.backend.write_all(steps[:-1])  # an ingest that stopped before its last step
    empty_store.backend.write_all(steps[:-1])  # the same rows again: lists must not double
    nodes = empty_store.stored_graph()["nodes"]
    for node in nodes:
        assert len(node.get("evidence") or []) == len(set(node.get("evidence") or [])), node["id"]
        assert len(node.get("docs") or []) == len(set(node.get("docs") or [])), node["id"]
    assert empty_store.ingest(extraction).status == "repaired"


NEO4J_SCANS = (
    "NodeByLabelScan", "AllNodesScan", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
)  # fmt: skip


def neo4j_plan(backend: Any, text: str, params: dict[str, Any]) -> list[str]:
    """Neo4j's EXPLAIN plan as indented operator lines (with the index it uses)."""
    with backend._driver.session(database=backend.database) as session:
        plan = session.run("EXPLAIN " + text, params).consume().plan
    lines: list[str] = []

    def walk(step: dict[str, Any], depth: int) -> None:
        details = step.get("args", {}).get("Details", "")
        operator = step["operatorType"].split("@")[0]
        lines.append("    " * depth + operator + (f" | {details}" if details else ""))
        for child in step.get("children", []):
            walk(child, depth + 1)

    walk(plan, 0)
    return lines


def test_every_lookup_plan_starts_from_an_index_on_neo4j(neo4j_server: Any) -> None:
    from api.ingest import extract_paths
    from graph.backend import connect
    from tests.conftest import SAMPLES

    with connect(neo4j_server.settings("indexed_plans")) as backend:
        store = GraphStore(backend)
        store.reset()
        for extraction in extract_paths(sorted(SAMPLES.glob("*.txt"))[:2]):
            store.ingest(extraction)
        for name, params in _named_queries(store).items():
            params = {**params, "incomplete": []}
            plan = "\n".join(neo4j_plan(backend, backend.catalog[name].text, params))
            assert not any(scan in plan for scan in NEO4J_SCANS), f"{name} scans:\n{plan}"
            assert "Index" in plan, f"{name} uses no index:\n{plan}"
        everyone = _all_entities(store)
        for q in SEARCHES:
            rows = backend.read("search_entities", {"q": q, "label": None, "offset": 0, "limit": 1000})
            expected = sorted(
                (len(n["name"]), n["id"]) for n in everyone
                if q in n["name"] or any(q in a for a in n.get("aliases") or [])
            )  # fmt: skip
            assert [(len(r["node"]["name"]), r["node"]["id"]) for r in rows] == expected, q
        assert len(backend.read("search_entities", {"q": "南昌", "label": None, "offset": 0, "limit": 9})) > 1
        (row,) = backend.read("resolve_entity", {"ref": "南昌", "label": "Region"})
        assert row["node"]["id"] == "region:360100"
