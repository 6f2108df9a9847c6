"""Concurrent ingests of different documents that share entities leave the graph a serial run
leaves: no duplicate node or edge, no lost quote (Neo4j runs writes in parallel; its uniqueness
constraints and MERGE's locks must hold that)."""

from __future__ import annotations

import threading
from collections import Counter

from graph.store import GraphStore
from loaders.models import DocumentExtraction

ROUNDS = 3


def _snapshot(store: GraphStore) -> tuple[dict, dict]:
    """Nodes as stored (with their `docs` and `evidence` lists) by id; edges' quotes by key."""
    export = store.export()
    stored = store.backend.read("export_nodes", {"offset": 0, "limit": 100_000})
    nodes = {row["node"]["id"]: row["node"] for row in stored}
    edges = {(e["type"], e["source"], e["target"]): sorted(map(str, e["evidence"])) for e in export["edges"]}
    return nodes, edges


def _ingest_together(store: GraphStore, extractions: list[DocumentExtraction]) -> list[BaseException]:
    start = threading.Barrier(len(extractions))
    failures: list[BaseException] = []

    def ingest(extraction: DocumentExtraction) -> None:
        start.wait()
        try:
            GraphStore(store.backend).ingest(extraction)
        except BaseException as exc:  # collected and asserted on below
            failures.append(exc)

    threads = [threading.Thread(target=ingest, args=(e,)) for e in extractions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return failures


def test_concurrent_ingest_matches_a_serial_one(
    store: GraphStore, sample_extractions: list[DocumentExtraction]
) -> None:
    mentions = Counter(node_id for e in sample_extractions for node_id in {n.id for n in e.nodes})
    assert sum(1 for count in mentions.values() if count > 1) > 20, "the samples share entities"
    serial_counts = store.counts()
    serial = _snapshot(store)
    for _ in range(ROUNDS):
        store.reset()
        store.ensure_schema()
        assert _ingest_together(store, sample_extractions) == []
        assert store.counts() == serial_counts
        nodes, edges = _snapshot(store)
        assert nodes.keys() == serial[0].keys()
        assert edges == serial[1]
        # Shared nodes keep every document's mention and quote (no update lost between writers).
        for key in ("docs", "evidence", "aliases"):
            assert {k: sorted(v.get(key) or []) for k, v in nodes.items()} == {
                k: sorted(v.get(key) or []) for k, v in serial[0].items()
            }, key
