"""The typed facts shared by loaders, graph and API.

Every fact carries its evidence as offsets into the decoded document text; the quote is
checked against those offsets so a journalist can paste it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

NodeLabel = Literal["Region", "Official", "Organization", "Program", "Hospital", "Target", "Document"]
# Why a doer was credited with a SETS_TARGET / IMPLEMENTS edge: the clause names it (subject), a
# speaker speaks for it (speaker), the paragraph or section is about it (section), or nothing else
# was named and the document's own region or issuer is taken (issuer).
DoerBasis = Literal["subject", "speaker", "section", "issuer"]
EdgeType = Literal["SETS_TARGET", "PARTNERS_WITH", "IMPLEMENTS", "LOCATED_IN", "PART_OF", "HOLDS_POSITION"]
NODE_LABELS: tuple[str, ...] = NodeLabel.__args__  # type: ignore[attr-defined]
EDGE_TYPES: tuple[str, ...] = EdgeType.__args__  # type: ignore[attr-defined]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(Strict):
    """One supporting span: `quote == text[start:end]` of document `doc`."""

    doc: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    page: int | None = Field(default=None, ge=1, description="page of the quote's first character (PDF)")
    basis: DoerBasis | None = None  # on a doer's edge: why this sentence credits that doer

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Evidence:
        if self.end - self.start != len(self.quote):
            raise ValueError(f"span {self.start}:{self.end} does not fit quote of length {len(self.quote)}")
        return self

    @classmethod
    def from_text(cls, doc: str, text: str, start: int, end: int) -> Evidence:
        return cls(doc=doc, start=start, end=end, quote=text[start:end])

    def key(self) -> tuple[str, int, int]:
        return (self.doc, self.start, self.end)


class NodeBase(Strict):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Region(NodeBase):
    label: Literal["Region"] = "Region"
    level: Literal["country", "province", "city", "county", "town", "village"] | None = None
    code: str | None = None


class Official(NodeBase):
    label: Literal["Official"] = "Official"
    title: str | None = None
    organization: str | None = None


class Organization(NodeBase):
    label: Literal["Organization"] = "Organization"
    kind: str | None = None


class Hospital(NodeBase):
    label: Literal["Hospital"] = "Hospital"
    kind: str | None = None


class Program(NodeBase):
    label: Literal["Program"] = "Program"


class Target(NodeBase):
    label: Literal["Target"] = "Target"
    metric: str
    value: float
    unit: str = ""
    comparator: Literal["<=", ">=", "="] = "="
    year: int | None = None
    kind: Literal["goal", "achieved"] = "goal"


class Document(NodeBase):
    """`file` is the document's file name, the `doc` of its evidence; `name` is its title."""

    label: Literal["Document"] = "Document"
    file: str
    title: str = ""
    date: str | None = None
    year: int | None = None
    sha256: str = ""
    chars: int = 0
    region: str | None = None
    format: str | None = None  # the format it was read from: txt, html, pdf, docx
    pages: int | None = None  # a PDF's page count


Node = Annotated[
    Region | Official | Organization | Hospital | Program | Target | Document,
    Field(discriminator="label"),
]


class Edge(Strict):
    type: EdgeType
    source: str
    target: str
    evidence: list[Evidence] = Field(default_factory=list)

    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)


class DocumentExtraction(Strict):
    """Everything one document contributes to the graph."""

    document: Document
    text: str
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)

    @model_validator(mode="after")
    def _evidence_is_in_text(self) -> DocumentExtraction:
        for item in [*self.nodes, *self.edges]:
            for ev in item.evidence:
                if ev.doc == self.document.file and self.text[ev.start : ev.end] != ev.quote:
                    raise ValueError(f"evidence {ev.start}:{ev.end} does not match the text of {ev.doc}")
        return self
