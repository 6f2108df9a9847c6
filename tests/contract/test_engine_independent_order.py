"""Results that a LIMIT cuts or a collect() builds come out in an explicit order, the same on
every engine, and the whole-graph delete works in batches."""

from __future__ import annotations

from api.neighborhood import walk
from graph.store import GraphStore


def test_metric_lists_are_sorted(store: GraphStore) -> None:
    rows = store.backend.read("metrics", {"q": None, "offset": 0, "limit": 1000})
    assert rows
    for row in rows:
        for key in ("years", "kinds", "units"):
            assert row[key] == sorted(row[key]), (row["metric"], key)
    assert any(len(row["years"]) > 1 for row in rows)


def test_neighbour_limit_keeps_the_nearest_edges(store: GraphStore) -> None:
    everything = walk(store, "region:360112", 2, None, 10_000).edges
    direct = walk(store, "region:360112", 1, None, 10_000).edges
    assert len(everything) > len(direct) > 3
    cut = walk(store, "region:360112", 2, None, len(direct)).edges
    assert cut == everything[: len(direct)]
    key = [(r["type"], r["source"]["id"], r["target"]["id"]) for r in cut]
    assert sorted(key) == sorted((r["type"], r["source"]["id"], r["target"]["id"]) for r in direct)
    assert key == sorted(key)


def test_path_limit_cuts_the_first_paths_by_their_ids(store: GraphStore) -> None:
    params = {"source": "region:360112", "target": "region:360000", "hub": 250}
    every = store.backend.read("paths_3", {**params, "limit": 10_000})
    assert len(every) > 2
    keys = [("|".join(n["id"] for n in p["nodes"]), "|".join(e["type"] for e in p["edges"])) for p in every]
    assert keys == sorted(keys)
    assert store.backend.read("paths_3", {**params, "limit": 2}) == every[:2]


def test_delete_all_runs_in_batches(store: GraphStore) -> None:
    total = sum(store.counts()["nodes"].values())
    assert store.backend.run("delete_all", {"batch": 7}) == [{"deleted": 7}]
    assert sum(store.counts()["nodes"].values()) == total - 7
    store.reset()
    assert store.counts() == {"nodes": {}, "edges": {}}
