"""The graph as healthkg uses it: schema, document ingest and retraction, export, counts.

A document is written nodes first, then edges, then its Document node (with the full text, so
the API can show every quote in place) marked complete; a
re-ingest of changed text retracts the old facts first. All parsing and validation happens
before the first write, so bad input never leaves a half-written graph.

One writer per document file: every ingest and retraction holds the backend's document lock
(lock files for the embedded server, a lease in the graph otherwise), so concurrent uploads
under one name are applied one after the other and the graph holds exactly one version. The
Document node is written first with complete = false and marked complete last: reads skip the
facts of incomplete documents, and `sweep_incomplete` removes what an interrupted ingest left.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.backend import DEFAULT_BATCH_SIZE, GraphBackend
from graph.rows import (
    edge_key,
    edge_row,
    evidence_from_json,
    evidence_prefix,
    node_row,
    public_node,
    query_suffix,
)
from loaders.errors import DocumentError
from loaders.models import EDGE_TYPES, NODE_LABELS, DocumentExtraction


def _batched(query_name: str, rows: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (query_name, {"rows": rows[start : start + DEFAULT_BATCH_SIZE]})
        for start in range(0, len(rows), DEFAULT_BATCH_SIZE)
    ]


INDEX_QUERIES = ("index_entity_id", *(f"index_{query_suffix(label)}_id" for label in NODE_LABELS))
# Every engine's own `index_*` queries (the engines index different structures) run after these.
INDEX_PREFIX = "index_"
EXPORT_PAGE = 5000
DELETE_BATCH = 10_000


def fact_lists(extraction: DocumentExtraction) -> dict[str, list[str]]:
    """The Document's `fact_nodes` and `fact_edges`: the ids and edge keys it writes."""
    return {
        "fact_nodes": list(dict.fromkeys(node.id for node in extraction.nodes)),
        "fact_edges": list(dict.fromkeys(edge_key(e.type, e.source, e.target) for e in extraction.edges)),
    }


@dataclass(frozen=True)
class IngestOutcome:
    file: str
    # "loaded" (new), "replaced" (another version was there), "repaired" (an interrupted
    # ingest's leftovers were there), "unchanged" (this exact text was already complete) or
    # "duplicate" (another file holds this exact text: recorded as an alias of `duplicate_of`)
    status: str
    nodes: int
    edges: int
    duplicate_of: str | None = None  # the file of the document this one's text duplicates


def _refused_by_engine(value: Any) -> str | None:
    """What an engine refuses in a value (NUL ends its strings; lone surrogates cannot be UTF-8;
    the parameter header has no NaN or infinity)."""
    if isinstance(value, str):
        if "\x00" in value:
            return f"a NUL character at offset {value.index(chr(0))}"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"an unencodable character at offset {exc.start}"
    elif isinstance(value, float) and not math.isfinite(value):
        return f"the number {value}"
    elif isinstance(value, dict):
        return next((found for v in value.values() if (found := _refused_by_engine(v))), None)
    elif isinstance(value, list | tuple):
        return next((found for v in value if (found := _refused_by_engine(v))), None)
    return None


