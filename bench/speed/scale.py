"""Latency of the main named queries at 10k / 100k / 1M nodes, their plans, and restart times.

Synthetic but same-shaped facts: the corpus's extractions copied with every entity but the
regions renamed (a new hospital, official, target… per copy), written through the project's own
batched UNWIND upserts (cypher/nodes.cypher, edges.cypher), many copies per batch. One graph
grows through the sizes; each size is measured before the next is written.

Restart: at the first size past `--restart-at` nodes the server is stopped with every write
still in the append-only tail (as the old settings left it: replayed command by command at
start: "before"), started and timed; then the tail is folded into a snapshot and the start is
timed again ("after"). At the largest size only "after" is timed.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from api.ingest import extract_paths
from bench.speed.common import as_copy, corpus_files, table, timed_ms
from graph import embedded
from graph.backend import GraphSettings, connect
from graph.embedded import EmbeddedFalkorDB, _aof_tail_bytes, _compact
from graph.rows import edge_row, evidence_prefix, merge_rows_by_id, node_row, query_suffix
from graph.store import GraphStore, fact_lists
from loaders.models import DocumentExtraction

GRAPH = "healthkg"
COPIES_PER_BATCH = 25


def _write_copies(backend: Any, copies: list[DocumentExtraction]) -> None:
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    documents = []
    for extraction in copies:
        for node in extraction.nodes:
            by_label[node.label].append(node_row(node, extraction.document.file))
        for edge in extraction.edges:
            by_type[edge.type].append(edge_row(edge))
        row = node_row(extraction.document, extraction.document.file)
        row["props"]["complete"] = True
        row["props"]["text"] = extraction.text
        row["props"].update(fact_lists(extraction))
        documents.append(row)
    for label, rows in by_label.items():
        # One row per id: a busy region is named by every copy in the batch.
        backend.write_batches(f"upsert_{query_suffix(label)}", merge_rows_by_id(rows), batch_size=2000)
    for edge_type, rows in by_type.items():
        backend.write_batches(f"upsert_{query_suffix(edge_type)}", rows, batch_size=2000)
    backend.write_batches("upsert_document", documents, batch_size=200)


def _node_count(backend: Any) -> int:
    return int(backend.execute("MATCH (n) RETURN count(n) AS c", {}, read_only=True)[0]["c"])


def _probe(extraction: DocumentExtraction) -> dict[str, str]:
    """A copy-0 entity with edges (its degree stays the same as the graph grows)."""
    degree: dict[str, int] = defaultdict(int)
    for edge in extraction.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    nodes = {node.id: node for node in extraction.nodes if node.label not in ("Region", "Document")}
    best = max(nodes, key=lambda node_id: degree[node_id])
    file = extraction.document.file
    committers = sorted(e.source for e in extraction.edges if e.type == "SETS_TARGET" and e.source in nodes)
    return {"id": best, "name": nodes[best].name, "file": file, "prefix": evidence_prefix(file),
            "committer": committers[0] if committers else best}  # fmt: skip


def _rare_region_name(backend: Any, extraction: DocumentExtraction) -> str:
    """A region name no other entity's name or alias contains (its matches stay one as the graph
    grows), to time a search whose answer does not grow; 南昌's answer grows with the copies."""
    for node in sorted(extraction.nodes, key=lambda n: (-len(n.name), n.id)):
        if node.label == "Region":
            params = {"q": node.name, "label": None}
            if backend.read("count_search_entities", params)[0]["total"] == 1:
                return node.name
    return "南昌"


