from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.schemas import HealthPublic
from graph.backend import GraphError

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=HealthPublic,
    summary="Service and graph liveness",
    description="Runs one small read on the graph; 503 with the reason when that fails.",
    responses={503: {"description": "the graph is unreachable"}},
)
def health(store: StoreDep) -> HealthPublic | JSONResponse:
    try:
        store.backend.read("count_documents")
    except GraphError as exc:
        return JSONResponse(
            status_code=503,
            content={"status": "unavailable", "graph": store.backend.name, "error": str(exc)},
        )
    return HealthPublic(status="ok", graph=store.backend.name)
