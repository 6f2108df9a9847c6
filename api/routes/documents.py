from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, UploadFile
from fastapi import Path as PathParam

from api.deps import ApiKeyDep, SettingsDep, StoreDep
from api.errors import ApiError
from api.ingest import extract_paths, ingest_extractions
from api.params import Limit, Offset
from api.schemas import (
    DeletedPublic,
    DocumentDetailPublic,
    DocumentPublic,
    DocumentsPublic,
    DocumentTextPublic,
    UploadPublic,
)
from api.views import fact_view
from graph.rows import evidence_prefix, public_node
from graph.store import GraphStore
from loaders.errors import DocumentError

router = APIRouter(prefix="/api/documents", tags=["documents"])

DocumentRef = Annotated[
    str,
    PathParam(description="document id (doc:<file>) or file name", examples=["doc:001_b1280b1a44e49c58.txt"]),
]
NOT_FOUND = {404: {"description": "no document has this id or file name"}}
AUTH = {401: {"description": "HEALTHKG_API_KEY is set and X-API-Key is missing or wrong"}}


def _document_or_404(store: GraphStore, ref: str) -> dict[str, Any]:
    rows = store.backend.read("get_document", {"ref": ref})
    if not rows:
        raise ApiError(404, f"no document with id or file '{ref}'")
    return rows[0]["document"]


def _detail(store: GraphStore, stored: dict[str, Any]) -> DocumentDetailPublic:
    file = stored["file"]
    rows = store.backend.read("document_facts", {"file": file, "evidence_prefix": evidence_prefix(file)})
    return DocumentDetailPublic(
        document=DocumentPublic(**public_node(stored)), facts=[fact_view(row) for row in rows]
    )


@router.get(
    "",
    response_model=DocumentsPublic,
    summary="The ingested documents (metadata, no text)",
    description="Ordered by file name; the text is served one document at a time by /text.",
)
def list_documents(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> DocumentsPublic:
    rows = store.backend.read("list_documents", {"limit": limit, "offset": offset})
    total = store.backend.read("count_documents")[0]["total"]
    data = [DocumentPublic(**public_node(row["document"])) for row in rows]
    return DocumentsPublic(data=data, total=total, limit=limit, offset=offset)


@router.get(
    "/{ref}",
    response_model=DocumentDetailPublic,
    summary="One document's metadata and the facts it supports, with their spans",
    description="Every edge with a quote from this document, its evidence cut down to this document.",
    responses=NOT_FOUND,
)
def get_document(store: StoreDep, ref: DocumentRef) -> DocumentDetailPublic:
    return _detail(store, _document_or_404(store, ref))


@router.get(
    "/{ref}/text",
    response_model=DocumentTextPublic,
    summary="One document's full text with the spans of its facts",
    description="Every evidence `start`/`end` indexes into `text` (Python string offsets).",
    responses=NOT_FOUND,
)
def get_document_text(store: StoreDep, ref: DocumentRef) -> DocumentTextPublic:
    stored = _document_or_404(store, ref)
    detail = _detail(store, stored)
    return DocumentTextPublic(**detail.model_dump(), text=stored.get("text"))


@router.post(
    "",
    status_code=201,
    response_model=UploadPublic,
    summary="Ingest one uploaded document (multipart field `file`)",
    description="A report (.txt, .html/.htm, .pdf or .docx, sniffed from the content) is read, extracted "
    "and written; re-uploading the "
    "same text changes nothing (`unchanged`), changed text replaces the old facts (`replaced`).",
    responses={400: {"description": "unreadable document"}, 413: {"description": "too large"}, **AUTH},
    dependencies=[ApiKeyDep],
)
def upload_document(store: StoreDep, settings: SettingsDep, file: UploadFile) -> UploadPublic:
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
    outcome = ingest_extractions(store, extractions).outcomes[0]
    return UploadPublic(
        id=f"doc:{outcome.file}",
        file=outcome.file,
        status=outcome.status,
        nodes=outcome.nodes,
        edges=outcome.edges,
    )


@router.delete(
    "/{ref}",
    response_model=DeletedPublic,
    summary="Retract a document: facts only it supported go, shared facts lose its evidence",
    description="Edges and nodes only this document supported are deleted; those other documents "
    "also support stay, minus this document's quotes; the Document node and its text go.",
    responses={**NOT_FOUND, **AUTH},
    dependencies=[ApiKeyDep],
)
def delete_document(store: StoreDep, ref: DocumentRef) -> DeletedPublic:
    stored = _document_or_404(store, ref)
    file = stored["file"]
    facts = store.backend.read("document_facts", {"file": file, "evidence_prefix": evidence_prefix(file)})
    kept = sum(1 for row in facts if row["documents"] > 1)
    store.retract(file)
    return DeletedPublic(id=stored["id"], file=file, edges_removed=len(facts) - kept, edges_kept=kept)
