"""Where the wall time of `healthkg ingest` goes: one in-process run of the CLI into a fresh
embedded graph, with the ingest's steps timed from the outside (wrapped for the run, unchanged).

    .venv/bin/python -m bench.speed.ingest_breakdown FOLDER [--workers N]

Prints seconds per step of the CLI process (its main thread: the writes happen there while the
extraction workers run), and the CPU seconds of the extraction workers and of the embedded
FalkorDB server (from /proc, read just before each stops). With two cores shared by other
processes the steps overlap less than they could: compare CPU seconds to wall seconds.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIRST = "wait for the first extraction (the fork server loads jieba meanwhile)"
STEPS = (
    "start or join the embedded server", "check and hash every file", "indexes", FIRST,
    "wait for the other extractions", "writer (all of it)", "  rows of a document (document_steps)",
    "  ingest_status (one read per document)", "  merge_steps", "  write_all (the batch's upserts)",
    "stop the embedded server",
)  # fmt: skip
SECONDS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a live process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(owner: Any, name: str, step: str, first: str | None = None) -> None:
    """Time `owner.name` when the main thread calls it (the extraction threads only wait); the
    first call apart when `first` names it."""
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            return original(*args, **kwargs)
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            key = first if first and not CALLS[first] else step
            SECONDS[key] += time.perf_counter() - started
            CALLS[key] += 1

    setattr(owner, name, timed)


def _watch_cpu(cls: Any, name: str, pid_of: Callable[[Any], int | None], into: dict[int, float]) -> None:
    """Record a process's CPU seconds when `cls.name` (its stop) is called."""
    original = getattr(cls, name)

    def stopping(self: Any, *args: Any, **kwargs: Any) -> Any:
        pid = pid_of(self)
        if pid:
            into[pid] = max(into.get(pid, 0.0), _cpu_s(pid))
        return original(self, *args, **kwargs)

    setattr(cls, name, stopping)


def run(folder: Path, workers: int) -> dict[str, Any]:
    import concurrent.futures._base as futures

    import api.extract_worker as extract_worker
    import api.ingest_stream as ingest_stream
    import graph.backend as backend
    import graph.batch_writer as batch_writer
    import graph.embedded as embedded
    import graph.store as store

    _timed(embedded.EmbeddedServer, "acquire", "start or join the embedded server")
    _timed(ingest_stream, "check_files", "check and hash every file")
    _timed(store.GraphStore, "ensure_schema", "indexes")
    _timed(futures.Future, "result", "wait for the other extractions", FIRST)
    _timed(batch_writer.BatchWriter, "add", "writer (all of it)")
    _timed(store.GraphStore, "document_steps", "  rows of a document (document_steps)")
    _timed(store.GraphStore, "ingest_status", "  ingest_status (one read per document)")
    _timed(batch_writer, "merge_steps", "  merge_steps")
    _timed(backend.GraphBackend, "write_all", "  write_all (the batch's upserts)")
    _timed(embedded.EmbeddedServer, "release", "stop the embedded server")
    worker_cpu: dict[int, float] = {}
    server_cpu: dict[int, float] = {}
    _watch_cpu(extract_worker.ExtractionWorker, "close", lambda w: w.pid, worker_cpu)
    _watch_cpu(embedded.EmbeddedServer, "release", lambda s: s.pid, server_cpu)

    from api.cli import main as cli

    with tempfile.TemporaryDirectory(prefix="bench-breakdown-") as data_dir:
        os.environ["HEALTHKG_DATA_DIR"] = data_dir
        os.environ["HEALTHKG_GRAPH_URL"] = "embedded"
        started, cpu_started = time.perf_counter(), time.process_time()
        code = cli(["ingest", "--quiet", "--workers", str(workers), str(folder)])
        wall = time.perf_counter() - started
    return {
        "code": code,
        "wall": wall,
        "cli_cpu": time.process_time() - cpu_started,
        "worker_cpu": sum(worker_cpu.values()),
        "workers_started": len(worker_cpu),
        "server_cpu": sum(server_cpu.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    megabytes = sum(p.stat().st_size for p in args.folder.rglob("*") if p.is_file()) / 1e6
    result = run(args.folder, args.workers)
    wall = result["wall"]
    print(f"\n{megabytes:.2f} MB, {args.workers} workers: {wall:.2f} s wall ({megabytes / wall:.3f} MB/s), "
          f"load average {os.getloadavg()[0]:.1f}\n")  # fmt: skip
    print("| step (CLI main thread) | seconds | calls |\n|---|---|---|")
    for step in STEPS:
        print(f"| {step} | {SECONDS[step]:.2f} | {CALLS[step]} |")
    print(f"| CPU: CLI process | {result['cli_cpu']:.2f} | |")
    workers = f"extraction workers ({result['workers_started']} processes)"
    print(f"| CPU: {workers} | {result['worker_cpu']:.2f} | |")
    print(f"| CPU: embedded FalkorDB server | {result['server_cpu']:.2f} | |")


if __name__ == "__main__":
    main()
