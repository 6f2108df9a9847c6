"""Response models of the HTTP API (the loaders' models are the facts; these are the views)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Public(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(Public):
    total: int = Field(description="matches in all pages")
    limit: int
    offset: int


class EvidencePublic(Public):
    doc: str = Field(description="document file name")
    start: int = Field(description="offset of the quote's first character in the document text")
    end: int = Field(description="offset just past the quote's last character")
    quote: str = Field(description="exactly text[start:end]")


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


class EntityRefPublic(Public):
    id: str
    label: str
    name: str


class EntitiesPublic(Page):
    data: list[EntityPublic]


class EdgePublic(Public):
    type: str
    direction: str = Field(description="'out' when this entity is the source, 'in' when it is the target")
    other: EntityPublic
    evidence: list[EvidencePublic]


class EntityDetailPublic(Public):
    entity: EntityPublic
    edges: dict[str, list[EdgePublic]] = Field(description="edges grouped by relationship type")


class GraphEdgePublic(Public):
    type: str
    source: str
    target: str
    quotes: int = Field(description="how many quotes support the edge")


class SubgraphPublic(Public):
    """Nodes and edges ready for a front-end graph drawing."""

    center: str
    depth: int
    nodes: list[EntityRefPublic]
    edges: list[GraphEdgePublic]
    truncated: bool = Field(description="true when the edge limit cut the subgraph")


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
    kind: str = Field(description="goal (a commitment) or achieved (a reported result)")
    doc: str
    document_id: str | None
    date: str | None
    quote: str
    start: int
    end: int


class CommitmentsPublic(Page):
    data: list[CommitmentPublic]


class MetricPublic(Public):
    metric: str
    targets: int = Field(description="Target nodes with this metric")
    years: list[int]
    kinds: list[str]
    units: list[str]


class MetricsPublic(Page):
    data: list[MetricPublic]


class TimelinePointPublic(CommitmentPublic):
    committer_id: str | None  # type: ignore[assignment]
    committer: str | None  # type: ignore[assignment]
    committer_label: str | None  # type: ignore[assignment]


class TimelineYearPublic(Public):
    year: int | None
    achieved: list[TimelinePointPublic]
    goal: list[TimelinePointPublic]


class TimelinePublic(Public):
    metric: str
    data: list[TimelinePointPublic] = Field(description="every value, by year then kind")
    years: list[TimelineYearPublic] = Field(description="the same values side by side per year")


class LinkedEntityPublic(Public):
    entity: EntityRefPublic
    evidence: list[EvidencePublic]


class LinkedTargetPublic(Public):
    target: EntityPublic
    evidence: list[EvidencePublic]


class PartnerPublic(LinkedEntityPublic):
    implementer_id: str = Field(description="the implementer this entity partners with")


class DocumentRefPublic(Public):
    id: str
    file: str
    title: str | None = None
    date: str | None = None


class ProgramPublic(Public):
    program: EntityPublic
    implementers: list[LinkedEntityPublic]
    targets: list[LinkedTargetPublic]
    partners: list[PartnerPublic]
    documents: list[DocumentRefPublic]


class PathEdgePublic(Public):
    type: str
    source: str
    target: str
    evidence: list[EvidencePublic]


class PathPublic(Public):
    nodes: list[EntityRefPublic]
    edges: list[PathEdgePublic]


class PathsPublic(Public):
    source: EntityRefPublic
    target: EntityRefPublic
    hops: int | None = Field(description="length of the shortest paths; null when none within max_hops")
    data: list[PathPublic]


class FactPublic(Public):
    type: str
    source: EntityRefPublic
    target: EntityRefPublic
    evidence: list[EvidencePublic]


class SearchHitPublic(Public):
    doc: str
    document_id: str
    title: str | None
    date: str | None
    start: int = Field(description="offset of the match in the document text")
    end: int
    match: str
    sentence: str = Field(description="the sentence around the match")
    sentence_start: int
    sentence_end: int
    facts: list[FactPublic] = Field(description="facts whose quote covers the match")


class SearchPublic(Page):
    q: str
    data: list[SearchHitPublic]
    entities: list[EntityPublic] = Field(description="entities whose name or alias contains q (first 20)")


class DocumentPublic(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    file: str
    name: str
    title: str | None = None
    date: str | None = None
    year: int | None = None
    chars: int | None = None


class DocumentsPublic(Page):
    data: list[DocumentPublic]


class DocumentDetailPublic(Public):
    document: DocumentPublic
    facts: list[FactPublic] = Field(description="edges with evidence in this document (its spans)")


class DocumentTextPublic(DocumentDetailPublic):
    text: str = Field(description="the decoded document text every offset refers to")


class UploadPublic(Public):
    id: str
    file: str
    status: str = Field(description="loaded, replaced or unchanged")
    nodes: int
    edges: int


class DeletedPublic(Public):
    id: str
    file: str
    edges_removed: int = Field(description="edges only this document supported")
    edges_kept: int = Field(description="edges other documents also support, kept minus this evidence")


class QueryIn(Public):
    cypher: str = Field(description="one read-only Cypher statement")
    params: dict[str, Any] = Field(default_factory=dict)


class QueryResultPublic(Public):
    columns: list[str]
    rows: list[dict[str, Any]]
    count: int
    truncated: bool = Field(description="true when rows were cut at the server's row cap")


class HealthPublic(Public):
    status: str
    graph: str


class ExportPublic(Public):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
