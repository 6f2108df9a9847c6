from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import StoreDep
from api.errors import ApiError
from api.schemas import EntityPublic, LinkedEntityPublic, LinkedTargetPublic, PartnerPublic, ProgramPublic
from api.views import documents_by_file, evidence_list
from graph.rows import public_node

router = APIRouter(prefix="/api/programs", tags=["programs"])

LINKS = 50  # first implementers, targets, partners and documents; `totals` counts them all
QUOTES = 3  # first quotes of each link


@router.get(
    "/{program_id:path}",
    response_model=ProgramPublic,
    summary="A program: its implementers, its targets, their partners, the documents naming it",
    description="Implementers (IMPLEMENTS into the program), the targets the program sets, the "
    "partners (PARTNERS_WITH, either direction) of each implementer, and the documents naming it; "
    f"every link with its first {QUOTES} quotes and their count. Each list holds its first {LINKS} "
    "entries; `totals` counts them all. Find program ids with /api/entities?label=Program.",
    responses={404: {"description": "no Program has this id"}},
)
def get_program(
    store: StoreDep,
    program_id: Annotated[str, Path(description="a Program node id", examples=["program:医养结合"])],
) -> ProgramPublic:
    rows = store.backend.read("get_program", {"id": program_id})
    if not rows:
        raise ApiError(404, f"no program with id '{program_id}'")
    stored = rows[0]["node"]
    params = {"id": program_id, "limit": LINKS, "quotes": QUOTES}
    implementers = [
        LinkedEntityPublic(
            entity=row["entity"], evidence=evidence_list(row["evidence"]), quotes=row["quotes"]
        )
        for row in store.backend.read("program_implementers", params)
    ]
    targets = [
        LinkedTargetPublic(
            target=EntityPublic(**row["target"]),
            evidence=evidence_list(row["evidence"]),
            quotes=row["quotes"],
        )
        for row in store.backend.read("program_targets", params)
    ]
    partners = [
        PartnerPublic(
            implementer_id=row["implementer_id"],
            entity=row["entity"],
            evidence=evidence_list(row["evidence"]),
            quotes=row["quotes"],
        )
        for row in store.backend.read("program_partners", params)
    ]
    files = sorted(set(stored.get("docs") or []))
    documents = documents_by_file(store, files[:LINKS])
    (totals,) = store.backend.read("program_link_counts", {"id": program_id})
    return ProgramPublic(
        program=EntityPublic(**public_node(stored)),
        implementers=implementers,
        targets=targets,
        partners=partners,
        documents=[documents[file] for file in sorted(documents)],
        totals={**totals, "documents": len(files)},
    )