class GraphStore:
    def __init__(self, backend: GraphBackend) -> None:
        self.backend = backend
        self._schema_ready = False

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        others = [n for n in self.backend.catalog.names() if n.startswith(INDEX_PREFIX)]
        for name in dict.fromkeys((*INDEX_QUERIES, "index_document_file", *others)):
            self.backend.ensure_index(name)
        self._schema_ready = True
        self._add_fact_lists()

    def _add_fact_lists(self) -> None:
        """A graph stored by a version before the lookup structures gets them, once, by reading
        the graph: the Documents' `fact_nodes` / `fact_edges` (a few seconds per thousand
        documents on a large graph) and the nodes' search keys."""
        old_documents = self.backend.read("documents_without_fact_lists")
        if old_documents:
            self.backend.run("add_search_keys")
            self.backend.run("add_metric_keys")
        for row in old_documents:
            file = row["file"]
            with self.backend.document_lock(file):
                params = {"file": file, "evidence_prefix": evidence_prefix(file)}
                facts = self.backend.read("document_facts_by_scan", params)
                nodes = self.backend.read("document_node_ids_by_scan", {"file": file})
                self.backend.run("set_document_fact_lists", {
                    "file": file,
                    "fact_nodes": sorted(nodes[0]["ids"]) if nodes else [],
                    "fact_edges": [edge_key(r["type"], r["source"]["id"], r["target"]["id"]) for r in facts],
                })  # fmt: skip

    def document_state(self, file: str) -> dict[str, Any] | None:
        rows = self.backend.read("document_state", {"file": file})
        return rows[0] if rows else None

    def document_steps(self, extraction: DocumentExtraction) -> list[tuple[str, dict[str, Any]]]:
        """Every write of one document, validated: DocumentError before anything is written."""
        document = extraction.document
        steps: list[tuple[str, dict[str, Any]]] = []
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node in extraction.nodes:
            by_label[node.label].append(node_row(node, document.file))
        for label, rows in by_label.items():
            steps += _batched(f"upsert_{query_suffix(label)}", rows)
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for edge in extraction.edges:
            by_type[edge.type].append(edge_row(edge))
        for edge_type, rows in by_type.items():
            steps += _batched(f"upsert_{query_suffix(edge_type)}", rows)
        doc_row = node_row(document, document.file)
        doc_row["props"]["complete"] = False
        doc_row["props"]["text"] = extraction.text
        # What this document writes, on its Document node before any fact is written: reads and
        # retraction find its facts by id (cypher/documents.cypher), also after a crash mid-ingest.
        doc_row["props"].update(fact_lists(extraction))
        # The Document first (incomplete: readers skip its facts from now on), complete last.
        steps.insert(0, ("upsert_document", {"rows": [doc_row]}))
        steps.append(("mark_document_complete", {"id": document.id}))
        for _, params in steps:
            problem = _refused_by_engine(params)
            if problem:
                raise DocumentError(f"{document.file}: the graph cannot store {problem}")
        return steps

    def ingest(self, extraction: DocumentExtraction) -> IngestOutcome:
        self.ensure_schema()
        document = extraction.document
        steps = self.document_steps(extraction)
        with self.backend.document_lock(document.file):
            status, retraction = self.ingest_status(document.file, document.sha256)
            if status == "unchanged":
                return IngestOutcome(document.file, "unchanged", 0, 0)
            self.backend.write_all([*retraction, *steps])
        return IngestOutcome(document.file, status, len(extraction.nodes), len(extraction.edges))

    def ingest_status(self, file: str, sha256: str) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
        """What writing this version of `file` would be (IngestOutcome.status) and the writes that
        must remove the version there first, from one read of its state; call it under the file's
        document lock, since the answer holds only while no other writer runs."""
        state = self.document_state(file)
        if state and state.get("complete") and state.get("has_text") and state.get("sha256") == sha256:
            return "unchanged", []
        if state and state.get("complete"):
            return "replaced", self.retract_steps(file, state)
        # No Document node: no facts either (it is written before them and removed after
        # them); an older version's leftovers without one are removed by sweep_incomplete.
        return ("repaired", self.retract_steps(file, state)) if state else ("loaded", [])

    def retract_steps(self, file: str, state: dict[str, Any] | None) -> list[tuple[str, dict[str, Any]]]:
        """The writes that remove one document's facts, given its document_state: through the
        Document's fact lists; by reading the whole graph only when there are none (no Document
        node: an older version's leftovers)."""
        params = {"file": file, "evidence_prefix": evidence_prefix(file)}
        suffix = "" if state and state.get("has_fact_lists") else "_by_scan"
        return [
            *((name + suffix, params) for name in (
                "delete_edges_only_in_document",
                "retract_document_edges",
                "delete_nodes_only_in_document",
                "retract_document_nodes",
            )),
            ("delete_document_node", {"file": file}),
        ]  # fmt: skip

    def retract(self, file: str) -> None:
        with self.backend.document_lock(file):
            self.backend.write_all(self.retract_steps(file, self.document_state(file)))

    def delete_document(self, ref: str) -> tuple[dict[str, Any], int, int] | None:
        """Retract one document by id or file under its lock: (document, edges removed, kept)."""
        rows = self.backend.read("find_document", {"ref": ref})
        if not rows:
            return None
        file = rows[0]["document"]["file"]
        with self.backend.document_lock(file):
            rows = self.backend.read("find_document", {"ref": ref})
            if not rows:
                return None  # deleted by another writer while we waited
            facts = self.backend.read(
                "document_facts", {"file": file, "evidence_prefix": evidence_prefix(file)}
            )
            kept = sum(1 for row in facts if row["documents"] > 1)
            self.backend.write_all(self.retract_steps(file, self.document_state(file)))
        return rows[0]["document"], len(facts) - kept, kept

    def sweep_incomplete(self) -> list[str]:
        """Remove the facts of documents that never completed (an ingest killed before the end)."""
        self.ensure_schema()  # also creates the graph, so reading an empty one is no error
        swept = []
        for row in self.backend.read("incomplete_document_files"):
            file = row["file"]
            with self.backend.document_lock(file):
                state = self.document_state(file)
                if state and state.get("complete"):
                    continue  # finished by its writer while we waited
                self.backend.write_all(self.retract_steps(file, state))
                swept.append(file)
        return swept

    def reset(self) -> None:
        while self.backend.run("delete_all", {"batch": DELETE_BATCH})[0]["deleted"]:
            pass

    def counts(self) -> dict[str, dict[str, int]]:
        self.ensure_schema()  # a graph nothing was written to yet exists once indexed
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
