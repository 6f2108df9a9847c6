from __future__ import annotations

import hmac
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Header, UploadFile

from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.ingest import extract_paths, ingest_extractions
from loaders.errors import DocumentError

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.post(
    "",
    status_code=201,
    summary="Ingest one uploaded document (multipart field `file`)",
    responses={400: {"description": "unreadable document"}, 401: {"description": "missing or wrong API key"}},
)
def upload_document(
    store: StoreDep,
    settings: SettingsDep,
    file: UploadFile,
    x_api_key: Annotated[str | None, Header()] = None,
) -> dict[str, object]:
    if settings.api_key and not hmac.compare_digest(x_api_key or "", settings.api_key):
        raise ApiError(401, "this server requires the X-API-Key header")
    name = Path(file.filename or "").name
    if not name:
        raise ApiError(400, "the uploaded file has no name", "bad_document")
    content = file.file.read(settings.max_upload_bytes + 1)
    if len(content) > settings.max_upload_bytes:
        raise ApiError(413, f"documents are limited to {settings.max_upload_bytes} bytes")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        try:
            extractions = extract_paths([path])
        except DocumentError as exc:
            raise ApiError(400, str(exc).replace(tmp + "/", ""), "bad_document") from exc
    summary = ingest_extractions(store, extractions)
    outcome = summary.outcomes[0]
    return {
        "id": f"doc:{outcome.file}",
        "file": outcome.file,
        "status": outcome.status,
        "nodes": outcome.nodes,
        "edges": outcome.edges,
    }
