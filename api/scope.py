"""Entity references in query parameters: a name resolved to its node, and a `region` filter as
the entity ids it covers (the region, its sub-regions (PART_OF) and the bodies LOCATED_IN any of them)."""

from __future__ import annotations

from typing import Any

from api.errors import ApiError
from graph.store import GraphStore


def resolved_node(store: GraphStore, ref: str, label: str | None, missing: str) -> dict[str, Any]:
    """The node named by id, exact name or alias (in that order); 404 saying `missing` when none."""
    rows = store.backend.read("resolve_entity", {"ref": ref, "label": label})
    if not rows:
        raise ApiError(404, missing)
    return rows[0]["node"]


def region_members(store: GraphStore, region: str) -> list[str]:
    """Ids in the region named by id, exact name or alias; 404 when no region has that name."""
    resolved = resolved_node(store, region, "Region", f"no region with id, name or alias '{region}'")
    (scope,) = store.backend.read("region_scope", {"region_id": resolved["id"]})
    return scope["regions"] + scope["located"]
