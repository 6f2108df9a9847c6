"""Long-lived extraction workers: one process serves document after document with the same
output as a process of its own; a document over its budget, or cancelled, kills its worker (the
next document gets a new one); a worker past its memory cap is replaced; closing kills them all."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from api.extract_worker import ExtractionCancelled, ExtractionWorker, WorkerPool, extract_with_budget
from loaders.decode import read_document
from loaders.errors import DocumentError
from tests.conftest import SAMPLES
from tests.faults.test_long_lines import long_line


def _samples() -> list[tuple[str, str]]:
    return [read_document(path) for path in sorted(SAMPLES.glob("*.txt"))[:3]]


def _gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


@pytest.fixture
def worker() -> ExtractionWorker:
    worker = ExtractionWorker()
    yield worker
    worker.close()


def test_one_worker_extracts_many_documents_as_separate_processes_do(worker: ExtractionWorker) -> None:
    samples = _samples()
    reused = [worker.extract(name, text) for name, text in samples]
    pid = worker.pid
    again = [worker.extract(name, text) for name, text in samples]
    assert worker.pid == pid, "the same process served every document"
    alone = [extract_with_budget(name, text) for name, text in samples]
    dumps = [[e.model_dump() for e in run] for run in (reused, alone, again)]
    assert dumps[0] == dumps[1] == dumps[2]
    assert all(e.edges for e in reused)


def test_a_document_over_budget_kills_its_worker_the_next_gets_a_new_one(worker: ExtractionWorker) -> None:
    name, text = _samples()[0]
    first = worker.extract(name, text)
    pid = worker.pid
    assert pid is not None
    started = time.monotonic()
    with pytest.raises(DocumentError, match="line.txt: extraction took longer than 1 s"):
        worker.extract("line.txt", long_line(400_000), budget=1)
    assert time.monotonic() - started < 10
    assert _gone(pid) and worker.pid is None
    assert worker.extract(name, text).model_dump() == first.model_dump()
    assert worker.pid not in (None, pid)


def test_a_cancelled_document_kills_its_worker(worker: ExtractionWorker) -> None:
    asked = time.monotonic() + 1
    with pytest.raises(ExtractionCancelled, match="line.txt: extraction cancelled"):
        worker.extract("line.txt", long_line(400_000), cancelled=lambda: time.monotonic() > asked)
    assert worker.pid is None


def test_a_failing_document_is_reported_and_the_worker_kept(worker: ExtractionWorker) -> None:
    name, text = _samples()[0]
    worker.extract(name, text)
    pid = worker.pid
    with pytest.raises(DocumentError, match="bad.txt: extraction failed: TypeError"):
        worker.extract("bad.txt", None)  # type: ignore[arg-type]  # fails inside the worker
    assert worker.pid == pid
    assert worker.extract(name, text).edges


def test_a_worker_past_its_memory_cap_is_replaced(
    monkeypatch: pytest.MonkeyPatch, worker: ExtractionWorker
) -> None:
    monkeypatch.setenv("HEALTHKG_EXTRACT_WORKER_MAX_MB", "100")  # below what jieba alone takes
    name, text = _samples()[0]
    worker.start()
    pid = worker.pid
    assert pid is not None
    assert worker.extract(name, text).edges
    assert worker.pid is None and _gone(pid)


def test_closing_a_pool_kills_every_worker() -> None:
    pool = WorkerPool(2)
    name, text = _samples()[0]
    with pool.worker() as first, pool.worker() as second:
        assert first is not second
        first.extract(name, text)
        pids = [first.pid, second.pid]
    assert all(pids)
    pool.close()
    assert all(_gone(pid) for pid in pids)
