from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.schemas import ExportPublic

router = APIRouter(prefix="/api/export", tags=["export"])


@router.get("", response_model=ExportPublic, summary="The whole graph in the export JSON shape")
def export(
    store: StoreDep,
    format: Annotated[Literal["json"], Query(description="export format")] = "json",
) -> ExportPublic:
    return ExportPublic(**store.export())
