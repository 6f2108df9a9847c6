"""JSON answers of the hot read routes, serialized once.

FastAPI validates and serializes a sync route's return value against its `response_model` in a
second hop through the thread pool; these routes build that model themselves, so they return its
JSON (the same bytes: pydantic's serializer with aliases, as FastAPI's fast path uses) and keep
`response_model` in the decorator for the OpenAPI schema.
"""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel


def model_response(model: BaseModel) -> Response:
    return Response(content=model.model_dump_json(by_alias=True), media_type="application/json")
