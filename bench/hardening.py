"""Figures for the hardening work (prints, asserts nothing): the worst /api/query abuse and the
worst long line, in time and memory, after the caps.

    .venv/bin/python -m bench.hardening [--line-kb 100 200 1000] [--skip-queries]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
ABUSE = [
    "RETURN range(1, 50000000) AS r",
    "UNWIND range(1, 50000000) AS x RETURN x",
    "MATCH (a:Entity), (b:Entity), (c:Entity) RETURN a.id AS a, b.id AS b, c.id AS c",
    "MATCH (a:Entity), (b:Entity), (c:Entity) RETURN count(*) AS n",
    "MATCH (n:Entity) RETURN collect(n) AS everything",
    "MATCH p = (:Entity)-[*1..6]-(:Entity) RETURN p",
]


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def _with_peaks(pids: dict[str, int], work: Callable[[], httpx.Response]) -> tuple[httpx.Response, dict]:
    """Run `work` while sampling the processes' RSS every 20 ms; their peaks in MB."""
    peaks = {name: _rss_mb(pid) for name, pid in pids.items()}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            for name, pid in pids.items():
                peaks[name] = max(peaks[name], _rss_mb(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        return work(), peaks
    finally:
        done.set()
        sampler.join()


def queries() -> None:
    sys.path.insert(0, str(REPO))
    from tests.faults.serve import Serve

    with tempfile.TemporaryDirectory() as data, Serve(Path(data), "--load", str(SAMPLES)) as serve:
        pids = {
            "falkordb": json.loads((Path(data) / "server.json").read_text())["pid"],
            "api": serve.process.pid,
        }
        for cypher in ABUSE:
            started = time.perf_counter()
            response, peaks = _with_peaks(
                pids, lambda q=cypher: httpx.post(f"{serve.url}/api/query", json={"cypher": q}, timeout=600)
            )
            seconds = time.perf_counter() - started
            after = _rss_mb(pids["falkordb"])
            print(
                f"query status={response.status_code} seconds={seconds:.2f} "
                f"body_bytes={len(response.content)} falkordb_peak_rss_mb={peaks['falkordb']:.0f} "
                f"falkordb_after_mb={after:.0f} api_peak_rss_mb={peaks['api']:.0f} :: {cypher}"
            )


LINE_CHILD = """
import resource, sys, time
from pathlib import Path
from loaders.pipeline import extract_document
text = Path(sys.argv[1]).read_text("utf-8")
extract_document("warm.txt", "南昌市卫生健康委员会。")
started = time.perf_counter()
x = extract_document("line.txt", text)
print(f"{time.perf_counter() - started:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} "
      f"{len(x.nodes)} {len(x.edges)}")
"""


def lines(sizes_kb: list[int]) -> None:
    sys.path.insert(0, str(REPO))
    from tests.faults.test_long_lines import long_line

    for kb in sizes_kb:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as handle:
            handle.write(long_line(kb * 1000))
            handle.flush()
            out = subprocess.run(
                [sys.executable, "-c", LINE_CHILD, handle.name], capture_output=True, text=True, cwd=REPO
            )
        if out.returncode:
            print(f"line {kb} KB failed: {out.stderr[-500:]}")
            continue
        seconds, peak_mb, nodes, edges = out.stdout.split()
        print(f"line chars={kb * 1000} seconds={seconds} peak_rss_mb={peak_mb} nodes={nodes} edges={edges}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--line-kb", type=int, nargs="*", default=[100, 200])
    parser.add_argument("--skip-queries", action="store_true")
    args = parser.parse_args()
    if not args.skip_queries:
        queries()
    lines(args.line_kb)


if __name__ == "__main__":
    main()
