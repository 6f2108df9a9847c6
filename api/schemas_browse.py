"""Response models of the explorer's browsing endpoints (partners, programs list, document stats)."""

from __future__ import annotations

from pydantic import Field

from api.schemas import EntityRefPublic, EvidencePublic, Page, Public


class PartnerPairPublic(Public):
    source: EntityRefPublic
    target: EntityRefPublic
    evidence: list[EvidencePublic]


class PartnerPairsPublic(Page):
    data: list[PartnerPairPublic]


class ProgramSummaryPublic(Public):
    program: EntityRefPublic
    implementers: int = Field(description="entities that implement the program")
    targets: int = Field(description="targets the program itself sets")


class ProgramSummariesPublic(Page):
    data: list[ProgramSummaryPublic]


class DocumentFactsPublic(Public):
    file: str
    facts: int = Field(description="edges with at least one quote from this document")


class DocumentStatsPublic(Public):
    data: list[DocumentFactsPublic]
