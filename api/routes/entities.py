from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response

from api.deps import StoreDep
from api.edge_pages import (
    EDGES_PER_GROUP,
    QUOTES_PER_EDGE,
    Direction,
    every_edge,
    first_pages,
    group_totals,
    next_url,
    page_edges,
    page_read,
)
from api.errors import ApiError
from api.neighborhood import HUB_EDGES, walk
from api.params import Limit, Offset
from api.responses import model_response
from api.schemas import (
    EdgePagePublic,
    EntitiesPublic,
    EntityDetailPublic,
    EntityPublic,
    EntityRefPublic,
    GraphEdgePublic,
    QuotesPagePublic,
    SubgraphPublic,
)
from api.views import evidence_list
from graph.rows import public_node
from loaders.models import EDGE_TYPES, NodeLabel

router = APIRouter(prefix="/api/entities", tags=["entities"])

# `:path` in the routes: an id may hold '/' (a program or hospital name can); neighbours is declared
# before the detail route, which would otherwise swallow ".../neighbors".
EntityId = Annotated[str, Path(description="node id, e.g. region:360112", examples=["region:360112"])]
NOT_FOUND = {404: {"description": "no entity has this id"}}


def _entity_or_404(store: StoreDep, entity_id: str) -> EntityPublic:
    return _entity_view(store.backend.read("get_entity_view", {"id": entity_id}), entity_id)


def _entity_view(rows: list[dict[str, Any]], entity_id: str) -> EntityPublic:
    """A `get_entity_view` answer: its properties in the node's own order (as `n {.*}` had them)."""
    if not rows:
        raise ApiError(404, f"no entity with id '{entity_id}'")
    node = rows[0]["node"]
    ordered = {key: node[key] for key in rows[0]["keys"] if key in node}
    return EntityPublic(**public_node({**ordered, **node}))


