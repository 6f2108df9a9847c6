from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.schemas_tracks import CanonicalMetricPublic, CanonicalMetricsPublic
from graph.tracks.metrics import canonical_key, catalogue, resolve

router = APIRouter(prefix="/api/canonical-metrics", tags=["tracks"])


@router.get(
    "",
    response_model=CanonicalMetricsPublic,
    summary="The curated national indicators metric wordings resolve to, with the graph's wordings of each",
    description=(
        "Every indicator of tracks/data/indicators.json (健康中国行动 and “十四五”国民健康规划 main "
        "indicators and a few more, each with its source) and the metric strings of the graph that "
        "resolve to it; `wordings` and `resolved` count the graph's distinct metric strings. Wordings "
        "that resolve to none keep tracks of their own."
    ),
)
def canonical_metrics(
    store: StoreDep,
    used: Annotated[
        bool, Query(description="only indicators some Target of the graph resolves to", examples=[True])
    ] = False,
) -> CanonicalMetricsPublic:
    by_id, _ = catalogue()
    wordings: dict[str, list[dict[str, str]]] = {canonical_key(m): [] for m in by_id.values()}
    strings: set[str] = set()
    resolved: set[str] = set()
    for row in store.backend.read("target_metric_units"):
        strings.add(row["metric"])
        found = resolve(row["metric"], row["unit"] or "")
        if found.canonical is not None:
            resolved.add(row["metric"])
            wordings[found.key].append({"metric": row["metric"], "unit": row["unit"] or ""})
    data = [
        CanonicalMetricPublic(
            key=canonical_key(m),
            name=m.name,
            unit=m.unit,
            direction=m.direction,  # type: ignore[arg-type]
            aliases=list(m.aliases),
            source=m.source,
            wordings=wordings[canonical_key(m)],
        )
        for m in by_id.values()
        if wordings[canonical_key(m)] or not used
    ]
    return CanonicalMetricsPublic(data=data, wordings=len(strings), resolved=len(resolved))
