"""A `region` filter as the entity ids it covers: the region, its sub-regions (PART_OF) and the
bodies LOCATED_IN any of them."""

from __future__ import annotations

from api.errors import ApiError
from graph.store import GraphStore


def region_members(store: GraphStore, region: str) -> list[str]:
    """Ids in the region named by id, exact name or alias; 404 when no region has that name."""
    resolved = store.backend.read("resolve_entity", {"ref": region, "label": "Region"})
    if not resolved:
        raise ApiError(404, f"no region with id, name or alias '{region}'")
    (scope,) = store.backend.read("region_scope", {"region_id": resolved[0]["node"]["id"]})
    return scope["regions"] + scope["located"]
