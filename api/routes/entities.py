from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.errors import ApiError
from api.schemas import EdgePublic, EntitiesPublic, EntityDetailPublic, EntityPublic, EvidencePublic
from graph.rows import evidence_from_json, public_node

router = APIRouter(prefix="/api/entities", tags=["entities"])

LabelName = Literal["Region", "Official", "Organization", "Program", "Hospital", "Target", "Document"]


@router.get("", response_model=EntitiesPublic, summary="Find entities by name or alias (substring)")
def search_entities(
    store: StoreDep,
    q: Annotated[
        str | None, Query(description="substring of the name or an alias", examples=["新建区"])
    ] = None,
    label: Annotated[LabelName | None, Query(description="only nodes of this label")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EntitiesPublic:
    params = {"q": q or None, "label": label}
    rows = store.backend.read("search_entities", {**params, "limit": limit, "offset": offset})
    total = store.backend.read("count_search_entities", params)[0]["total"]
    return EntitiesPublic(
        data=[EntityPublic(**public_node(row["node"])) for row in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/{entity_id}",
    response_model=EntityDetailPublic,
    summary="One entity with its edges (grouped by type) and their evidence",
    responses={404: {"description": "no entity has this id"}},
)
def get_entity(
    store: StoreDep,
    entity_id: Annotated[str, Path(description="node id, e.g. region:360112", examples=["region:360112"])],
) -> EntityDetailPublic:
    rows = store.backend.read("get_entity", {"id": entity_id})
    if not rows:
        raise ApiError(404, f"no entity with id '{entity_id}'")
    edges: dict[str, list[EdgePublic]] = {}
    for direction, query_name in (("out", "entity_outgoing_edges"), ("in", "entity_incoming_edges")):
        for row in store.backend.read(query_name, {"id": entity_id}):
            other = EntityPublic(id=row["other_id"], label=row["other_label"], name=row["other_name"])
            evidence = [EvidencePublic(**ev) for ev in evidence_from_json(row["evidence"])]
            edge = EdgePublic(type=row["type"], direction=direction, other=other, evidence=evidence)
            edges.setdefault(row["type"], []).append(edge)
    return EntityDetailPublic(entity=EntityPublic(**public_node(rows[0]["node"])), edges=edges)
