"""Typed facts to the primitive rows the engines store, and back.

FalkorDB stores only primitives and lists of primitives, so evidence is kept as compact JSON
strings with a fixed key order; a document's entries then share the prefix `{"doc":"<file>",`
which lets retraction filter them in Cypher on either engine.
"""

from __future__ import annotations

import json
import re
from typing import Any

from loaders.models import Edge, Evidence, NodeBase

INTERNAL_NODE_FIELDS = frozenset({"evidence", "aliases", "id"})
# `text` is the Document's full text: served by the documents API, left out of exports and entity views.
STORAGE_ONLY_PROPERTIES = ("docs", "evidence", "complete", "text")


def evidence_to_json(ev: Evidence) -> str:
    stored: dict[str, Any] = {"doc": ev.doc, "start": ev.start, "end": ev.end, "quote": ev.quote}
    # Optional fields come last, so the `{"doc":…,` prefix used for retraction holds.
    if ev.page is not None:  # only documents with pages (PDF) have it
        stored["page"] = ev.page
    if ev.basis is not None:
        stored["basis"] = ev.basis
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":"))


def evidence_prefix(doc: str) -> str:
    """The leading characters every stored evidence string of `doc` starts with."""
    return json.dumps({"doc": doc}, ensure_ascii=False, separators=(",", ":"))[:-1] + ","


def evidence_from_json(items: list[str] | None) -> list[dict[str, Any]]:
    return [json.loads(item) for item in items or []]


def node_row(node: NodeBase, doc: str) -> dict[str, Any]:
    props = {k: v for k, v in node.model_dump().items() if k not in INTERNAL_NODE_FIELDS and v is not None}
    return {
        "id": node.id,
        "props": props,
        "aliases": list(dict.fromkeys(node.aliases)),
        "docs": [doc],
        "evidence": [evidence_to_json(ev) for ev in node.evidence],
    }


def edge_row(edge: Edge) -> dict[str, Any]:
    return {
        "source": edge.source,
        "target": edge.target,
        "docs": sorted({ev.doc for ev in edge.evidence}),
        "evidence": [evidence_to_json(ev) for ev in edge.evidence],
    }


def public_node(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored node as the export and API show it: storage bookkeeping removed."""
    node = {k: v for k, v in stored.items() if k not in STORAGE_ONLY_PROPERTIES}
    node.setdefault("aliases", [])
    return node


def query_suffix(name: str) -> str:
    """`SETS_TARGET` -> `sets_target`, `Organization` -> `organization` for query names."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() if not name.isupper() else name.lower()
