"""Documents on disk (or uploaded) to the graph: read and extract everything, then write.

Extraction of every given file finishes before the first write, so one unreadable file stops
the whole batch with nothing written.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import GraphStore, IngestOutcome
from loaders.decode import iter_document_paths
from loaders.models import DocumentExtraction
from loaders.pipeline import extract_document
from loaders.readers import read_path
from loaders.readers.apply import apply_reading


@dataclass
class IngestSummary:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    seconds: float = 0.0  # graph writes only
    extract_seconds: float | None = None

    @property
    def documents(self) -> int:
        return len(self.outcomes)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def nodes(self) -> int:
        return sum(outcome.nodes for outcome in self.outcomes)

    @property
    def edges(self) -> int:
        return sum(outcome.edges for outcome in self.outcomes)

    def describe(self) -> str:
        return (
            f"{self.documents} documents ({self.count('loaded')} loaded, {self.count('replaced')} replaced, "
            f"{self.count('unchanged')} unchanged), {self.nodes} nodes, {self.edges} edges "
            f"written in {self.seconds:.2f} s"
            + (f"; extraction took {self.extract_seconds:.2f} s" if self.extract_seconds is not None else "")
        )


def extract_paths(paths: list[Path]) -> list[DocumentExtraction]:
    """Raises `loaders.errors.DocumentError` naming the first bad file."""
    extractions = []
    for path in iter_document_paths(paths):
        reading = read_path(path)  # .txt, .html/.htm, .pdf or .docx, sniffed from the content
        extractions.append(apply_reading(extract_document(reading.file, reading.text), reading))
    return extractions


def ingest_extractions(store: GraphStore, extractions: list[DocumentExtraction]) -> IngestSummary:
    started = time.perf_counter()
    summary = IngestSummary()
    for extraction in extractions:
        summary.outcomes.append(store.ingest(extraction))
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_paths(store: GraphStore, paths: list[Path]) -> IngestSummary:
    started = time.perf_counter()
    extractions = extract_paths(paths)
    extract_seconds = time.perf_counter() - started
    summary = ingest_extractions(store, extractions)
    summary.extract_seconds = extract_seconds
    return summary
