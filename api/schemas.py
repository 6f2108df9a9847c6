"""Response models of the HTTP API (the loaders' models are the facts; these are the views)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Public(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(Public):
    total: int = Field(description="matches in all pages")
    limit: int
    offset: int


class EvidencePublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {
        "doc": "003_1429ae6034b89515.txt", "start": 240, "end": 259,
        "quote": "上海市卫生健康委党组书记、主任 闻大翔"}})  # fmt: skip
    doc: str = Field(description="document file name")
    start: int = Field(description="offset of the quote's first character in the document text")
    end: int = Field(description="offset just past the quote's last character")
    quote: str = Field(description="exactly text[start:end]")
    page: int | None = Field(default=None, description="page of the quote's first character (PDF documents)")
    basis: Literal["subject", "speaker", "section", "issuer"] | None = Field(
        default=None,
        description="on SETS_TARGET / IMPLEMENTS: why this sentence credits the doer (the clause's "
        "subject, the body a speaker speaks for, the paragraph's or section's subject, the issuer)",
    )


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
    model_config = ConfigDict(
        json_schema_extra={
            "example": {"id": "hospital:南昌市第一医院", "label": "Hospital", "name": "南昌市第一医院"}
        }
    )
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
    quotes: int | None = Field(
        default=None,
        description="how many quotes support the edge; `evidence` holds the first of them "
        "(the rest from /api/entities/{id}/quotes)",
    )


class EdgeCountPublic(Public):
    """How many edges of one type and direction an entity has, and how many this answer shows."""

    type: str
    direction: Literal["out", "in"]
    total: int
    shown: int = Field(description="edges of this group in this answer's `edges`")
    next: str | None = Field(description="URL of the next page of this group; null when all are shown")


class EntityDetailPublic(Public):
    entity: EntityPublic
    edges: dict[str, list[EdgePublic]] = Field(
        description="edges grouped by relationship type: per type and direction the first page "
        "(all of them with ?edges=all), each with its first quotes"
    )
    edge_counts: list[EdgeCountPublic] = Field(
        default_factory=list, description="every edge type and direction with its count, by type"
    )
    complete: bool = Field(default=True, description="true when `edges` holds every edge with every quote")


class EdgePagePublic(Page):
    """One page of an entity's edges of one type and direction."""

    entity: EntityRefPublic
    type: str
    direction: Literal["out", "in"]
    data: list[EdgePublic]
    next: str | None = Field(description="URL of the next page; null on the last")


class QuotesPagePublic(Page):
    """One page of the quotes of one edge."""

    type: str
    source: str
    target: str
    data: list[EvidencePublic]


class GraphEdgePublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {
        "type": "PART_OF", "source": "region:360112", "target": "region:360100", "quotes": 1}})  # fmt: skip
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
    hubs: list[str] = Field(
        default_factory=list,
        description="nodes reached but not expanded further: each has more edges than the hub "
        "threshold (open one as the centre to see its edges)",
    )


class CommitmentPublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {
        "committer_id": "region:360112", "committer": "新建区", "committer_label": "Region",
        "target_id": "target:cf040ee720d4", "metric": "家庭医生签约服务覆盖率", "value": 60.0, "unit": "%",
        "comparator": "=", "year": 2023, "kind": "goal", "doc": "001_b1280b1a44e49c58.txt",
        "document_id": "doc:001_b1280b1a44e49c58.txt", "date": "2023",
        "quote": "家庭医生签约服务覆盖率达到60%,重点人群签约服务覆盖率达到80% ,"
                 "红色、黄色人群签约服务覆盖率达到100%以上。",
        "start": 679, "end": 737}})  # fmt: skip
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
    page: int | None = Field(default=None, description="the PDF page the quote starts on (PDFs only)")
    basis: str | None = Field(
        default=None,
        description="why this sentence credits the committer: subject, speaker, section or issuer",
    )


class CommitmentsPublic(Page):
    data: list[CommitmentPublic]


class MetricPublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {
        "metric": "国家区域医疗中心", "targets": 2, "years": [2023, 2024], "kinds": ["achieved", "goal"],
        "units": ["家", "个"]}})  # fmt: skip
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
    truncated: bool = Field(default=False, description="true when `limit` cut the rows (earliest years kept)")


class LinkedEntityPublic(Public):
    entity: EntityRefPublic
    evidence: list[EvidencePublic]
    quotes: int | None = Field(default=None, description="how many quotes; `evidence` holds the first")


class LinkedTargetPublic(Public):
    target: EntityPublic
    evidence: list[EvidencePublic]
    quotes: int | None = Field(default=None, description="how many quotes; `evidence` holds the first")


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
    totals: dict[str, int] = Field(
        default_factory=dict,
        description="implementers, targets, partners and documents in all; each list holds the first "
        "of them (the full links per entity from /api/entities/{id}/edges)",
    )


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
    model_config = ConfigDict(json_schema_extra={"example": {
        "doc": "000_8af4f2e2e8678ba9.txt", "document_id": "doc:000_8af4f2e2e8678ba9.txt",
        "title": "奋楫争先 勇毅前行", "date": "2023-04-17", "start": 66, "end": 68, "match": "南昌",
        "sentence": "4月17日,2023年江西省卫生健康工作会议在南昌召开。", "sentence_start": 43,
        "sentence_end": 71, "facts": []}})  # fmt: skip
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
    aliases: list[str] = Field(default_factory=list, description="other file names of the same text")

    @field_validator("aliases", mode="before")
    @classmethod
    def _no_aliases(cls, value: Any) -> Any:
        # A bulk-imported Neo4j store has no property for an empty list (neo4j-admin drops it).
        return [] if value is None else value


class DocumentsPublic(Page):
    data: list[DocumentPublic]


class DocumentDetailPublic(Public):
    document: DocumentPublic
    facts: list[FactPublic] = Field(description="edges with evidence in this document (its spans)")


class DocumentTextPublic(DocumentDetailPublic):
    text: str | None = Field(
        description="the decoded document text every offset refers to; null for a document stored "
        "before texts were kept (ingesting it again adds the text)"
    )


class UploadPublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {
        "id": "doc:001_b1280b1a44e49c58.txt", "file": "001_b1280b1a44e49c58.txt", "status": "loaded",
        "nodes": 142, "edges": 155}})  # fmt: skip
    id: str
    file: str
    status: str = Field(
        description="loaded, replaced, repaired (an interrupted ingest's leftovers removed), unchanged, "
        "or duplicate (the same text as `duplicate_of`, recorded as its alias)"
    )
    nodes: int
    edges: int
    duplicate_of: str | None = Field(
        default=None, description="id of the document holding the same text (status duplicate)"
    )


class DeletedPublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {
        "id": "doc:001_b1280b1a44e49c58.txt", "file": "001_b1280b1a44e49c58.txt", "edges_removed": 154,
        "edges_kept": 1}})  # fmt: skip
    id: str
    file: str
    edges_removed: int = Field(description="edges only this document supported")
    edges_kept: int = Field(description="edges other documents also support, kept minus this evidence")
    alias_removed: str | None = Field(
        default=None, description="the alias deleted (the name given was an alias: the document stays)"
    )


class QueryIn(Public):
    cypher: str = Field(description="one read-only Cypher statement")
    params: dict[str, Any] = Field(default_factory=dict)


class QueryResultPublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {
        "columns": ["program", "partners"], "rows": [{"program": "program:医养结合", "partners": 8}],
        "count": 1, "truncated": False}})  # fmt: skip
    columns: list[str]
    rows: list[dict[str, Any]]
    count: int
    truncated: bool = Field(description="true when rows were cut at the server's row cap")


class HealthPublic(Public):
    model_config = ConfigDict(json_schema_extra={"example": {"status": "ok", "graph": "embedded"}})
    status: str
    graph: str


class ExportPublic(Public):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
