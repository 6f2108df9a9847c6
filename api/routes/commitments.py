from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.schemas import CommitmentPublic, CommitmentsPublic

router = APIRouter(prefix="/api/commitments", tags=["commitments"])


@router.get(
    "",
    response_model=CommitmentsPublic,
    summary="Who committed to (or reported) what figure, each with its quote",
)
def commitments(
    store: StoreDep,
    by: Annotated[str | None, Query(description="committer id, name or alias", examples=["新建区"])] = None,
    metric: Annotated[str | None, Query(description="substring of the metric", examples=["家庭医生"])] = None,
    year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
    kind: Annotated[Literal["goal", "achieved"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> CommitmentsPublic:
    params = {"by": by or None, "metric": metric or None, "year": year, "kind": kind}
    rows = store.backend.read("commitments", {**params, "limit": limit, "offset": offset})
    total = store.backend.read("count_commitments", params)[0]["total"]
    evidence = [json.loads(row.pop("evidence")) for row in rows]
    files = sorted({ev["doc"] for ev in evidence})
    documents = {d["file"]: d for d in store.backend.read("documents_by_file", {"files": files})}
    data = []
    for row, ev in zip(rows, evidence, strict=True):
        document = documents.get(ev["doc"], {})
        data.append(
            CommitmentPublic(
                **row,
                doc=ev["doc"],
                document_id=document.get("id"),
                date=document.get("date"),
                quote=ev["quote"],
                start=ev["start"],
                end=ev["end"],
            )
        )
    return CommitmentsPublic(data=data, total=total, limit=limit, offset=offset)
