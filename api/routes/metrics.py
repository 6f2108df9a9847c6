from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.errors import ApiError
from api.params import Limit, Offset
from api.schemas import MetricPublic, MetricsPublic, TimelinePointPublic, TimelinePublic, TimelineYearPublic
from api.views import commitment_views

router = APIRouter(prefix="/api/metrics", tags=["metrics"])


@router.get(
    "",
    response_model=MetricsPublic,
    summary="Distinct indicators with how often each occurs",
    description="Every Target metric with its number of Target nodes and the years, kinds and units "
    "seen, most frequent first; open one with /api/metrics/{metric}/timeline.",
)
def metrics(
    store: StoreDep,
    q: Annotated[str | None, Query(description="substring of the metric", examples=["覆盖率"])] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> MetricsPublic:
    params = {"q": q or None}
    rows = store.backend.read("metrics", {**params, "limit": limit, "offset": offset})
    total = store.backend.read("count_metrics", params)[0]["total"]
    data = [MetricPublic(**{**row, "years": sorted(row["years"])}) for row in rows]
    return MetricsPublic(data=data, total=total, limit=limit, offset=offset)


@router.get(
    "/{metric:path}/timeline",
    response_model=TimelinePublic,
    summary="Every value of one indicator across regions, documents and years",
    description="Rows by year then kind, and the same rows grouped per year so a 2022 achieved value "
    "and a 2025 goal sit side by side; the first `limit` rows (one per quote), `truncated` when cut.",
    responses={404: {"description": "no Target has this metric"}},
)
def timeline(
    store: StoreDep,
    metric: Annotated[str, Path(description="the exact metric", examples=["家庭医生签约服务覆盖率"])],
    limit: Annotated[
        int, Query(ge=1, le=2000, description="at most this many rows (one per quote)", examples=[100])
    ] = 100,
) -> TimelinePublic:
    rows = store.backend.read("metric_timeline", {"metric": metric, "limit": limit + 1})
    if not rows:
        raise ApiError(404, f"no target with metric '{metric}'")
    truncated = len(rows) > limit
    rows = rows[:limit]
    points: list[TimelinePointPublic] = commitment_views(store, rows, TimelinePointPublic)
    years: dict[int | None, TimelineYearPublic] = {}
    for point in points:
        year = years.setdefault(point.year, TimelineYearPublic(year=point.year, achieved=[], goal=[]))
        (year.goal if point.kind == "goal" else year.achieved).append(point)
    return TimelinePublic(metric=metric, data=points, years=list(years.values()), truncated=truncated)
