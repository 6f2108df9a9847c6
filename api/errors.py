"""One error body for every failure: `{"error": {"code": ..., "message": ...}}`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.backend import DocumentBusy, GraphError, QueryRejected
from loaders.errors import DocumentError

STATUS_CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
                409: "document_busy", 413: "too_large", 422: "invalid_parameter",
                503: "graph_unavailable"}  # fmt: skip


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": {"code": code, "message": message}}, headers=headers
    )


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        # exc.headers carries Allow on a 405
        return error_response(
            exc.status_code, STATUS_CODES.get(exc.status_code, "error"), str(exc.detail), exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_parameter", _describe_validation(exc))

    @app.exception_handler(DocumentError)
    async def _document_error(_: Request, exc: DocumentError) -> JSONResponse:
        return error_response(400, "bad_document", str(exc))

    @app.exception_handler(QueryRejected)
    async def _query_rejected(_: Request, exc: QueryRejected) -> JSONResponse:
        return error_response(400, "query_rejected", str(exc))

    @app.exception_handler(DocumentBusy)
    async def _document_busy(_: Request, exc: DocumentBusy) -> JSONResponse:
        return error_response(409, "document_busy", str(exc), {"Retry-After": "5"})

    @app.exception_handler(GraphError)
    async def _graph_error(_: Request, exc: GraphError) -> JSONResponse:
        return error_response(503, "graph_unavailable", str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        # The last net: still the JSON error body, and no stack trace to the caller.
        return error_response(500, "internal_error", f"unexpected {type(exc).__name__}")
