"""The subgraph within a few hops of an entity, walked one hop at a time with bounded work.

One query per hop (cypher/neighbors.cypher): the edges of the nodes the previous hop reached,
ordered and cut in the database. The answer is what the former one-query-per-depth version
returned (edges nearest the centre first, then by type and ends), except that a node other than
the centre with more than `HUB_EDGES` edges is a dead end: it is drawn, listed in `hubs`, and not
expanded, so a depth-2 look at a hospital does not read all of its province's edges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.store import GraphStore

HUB_EDGES = 250  # a node with more edges is a hub: shown, not walked through (paths too)


@dataclass
class Neighborhood:
    edges: list[dict[str, Any]] = field(default_factory=list)  # rows of `neighbor_edges`, in order
    truncated: bool = False
    hubs: list[str] = field(default_factory=list)


def walk(
    store: GraphStore, center: str, depth: int, types: list[str] | None, limit: int, hub: int = HUB_EDGES
) -> Neighborhood:
    """Edges within `depth` hops of `center`, at most `limit` of them."""
    found = Neighborhood()
    inner: list[str] = []  # nodes nearer the centre than the frontier
    frontier = [center]
    for hop in range(1, depth + 1):
        if hop > 1:
            busy = store.backend.read("busy_entities", {"ids": frontier, "hub": hub})
            hubs = {row["id"] for row in busy}
            found.hubs += sorted(hubs)
            frontier = [node for node in frontier if node not in hubs]
        if not frontier:
            break
        room = limit - len(found.edges)
        params = {"frontier": frontier, "inner": inner, "types": types, "limit": room + 1}
        rows = store.backend.read("neighbor_edges", params)
        if len(rows) > room:
            found.edges += rows[:room]
            found.truncated = True
            break
        found.edges += rows
        reached = set(inner) | set(frontier) | set(found.hubs)
        inner += frontier
        frontier = sorted({end["id"] for row in rows for end in (row["source"], row["target"])} - reached)
    return found
