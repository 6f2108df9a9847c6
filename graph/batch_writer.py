"""Several documents written together: their UNWIND steps merged by query name into batches.

One document yields a few hundred rows, so writing documents one at a time costs a round trip
per label and per edge type of each. The writer keeps documents until their rows reach
`min_rows`, then writes them as one batch, keeping each document's guarantees:

- every document of the batch is locked (graph/backend.py document_lock) while it is written;
- every Document node is written first, incomplete, before any fact of the batch, and every one
  is marked complete after the last fact, so a crash mid-batch leaves only incomplete
  documents, whose facts readers skip and `GraphStore.sweep_incomplete` removes;
- a document's status (loaded, replaced, repaired, unchanged) is decided under its lock.

Steps are merged generically: any step whose parameters are `{"rows": [...]}` is merged with
the same query's rows of the other documents, in an order consistent with every document's own
order of queries (nodes before the edges that match them). Within one UNWIND call a key (the
row's scalar fields: a node's id, an edge's ends) appears once, so an upsert that appends to a
list always sees the previous document's append.
"""

from __future__ import annotations

import contextlib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.aliases import release_alias_steps
from graph.backend import DEFAULT_BATCH_SIZE
from graph.store import GraphStore, IngestOutcome
from loaders.models import DocumentExtraction

Step = tuple[str, dict[str, Any]]
MIN_BATCH_ROWS = 1000


@dataclass
class _Pending:
    file: str
    sha256: str
    first: Step  # the Document node, incomplete
    middle: list[Step]  # the facts
    last: Step  # the Document marked complete
    nodes: int
    edges: int

    @property
    def rows(self) -> int:
        return sum(len(params.get("rows", ())) for _, params in self.middle)


def _mergeable(steps: Sequence[Step]) -> bool:
    return all(set(params) == {"rows"} and isinstance(params["rows"], list) for _, params in steps)


def _names(steps: Sequence[Step]) -> list[str]:
    names: list[str] = []
    for name, _ in steps:
        if not names or names[-1] != name:  # a long list is split into several calls of one query
            names.append(name)
    return names


def consistent_order(sequences: Iterable[Sequence[str]]) -> list[str] | None:
    """Query names in an order that keeps every sequence's own order (ties: first seen first),
    or None when two sequences disagree."""
    first_seen: dict[str, int] = {}
    after: dict[str, set[str]] = defaultdict(set)
    before_count: dict[str, int] = defaultdict(int)
    for sequence in sequences:
        for name in sequence:
            first_seen.setdefault(name, len(first_seen))
        for a, b in zip(sequence, sequence[1:], strict=False):
            if a != b and b not in after[a]:
                after[a].add(b)
                before_count[b] += 1
    ready = [(index, name) for name, index in first_seen.items() if not before_count[name]]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, name = heapq.heappop(ready)
        order.append(name)
        for nxt in after[name]:
            before_count[nxt] -= 1
            if not before_count[nxt]:
                heapq.heappush(ready, (first_seen[nxt], nxt))
    return order if len(order) == len(first_seen) else None


def _row_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(
        (k, v) for k, v in sorted(row.items()) if v is None or isinstance(v, str | int | float | bool)
    )


def split_rows(rows: Sequence[dict[str, Any]], size: int = DEFAULT_BATCH_SIZE) -> list[list[dict[str, Any]]]:
    """Calls of at most `size` rows in which no key repeats; a key's rows keep their order."""
    calls: list[list[dict[str, Any]]] = []
    keys: list[set[tuple[Any, ...]]] = []
    last_call: dict[tuple[Any, ...], int] = {}
    open_from = 0  # calls before this one are full
    for row in rows:
        key = _row_key(row)
        index = max(open_from, last_call.get(key, -1) + 1)
        while index < len(calls) and len(calls[index]) >= size:
            index += 1
        if index == len(calls):
            calls.append([])
            keys.append(set())
        calls[index].append(row)
        keys[index].add(key)
        last_call[key] = index
        while open_from < len(calls) and len(calls[open_from]) >= size:
            open_from += 1
    return calls


def merge_steps(documents: Sequence[Sequence[Step]]) -> list[Step]:
    """The steps of several documents as few calls as possible (see the module doc)."""
    order = consistent_order([_names(steps) for steps in documents])
    if order is None or not all(_mergeable(steps) for steps in documents):
        return [step for steps in documents for step in steps]
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for steps in documents:
        for name, params in steps:
            rows[name].extend(params["rows"])
    return [(name, {"rows": call}) for name in order for call in split_rows(rows[name])]


class BatchWriter:
    """Collects documents' writes and writes them in batches of at least `min_rows` rows."""

    def __init__(self, store: GraphStore, min_rows: int = MIN_BATCH_ROWS) -> None:
        self.store = store
        self.min_rows = min_rows
        self.pending: list[_Pending] = []
        self.batches = 0

    @property
    def pending_rows(self) -> int:
        return sum(p.rows for p in self.pending)

    def add(self, extraction: DocumentExtraction) -> list[IngestOutcome]:
        """Queue one document (validated now: DocumentError before anything is written); the
        outcomes of any batch this completes."""
        steps = self.store.document_steps(extraction)
        document = extraction.document
        doc = _Pending(
            document.file, document.sha256, steps[0], steps[1:-1], steps[-1],
            len(extraction.nodes), len(extraction.edges),
        )  # fmt: skip
        written: list[IngestOutcome] = []
        fits = (
            _mergeable(doc.middle)
            and consistent_order([*(_names(p.middle) for p in self.pending), _names(doc.middle)]) is not None
        )
        if not fits or any(p.file == doc.file for p in self.pending):
            written += self.flush()  # one lock per file per batch, and one order of queries
        self.pending.append(doc)
        if not fits or self.pending_rows >= self.min_rows:
            written += self.flush()
        return written

    def flush(self) -> list[IngestOutcome]:
        """Write what is queued; the documents' outcomes in the order they were added."""
        if not self.pending:
            return []
        pending, self.pending = self.pending, []
        backend = self.store.backend
        outcomes: list[IngestOutcome] = []
        with contextlib.ExitStack() as locks:
            for file in sorted({p.file for p in pending}):  # one order everywhere: no deadlock
                locks.enter_context(backend.document_lock(file))
            first: list[Step] = []
            middles: list[list[Step]] = []
            last: list[Step] = []
            for doc in pending:
                status = self.store.ingest_status(doc.file, doc.sha256)
                if status == "unchanged":
                    outcomes.append(IngestOutcome(doc.file, status, 0, 0))
                    continue
                first += release_alias_steps(doc.file)  # the name now holds its own text
                if status != "loaded":
                    first += self.store.retract_steps(doc.file)
                first.append(doc.first)
                middles.append(doc.middle)
                last.append(doc.last)
                outcomes.append(IngestOutcome(doc.file, status, doc.nodes, doc.edges))
            if middles:
                backend.write_all([*first, *merge_steps(middles), *last])
                self.batches += 1
        return outcomes
