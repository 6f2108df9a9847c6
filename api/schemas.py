"""Response models of the HTTP API (the loaders' models are the facts; these are the views)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Public(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidencePublic(Public):
    doc: str
    start: int
    end: int
    quote: str


class EntityPublic(BaseModel):
    """A node with its own properties (label-specific fields such as `level`, `metric`, `value`)."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={"example": {"id": "region:360112", "label": "Region", "name": "新建区",
                                       "aliases": ["全区"], "level": "county", "code": "360112"}},
    )  # fmt: skip
    id: str
    label: str
    name: str
    aliases: list[str] = Field(default_factory=list)


class EntitiesPublic(Public):
    data: list[EntityPublic]
    total: int
    limit: int
    offset: int


class EdgePublic(Public):
    type: str
    direction: str = Field(description="'out' when this entity is the source, 'in' when it is the target")
    other: EntityPublic
    evidence: list[EvidencePublic]


class EntityDetailPublic(Public):
    entity: EntityPublic
    edges: dict[str, list[EdgePublic]] = Field(description="edges grouped by relationship type")


class CommitmentPublic(Public):
    committer_id: str
    committer: str
    committer_label: str
    target_id: str
    metric: str
    value: float
    unit: str
    comparator: str
    year: int | None
    kind: str
    doc: str
    document_id: str | None
    date: str | None
    quote: str
    start: int
    end: int


class CommitmentsPublic(Public):
    data: list[CommitmentPublic]
    total: int
    limit: int
    offset: int


class HealthPublic(Public):
    status: str
    graph: str


class ExportPublic(Public):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
