"""Extraction in child processes: a time budget that holds, and work that stops when asked.

A Python thread cannot be stopped, so a document that takes too long (or whose uploader left,
or whose server is shutting down) would keep a core busy to the end. Documents are extracted in
long-lived worker processes forked from a warm fork server (jieba's dictionaries already loaded),
one document at a time each: a worker serves many documents, so a document costs its extraction
and not a process's start (forking, copying the pages it writes, tearing down: ~0.07 s a report).
A worker is killed when its document runs over the budget or the caller cancels (the caller gets
DocumentError; the next document starts a fresh worker), and replaced when its memory grows past
`HEALTHKG_EXTRACT_WORKER_MAX_MB`. Before each document the worker forgets the text it has seen
(loaders.lexicon.forget_seen_text), so its caches, and its memory, do not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

from loaders.errors import DocumentError
from loaders.models import DocumentExtraction

BUDGET_ENV = "HEALTHKG_EXTRACT_TIMEOUT_S"
DEFAULT_BUDGET_S = 300.0
MAX_MB_ENV = "HEALTHKG_EXTRACT_WORKER_MAX_MB"
DEFAULT_MAX_MB = 1500.0
POLL_S = 0.1

_context: Any = None
_context_lock = threading.Lock()


class ExtractionCancelled(DocumentError):
    """The caller stopped waiting (client gone, server shutting down)."""


def budget_s() -> float:
    try:
        return max(1.0, float(os.environ.get(BUDGET_ENV, DEFAULT_BUDGET_S)))
    except ValueError:
        return DEFAULT_BUDGET_S


def max_worker_mb() -> float:
    try:
        return max(100.0, float(os.environ.get(MAX_MB_ENV, DEFAULT_MAX_MB)))
    except ValueError:
        return DEFAULT_MAX_MB


def _get_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["api.extract_warm"])
            _context = context
        return _context


def _serve(conn: Connection) -> None:
    """A worker's loop: (file name, text) in, ("ok", extraction) or an error's text out."""
    from loaders.lexicon import forget_seen_text
    from loaders.pipeline import extract_document

    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if request is None:
            return
        file_name, text = request
        forget_seen_text()
        try:
            reply: tuple[str, Any] = ("ok", extract_document(file_name, text))
        except DocumentError as exc:
            reply = ("document_error", str(exc))
        except Exception as exc:  # noqa: BLE001 (reported to the parent as a bad document)
            reply = ("error", f"{type(exc).__name__}: {exc}")
        conn.send(reply)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


class ExtractionWorker:
    """One extraction process, started on first use and reused for the next document."""

    def __init__(self) -> None:
        self._process: Any = None
        self._conn: Connection | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self.close()
        context = _get_context()
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(target=_serve, args=(child_end,), daemon=True)
        process.start()
        child_end.close()
        self._process, self._conn = process, parent_end

    def close(self) -> None:
        """Kill the process (idle or not) and forget it; the next document starts a new one."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(timeout=5)

    def extract(
        self,
        file_name: str,
        text: str,
        budget: float | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> DocumentExtraction:
        """The document's extraction, or DocumentError when it fails, overruns or is cancelled
        (the process is then killed)."""
        budget = budget_s() if budget is None else budget
        self.start()
        process, conn = self._process, self._conn
        assert process is not None and conn is not None
        deadline = time.monotonic() + budget
        try:
            conn.send((file_name, text))
            while not conn.poll(POLL_S):
                if not process.is_alive() and not conn.poll(0):
                    raise DocumentError(f"{file_name}: extraction stopped (exit code {process.exitcode})")
                if cancelled is not None and cancelled():
                    raise ExtractionCancelled(f"{file_name}: extraction cancelled")
                if time.monotonic() >= deadline:
                    raise DocumentError(
                        f"{file_name}: extraction took longer than {budget:.0f} s "
                        f"({BUDGET_ENV} sets the budget)"
                    )
            try:
                kind, payload = conn.recv()
            except (EOFError, OSError):
                stopped = f"{file_name}: extraction stopped (exit code {process.exitcode})"
                raise DocumentError(stopped) from None
        except BaseException:
            self.close()  # a worker mid-document is never reused
            raise
        if _rss_mb(process.pid) > max_worker_mb():
            self.close()
        if kind != "ok":
            raise DocumentError(
                payload if kind == "document_error" else f"{file_name}: extraction failed: {payload}"
            )
        return payload


class WorkerPool:
    """`size` extraction workers for one run, started at once in the background (the fork server
    loads jieba meanwhile), lent to one caller at a time, all killed on close."""

    def __init__(self, size: int) -> None:
        self._idle: queue.Queue[ExtractionWorker] = queue.Queue()
        self._all = [ExtractionWorker() for _ in range(size)]
        self._closed = threading.Event()
        for worker in self._all:
            threading.Thread(target=self._start, args=(worker,), daemon=True, name="extract-start").start()

    def _start(self, worker: ExtractionWorker) -> None:
        try:
            if not self._closed.is_set():
                worker.start()
        except Exception:  # noqa: BLE001, S110 (started again, and the error raised, on first use)
            pass
        finally:
            if self._closed.is_set():
                worker.close()
            self._idle.put(worker)

    @contextmanager
    def worker(self) -> Iterator[ExtractionWorker]:
        worker = self._idle.get()
        try:
            yield worker
        finally:
            if self._closed.is_set():
                worker.close()
            self._idle.put(worker)

    def close(self) -> None:
        self._closed.set()
        for worker in self._all:
            worker.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extract_with_budget(
    file_name: str,
    text: str,
    budget: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DocumentExtraction:
    """One document in a worker of its own, killed afterwards (errors as `ExtractionWorker.extract`)."""
    worker = ExtractionWorker()
    try:
        return worker.extract(file_name, text, budget=budget, cancelled=cancelled)
    finally:
        worker.close()
