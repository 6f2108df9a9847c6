from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request

from api.cypher_guard import CypherRefused, bounded, check_read_only
from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.schemas import QueryIn, QueryResultPublic
from api.settings import ServiceSettings

router = APIRouter(prefix="/api/query", tags=["query"])

# Example bodies for the OpenAPI page; user input, so kept as data rather than as named queries.
EXAMPLES = json.loads((Path(__file__).resolve().parent.parent / "query_examples.json").read_text("utf-8"))
PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_PARAM_DEPTH = 16
# A statement that got its slot with less time than this left would only time out: busy instead.
MIN_RUN_MS = 250


def query_slots(settings: ServiceSettings) -> threading.BoundedSemaphore:
    """How many /api/query statements run at once; the rest wait within their own timeout."""
    return threading.BoundedSemaphore(max(1, settings.query_concurrency))


def _check_params(value: Any, where: str = "params", depth: int = 0) -> None:
    """What the engine's parameter header cannot carry is a 422 here, not an engine error."""
    if depth > MAX_PARAM_DEPTH:
        raise ApiError(422, f"{where}: nested deeper than {MAX_PARAM_DEPTH} levels")
    if isinstance(value, dict):
        for key, item in value.items():
            if not PARAM_NAME.fullmatch(key):
                raise ApiError(422, f"{where}: key {key!r} is not a parameter name ([A-Za-z_][A-Za-z0-9_]*)")
            _check_params(item, f"{where}.{key}", depth + 1)
    elif isinstance(value, list):
        for k, item in enumerate(value):
            _check_params(item, f"{where}[{k}]", depth + 1)
    elif isinstance(value, str) and "\x00" in value:
        raise ApiError(422, f"{where}: strings may not contain NUL characters")


@router.post(
    "",
    response_model=QueryResultPublic,
    summary="Run one read-only Cypher statement (for researchers)",
    description=(
        "Writes and admin clauses (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV, FOREACH, "
        "non-read procedures, GRAPH.* …) and multiple statements are refused with 400 before the "
        "query reaches the graph, which then runs it in read-only mode. The row cap is enforced by "
        "the engine (a LIMIT is added or lowered; rows beyond the cap are reported as `truncated`), "
        "the engine aborts a query that takes more memory than its cap, a result larger than the "
        "server's byte cap is refused, and the timeout counts the wait for a free query slot: a "
        "query that finds none in time gets 503 with Retry-After."
    ),
    responses={
        400: {"description": "refused by the guard, rejected by the engine, timed out or too large"},
        503: {"description": "every query slot stayed busy for the whole timeout"},
    },
)
def run_query(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    body: Annotated[QueryIn, Body(openapi_examples=EXAMPLES)],
) -> QueryResultPublic:
    started = time.monotonic()
    try:
        check_read_only(body.cypher)
    except CypherRefused as exc:
        raise ApiError(400, str(exc), "query_refused") from exc
    _check_params(body.params)
    text = bounded(body.cypher, settings.query_max_rows)
    slots: threading.BoundedSemaphore = request.app.state.query_slots
    timeout_s = settings.query_timeout_ms / 1000
    waited = not slots.acquire(blocking=False)
    if waited and not slots.acquire(timeout=timeout_s):
        raise ApiError(503, "every query slot stayed busy for the whole timeout; try again", "busy")
    try:
        remaining_ms = int((timeout_s - (time.monotonic() - started)) * 1000)
        if waited and remaining_ms < MIN_RUN_MS:
            raise ApiError(503, "the timeout ran out while waiting for a query slot; try again", "busy")
        rows = store.backend.execute(text, body.params, read_only=True, timeout_ms=max(1, remaining_ms))
    finally:
        slots.release()
    kept = rows[: settings.query_max_rows]
    size = len(json.dumps(kept, ensure_ascii=False, default=str))
    if size > settings.query_max_bytes:
        raise ApiError(
            400,
            f"the result takes {size} bytes, more than this server returns ({settings.query_max_bytes}); "
            "return fewer or smaller values",
            "result_too_large",
        )
    columns = list(kept[0]) if kept else []
    return QueryResultPublic(columns=columns, rows=kept, count=len(kept), truncated=len(rows) > len(kept))
