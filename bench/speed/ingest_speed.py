"""Ingest throughput beside `jieba.cut` on the same text, and the ingest's peak memory.

The ingest runs as the CLI does (`healthkg ingest`, in a child process, into a fresh embedded
graph), once with one extraction worker and once with one per core. Memory is sampled from /proc
every 0.1 s: the CLI process (it reads, batches and writes: what grew with the corpus before the
ingest streamed), and the whole tree under it (plus the extraction fork server and its children,
whose shared pages count once per process; not the graph server, which runs in its own session).
`ru_maxrss` is not used: Linux carries it across exec, so it reported the benchmark's own peak.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api.ingest_stream import default_workers
from bench.speed.common import REPO, corpus_files, table

CHILD = """
import json, sys, time
from api.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - started}))
"""


def jieba_cut_seconds(texts: list[str]) -> float:
    import jieba

    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return time.perf_counter() - started


def tree_rss_mb(root: int) -> tuple[float, float]:
    """RSS of a process, and of it with its descendants, from /proc (0 for those gone meanwhile)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    return rss.get(root, 0) / 1024, sum(rss.get(pid, 0) for pid in tree) / 1024


def run_ingest(folder: Path, workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as data_dir:
        env = {**os.environ, "HEALTHKG_DATA_DIR": data_dir, "HEALTHKG_GRAPH_URL": "embedded"}
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, "ingest", "--quiet", "--workers", str(workers), str(folder)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        own_peak = tree_peak = 0.0
        while child.poll() is None:
            own, tree = tree_rss_mb(child.pid)
            own_peak, tree_peak = max(own_peak, own), max(tree_peak, tree)
            time.sleep(0.1)
        stdout, stderr = child.communicate()
    last = [line for line in stdout.splitlines() if line.startswith("{")]
    if not last:
        raise RuntimeError(f"ingest failed: {stderr[-2000:]}")
    return {**json.loads(last[-1]), "own_peak_mb": own_peak, "tree_peak_mb": tree_peak}


def main(copies: tuple[int, ...] = (1, 3), workers: tuple[int, ...] | None = None) -> None:
    files = corpus_files()
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    workers = workers or tuple(dict.fromkeys((1, default_workers())))
    rows = []
    for count in copies:
        with tempfile.TemporaryDirectory(prefix="bench-corpus-") as folder:
            for index in range(count):
                for path in files:  # distinct names and a changed first line: distinct documents
                    text = path.read_text(encoding="utf-8", errors="replace")
                    (Path(folder) / f"c{index}_{path.name}").write_text(f"{index}\n{text}", encoding="utf-8")
            cut = jieba_cut_seconds([f"{index}\n{text}" for index in range(count) for text in texts])
            size = megabytes * count
            for worker_count in workers:
                result = run_ingest(Path(folder), worker_count)
                rows.append([
                    f"{len(files) * count} reports, {size:.2f} MB", str(worker_count),
                    f"{size / result['seconds']:.3f}", f"{size / cut:.3f}", f"{cut / result['seconds']:.3f}×",
                    f"{result['own_peak_mb']:.0f}", f"{result['tree_peak_mb']:.0f}",
                ])  # fmt: skip
                print(f"({rows[-1][0]}, {worker_count} workers: {result['seconds']:.1f} s)", flush=True)
    print("## Ingest (`healthkg ingest` into a fresh embedded graph) beside `jieba.cut` on the same text\n")
    table(
        ["corpus", "workers", "ingest MB/s", "jieba.cut MB/s", "ingest / jieba.cut",
         "CLI process peak RSS MB", "CLI + extraction processes peak RSS MB"],
        rows,
    )  # fmt: skip
