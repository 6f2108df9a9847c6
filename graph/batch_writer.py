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
the same query's rows of the other documents, in an order that keeps every document's own order
of queries (nodes before the edges that match them; see `merge_steps`). Within one UNWIND call a key (the
row's scalar fields: a node's id, an edge's ends) appears once, so an upsert that appends to a
list always sees the previous document's append.
"""

from __future__ import annotations

import contextlib
from collections import Counter, deque
from collections.abc import Sequence
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


def _runs(steps: Sequence[Step]) -> deque[tuple[str, list[dict[str, Any]]]]:
    """A document's steps with consecutive calls of one query joined (a long list is split)."""
    runs: deque[tuple[str, list[dict[str, Any]]]] = deque()
    for name, params in steps:
        if runs and runs[-1][0] == name:
            runs[-1][1].extend(params["rows"])
        else:
            runs.append((name, list(params["rows"])))
    return runs


def merge_steps(documents: Sequence[Sequence[Step]]) -> list[Step]:
    """The steps of several documents as few calls as possible. Each round runs one query for the
    documents whose next step it is; every document's own order of queries is kept, and each
    query's rows are written in the documents' order (so lists that grow by appending, a node's
    evidence, end as one-at-a-time ingests leave them). A query no document needs later is chosen
    first (so it runs once), the most common first; else the first document's next one."""
    if not all(_mergeable(steps) for steps in documents):
        return [step for steps in documents for step in steps]
    queues = [_runs(steps) for steps in documents]
    first_seen: dict[str, int] = {}
    for queue in queues:
        for name, _ in queue:
            first_seen.setdefault(name, len(first_seen))
    merged: list[Step] = []
    while any(queues):
        heads = Counter(queue[0][0] for queue in queues if queue)
        later = {name for queue in queues for name, _ in list(queue)[1:]}
        ready = [name for name in heads if name not in later]
        name = (
            min(ready, key=lambda n: (-heads[n], first_seen[n]))
            if ready
            else next(queue[0][0] for queue in queues if queue)
        )
        rows: list[dict[str, Any]] = []
        for queue in queues:
            if queue and queue[0][0] == name:
                rows.extend(queue.popleft()[1])
            elif any(step == name for step, _ in queue):
                break  # this document needs the query later: the ones after it wait for it
        merged += [(name, {"rows": call}) for call in split_rows(rows)]
    return merged


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
        fits = _mergeable(doc.middle)
        if not fits or any(p.file == doc.file for p in self.pending):
            written += self.flush()  # one lock per file per batch; odd steps go alone
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
            written: list[str] = []  # names that now hold their own text: no alias any more
            first: list[Step] = []
            middles: list[list[Step]] = []
            last: list[Step] = []
            for doc in pending:
                status, retraction = self.store.ingest_status(doc.file, doc.sha256)
                if status == "unchanged":
                    outcomes.append(IngestOutcome(doc.file, status, 0, 0))
                    continue
                written.append(doc.file)
                first += retraction
                first.append(doc.first)
                middles.append(doc.middle)
                last.append(doc.last)
                outcomes.append(IngestOutcome(doc.file, status, doc.nodes, doc.edges))
            if middles:
                backend.write_all([*release_alias_steps(written), *first, *merge_steps(middles), *last])
                self.batches += 1
        return outcomes
