"""Dependencies injected into routes: the graph store opened in the app's lifespan, the settings,
and the API-key check of the writing endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from api.errors import ApiError
from api.guards import api_key_matches
from api.settings import ServiceSettings
from graph.store import GraphStore


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


def get_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[
        str | None, Header(description="required when the server sets HEALTHKG_API_KEY")
    ] = None,
) -> None:
    if settings.api_key and not api_key_matches(x_api_key, settings.api_key):
        raise ApiError(401, "this server requires the X-API-Key header")


ApiKeyDep = Depends(require_api_key)
