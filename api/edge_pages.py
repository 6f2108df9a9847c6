"""An entity's edges in pages per type and direction, counted and cut in Cypher.

A busy entity (a province cited by every report) has thousands of edges and quotes: its detail
answer holds the counts of every group and a first page of each, every edge with its first few
quotes; further pages and quotes come from their own endpoints, never from slicing in Python.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import quote, urlencode

from api.schemas import EdgeCountPublic, EdgePublic, EntityPublic
from api.views import evidence_list
from graph.store import GraphStore

Direction = Literal["out", "in"]
EDGES_PER_GROUP = 20  # first page of each type and direction in the detail answer
QUOTES_PER_EDGE = 3  # first quotes of each edge in a page
ALL = 2**31 - 1  # "no cut" for ?edges=all (SKIP/LIMIT and list slices take integers)
QUERY_OF: dict[str, str] = {"out": "entity_outgoing_edges", "in": "entity_incoming_edges"}


def group_totals(rows: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """`count_entity_edges` rows as (type, direction) -> edges, for every group the entity has."""
    return {(row["type"], row["direction"]): row["total"] for row in rows if row["total"]}


def page_read(
    entity_id: str, direction: str, edge_type: str | None, offset: int, limit: int, quotes: int
) -> tuple[str, dict[str, Any]]:
    params = {"id": entity_id, "type": edge_type, "offset": offset, "limit": limit, "quotes": quotes}
    return QUERY_OF[direction], params


def page_edges(rows: list[dict[str, Any]], direction: str) -> list[EdgePublic]:
    return [
        EdgePublic(
            type=row["type"],
            direction=direction,
            other=EntityPublic(id=row["other_id"], label=row["other_label"], name=row["other_name"]),
            evidence=evidence_list(row["evidence"]),
            quotes=row["quotes"],
        )
        for row in rows
    ]


def edge_page(
    store: GraphStore, entity_id: str, direction: str, edge_type: str | None,
    offset: int, limit: int, quotes: int,
) -> list[EdgePublic]:  # fmt: skip
    query, params = page_read(entity_id, direction, edge_type, offset, limit, quotes)
    return page_edges(store.backend.read(query, params), direction)


def page_url(entity_id: str, edge_type: str, direction: str, offset: int, limit: int, quotes: int) -> str:
    query = urlencode(
        {"type": edge_type, "direction": direction, "offset": offset, "limit": limit, "quotes": quotes}
    )
    return f"/api/entities/{quote(entity_id, safe='')}/edges?{query}"


def next_url(
    entity_id: str, edge_type: str, direction: str, offset: int, shown: int, total: int,
    limit: int, quotes: int,
) -> str | None:  # fmt: skip
    after = offset + shown
    return page_url(entity_id, edge_type, direction, after, limit, quotes) if after < total else None


def first_pages(
    store: GraphStore, entity_id: str, limit: int, quotes: int, counts: dict[tuple[str, str], int]
) -> tuple[dict[str, list[EdgePublic]], list[EdgeCountPublic], bool]:
    """Per type the first `limit` edges of each direction (out first), the counts, and whether
    that is every edge with every quote. The groups' pages are read together (one round trip
    on FalkorDB)."""
    edges: dict[str, list[EdgePublic]] = {}
    groups: list[EdgeCountPublic] = []
    complete = True
    keys = sorted(counts, key=lambda key: (key[0], key[1] != "out"))
    pages = store.backend.read_many([page_read(entity_id, d, t, 0, limit, quotes) for t, d in keys])
    for (edge_type, direction), rows in zip(keys, pages, strict=True):
        total = counts[(edge_type, direction)]
        page = page_edges(rows, direction)
        edges.setdefault(edge_type, []).extend(page)
        more = next_url(entity_id, edge_type, direction, 0, len(page), total, limit, quotes)
        group = EdgeCountPublic(type=edge_type, direction=direction, total=total, shown=len(page), next=more)  # type: ignore[arg-type]
        groups.append(group)
        complete = complete and more is None and all(edge.quotes == len(edge.evidence) for edge in page)
    return edges, groups, complete


def every_edge(
    store: GraphStore, entity_id: str
) -> tuple[dict[str, list[EdgePublic]], list[EdgeCountPublic]]:
    """Every edge with every quote (?edges=all, for scripts), grouped by type as before pages."""
    edges: dict[str, list[EdgePublic]] = {}
    shown: dict[tuple[str, str], int] = {}
    for direction in ("out", "in"):
        for edge in edge_page(store, entity_id, direction, None, 0, ALL, ALL):
            edges.setdefault(edge.type, []).append(edge)
            shown[(edge.type, direction)] = shown.get((edge.type, direction), 0) + 1
    groups = [
        EdgeCountPublic(type=t, direction=d, total=n, shown=n, next=None)  # type: ignore[arg-type]
        for (t, d), n in sorted(shown.items(), key=lambda item: (item[0][0], item[0][1] != "out"))
    ]
    return dict(sorted(edges.items())), groups
