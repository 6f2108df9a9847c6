"""Merging extractions into the export JSON shape of CONTRACT.md.

Nodes merge by id (aliases and evidence joined), edges by (type, source, target) with their
evidence concatenated; the graph layer and the extraction bench share this one function.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from loaders.models import DocumentExtraction, Edge, Evidence

NODE_FIELDS_NOT_EXPORTED = ("evidence",)


def _evidence_list(items: Iterable[Evidence]) -> list[dict[str, Any]]:
    seen: set[tuple[str, int, int]] = set()
    out: list[dict[str, Any]] = []
    for ev in items:
        if ev.key() in seen:
            continue
        seen.add(ev.key())
        out.append(ev.model_dump(exclude_none=True))
    return out


def export_from_extractions(extractions: Iterable[DocumentExtraction]) -> dict[str, list[dict[str, Any]]]:
    """One export document (`{"nodes": [...], "edges": [...]}`) for all extractions, in first-seen order."""
    nodes: dict[str, dict[str, Any]] = {}
    node_evidence: dict[str, list[Evidence]] = {}
    edges: dict[tuple[str, str, str], list[Evidence]] = {}
    for extraction in extractions:
        for node in [extraction.document, *extraction.nodes]:
            flat = node.model_dump(exclude={"evidence"})
            if node.id in nodes:
                known = nodes[node.id]
                known["aliases"] = sorted(set(known.get("aliases") or []) | set(flat.get("aliases") or []))
                for key, value in flat.items():
                    if known.get(key) in (None, "") and value not in (None, ""):
                        known[key] = value
            else:
                nodes[node.id] = flat
            node_evidence.setdefault(node.id, []).extend(node.evidence)
        for edge in extraction.edges:
            edges.setdefault(edge.key(), []).extend(edge.evidence)
    out_nodes = []
    for node_id, flat in nodes.items():
        out_nodes.append({**flat, "evidence": _evidence_list(node_evidence[node_id])})
    out_edges = [
        Edge(type=t, source=s, target=d).model_dump(exclude={"evidence"}) | {"evidence": _evidence_list(evs)}
        for (t, s, d), evs in edges.items()
    ]
    return {"nodes": out_nodes, "edges": out_edges}
