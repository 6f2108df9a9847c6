from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.errors import ApiError
from api.params import Limit, Offset
from api.schemas_tracks import Status, TrackPublic, TracksPublic
from api.scope import region_members, resolved_node
from api.tracks_views import detail_view, load_tracks, summary_view
from graph.tracks.build import Track, split_track_id
from graph.tracks.metrics import canonical_key, catalogue, normalise

router = APIRouter(prefix="/api/tracks", tags=["tracks"])


def _metric_matches(track: Track, metric: str) -> bool:
    """The metric asked for by any wording of a curated indicator, or a part of the track's wording."""
    wanted = normalise(metric)
    canonical = catalogue()[1].get(wanted)
    if canonical is not None:
        return track.metric.key == canonical_key(canonical)
    return any(metric in text or (wanted and wanted in text) for text in (track.metric.name, *track.variants))


@router.get(
    "",
    response_model=TracksPublic,
    summary="Commitment tracks: did a committer deliver on its goals for one metric?",
    description=(
        "One track per committer (exactly that entity) and metric: the goals it set and the figures "
        "reported, across documents and years, with a status per goal (met, missed, on track, behind, "
        "revised, reaffirmed, no later figure yet). Metric wordings join when they are the same curated "
        "national indicator (units converted: ‰, 1/10万, %; 万人次) or the same wording after "
        "normalisation. Computed at read time from the graph."
    ),
    responses={404: {"description": "`committer` or `region` names no entity"}},
)
def tracks(
    store: StoreDep,
    committer: Annotated[
        str | None, Query(description="committer id, name or alias (that entity only)", examples=["新建区"])
    ] = None,
    metric: Annotated[
        str | None,
        Query(description="any wording of an indicator, or part of one", examples=["孕产妇死亡率"]),
    ] = None,
    status: Annotated[
        Status | None, Query(description="keep tracks with a goal of this status", examples=["missed"])
    ] = None,
    region: Annotated[
        str | None,
        Query(description="region id, name or alias: committers in it or below", examples=["南昌市"]),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> TracksPublic:
    committers: list[str] | None = None
    if committer:
        missing = f"no entity with id, name or alias '{committer}'"
        committers = [resolved_node(store, committer, None, missing)["id"]]
    if region:
        in_region = set(region_members(store, region))
        scoped = committers if committers is not None else sorted(in_region)
        committers = [c for c in scoped if c in in_region]
    found, documents = load_tracks(store, committers)
    if metric:
        found = [t for t in found if _metric_matches(t, metric)]
    if status:
        found = [t for t in found if status in t.statuses]
    page = found[offset : offset + limit]
    return TracksPublic(
        data=[summary_view(t, documents) for t in page], total=len(found), limit=limit, offset=offset
    )


@router.get(
    "/{track_id:path}",
    response_model=TrackPublic,
    summary="One commitment track with every point's quote, document title and date",
    description=(
        "Every goal and achieved figure of the track by year then document date, each with its quote, "
        "offsets, document title and date, its value converted to the track's unit, and for a goal its "
        "status, the point that decided it and the status in words."
    ),
    responses={404: {"description": "no such track"}},
)
def track(
    store: StoreDep,
    track_id: Annotated[
        str, Path(description="a track id from /api/tracks", examples=["m-maternal_mortality@region:360112"])
    ],
) -> TrackPublic:
    parts = split_track_id(track_id)
    if parts is None:
        raise ApiError(404, f"'{track_id}' is not a track id (expected <metric key>@<committer id>)")
    metric_key, committer_id = parts
    found, documents = load_tracks(store, [committer_id])
    for candidate in found:
        if candidate.metric.key == metric_key:
            return detail_view(candidate, documents)
    raise ApiError(404, f"no track '{track_id}'")
