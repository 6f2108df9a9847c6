"""The graph as healthkg uses it: schema, document ingest and retraction, export, counts.

A document is written nodes first, then edges, then its Document node (with the full text, so
the API can show every quote in place) marked complete; a
re-ingest of changed text retracts the old facts first. All parsing and validation happens
before the first write, so bad input never leaves a half-written graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.backend import GraphBackend
from graph.rows import (
    edge_row,
    evidence_from_json,
    evidence_prefix,
    node_row,
    public_node,
    query_suffix,
)
from loaders.models import EDGE_TYPES, NODE_LABELS, DocumentExtraction

INDEX_QUERIES = ("index_entity_id", *(f"index_{query_suffix(label)}_id" for label in NODE_LABELS))
EXPORT_PAGE = 5000
DELETE_BATCH = 10_000


@dataclass(frozen=True)
class IngestOutcome:
    file: str
    status: str  # "loaded", "replaced" or "unchanged"
    nodes: int
    edges: int


class GraphStore:
    def __init__(self, backend: GraphBackend) -> None:
        self.backend = backend
        self._schema_ready = False

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        for name in (*INDEX_QUERIES, "index_document_file"):
            self.backend.ensure_index(name)
        self._schema_ready = True

    def document_state(self, file: str) -> dict[str, Any] | None:
        rows = self.backend.read("document_state", {"file": file})
        return rows[0] if rows else None

    def ingest(self, extraction: DocumentExtraction) -> IngestOutcome:
        self.ensure_schema()
        document = extraction.document
        state = self.document_state(document.file)
        if (
            state
            and state.get("complete")
            and state.get("has_text")
            and state.get("sha256") == document.sha256
        ):
            return IngestOutcome(document.file, "unchanged", 0, 0)
        status = "loaded"
        if state or self._mentions_exist(document.file):
            self.retract(document.file)
            status = "replaced"
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node in extraction.nodes:
            by_label[node.label].append(node_row(node, document.file))
        for label, rows in by_label.items():
            self.backend.write_batches(f"upsert_{query_suffix(label)}", rows)
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for edge in extraction.edges:
            by_type[edge.type].append(edge_row(edge))
        for edge_type, rows in by_type.items():
            self.backend.write_batches(f"upsert_{query_suffix(edge_type)}", rows)
        doc_row = node_row(document, document.file)
        doc_row["props"]["complete"] = False
        doc_row["props"]["text"] = extraction.text
        self.backend.write_batches("upsert_document", [doc_row])
        self.backend.run("mark_document_complete", {"id": document.id})
        return IngestOutcome(document.file, status, len(extraction.nodes), len(extraction.edges))

    def _mentions_exist(self, file: str) -> bool:
        """A crashed ingest leaves facts without a complete Document node; find them to clean up."""
        return bool(self.backend.read("count_mentions_of_document", {"file": file})[0]["total"])

    def retract(self, file: str) -> None:
        params = {"file": file, "evidence_prefix": evidence_prefix(file)}
        for query_name in (
            "delete_edges_only_in_document",
            "retract_document_edges",
            "delete_nodes_only_in_document",
            "retract_document_nodes",
        ):
            self.backend.run(query_name, params)
        self.backend.run("delete_document_node", {"file": file})

    def reset(self) -> None:
        while self.backend.run("delete_all", {"batch": DELETE_BATCH})[0]["deleted"]:
            pass

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {row["label"]: row["count"] for row in self.backend.read("count_nodes_by_label")}
        edges = {row["type"]: row["count"] for row in self.backend.read("count_edges_by_type")}
        return {"nodes": nodes, "edges": edges}

    def _paged(self, query_name: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        offset = 0
        while True:
            page = self.backend.read(query_name, {"offset": offset, "limit": EXPORT_PAGE})
            rows.extend(page)
            if len(page) < EXPORT_PAGE:
                return rows
            offset += EXPORT_PAGE

    def stored_graph(self) -> dict[str, list[dict[str, Any]]]:
        """The whole graph as stored, bookkeeping included (nodes' docs and evidence, Documents'
        complete and text, edges' docs): what a bulk import needs to equal an ingest."""
        nodes = [row["node"] for row in self._paged("export_nodes")]
        edges = [
            {"type": row["type"], "source": row["source"], "target": row["target"],
             "evidence": row["evidence"] or [], "docs": row.get("docs") or []}
            for row in self._paged("export_edges")
            if row["type"] in EDGE_TYPES
        ]  # fmt: skip
        return {"nodes": nodes, "edges": edges}

    def export(self) -> dict[str, list[dict[str, Any]]]:
        """The whole graph in the contract's export JSON shape."""
        nodes = [public_node(row["node"]) for row in self._paged("export_nodes")]
        edges = [
            {
                "type": row["type"],
                "source": row["source"],
                "target": row["target"],
                "evidence": evidence_from_json(row["evidence"]),
            }
            for row in self._paged("export_edges")
            if row["type"] in EDGE_TYPES
        ]
        return {"nodes": nodes, "edges": edges}
