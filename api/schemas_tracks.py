"""Response models of the commitment tracks (kept apart from api/schemas.py, which they extend)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.schemas import EntityRefPublic, Page, Public

Status = Literal["met", "missed", "on track", "behind", "revised", "reaffirmed", "no later figure yet"]


class TrackMetricPublic(Public):
    model_config = {"json_schema_extra": {"example": {
        "key": "m-maternal_mortality", "name": "孕产妇死亡率", "unit": "/10万", "direction": "lower",
        "canonical": True, "source": "《健康中国行动（2019—2030年）》…"}}}  # fmt: skip
    key: str = Field(description="m-<indicator id> for a curated indicator, raw-<hash> for any other wording")
    name: str = Field(description="the indicator's name, or the normalised wording")
    unit: str = Field(description="the unit every value_in_unit is expressed in")
    direction: Literal["higher", "lower"] = Field(description="which way is better")
    canonical: bool = Field(description="true when the metric resolved to a curated national indicator")
    source: str | None = Field(description="where the curated indicator comes from")


class TrackPointPublic(Public):
    index: int = Field(description="position in the track, for decided_by")
    target_id: str
    kind: Literal["goal", "achieved"]
    metric: str = Field(description="the metric as the document words it")
    value: float
    unit: str
    comparator: str
    year: int | None
    value_in_unit: float = Field(description="value converted to the track's unit")
    status: Status | None = Field(description="for a goal: how it went; null for an achieved figure")
    statement: str | None = Field(description="for a goal: the status in words, with both sources")
    decided_by: int | None = Field(description="index of the point that decided the goal's status")
    doc: str
    document_id: str | None
    title: str | None
    date: str | None
    quote: str
    start: int
    end: int


class TrackSummaryPublic(Public):
    id: str = Field(description="<metric key>@<committer id>")
    committer: EntityRefPublic
    metric: TrackMetricPublic
    variants: list[str] = Field(description="the metric wordings this track joins")
    status: Status = Field(description="status of the latest goal (latest year, then latest document)")
    statuses: list[Status] = Field(description="status of every goal, in track order")
    statement: str = Field(description="the latest goal's status in words")
    goals: int
    achieved: int
    years: list[int]


class TracksPublic(Page):
    data: list[TrackSummaryPublic]


class TrackPublic(TrackSummaryPublic):
    points: list[TrackPointPublic] = Field(description="every goal and achieved figure, by year then date")
