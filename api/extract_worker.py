"""Extraction in a child process: a time budget that holds, and work that stops when asked.

A Python thread cannot be stopped, so a document that takes too long (or whose uploader left,
or whose server is shutting down) would keep a core busy to the end. Each document is
extracted in a process forked from a warm fork server (jieba's dictionaries already loaded), and
that process is killed when the budget runs out or the caller cancels.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from loaders.errors import DocumentError
from loaders.models import DocumentExtraction

BUDGET_ENV = "HEALTHKG_EXTRACT_TIMEOUT_S"
DEFAULT_BUDGET_S = 300.0
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


def _get_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["api.extract_warm"])
            _context = context
        return _context


def _work(conn: Connection, file_name: str, text: str) -> None:
    from loaders.pipeline import extract_document

    try:
        conn.send(("ok", extract_document(file_name, text)))
    except DocumentError as exc:
        conn.send(("document_error", str(exc)))
    except Exception as exc:  # noqa: BLE001 (reported to the parent as a bad document)
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def extract_with_budget(
    file_name: str,
    text: str,
    budget: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DocumentExtraction:
    """The document's extraction, or DocumentError when it fails, overruns or is cancelled."""
    budget = budget_s() if budget is None else budget
    receiver, sender = _get_context().Pipe(duplex=False)
    process = _get_context().Process(target=_work, args=(sender, file_name, text), daemon=True)
    process.start()
    sender.close()
    deadline = time.monotonic() + budget
    try:
        while not receiver.poll(POLL_S):
            if not process.is_alive() and not receiver.poll(0):
                raise DocumentError(f"{file_name}: extraction stopped (exit code {process.exitcode})")
            if cancelled is not None and cancelled():
                raise ExtractionCancelled(f"{file_name}: extraction cancelled")
            if time.monotonic() >= deadline:
                raise DocumentError(
                    f"{file_name}: extraction took longer than {budget:.0f} s ({BUDGET_ENV} sets the budget)"
                )
        try:
            kind, payload = receiver.recv()
        except EOFError:
            raise DocumentError(f"{file_name}: extraction stopped (exit code {process.exitcode})") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
    if kind != "ok":
        raise DocumentError(
            payload if kind == "document_error" else f"{file_name}: extraction failed: {payload}"
        )
    return payload