@router.get(
    "",
    response_model=EntitiesPublic,
    summary="Find entities by name or alias (substring)",
    description="Substring match, so 南昌 finds 南昌市 and 南昌市第一医院; shortest names first.",
)
def search_entities(
    store: StoreDep,
    q: Annotated[
        str | None, Query(description="substring of the name or an alias", examples=["新建区"])
    ] = None,
    label: Annotated[
        NodeLabel | None, Query(description="only nodes of this label", examples=["Hospital"])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    # With a term, an index finds the matches; without one, every entity is listed.
    params: dict[str, object] = {"q": q, "label": label} if q else {"label": label}
    search, count = ("search_entities", "count_search_entities") if q else ("list_entities", "count_entities")
    rows, counted = store.backend.read_many(
        [(search, {**params, "limit": limit, "offset": offset}), (count, params)]
    )
    total = counted[0]["total"]
    return model_response(
        EntitiesPublic(
            data=[EntityPublic(**public_node(row["node"])) for row in rows],
            total=total,
            limit=limit,
            offset=offset,
        )
    )


# The schema states the allowed values (a comma-separated list cannot be an OpenAPI enum).
EDGE_TYPES_PATTERN = f"^({'|'.join(EDGE_TYPES)})(,({'|'.join(EDGE_TYPES)}))*$"


@router.get(
    "/{entity_id:path}/neighbors",
    response_model=SubgraphPublic,
    summary="The subgraph within `depth` hops, as nodes and edges for a drawing",
    description="Edges are followed in either direction; `types` (comma-separated) limits every hop. "
    f"Edges nearest the entity come first (then by type and ends) up to `limit`; a node other than "
    f"the entity with more than {HUB_EDGES} edges is not expanded (it is listed in `hubs`).",
    responses={**NOT_FOUND, 422: {"description": "depth outside 1..3 or an unknown edge type"}},
)
def neighbors(
    store: StoreDep,
    entity_id: EntityId,
    depth: Annotated[int, Query(ge=1, le=3, description="hops from the entity", examples=[2])] = 1,
    types: Annotated[
        str | None,
        Query(
            description=f"comma-separated edge types, each one of {', '.join(EDGE_TYPES)}",
            examples=["PARTNERS_WITH,LOCATED_IN"],
            pattern=EDGE_TYPES_PATTERN,
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="at most this many edges", examples=[300])] = 300,
) -> SubgraphPublic:
    wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
    unknown = sorted(set(wanted or []) - set(EDGE_TYPES))
    if unknown:
        raise ApiError(422, f"unknown edge type(s) {', '.join(unknown)}; known: {', '.join(EDGE_TYPES)}")
    center = _entity_or_404(store, entity_id)
    found = walk(store, entity_id, depth, wanted, limit)
    rows, truncated = found.edges, found.truncated
    nodes = {center.id: EntityRefPublic(id=center.id, label=center.label, name=center.name)}
    edges = []
    for row in rows:
        for end in (row["source"], row["target"]):
            nodes.setdefault(end["id"], EntityRefPublic(**end))
        edges.append(
            GraphEdgePublic(
                type=row["type"], source=row["source"]["id"], target=row["target"]["id"], quotes=row["quotes"]
            )
        )
    return SubgraphPublic(
        center=center.id, depth=depth, nodes=list(nodes.values()), edges=edges, truncated=truncated,
        hubs=found.hubs,
    )  # fmt: skip


EdgeType = Annotated[
    str,
    Query(
        description=f"one of {', '.join(EDGE_TYPES)}",
        examples=["IMPLEMENTS"],
        pattern=f"^({'|'.join(EDGE_TYPES)})$",
    ),
]
DirectionParam = Annotated[
    Direction, Query(description="'out': this entity is the source; 'in': it is the target", examples=["out"])
]
QuotesParam = Annotated[
    int, Query(ge=0, le=100, description="first quotes per edge (the rest from /quotes)", examples=[3])
]


@router.get(
    "/{entity_id:path}/edges",
    response_model=EdgePagePublic,
    summary="One page of an entity's edges of one type and direction",
    description="Ordered by the other end's id; `total` counts the whole group, `next` links the next "
    "page. Each edge has its first `quotes` quotes and `quotes` (the count of all).",
    responses={**NOT_FOUND, 422: {"description": "an unknown type or direction, or a bad page"}},
)
def entity_edges(
    store: StoreDep,
    entity_id: EntityId,
    type: EdgeType,  # noqa: A002 - the API's parameter name
    direction: DirectionParam,
    limit: Annotated[
        int, Query(ge=1, le=200, description="page size (1–200)", examples=[20])
    ] = EDGES_PER_GROUP,
    offset: Offset = 0,
    quotes: QuotesParam = QUOTES_PER_EDGE,
) -> Response:
    found, counted, rows = store.backend.read_many([
        ("get_entity_view", {"id": entity_id}), ("count_entity_edges", {"id": entity_id}),
        page_read(entity_id, direction, type, offset, limit, quotes),
    ])  # fmt: skip
    center = _entity_view(found, entity_id)
    total = group_totals(counted).get((type, direction), 0)
    data = page_edges(rows, direction)
    return model_response(EdgePagePublic(
        entity=EntityRefPublic(id=center.id, label=center.label, name=center.name),
        type=type, direction=direction, data=data, total=total, limit=limit, offset=offset,
        next=next_url(entity_id, type, direction, offset, len(data), total, limit, quotes),
    ))  # fmt: skip


@router.get(
    "/{entity_id:path}/quotes",
    response_model=QuotesPagePublic,
    summary="One page of the quotes of one of an entity's edges",
    description="The edge is named by its type, its direction from this entity and the other end's id.",
    responses={404: {"description": "no such entity or edge"}},
)
def edge_quotes(
    store: StoreDep,
    entity_id: EntityId,
    type: EdgeType,  # noqa: A002 - the API's parameter name
    direction: DirectionParam,
    other: Annotated[str, Query(description="the other end's id", examples=["region:360100"])],
    limit: Limit = 50,
    offset: Offset = 0,
) -> QuotesPagePublic:
    _entity_or_404(store, entity_id)
    source, target = (entity_id, other) if direction == "out" else (other, entity_id)
    params = {"source": source, "target": target, "type": type, "offset": offset, "limit": limit}
    rows = store.backend.read("edge_quotes", params)
    if not rows:
        raise ApiError(404, f"no {type} edge from '{source}' to '{target}'")
    return QuotesPagePublic(
        type=type, source=source, target=target, data=evidence_list(rows[0]["evidence"]),
        total=rows[0]["total"], limit=limit, offset=offset,
    )  # fmt: skip


@router.get(
    "/{entity_id:path}",
    response_model=EntityDetailPublic,
    summary="One entity with the counts of its edges per type, a first page of each, and their evidence",
    description="Its own properties, then its edges in or out grouped by relationship type: per type "
    "and direction the first `limit` edges (by the other end's id), each with the other end, its first "
    "`quotes` quotes and how many there are. `edge_counts` gives every group's total and the URL of "
    "its next page (/edges); `?edges=all` returns every edge with every quote instead.",
    responses=NOT_FOUND,
)
def get_entity(
    store: StoreDep,
    entity_id: EntityId,
    edges: Annotated[
        Literal["page", "all"],
        Query(
            description="'page' (default): first pages and counts; 'all': every edge and quote",
            examples=["page"],
        ),
    ] = "page",
    limit: Annotated[
        int, Query(ge=1, le=200, description="edges per type and direction (1–200)", examples=[20])
    ] = EDGES_PER_GROUP,
    quotes: QuotesParam = QUOTES_PER_EDGE,
) -> Response:
    if edges == "all":
        entity = _entity_or_404(store, entity_id)
        grouped, counts = every_edge(store, entity_id)
        return model_response(
            EntityDetailPublic(entity=entity, edges=grouped, edge_counts=counts, complete=True)
        )
    found, counted = store.backend.read_many(
        [("get_entity_view", {"id": entity_id}), ("count_entity_edges", {"id": entity_id})]
    )
    entity = _entity_view(found, entity_id)
    grouped, counts, complete = first_pages(store, entity_id, limit, quotes, group_totals(counted))
    return model_response(
        EntityDetailPublic(entity=entity, edges=grouped, edge_counts=counts, complete=complete)
    )
