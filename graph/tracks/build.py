"""Rows of SETS_TARGET facts to commitment tracks: one committer, one metric key, its points.

A track is exactly one committer's: a county's goal and its city's reported figure are two
tracks even when the metric is the same. A target quoted by several documents (the same goal
restated) gives one point per document, so a restatement is visible as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.rows import evidence_from_json
from graph.tracks.metrics import ResolvedMetric, resolve
from graph.tracks.status import WAITING, Point, assign_statuses, date_key

ID_SEPARATOR = "@"
# Who can be held to a figure. A Program is left out: one program name (家庭医生签约服务) is shared
# by every place that runs it, so its figures would mix different places' commitments.
COMMITTER_LABELS = ("Region", "Organization", "Official", "Hospital")


@dataclass
class DocumentInfo:
    id: str | None
    title: str | None
    date: str | None


@dataclass
class Track:
    committer_id: str
    committer: str
    committer_label: str
    metric: ResolvedMetric
    points: list[Point] = field(default_factory=list)

    @property
    def id(self) -> str:
        return track_id(self.metric.key, self.committer_id)

    @property
    def goals(self) -> list[Point]:
        return [p for p in self.points if p.kind == "goal"]

    @property
    def variants(self) -> list[str]:
        return sorted({p.metric for p in self.points})

    @property
    def statuses(self) -> list[str]:
        return [p.status for p in self.goals if p.status]

    @property
    def headline(self) -> Point:
        """The goal that says most about the commitment now: the latest (by year, then document)."""
        return self.goals[-1]


def track_id(metric_key: str, committer_id: str) -> str:
    return f"{metric_key}{ID_SEPARATOR}{committer_id}"


def split_track_id(value: str) -> tuple[str, str] | None:
    """(metric key, committer id) of a track id, or None when it is not one."""
    metric_key, sep, committer_id = value.partition(ID_SEPARATOR)
    if not sep or not committer_id or not metric_key.startswith(("m-", "raw-")):
        return None
    return metric_key, committer_id


def _first_quote_per_document(evidence: list[str] | None) -> dict[str, dict[str, Any]]:
    per_doc: dict[str, dict[str, Any]] = {}
    for ev in evidence_from_json(evidence):
        if ev["doc"] not in per_doc or ev["start"] < per_doc[ev["doc"]]["start"]:
            per_doc[ev["doc"]] = ev
    return per_doc


def build_tracks(rows: list[dict[str, Any]], documents: dict[str, DocumentInfo]) -> list[Track]:
    """Tracks with at least one goal, each with its points in order and every goal's status."""
    tracks: dict[tuple[str, str], Track] = {}
    for row in rows:
        resolved = resolve(row["metric"], row["unit"] or "")
        value_in_unit = resolved.value_in_unit(float(row["value"]), row["unit"] or "")
        if value_in_unit is None:  # cannot happen for a key resolve() chose; kept apart if it does
            continue
        key = (row["committer_id"], resolved.key)
        track = tracks.get(key)
        if track is None:
            track = Track(row["committer_id"], row["committer"], row["committer_label"], resolved)
            tracks[key] = track
        for doc, ev in _first_quote_per_document(row["evidence"]).items():
            info = documents.get(doc)
            track.points.append(
                Point(
                    target_id=row["target_id"],
                    kind=row["kind"],
                    metric=row["metric"],
                    value=float(row["value"]),
                    unit=row["unit"] or "",
                    comparator=row["comparator"] or "=",
                    year=row["year"],
                    value_in_unit=value_in_unit,
                    doc=doc,
                    date=date_key(info.date if info else None),
                    evidence=ev,
                )
            )
    out = []
    for track in tracks.values():
        if not any(p.kind == "goal" for p in track.points):
            continue
        track.points.sort(
            key=lambda p: (p.year or 0, p.date or (0, 0, 0), p.kind != "achieved", p.doc, p.target_id)
        )
        assign_statuses(track.points, track.metric.direction)
        out.append(track)
    # per committer, tracks with a verdict (anything but "no later figure yet") first
    out.sort(key=lambda t: (t.committer_id, set(t.statuses) == {WAITING}, t.metric.name, t.metric.key))
    return out