def _queries(probe: dict[str, str]) -> dict[str, tuple[str, dict[str, Any]]]:
    page = {"offset": 0, "limit": 20}
    edges = {"id": probe["id"], "type": None, "quotes": 3, **page}
    hop = {"frontier": [probe["id"]], "inner": [], "types": None, "limit": 200}
    commitment = {"by": None, "metric": None, "year": None, "kind": None, "committers": None, **page}
    return {
        "search_entities q=南昌": ("search_entities", {"q": "南昌", "label": None, **page}),
        "count_search_entities": ("count_search_entities", {"q": "南昌", "label": None}),
        "search_entities, one match": ("search_entities", {"q": probe["rare"], "label": None, **page}),
        "count_search_entities, one match": ("count_search_entities", {"q": probe["rare"], "label": None}),
        "resolve_entity by id": ("resolve_entity", {"ref": probe["id"], "label": None}),
        "resolve_entity by name": ("resolve_entity", {"ref": probe["name"], "label": None}),
        "get_entity": ("get_entity", {"id": probe["id"]}),
        "count_entity_edges": ("count_entity_edges", {"id": probe["id"]}),
        "entity_outgoing_edges": ("entity_outgoing_edges", edges),
        "entity_incoming_edges": ("entity_incoming_edges", edges),
        "neighbor_edges": ("neighbor_edges", hop),
        "commitments metric=率": ("commitments_by_metric", {**commitment, "metric": "率"}),
        "commitments of one committer": (
            "commitments_of", {**commitment, "committers": [probe["committer"]]}),
        "document_facts": ("document_facts", {"file": probe["file"], "evidence_prefix": probe["prefix"]}),
        "count_mentions_of_document": ("count_mentions_of_document", {"file": probe["file"]}),
        "document_state": ("document_state", {"file": probe["file"]}),
    }  # fmt: skip


