"""The FastAPI application: graph opened in the lifespan, routers, errors, CORS, explorer page."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from api.docs_offline import install_offline_docs
from api.errors import install_error_handlers
from api.guards import RequestGuard
from api.ingest import ingest_paths
from api.routes import (
    browse,
    canonical_metrics,
    commitments,
    documents,
    entities,
    export,
    health,
    metrics,
    paths,
    programs,
    query,
    search,
    tracks,
)
from api.routes.query import query_slots
from api.settings import ServiceSettings
from graph.backend import connect
from graph.store import GraphStore

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
DESCRIPTION = (
    "A knowledge graph of Chinese health-commission reports: who committed to which target, under "
    "which program, with which partners. Every fact carries the exact quote and its offsets."
)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        resolved = settings or ServiceSettings.from_env()
        backend = connect(resolved.graph)
        backend.query_timeout_ms = resolved.query_timeout_ms
        app.state.shutting_down = threading.Event()  # running extractions stop when it is set
        try:
            store = GraphStore(backend)
            store.ensure_schema()
            for file in store.sweep_incomplete():
                print(f"healthkg: removed the facts of an interrupted ingest of {file}", flush=True)
            if resolved.load_paths:
                summary = ingest_paths(store, resolved.load_paths)
                print(f"healthkg: loaded {summary.describe()}", flush=True)
            app.state.settings = resolved
            app.state.store = store
            app.state.query_slots = query_slots(resolved)
            yield
        finally:
            app.state.shutting_down.set()
            backend.close()

    # /docs and /redoc are served by install_offline_docs from packaged assets (no CDN).
    app = FastAPI(
        title="healthkg",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(RequestGuard)  # inside CORS, so its refusals carry the CORS headers
    cors = (settings.cors_origins if settings else None) or ServiceSettings.from_env().cors_origins
    if cors:
        app.add_middleware(CORSMiddleware, allow_origins=cors, allow_methods=["*"], allow_headers=["*"])
    install_error_handlers(app)
    for module in (health, entities, commitments, metrics, programs, paths, search, documents, query, export):
        app.include_router(module.router)
    app.include_router(tracks.router)
    app.include_router(canonical_metrics.router)
    app.include_router(browse.router)
    install_offline_docs(app)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def explorer() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html")

    return app
