from __future__ import annotations

import asyncio
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request, UploadFile
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool

from api.deps import ApiKeyDep, SettingsDep, StoreDep
from api.errors import ApiError
from api.ingest import IngestSummary
from api.ingest_stream import ingest_stream
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
from graph.aliases import remove_alias
from graph.rows import evidence_prefix, public_node
from graph.store import GraphStore
from loaders.errors import DocumentError

router = APIRouter(prefix="/api/documents", tags=["documents"])

DocumentRef = Annotated[
    str,
    PathParam(description="document id (doc:<file>) or file name", examples=["doc:001_b1280b1a44e49c58.txt"]),
]
MAX_NAME_BYTES = 255  # what the file systems the text goes through accept
DISCONNECT_POLL_S = 0.5
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
    description="A report (.txt, .html/.htm, .pdf or .docx, sniffed from the content) is read, "
    "extracted and written; re-uploading the same text changes nothing (`unchanged`), changed "
    "text replaces the old facts (`replaced`), "
    "and leftovers of an interrupted ingest are cleaned up (`repaired`); a file whose exact text "
    "another document already holds is recorded as that document's alias, not extracted again "
    "(`duplicate`, with `duplicate_of`). Uploads under one name "
    "are applied one at a time, so the graph always holds exactly one version of each file; one "
    "that waits longer than the server's lock wait gets 409. Extraction has a time budget and "
    "stops when the client disconnects.",
    responses={
        400: {"description": "unreadable document, bad file name, or over the time budget"},
        409: {"description": "another upload or deletion of this file is still running"},
        413: {"description": "too large"},
        **AUTH,
    },
    dependencies=[ApiKeyDep],
)
async def upload_document(
    request: Request, store: StoreDep, settings: SettingsDep, file: UploadFile
) -> UploadPublic:
    name = _safe_name(file.filename)
    content = await file.read(settings.max_upload_bytes + 1)
    if len(content) > settings.max_upload_bytes:
        raise ApiError(413, f"documents are limited to {settings.max_upload_bytes} bytes")
    client_gone = threading.Event()
    watcher = asyncio.create_task(_watch_disconnect(request, client_gone))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(content)
            try:
                shutting_down: threading.Event = request.app.state.shutting_down
                stop = lambda: client_gone.is_set() or shutting_down.is_set()  # noqa: E731
                summary = await run_in_threadpool(_ingest_upload, store, path, stop)
            except DocumentError as exc:
                raise ApiError(400, str(exc).replace(tmp + "/", ""), "bad_document") from exc
    finally:
        watcher.cancel()
    outcome = summary.outcomes[0]
    return UploadPublic(
        id=f"doc:{outcome.file}",
        file=outcome.file,
        status=outcome.status,
        nodes=outcome.nodes,
        edges=outcome.edges,
        duplicate_of=f"doc:{outcome.duplicate_of}" if outcome.duplicate_of else None,
    )


def _ingest_upload(store: GraphStore, path: Path, stop: Callable[[], bool]) -> IngestSummary:
    return ingest_stream(store, [path], workers=1, cancelled=stop)


def _safe_name(filename: str | None) -> str:
    """The upload's base name, refused when it cannot name a file here."""
    raw = (filename or "").replace("\\", "/")
    name = raw.rsplit("/", 1)[-1].strip()
    if not name or name in (".", ".."):
        raise ApiError(400, f"the uploaded file needs a name (got {filename!r})", "bad_document")
    if "\x00" in name or any(ord(ch) < 32 for ch in name):
        raise ApiError(400, "the uploaded file name holds control characters", "bad_document")
    try:
        encoded = name.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, "the uploaded file name is not valid UTF-8", "bad_document") from None
    if len(encoded) > MAX_NAME_BYTES:
        raise ApiError(400, f"file names are limited to {MAX_NAME_BYTES} bytes", "bad_document")
    return name


async def _watch_disconnect(request: Request, gone: threading.Event) -> None:
    while not gone.is_set():
        if await request.is_disconnected():
            gone.set()
            return
        await asyncio.sleep(DISCONNECT_POLL_S)


@router.delete(
    "/{ref}",
    response_model=DeletedPublic,
    summary="Retract a document: facts only it supported go, shared facts lose its evidence",
    description="Edges and nodes only this document supported are deleted; those other documents "
    "also support stay, minus this document's quotes; the Document node and its text go, with "
    "its aliases (other file names of the same text). Given one of those aliases, only that alias "
    "is removed (`alias_removed`): the text stays loaded under its other names.",
    responses={**NOT_FOUND, **AUTH, 409: {"description": "an upload of this file is still running"}},
    dependencies=[ApiKeyDep],
)
def delete_document(store: StoreDep, ref: DocumentRef) -> DeletedPublic:
    deleted = store.delete_document(ref)
    if deleted is None:
        owner = remove_alias(store, ref)  # a name of a duplicate: that name goes, the text stays
        if owner is None:
            raise ApiError(404, f"no document with id or file '{ref}'")
        return DeletedPublic(
            id=owner["id"], file=owner["file"], edges_removed=0, edges_kept=0, alias_removed=ref
        )
    stored, removed, kept = deleted
    return DeletedPublic(id=stored["id"], file=stored["file"], edges_removed=removed, edges_kept=kept)