def _write_plans(probe: dict[str, str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """A document's retraction steps (explained, not run)."""
    params = {"file": probe["file"], "evidence_prefix": probe["prefix"]}
    names = ("delete_edges_only_in_document", "retract_document_edges",
             "delete_nodes_only_in_document", "retract_document_nodes")  # fmt: skip
    return {f"retraction: {name}": (name, params) for name in names}


def _measure(backend: Any, probe: dict[str, str], fresh: DocumentExtraction, repeat: int) -> dict[str, float]:
    results = {}
    for label, (name, params) in _queries(probe).items():
        try:
            results[label] = timed_ms(lambda n=name, p=params: backend.read(n, p), repeat)[0]
        except Exception as exc:  # noqa: BLE001 (a figure, not a test: report and go on)
            print(f"  {label}: failed: {str(exc)[:200]}")
            results[label] = float("nan")
    store = GraphStore(backend)
    started = time.perf_counter()
    store.ingest(fresh)
    results["ingest of one new report"] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    store.retract(fresh.document.file)
    results["retraction of that report"] = (time.perf_counter() - started) * 1000
    return results


def _plans(backend: Any, probe: dict[str, str]) -> None:
    print("### Plans (GRAPH.EXPLAIN) at the largest size\n")
    for label, (name, params) in {**_queries(probe), **_write_plans(probe)}.items():
        text = backend.catalog[name].text
        plan = backend._graph.explain(text, params)
        print(f"{label} (`{name}`):\n```\n{plan}\n```")
    print(flush=True)


def _timed_start(data_dir: Path) -> float:
    started = time.perf_counter()
    backend = EmbeddedFalkorDB(data_dir, GRAPH)
    seconds = time.perf_counter() - started
    backend.close()
    return seconds


def _restart_before_after(data_dir: Path, nodes: int, reports: int) -> list[object]:
    tail_mb = _aof_tail_bytes(data_dir) / 1e6
    before = _timed_start(data_dir)  # COMPACT_ABOVE_BYTES is out of reach: still the whole tail
    server = embedded.EmbeddedServer(data_dir)
    _compact(server.acquire(), wait_s=600)
    server.release()
    after = _timed_start(data_dir)
    return [f"{nodes:,}", reports, f"{tail_mb:.0f} MB of writes", f"{before:.1f}", f"{after:.1f}"]


def main(data_dir: Path, sizes: tuple[int, ...], repeat: int, restart_at: int, budget_s: float) -> None:
    extractions = extract_paths(corpus_files())
    probe = _probe(extractions[0])
    rare_pending = True
    # Nodes each renamed copy of the corpus adds (its regions are shared, its documents are new).
    per_copy = sum(1 + sum(node.label != "Region" for node in e.nodes) for e in extractions)
    settings = GraphSettings(url="embedded", data_dir=data_dir, graph_name=GRAPH)
    # Regions' quote lists grow with every report citing them: upserts of busy regions need
    # more than the service's per-query cap at the larger sizes.
    os.environ.setdefault(embedded.QUERY_MEM_ENV, "8192")
    keep = embedded.COMPACT_ABOVE_BYTES
    embedded.COMPACT_ABOVE_BYTES = 10**15  # the "before" restart needs the tail kept
    started_all = time.perf_counter()
    measured: dict[int, dict[str, float]] = {}
    restart_rows: list[list[object]] = []
    copy_index, reports = 0, 0
    backend = connect(settings)
    try:
        GraphStore(backend).ensure_schema()
        backend._db.connection.config_set("auto-aof-rewrite-percentage", 0)
        for size in sizes:
            write_started = time.perf_counter()
            while (count := _node_count(backend)) < size:
                if time.perf_counter() - started_all > budget_s:
                    break
                copies = min(COPIES_PER_BATCH, max(1, -(-(size - count) // per_copy)))
                batch = [as_copy(e, copy_index + i, True) for i in range(copies) for e in extractions]
                try:
                    _write_copies(backend, batch)
                except Exception as exc:  # noqa: BLE001 (report what was measured before it)
                    print(f"(writing stopped at {count:,} nodes: {str(exc)[:200]})", flush=True)
                    budget_s = 0
                    break
                copy_index += copies
                reports += len(batch)
            if count < size:  # measured at the size reached, then no further
                print(f"(stopped before {size:,} nodes: the {budget_s:.0f} s budget ran out at {count:,})")
                sizes = tuple(s for s in sizes if s <= size)
                size = count
            seconds = time.perf_counter() - write_started
            print(f"({count:,} nodes, {reports} reports: written in {seconds:.0f} s)", flush=True)
            if rare_pending:  # chosen at the first size, kept for the others
                probe["rare"], rare_pending = _rare_region_name(backend, extractions[0]), False
            fresh = as_copy(extractions[1], 10**6 + copy_index, True)
            measured[size] = _measure(backend, probe, fresh, repeat)
            measured[size]["(nodes)"] = count
            print(f"  {size:,}: " + ", ".join(f"{k} {v:.1f}" for k, v in measured[size].items()), flush=True)
            if size >= restart_at and not restart_rows:
                backend.close()
                restart_rows.append(_restart_before_after(data_dir, count, reports))
                print(f"  restart: {restart_rows[-1]}", flush=True)
                backend = connect(settings)
                backend._db.connection.config_set("auto-aof-rewrite-percentage", 0)
            if size == count:
                break
        _plans(backend, probe)
        # Fold the tail into the snapshot while connected: a stopped server would replay it first.
        tail = _aof_tail_bytes(data_dir) / 1e6
        _compact(backend.port, wait_s=900)
    finally:
        backend.close()
        embedded.COMPACT_ABOVE_BYTES = keep
    if measured:
        after = _timed_start(data_dir)
        restart_rows.append([f"{max(m['(nodes)'] for m in measured.values()):,.0f}", reports,
                             f"{tail:.0f} MB of writes", "(not timed)", f"{after:.1f}"])  # fmt: skip
    _print(measured, restart_rows)


def _print(measured: dict[int, dict[str, float]], restart_rows: list[list[object]]) -> None:
    sizes = sorted(measured)
    if not sizes:
        return
    print("## Scale: median ms per named query (synthetic same-shaped facts, project upserts)\n")
    labels = [label for label in measured[sizes[0]] if label != "(nodes)"]
    header = [
        "query",
        *(f"{measured[s]['(nodes)']:,.0f} nodes" for s in sizes),
        "largest / smallest",
    ]
    rows = []
    for label in labels:
        values = [measured[s][label] for s in sizes]
        ratio = values[-1] / values[0] if values[0] else float("nan")
        rows.append([label, *(f"{v:.1f}" for v in values), f"{ratio:.1f}×"])
    table(header, rows)
    print("## Restart of the embedded server (seconds from start to first answer)\n")
    table(["nodes", "reports", "append-only tail before", "before: tail replayed", "after: snapshot"],
          restart_rows)  # fmt: skip
