"""The service's one settings object, read from the environment when asked (never at import)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from graph.backend import GraphSettings


class ServiceSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    graph: GraphSettings = Field(default_factory=GraphSettings)
    api_key: str | None = None
    cors_origins: list[str] = Field(default_factory=list)
    load_paths: list[Path] = Field(default_factory=list)
    query_timeout_ms: int = 5000
    query_max_rows: int = 1000
    max_upload_bytes: int = 20_000_000
    # /api/query: heavy queries at once (more wait for a slot within their timeout, then 503), and
    # the largest result it returns (the engine's QUERY_MEM_CAPACITY bounds the work before that).
    query_concurrency: int = 1
    query_max_bytes: int = 10_000_000

    @classmethod
    def from_env(
        cls,
        graph_url: str | None = None,
        data_dir: str | Path | None = None,
        load_paths: list[Path] | None = None,
    ) -> ServiceSettings:
        origins = os.environ.get("HEALTHKG_CORS_ORIGINS", "")
        return cls(
            graph=GraphSettings.from_env(graph_url, data_dir),
            api_key=os.environ.get("HEALTHKG_API_KEY") or None,
            cors_origins=[origin.strip() for origin in origins.split(",") if origin.strip()],
            load_paths=load_paths or [],
            query_timeout_ms=int(os.environ.get("HEALTHKG_QUERY_TIMEOUT_MS", "5000")),
            query_max_rows=int(os.environ.get("HEALTHKG_QUERY_MAX_ROWS", "1000")),
            query_concurrency=int(os.environ.get("HEALTHKG_QUERY_CONCURRENCY", "1")),
            query_max_bytes=int(os.environ.get("HEALTHKG_QUERY_MAX_BYTES", "10000000")),
            max_upload_bytes=int(os.environ.get("HEALTHKG_MAX_DOCUMENT_BYTES", "20000000")),
        )
