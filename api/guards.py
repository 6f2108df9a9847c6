"""Checks that run before a route reads anything: the API key of writing requests (so an
unauthenticated upload is refused before its body is read), the declared size of an upload, and
NUL characters in the path or query string (the engines end strings at NUL)."""

from __future__ import annotations

import hmac
from urllib.parse import parse_qsl, unquote

from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import error_response

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
KEYED_PREFIX = "/api/documents"
MULTIPART_SLACK = 64 * 1024  # boundaries and part headers around the file itself


def api_key_matches(given: bytes | str | None, expected: str) -> bool:
    """Constant-time, on bytes: a header with non-ASCII characters is simply a wrong key."""
    if given is None:
        return False
    raw = given if isinstance(given, bytes) else given.encode("latin-1", "replace")
    return hmac.compare_digest(raw, expected.encode("utf-8"))


def _has_nul(scope: Scope) -> bool:
    if "\x00" in scope.get("path", ""):
        return True
    query = scope.get("query_string", b"").decode("latin-1")
    if "%00" not in query and "\x00" not in query:
        return False
    return any(
        "\x00" in key or "\x00" in value for key, value in parse_qsl(query, keep_blank_values=True)
    ) or ("\x00" in unquote(query))


class RequestGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope):  # noqa: ANN202 (a Response or None)
        if _has_nul(scope):
            return error_response(422, "invalid_parameter", "parameters may not contain NUL characters")
        if scope["method"] not in WRITE_METHODS or not scope["path"].startswith(KEYED_PREFIX):
            return None
        settings = getattr(scope["app"].state, "settings", None)
        if settings is None:
            return None
        headers = dict(scope.get("headers", []))
        if settings.api_key and not api_key_matches(headers.get(b"x-api-key"), settings.api_key):
            return error_response(401, "unauthorized", "this server requires the X-API-Key header")
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > settings.max_upload_bytes + MULTIPART_SLACK:
            return error_response(
                413, "too_large", f"documents are limited to {settings.max_upload_bytes} bytes"
            )
        return None
