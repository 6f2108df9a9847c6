"""Ingest throughput beside `jieba.cut` on the same text, and the ingest's peak memory.

The ingest runs as the CLI does (`healthkg ingest`, in a child process, into a fresh embedded
graph); the child reports its own peak RSS, so the benchmark's memory does not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.speed.common import REPO, corpus_files, table

CHILD = """
import json, resource, sys, time
from api.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - started,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def jieba_cut_seconds(texts: list[str]) -> float:
    import jieba

    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return time.perf_counter() - started


def run_ingest(folder: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as data_dir:
        env = {**os.environ, "HEALTHKG_DATA_DIR": data_dir, "HEALTHKG_GRAPH_URL": "embedded"}
        out = subprocess.run(
            [sys.executable, "-c", CHILD, "ingest", str(folder)],
            cwd=REPO, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
    last = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not last:
        raise RuntimeError(f"ingest failed: {out.stderr[-2000:]}")
    return json.loads(last[-1])


def main(copies: tuple[int, ...] = (1, 3)) -> None:
    files = corpus_files()
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    rows = []
    for count in copies:
        with tempfile.TemporaryDirectory(prefix="bench-corpus-") as folder:
            for index in range(count):
                for path in files:  # distinct names and a changed first line: distinct documents
                    text = path.read_text(encoding="utf-8", errors="replace")
                    (Path(folder) / f"c{index}_{path.name}").write_text(f"{index}\n{text}", encoding="utf-8")
            cut = jieba_cut_seconds([f"{index}\n{text}" for index in range(count) for text in texts])
            result = run_ingest(Path(folder))
        size = megabytes * count
        rows.append([
            f"{len(files) * count} reports, {size:.2f} MB", f"{size / result['seconds']:.3f}",
            f"{size / cut:.3f}", f"{cut / result['seconds']:.3f}×", f"{result['peak_rss_mb']:.0f}",
        ])  # fmt: skip
    print("## Ingest (`healthkg ingest` into a fresh embedded graph) beside `jieba.cut` on the same text\n")
    table(["corpus", "ingest MB/s", "jieba.cut MB/s", "ingest / jieba.cut", "ingest peak RSS MB"], rows)
