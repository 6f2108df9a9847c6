"""Query parameters shared by the paginated endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

Limit = Annotated[int, Query(ge=1, le=500, description="page size (1–500)", examples=[20])]
Offset = Annotated[int, Query(ge=0, description="rows to skip; `total` counts all pages", examples=[0])]
