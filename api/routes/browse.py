"""Lists the explorer's relationship and documents pages read: partner pairs, programs, fact counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.params import Limit, Offset
from api.schemas import EntityRefPublic
from api.schemas_browse import (
    DocumentFactsPublic,
    DocumentStatsPublic,
    PartnerPairPublic,
    PartnerPairsPublic,
    ProgramSummariesPublic,
    ProgramSummaryPublic,
)
from api.scope import region_members
from api.views import evidence_list

router = APIRouter(tags=["browse"])


@router.get(
    "/api/partners",
    response_model=PartnerPairsPublic,
    summary="Who partners with whom (PARTNERS_WITH), each pair with its quotes",
    description="`region` (id, exact name or alias) keeps pairs with at least one end in that region, "
    "its sub-regions (PART_OF) or LOCATED_IN them.",
    responses={404: {"description": "the `region` filter names no region"}},
)
def partners(
    store: StoreDep,
    region: Annotated[
        str | None, Query(description="region id, name or alias, sub-regions included", examples=["南昌市"])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> PartnerPairsPublic:
    members = None
    if region:
        members = region_members(store, region)
    rows = store.backend.read("partner_pairs", {"members": members, "limit": limit, "offset": offset})
    total = store.backend.read("count_partner_pairs", {"members": members})[0]["total"]
    data = [
        PartnerPairPublic(
            source=EntityRefPublic(**row["source"]),
            target=EntityRefPublic(**row["target"]),
            evidence=evidence_list(row["evidence"]),
        )
        for row in rows
    ]
    return PartnerPairsPublic(data=data, total=total, limit=limit, offset=offset)


@router.get(
    "/api/programs",
    response_model=ProgramSummariesPublic,
    summary="Every program with its number of implementers and targets",
    description="Most implemented first; open one with /api/programs/{id}.",
)
def programs(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> ProgramSummariesPublic:
    rows = store.backend.read("program_list", {"limit": limit, "offset": offset})
    total = store.backend.read("count_programs")[0]["total"]
    data = [
        ProgramSummaryPublic(
            program=EntityRefPublic(**row["program"]),
            implementers=row["implementers"],
            targets=row["targets"],
        )
        for row in rows
    ]
    return ProgramSummariesPublic(data=data, total=total, limit=limit, offset=offset)


@router.get(
    "/api/document-stats",
    response_model=DocumentStatsPublic,
    summary="How many facts (edges) each document supports",
    description="One row per document file that at least one edge quotes.",
)
def document_stats(store: StoreDep) -> DocumentStatsPublic:
    rows = store.backend.read("document_fact_counts")
    return DocumentStatsPublic(data=[DocumentFactsPublic(**row) for row in rows])
