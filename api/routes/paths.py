from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.errors import ApiError
from api.neighborhood import HUB_EDGES
from api.schemas import EntityRefPublic, PathEdgePublic, PathPublic, PathsPublic
from api.scope import resolved_node
from api.views import evidence_list

router = APIRouter(prefix="/api/paths", tags=["paths"])

MAX_HOPS = 5  # one named query per length: cypher/paths.cypher paths_1 … paths_5


def _resolve(store: StoreDep, ref: str, role: str) -> EntityRefPublic:
    missing = f"'{role}': no entity with id, name or alias '{ref}'"
    return EntityRefPublic(**resolved_node(store, ref, None, missing))


@router.get(
    "",
    response_model=PathsPublic,
    summary="How two entities are connected: all shortest paths up to max_hops",
    description="Edges are followed in either direction. Lengths 1, 2, … are tried in turn and the "
    "first length with any path is returned, every path of that length (up to `limit`). A path does "
    f"not pass through a hub, an entity with more than {HUB_EDGES} edges (either end may be one).",
    responses={
        400: {"description": "from and to are the same entity"},
        404: {"description": "an end names no entity"},
    },
)
def paths(
    store: StoreDep,
    source: Annotated[str, Query(alias="from", description="entity id, name or alias", examples=["闻大翔"])],
    target: Annotated[
        str, Query(alias="to", description="entity id, name or alias", examples=["上海市卫生健康委员会"])
    ],
    max_hops: Annotated[
        int, Query(ge=1, le=MAX_HOPS, description="longest path tried (1–5)", examples=[3])
    ] = 4,
    limit: Annotated[int, Query(ge=1, le=200, description="at most this many paths", examples=[10])] = 25,
) -> PathsPublic:
    start, end = _resolve(store, source, "from"), _resolve(store, target, "to")
    if start.id == end.id:
        raise ApiError(400, f"'from' and 'to' are the same entity ({start.id})")
    params = {"source": start.id, "target": end.id, "limit": limit, "hub": HUB_EDGES}
    for hops in range(1, max_hops + 1):
        rows = store.backend.read(f"paths_{hops}", params)
        if rows:
            found = [
                PathPublic(
                    nodes=[EntityRefPublic(**node) for node in row["nodes"]],
                    edges=[
                        PathEdgePublic(**{**edge, "evidence": evidence_list(edge["evidence"])})
                        for edge in row["edges"]
                    ],
                )
                for row in rows
            ]
            return PathsPublic(source=start, target=end, hops=hops, data=found)
    return PathsPublic(source=start, target=end, hops=None, data=[])
