from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import StoreDep
from api.schemas import ExportPublic

router = APIRouter(prefix="/api/export", tags=["export"])


def _csv_zip(export: dict) -> bytes:
    from graph.export_csv import write_neo4j_admin_csv

    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in write_neo4j_admin_csv(export, Path(tmp)):
            archive.write(path, path.relative_to(tmp).as_posix())
    return buffer.getvalue()


@router.get(
    "",
    response_model=ExportPublic,
    summary="The whole graph: JSON (default), GraphML for Gephi, or neo4j-admin CSV files in a zip",
    description="JSON is the contract's export shape (document texts are left out; "
    "GET /api/documents/{id}/text has them). `csv` zips the node and relationship files "
    "`neo4j-admin database import` reads, with what ingest stores (sources, quotes, document "
    "texts), so a bulk-loaded graph answers like an ingested one.",
    responses={
        200: {
            "content": {"application/graphml+xml": {}, "application/zip": {}},
            "description": "JSON, GraphML or a zip of CSV files, by `format`",
        }
    },
)
def export(
    store: StoreDep,
    format: Annotated[
        Literal["json", "graphml", "csv"], Query(description="export format", examples=["graphml"])
    ] = "json",
) -> ExportPublic | Response:
    if format == "csv":
        return Response(
            _csv_zip(store.stored_graph()),
            media_type="application/zip",
            headers={"Content-Disposition": 'attachment; filename="healthkg-csv.zip"'},
        )
    data = store.export()
    if format == "graphml":
        from graph.export_graphml import write_graphml

        return Response(
            write_graphml(data),
            media_type="application/graphml+xml",
            headers={"Content-Disposition": 'attachment; filename="healthkg.graphml"'},
        )
    return ExportPublic(**data)
