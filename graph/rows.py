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
# `grams` and `search` are the name-and-alias search keys (see `search_grams`); a Document's
# `fact_nodes` and `fact_edges` list what it wrote, so its facts are found without a scan.
STORAGE_ONLY_PROPERTIES = (
    "docs", "evidence", "complete", "text", "grams", "search", "metric_grams", "fact_nodes",
    "fact_edges",
)  # fmt: skip
# Joins an edge's type, source and target in a Document's `fact_edges` (ids never hold it).
EDGE_KEY_SEPARATOR = "\t"


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


def search_grams(texts: list[str]) -> list[str]:
    """Every character and every pair of adjacent characters of the texts (name and aliases).

    Chinese has no spaces to split words on, so an index over these keys finds any substring:
    a query of two or more characters looks up its first pair and checks CONTAINS on the few
    nodes that hold it; a one-character query looks up that character."""
    grams: dict[str, None] = {}
    for text in texts:
        for i in range(len(text)):
            grams[text[i]] = None
            if i + 1 < len(text):
                grams[text[i : i + 2]] = None
    return list(grams)


def node_row(node: NodeBase, doc: str) -> dict[str, Any]:
    props = {k: v for k, v in node.model_dump().items() if k not in INTERNAL_NODE_FIELDS and v is not None}
    aliases = list(dict.fromkeys(node.aliases))
    metric = props.get("metric") if node.label == "Target" else None
    if isinstance(metric, str):
        props["metric_grams"] = search_grams([metric])  # commitments by metric, indexed
    return {
        "id": node.id,
        "props": props,
        "aliases": aliases,
        "grams": search_grams([node.name, *aliases]),
        "docs": [doc],
        "evidence": list(dict.fromkeys(evidence_to_json(ev) for ev in node.evidence)),
    }


def edge_key(edge_type: str, source: str, target: str) -> str:
    return EDGE_KEY_SEPARATOR.join((edge_type, source, target))


def merge_rows_by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Node rows of one label with one row per id (the lists united, the last props win): a batch
    that names a busy entity once per document would otherwise rebuild its lists once per row."""
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen = merged.get(row["id"])
        if seen is None:
            merged[row["id"]] = {**row, **{k: list(row[k]) for k in ("aliases", "grams", "docs", "evidence")}}
            continue
        seen["props"] = {**seen["props"], **row["props"]}
        for key in ("aliases", "grams", "docs", "evidence"):
            seen[key] = list(dict.fromkeys([*seen[key], *row[key]]))
    return list(merged.values())


def edge_row(edge: Edge) -> dict[str, Any]:
    return {
        "source": edge.source,
        "target": edge.target,
        "docs": sorted({ev.doc for ev in edge.evidence}),
        "evidence": [evidence_to_json(ev) for ev in edge.evidence],
    }


def public_node(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored node as the export and API show it: storage bookkeeping removed."""
    # (a projection that names properties returns null for those a node lacks: left out too)
    node = {k: v for k, v in stored.items() if k not in STORAGE_ONLY_PROPERTIES and v is not None}
    node.setdefault("aliases", [])
    return node


def query_suffix(name: str) -> str:
    """`SETS_TARGET` -> `sets_target`, `Organization` -> `organization` for query names."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() if not name.isupper() else name.lower()
