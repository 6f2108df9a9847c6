"""One property's type across a column of values, named as both neo4j-admin and GraphML name them."""

from __future__ import annotations

from typing import Any


def scalar_type(values: list[Any]) -> str:
    """`boolean`, `long`, `double` or `string`: the narrowest type every present value fits."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "double"
    return "string"
