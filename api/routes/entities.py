from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.errors import ApiError
from api.params import Limit, Offset
from api.schemas import (
    EdgePublic,
    EntitiesPublic,
    EntityDetailPublic,
    EntityPublic,
    EntityRefPublic,
    GraphEdgePublic,
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
    rows = store.backend.read("get_entity", {"id": entity_id})
    if not rows:
        raise ApiError(404, f"no entity with id '{entity_id}'")
    return EntityPublic(**public_node(rows[0]["node"]))


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
) -> EntitiesPublic:
    # With a term, an index finds the matches; without one, every entity is listed.
    params: dict[str, object] = {"q": q, "label": label} if q else {"label": label}
    search, count = ("search_entities", "count_search_entities") if q else ("list_entities", "count_entities")
    rows = store.backend.read(search, {**params, "limit": limit, "offset": offset})
    total = store.backend.read(count, params)[0]["total"]
    return EntitiesPublic(
        data=[EntityPublic(**public_node(row["node"])) for row in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


# The schema states the allowed values (a comma-separated list cannot be an OpenAPI enum).
EDGE_TYPES_PATTERN = f"^({'|'.join(EDGE_TYPES)})(,({'|'.join(EDGE_TYPES)}))*$"


@router.get(
    "/{entity_id:path}/neighbors",
    response_model=SubgraphPublic,
    summary="The subgraph within `depth` hops, as nodes and edges for a drawing",
    description="Edges are followed in either direction; `types` (comma-separated) limits every hop.",
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
    params = {"id": entity_id, "types": wanted, "limit": limit + 1}
    rows = store.backend.read(f"neighbors_{depth}", params)
    truncated = len(rows) > limit
    rows = rows[:limit]
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
        center=center.id, depth=depth, nodes=list(nodes.values()), edges=edges, truncated=truncated
    )


@router.get(
    "/{entity_id:path}",
    response_model=EntityDetailPublic,
    summary="One entity with its edges (grouped by type) and their evidence",
    description="Its own properties, then every edge in or out grouped by relationship type, each "
    "with the other end and every supporting quote (document, offsets, exact text).",
    responses=NOT_FOUND,
)
def get_entity(store: StoreDep, entity_id: EntityId) -> EntityDetailPublic:
    entity = _entity_or_404(store, entity_id)
    edges: dict[str, list[EdgePublic]] = {}
    for direction, query_name in (("out", "entity_outgoing_edges"), ("in", "entity_incoming_edges")):
        for row in store.backend.read(query_name, {"id": entity_id}):
            other = EntityPublic(id=row["other_id"], label=row["other_label"], name=row["other_name"])
            evidence = evidence_list(row["evidence"])
            edge = EdgePublic(type=row["type"], direction=direction, other=other, evidence=evidence)
            edges.setdefault(row["type"], []).append(edge)
    return EntityDetailPublic(entity=entity, edges=edges)
