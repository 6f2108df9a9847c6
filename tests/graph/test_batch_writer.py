"""Documents written together in batches store exactly what one-at-a-time ingests store, with the
same statuses; merging keeps every document's own order of queries."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.ingest import extract_paths
from api.ingest_stream import ingest_stream
from graph.backend import GraphBackend, connect
from graph.batch_writer import merge_steps, split_rows
from graph.store import GraphStore
from tests.conftest import SAMPLES


def _canonical(graph: dict[str, list[dict[str, Any]]]) -> tuple[list, list]:
    nodes = sorted(graph["nodes"], key=lambda n: n["id"])
    edges = sorted(graph["edges"], key=lambda e: (e["type"], e["source"], e["target"]))
    return nodes, edges


def _names(steps: list) -> list[str]:
    return [name for name, _ in steps]


def _step(name: str, *keys: str) -> tuple[str, dict]:
    return (name, {"rows": [{"id": key} for key in keys]})


def test_merging_keeps_every_documents_order_of_queries() -> None:
    a = [_step("upsert_region", "r1"), _step("upsert_hospital", "h1"), _step("upsert_located_in", "e1")]
    b = [_step("upsert_region", "r2"), _step("upsert_program", "p1"), _step("upsert_implements", "e2"),
         _step("upsert_located_in", "e3")]  # fmt: skip
    merged = merge_steps([a, b])
    assert _names(merged) == [
        "upsert_region", "upsert_hospital", "upsert_program", "upsert_implements", "upsert_located_in"
    ]  # fmt: skip
    assert [len(params["rows"]) for _, params in merged] == [2, 1, 1, 1, 2]
    # Two documents naming their labels in opposite orders: still one valid sequence for each.
    c = [_step("x", "1"), _step("y", "2"), _step("edge", "3")]
    d = [_step("y", "4"), _step("x", "5"), _step("edge", "6")]
    names = _names(merge_steps([c, d]))
    assert names[-1] == "edge" and names.count("edge") == 1
    for own in (c, d):
        rest = iter(names)
        assert all(name in rest for name in _names(own)), f"{_names(own)} is not in order in {names}"


def test_one_call_never_repeats_a_key_and_keeps_each_keys_order() -> None:
    rows = [
        {"id": "a", "n": 1},
        {"id": "b", "n": 1},
        {"id": "a", "n": 2},
        {"id": "c", "n": 1},
        {"id": "a", "n": 3},
    ]
    calls = split_rows(rows, size=2)
    for call in calls:
        ids = [row["id"] for row in call]
        assert len(ids) == len(set(ids)) and len(call) <= 2
    flat = [row for call in calls for row in call]
    assert [row["n"] for row in flat if row["id"] == "a"] == [1, 2, 3]
    assert sorted(map(str, flat)) == sorted(map(str, rows))


def test_merged_steps_hold_every_row_once() -> None:
    doc1 = [
        ("upsert_region", {"rows": [{"id": "r1"}]}),
        ("upsert_part_of", {"rows": [{"source": "r1", "target": "r2"}]}),
    ]
    doc2 = [("upsert_region", {"rows": [{"id": "r1"}, {"id": "r3"}]})]
    merged = merge_steps([doc1, doc2])
    assert [name for name, _ in merged] == ["upsert_region", "upsert_region", "upsert_part_of"]
    assert [len(params["rows"]) for _, params in merged] == [2, 1, 1]


@pytest.fixture(params=["embedded", "neo4j"])
def backend_for(
    request: pytest.FixtureRequest, open_graph: Callable[[str], GraphBackend]
) -> Callable[[str], GraphBackend]:
    if request.param == "embedded":
        return open_graph
    server = request.getfixturevalue("neo4j_server")
    opened: list[GraphBackend] = []
    request.addfinalizer(lambda: [backend.close() for backend in opened])

    def _open(name: str) -> GraphBackend:
        opened.append(connect(server.settings(name)))
        return opened[-1]

    return _open


def test_batched_ingest_stores_what_one_at_a_time_stores(backend_for: Callable[[str], GraphBackend]) -> None:
    one_by_one = GraphStore(backend_for("batch_single"))
    one_by_one.reset()
    for extraction in extract_paths([SAMPLES]):
        one_by_one.ingest(extraction)
    batched = GraphStore(backend_for("batch_merged"))
    batched.reset()
    summary = ingest_stream(batched, [SAMPLES], workers=2, min_rows=100_000)
    assert [o.status for o in summary.outcomes] == ["loaded"] * 5
    assert summary.batches == 1, "all five samples in one batch"
    assert _canonical(batched.stored_graph()) == _canonical(one_by_one.stored_graph())
    assert batched.counts() == one_by_one.counts()
    assert not batched.backend.incomplete_files()


def test_statuses_hold_in_batches(empty_store: GraphStore, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(SAMPLES, folder)
    first = ingest_stream(empty_store, [folder], workers=2, min_rows=1)
    assert first.count("loaded") == 5 and first.batches == 5
    before = empty_store.counts()
    again = ingest_stream(empty_store, [folder], workers=1)
    assert again.count("unchanged") == 5 and again.batches == 0, "nothing extracted or written"
    assert empty_store.counts() == before
    changed = sorted(folder.glob("*.txt"))[0]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n南昌市卫生健康委员会召开会议。\n", encoding="utf-8"
    )
    third = ingest_stream(empty_store, [folder], workers=2)
    assert (third.count("replaced"), third.count("unchanged")) == (1, 4)
    assert empty_store.counts()["nodes"]["Document"] == 5


def test_identical_texts_in_one_run_are_one_document(empty_store: GraphStore, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    sample = sorted(SAMPLES.glob("*.txt"))[1]
    for name in ("b_copy.txt", "a_copy.txt", "c_copy.txt"):
        shutil.copy(sample, folder / name)
    summary = ingest_stream(empty_store, [folder], workers=2)
    assert [(o.file, o.status, o.duplicate_of) for o in sorted(summary.outcomes, key=lambda o: o.file)] == [
        ("a_copy.txt", "loaded", None),
        ("b_copy.txt", "duplicate", "a_copy.txt"),
        ("c_copy.txt", "duplicate", "a_copy.txt"),
    ]
    assert "2 duplicates of already loaded documents" in summary.describe()
    (document,) = [n for n in empty_store.export()["nodes"] if n["label"] == "Document"]
    assert document["aliases"] == ["b_copy.txt", "c_copy.txt"]
    # A later run names the copies again: nothing to extract, nothing changes.
    again = ingest_stream(empty_store, [folder, sample], workers=2)
    assert again.count("unchanged") == 3 and again.count("duplicate") == 1
