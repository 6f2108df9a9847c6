from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Body

from api.cypher_guard import CypherRefused, check_read_only
from api.deps import SettingsDep, StoreDep
from api.errors import ApiError
from api.schemas import QueryIn, QueryResultPublic

router = APIRouter(prefix="/api/query", tags=["query"])

# Example bodies for the OpenAPI page; user input, so kept as data rather than as named queries.
EXAMPLES = json.loads((Path(__file__).resolve().parent.parent / "query_examples.json").read_text("utf-8"))


@router.post(
    "",
    response_model=QueryResultPublic,
    summary="Run one read-only Cypher statement (for researchers)",
    description=(
        "Writes and admin clauses (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV, FOREACH, "
        "non-read procedures, GRAPH.* …) and multiple statements are refused with 400 before the "
        "query reaches the graph, which then runs it in read-only mode with the server's timeout. "
        "Rows beyond the server's cap are cut (`truncated`)."
    ),
    responses={400: {"description": "refused by the guard, rejected by the engine, or timed out"}},
)
def run_query(
    store: StoreDep, settings: SettingsDep, body: Annotated[QueryIn, Body(openapi_examples=EXAMPLES)]
) -> QueryResultPublic:
    try:
        check_read_only(body.cypher)
    except CypherRefused as exc:
        raise ApiError(400, str(exc), "query_refused") from exc
    rows = store.backend.execute(
        body.cypher, body.params, read_only=True, timeout_ms=settings.query_timeout_ms
    )
    kept = rows[: settings.query_max_rows]
    columns = list(kept[0]) if kept else []
    return QueryResultPublic(columns=columns, rows=kept, count=len(kept), truncated=len(rows) > len(kept))
