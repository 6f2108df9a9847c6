"""Commitment tracks read from the graph and shaped for the API (computed at read time)."""

from __future__ import annotations

import json

from api.schemas import EntityRefPublic
from api.schemas_tracks import TrackMetricPublic, TrackPointPublic, TrackPublic, TrackSummaryPublic
from graph.store import GraphStore
from graph.tracks.build import COMMITTER_LABELS, DocumentInfo, Track, build_tracks
from graph.tracks.words import describe


def load_tracks(
    store: GraphStore, committers: list[str] | None
) -> tuple[list[Track], dict[str, DocumentInfo]]:
    params = {"committers": committers, "labels": list(COMMITTER_LABELS)}
    rows = store.backend.read("track_points", params)
    files = sorted({ev_doc for row in rows for ev_doc in _docs(row["evidence"])})
    documents = {
        row["file"]: DocumentInfo(row["id"], row["title"], row["date"])
        for row in (store.backend.read("documents_by_file", {"files": files}) if files else [])
    }
    return build_tracks(rows, documents), documents


def _docs(evidence: list[str] | None) -> set[str]:
    return {json.loads(item)["doc"] for item in evidence or []}


def _metric(track: Track) -> TrackMetricPublic:
    canonical = track.metric.canonical
    return TrackMetricPublic(
        key=track.metric.key,
        name=track.metric.name,
        unit=track.metric.unit,
        direction=track.metric.direction,  # type: ignore[arg-type]
        canonical=canonical is not None,
        source=canonical.source if canonical else None,
    )


def summary_view(track: Track, documents: dict[str, DocumentInfo]) -> TrackSummaryPublic:
    headline = track.headline
    return TrackSummaryPublic(
        id=track.id,
        committer=EntityRefPublic(id=track.committer_id, label=track.committer_label, name=track.committer),
        metric=_metric(track),
        variants=track.variants,
        status=headline.status,  # type: ignore[arg-type]
        statuses=track.statuses,  # type: ignore[arg-type]
        statement=describe(track, headline, documents),
        goals=len(track.goals),
        achieved=len(track.points) - len(track.goals),
        years=sorted({p.year for p in track.points if p.year is not None}),
    )


def detail_view(track: Track, documents: dict[str, DocumentInfo]) -> TrackPublic:
    points = []
    for index, point in enumerate(track.points):
        info = documents.get(point.doc)
        points.append(
            TrackPointPublic(
                index=index,
                target_id=point.target_id,
                kind=point.kind,  # type: ignore[arg-type]
                metric=point.metric,
                value=point.value,
                unit=point.unit,
                comparator=point.comparator,
                year=point.year,
                value_in_unit=point.value_in_unit,
                status=point.status,  # type: ignore[arg-type]
                statement=describe(track, point, documents) if point.kind == "goal" else None,
                decided_by=point.decided_by,
                doc=point.doc,
                document_id=info.id if info else None,
                title=info.title if info else None,
                date=info.date if info else None,
                quote=point.evidence["quote"],
                start=point.evidence["start"],
                end=point.evidence["end"],
            )
        )
    return TrackPublic(**summary_view(track, documents).model_dump(), points=points)
