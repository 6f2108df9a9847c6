from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from api.deps import StoreDep
from api.params import Limit, Offset
from api.responses import model_response
from api.schemas import CommitmentsPublic
from api.scope import region_members
from api.views import commitment_views

router = APIRouter(prefix="/api/commitments", tags=["commitments"])


@router.get(
    "",
    response_model=CommitmentsPublic,
    summary="Who committed to (or reported) what figure, each with its quote",
    description=(
        "SETS_TARGET facts as rows, one per supporting quote. `region` (an id, else an exact name, else "
        "an alias) keeps commitments of that region, of regions PART_OF it (up to six levels down) and of "
        "entities LOCATED_IN any of them."
    ),
    responses={404: {"description": "the `region` filter names no region"}},
)
def commitments(
    store: StoreDep,
    by: Annotated[str | None, Query(description="committer id, name or alias", examples=["新建区"])] = None,
    metric: Annotated[str | None, Query(description="substring of the metric", examples=["家庭医生"])] = None,
    year: Annotated[
        int | None, Query(ge=1949, le=2100, description="the target's year", examples=[2025])
    ] = None,
    kind: Annotated[
        Literal["goal", "achieved"] | None, Query(description="goal or achieved", examples=["goal"])
    ] = None,
    region: Annotated[
        str | None, Query(description="region id, name or alias, sub-regions included", examples=["南昌市"])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    committers = None
    if region:
        committers = region_members(store, region)
    if by:  # the committers `by` names (id, name or alias), among the region's if both are given
        named = store.backend.read("entities_named", {"ref": by})[0]["ids"]
        scope = None if committers is None else set(committers)
        committers = [i for i in named if scope is None or i in scope]
    # `by` is resolved above; the unindexed `commitments` query still takes it (as null).
    params = {"by": None, "metric": metric or None, "year": year, "kind": kind, "committers": committers}
    query = _indexed_variant(params)
    rows, counted = store.backend.read_many(
        [(query, {**params, "limit": limit, "offset": offset}), (f"count_{query}", params)]
    )
    total = counted[0]["total"]
    views = commitment_views(store, rows)
    return model_response(CommitmentsPublic(data=views, total=total, limit=limit, offset=offset))


def _indexed_variant(params: dict[str, Any]) -> str:
    """The commitments query that starts from an index for the most selective filter given."""
    if params["committers"] is not None:
        return "commitments_of"
    if params["metric"] is not None:
        return "commitments_by_metric"
    if params["year"] is not None:
        return "commitments_in_year"
    return "commitments"
