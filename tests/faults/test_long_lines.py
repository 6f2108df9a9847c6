"""Defect 4: extraction is linear in line length, bounded in time and size (CLI and API), stops
when the client leaves, and shutdown does not wait for it."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from pathlib import Path

import httpx
import pytest

import loaders
from loaders.decode import read_document
from loaders.pipeline import extract_document
from tests.conftest import SAMPLES
from tests.faults.serve import Serve, descendants, run_cli, wait_until

LOADERS = str(Path(loaders.__file__).resolve().parent)
KEY = "fault-key"


def long_line(chars: int) -> str:
    """Report text as one line without sentence punctuation: one sentence of `chars` characters."""
    text = "".join(read_document(path)[1] for path in sorted(SAMPLES.glob("*.txt")))
    for mark in "。！？；!?;\n\r":
        text = text.replace(mark, "，")
    return (text * (chars // len(text) + 1))[:chars]


def _loader_lines(text: str) -> int:
    """Lines of loaders/ code executed to extract `text`: a measure of work that is not a clock."""
    executed = 0

    def local(frame, event, arg):  # noqa: ANN001, ANN202
        nonlocal executed
        if event == "line":
            executed += 1
        return local

    def calls(frame, event, arg):  # noqa: ANN001, ANN202
        return local if frame.f_code.co_filename.startswith(LOADERS) else None

    sys.settrace(calls)
    try:
        extract_document("line.txt", text)
    finally:
        sys.settrace(None)
    return executed


def test_extraction_work_grows_linearly_with_line_length() -> None:
    extract_document("warm.txt", "南昌市卫生健康委员会。")
    small, large = _loader_lines(long_line(3000)), _loader_lines(long_line(12000))
    # Four times the text: about four times the work (it was seventeen times before the fix).
    assert large / small < 6, (small, large)


def test_cli_time_budget_and_size_cap(tmp_path: Path) -> None:
    line = tmp_path / "line.txt"
    line.write_text(long_line(100_000), encoding="utf-8")
    slow = run_cli(tmp_path / "graph", "ingest", str(line), timeout=120, HEALTHKG_EXTRACT_TIMEOUT_S="1")
    assert slow.returncode == 2 and "took longer than 1 s" in slow.stderr, slow.stderr
    big = run_cli(tmp_path / "graph", "ingest", str(line), HEALTHKG_MAX_DOCUMENT_BYTES="10000")
    assert big.returncode == 2 and "limited to 10000" in big.stderr, big.stderr


def _workers(serve: Serve) -> list[int]:
    """Extraction processes: the children of serve's fork server."""
    found = []
    for pid in descendants(serve.process.pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"forkserver" in cmdline:
            found += descendants(pid)
    return found


def _upload_in_background(url: str, text: str, timeout: float) -> threading.Thread:
    def upload() -> None:
        files = {"file": ("line.txt", text.encode("utf-8"), "text/plain")}
        with contextlib.suppress(httpx.HTTPError):  # the client giving up is the point
            httpx.post(f"{url}/api/documents", files=files, headers={"X-API-Key": KEY}, timeout=timeout)

    thread = threading.Thread(target=upload, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="module")
def slow_text() -> str:
    return long_line(400_000)  # tens of seconds of extraction: long enough to leave or stop


def test_api_budget_and_a_client_that_leaves(tmp_path: Path, slow_text: str) -> None:
    with Serve(tmp_path / "graph", HEALTHKG_API_KEY=KEY, HEALTHKG_EXTRACT_TIMEOUT_S="2") as serve:
        files = {"file": ("line.txt", slow_text.encode("utf-8"), "text/plain")}
        response = httpx.post(
            f"{serve.url}/api/documents", files=files, headers={"X-API-Key": KEY}, timeout=120
        )
        assert response.status_code == 400 and "took longer than 2 s" in response.json()["error"]["message"]
        assert wait_until(lambda: not _workers(serve), 30)
    with Serve(tmp_path / "graph", HEALTHKG_API_KEY=KEY) as serve:
        client = _upload_in_background(serve.url, slow_text, timeout=3)
        assert wait_until(lambda: bool(_workers(serve)), 60), "extraction started in a worker"
        client.join(timeout=60)
        assert wait_until(lambda: not _workers(serve), 30), "the worker stopped when the client left"


def test_shutdown_does_not_wait_for_a_running_extraction(tmp_path: Path, slow_text: str) -> None:
    serve = Serve(tmp_path / "graph", HEALTHKG_API_KEY=KEY)
    with serve:
        _upload_in_background(serve.url, slow_text, timeout=300)
        assert wait_until(lambda: bool(_workers(serve)), 60)
        workers = _workers(serve)
        assert serve.stop(signal.SIGTERM, wait_s=30) is not None, "serve exited within the bound"
        assert wait_until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 10)
