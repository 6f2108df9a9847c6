"""`read_many`: the reads of one answer together; FalkorDB sends them in one round trip with the
incomplete documents' read and sends again only when a document is being written."""

from __future__ import annotations

from api.ingest import ingest_paths
from graph.store import GraphStore
from tests.conftest import SAMPLES

STEPS = [
    ("list_entities", {"label": None, "offset": 0, "limit": 1000}),
    ("count_entities", {"label": None}),
    ("count_search_entities", {"q": "医院", "label": None}),
]


def test_read_many_equals_reads_one_by_one_and_hides_a_document_being_written(
    empty_store: GraphStore,
) -> None:
    files = sorted(SAMPLES.glob("*.txt"))[:2]
    ingest_paths(empty_store, files)
    backend = empty_store.backend
    together = backend.read_many(STEPS)
    assert together == [backend.read(name, params) for name, params in STEPS]
    total = together[1][0]["total"]
    assert len(together[0]) == total > 0

    # The second document as a crash or a running ingest leaves it: its facts must not show.
    backend.execute(
        "MATCH (d:Document {file: $file}) SET d.complete = false", {"file": files[1].name}, read_only=False
    )
    hidden = backend.read_many(STEPS)
    assert hidden == [backend.read(name, params) for name, params in STEPS]
    assert hidden == [backend.read(name, {**params, "incomplete": [files[1].name]}) for name, params in STEPS]
    assert 0 < hidden[1][0]["total"] < total
    assert len(hidden[0]) == hidden[1][0]["total"]


def test_read_many_of_nothing_and_of_queries_without_incomplete(empty_store: GraphStore) -> None:
    backend = empty_store.backend
    assert backend.read_many([]) == []
    assert backend.read_many([("count_documents", {})]) == [[{"total": 0}]]
