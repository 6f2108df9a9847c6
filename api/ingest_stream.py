"""Documents on disk to the graph as a stream: check → extract on every core → write in batches.

1. Every file is checked first (size, signature, readable, decodes, no NUL) and its text hashed;
   only the names and hashes are kept, so a bad file stops the run before the first write and
   memory does not grow with the corpus.
2. A file whose text is already stored under its name (as a document or an alias) is
   `unchanged` without being extracted; one whose text another document already holds (read from
   the same format) is a `duplicate`, recorded as that document's alias (graph/aliases.py), also
   without extraction.
3. The rest are extracted by `workers` long-lived child processes (api/extract_worker.py: started
   while the files are checked, each killable, every document under its time budget), at most
   two per worker ahead of the writer, and taken in file order, so a run writes the same graph
   whatever the number of workers.
4. Extractions go to the batch writer (graph/batch_writer.py), which writes once their rows
   reach a batch, each document still atomic (incomplete until marked complete last).

A document whose extraction fails later (over its time budget, or the engine cannot store it)
stops the run with that file named; documents of earlier batches stay written, each complete.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from api.extract_worker import WorkerPool
from api.ingest import IngestSummary, check_document_file, check_text
from api.ingest_progress import Progress
from graph.aliases import StoredDocuments, record_duplicate
from graph.batch_writer import MIN_BATCH_ROWS, BatchWriter
from graph.store import GraphStore, IngestOutcome
from loaders.decode import iter_document_paths
from loaders.models import DocumentExtraction
from loaders.readers import read_path
from loaders.readers.apply import apply_reading

AHEAD_PER_WORKER = 2


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    file: str  # the document's file name
    sha256: str  # of the decoded text's UTF-8 bytes, as Document.sha256
    size: int  # bytes on disk
    format: str  # what it was read as: txt, html, pdf, docx

    @property
    def content(self) -> tuple[str, str]:
        """What makes two files one document: the same text read from the same format."""
        return self.sha256, self.format


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def check_files(paths: list[Path]) -> list[CheckedFile]:
    """Every file checked and hashed; DocumentError names the first bad one."""
    checked = []
    for path in iter_document_paths(paths):
        check_document_file(path)
        reading = read_path(path)
        check_text(reading.file, reading.text)
        digest = hashlib.sha256(reading.text.encode("utf-8")).hexdigest()
        checked.append(CheckedFile(path, reading.file, digest, path.stat().st_size, reading.format))
    return checked


def _extract(workers: WorkerPool, checked: CheckedFile, cancelled: Callable[[], bool]) -> DocumentExtraction:
    reading = read_path(checked.path)
    with workers.worker() as worker:
        extraction = worker.extract(reading.file, reading.text, cancelled=cancelled)
    return apply_reading(extraction, reading)


def ingest_stream(
    store: GraphStore,
    paths: list[Path],
    workers: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    min_rows: int = MIN_BATCH_ROWS,
) -> IngestSummary:
    started = time.perf_counter()
    workers = workers or default_workers()
    progress = progress or Progress(enabled=False)
    extractors = WorkerPool(workers)  # they start (and the fork server loads jieba) meanwhile
    try:
        return _ingest_stream(store, paths, workers, extractors, progress, cancelled, min_rows, started)
    finally:
        extractors.close()


def _ingest_stream(
    store: GraphStore,
    paths: list[Path],
    workers: int,
    extractors: WorkerPool,
    progress: Progress,
    cancelled: Callable[[], bool] | None,
    min_rows: int,
    started: float,
) -> IngestSummary:
    files = check_files(paths)
    store.ensure_schema()
    summary = IngestSummary(workers=workers, bytes=sum(f.size for f in files))
    progress.start(len(files), summary.bytes)

    def done(outcome: IngestOutcome, checked: CheckedFile, facts: int = 0) -> None:
        summary.outcomes.append(outcome)
        progress.advance(checked.size, facts)

    first_of_text: dict[tuple[str, str], str] = {}  # content -> the file of this run that loads it
    to_extract: list[CheckedFile] = []
    later_duplicates: list[CheckedFile] = []
    stored = StoredDocuments(store)
    for checked in files:
        again = first_of_text.get(checked.content) == checked.file  # one file named twice
        twin = stored.twin(checked.sha256, checked.format, checked.file)
        if again or stored.unchanged(checked.file, checked.sha256):
            done(IngestOutcome(checked.file, "unchanged", 0, 0), checked)
        elif checked.content in first_of_text:
            later_duplicates.append(checked)  # recorded once its twin is written
        elif twin and (duplicate := record_duplicate(store, checked.file, checked.sha256, checked.format)):
            done(duplicate, checked)
        else:
            first_of_text[checked.content] = checked.file
            to_extract.append(checked)

    writer = BatchWriter(store, min_rows)
    stop = threading.Event()
    stopped = lambda: stop.is_set() or bool(cancelled and cancelled())  # noqa: E731
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="extract")
    window: deque[tuple[CheckedFile, Future[DocumentExtraction]]] = deque()
    queue = iter(to_extract)

    def submit() -> None:
        checked = next(queue, None)
        if checked is not None:
            window.append((checked, pool.submit(_extract, extractors, checked, stopped)))

    try:
        for _ in range(workers * AHEAD_PER_WORKER):
            submit()
        while window:
            checked, future = window.popleft()
            extraction = future.result()
            submit()
            progress.advance(checked.size, len(extraction.edges))
            summary.outcomes += writer.add(extraction)
            del extraction  # the writer holds its rows; the models can go
        summary.outcomes += writer.flush()
        for checked in later_duplicates:
            outcome = record_duplicate(store, checked.file, checked.sha256, checked.format)
            if outcome is not None:
                done(outcome, checked)
                continue
            extraction = _extract(extractors, checked, stopped)  # its twin was not written after all
            progress.advance(checked.size, len(extraction.edges))
            summary.outcomes += writer.add(extraction)
            summary.outcomes += writer.flush()
    except BaseException:
        stop.set()  # running extractions are killed, queued ones never start
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        progress.close()  # a terminal gets its cursor back, whatever happened
    summary.batches = writer.batches
    summary.seconds = time.perf_counter() - started
    return summary
