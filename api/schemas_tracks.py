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


class CanonicalMetricPublic(Public):
    model_config = {"json_schema_extra": {"example": {
        "key": "m-family_doctor_coverage", "name": "家庭医生签约服务覆盖率", "unit": "%",
        "direction": "higher", "aliases": ["家庭医生签约覆盖率", "家庭医生签约率", "家庭医生签约服务率"],
        "source": "国家卫生健康委等《…》",
        "wordings": [{"metric": "家庭医生签约服务覆盖率", "unit": "%"}]}}}  # fmt: skip
    key: str = Field(description="the metric key tracks use: m-<indicator id>")
    name: str
    unit: str = Field(description="the unit values are converted to")
    direction: Literal["higher", "lower"]
    aliases: list[str] = Field(description="the curated wordings that mean exactly this indicator")
    source: str = Field(description="the published list the indicator comes from")
    wordings: list[dict[str, str]] = Field(
        description="the (metric, unit) pairs of the graph's Target nodes that resolve to it"
    )


class CanonicalMetricsPublic(Public):
    data: list[CanonicalMetricPublic]
    wordings: int = Field(description="distinct metric strings in the graph")
    resolved: int = Field(description="of those, how many resolve to a canonical metric (in some unit)")
