"""Extraction speed beside jieba on the same text, warm, in one process.

    .venv/bin/python bench/extraction_speed.py [--rounds 3] [--profile 25] [FILE_OR_DIR ...]

Texts default to the dev gold's documents and the shared corpus (`$HEALTHKG_SHARED_DIR`, else
`/work/shared`: `gold/docs/*.txt`, `corpus/*.txt`), else the repository's sample reports. Each round
times `jieba.cut` (default dictionary, HMM on), `jieba.posseg.cut` and `extract_document` on the
same texts, interleaved text by text, and takes the ratio to `jieba.cut` within the round, so load
from other processes on a shared machine touches all sides alike. Prints chars/s, MB/s
(UTF-8) and the ratio per round, then the best round's figures. `--profile N` also prints the top N
functions of one extraction pass by own time. Asserts nothing.

Before each round the tokenizer's process-wide caches (HMM tags of unknown runs, per-character
states) are emptied, so every round sees the texts as new, as a worker does a stream of reports;
`--warm` keeps them (repeated text: flattering).
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import jieba  # noqa: E402
import jieba.posseg  # noqa: E402

from loaders.pipeline import extract_document  # noqa: E402

try:
    from loaders.lexicon import forget_seen_text  # noqa: E402
except ImportError:  # an older tree (comparing before and after): its one cache was the HMM's steps

    def forget_seen_text() -> None:
        from loaders.pos_hmm import _step

        _step.cache_clear()


Texts = list[tuple[str, str]]


def default_paths() -> list[Path]:
    for root in (os.environ.get("HEALTHKG_SHARED_DIR"), "/work/shared"):
        if root and Path(root, "gold", "docs").is_dir():
            base = Path(root)
            return sorted((base / "gold" / "docs").glob("*.txt")) + sorted((base / "corpus").glob("*.txt"))
    return sorted((REPO / "data" / "samples").glob("*.txt"))


def load(args: list[str]) -> Texts:
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        paths += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    return [(p.name, p.read_text(encoding="utf-8")) for p in (paths or default_paths())]


def timed(run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions by own time")
    parser.add_argument("--warm", action="store_true", help="keep the tokenizer's caches between rounds")
    args = parser.parse_args()
    texts = load(args.paths)
    chars = sum(len(t) for _, t in texts)
    megabytes = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

    def cut(text: str) -> None:
        for _ in jieba.cut(text):
            pass

    def posseg(text: str) -> None:
        for _ in jieba.posseg.cut(text):
            pass

    def round_times() -> tuple[float, float, float]:
        """Seconds of each side over all texts, interleaved text by text so that a burst of load
        from elsewhere falls on all three alike."""
        totals = [0.0, 0.0, 0.0]
        for name, text in texts:
            totals[0] += timed(lambda: cut(text))  # noqa: B023
            totals[1] += timed(lambda: posseg(text))  # noqa: B023
            totals[2] += timed(lambda: extract_document(name, text))  # noqa: B023
        return totals[0], totals[1], totals[2]

    def extract() -> None:
        for name, text in texts:
            extract_document(name, text)

    (
        cut(texts[0][1]),
        posseg(texts[0][1]),
        extract_document(*texts[0]),
    )  # warm: dictionaries and private tokenizer loaded
    print(f"{len(texts)} texts, {chars:,} chars, {megabytes:.3f} MB")
    print(
        f"{'round':>5} {'jieba.cut c/s':>14} {'posseg c/s':>12} {'extract c/s':>12} {'extract MB/s':>13} "
        f"{'x cut':>7} {'x posseg':>9}"
    )
    rows = []
    for r in range(1, args.rounds + 1):
        if not args.warm:
            forget_seen_text()
        t_cut, t_pos, t_ext = round_times()
        rows.append((t_cut, t_pos, t_ext))
        print(
            f"{r:>5} {chars / t_cut:>14,.0f} {chars / t_pos:>12,.0f} {chars / t_ext:>12,.0f} "
            f"{megabytes / t_ext:>13.3f} {t_cut / t_ext:>7.3f} {t_pos / t_ext:>9.3f}"
        )
    ratios = [c / e for c, _, e in rows]
    t_cut, t_pos, t_ext = (min(column) for column in zip(*rows, strict=True))
    print(
        f"best: jieba.cut {chars / t_cut:,.0f} chars/s ({megabytes / t_cut:.3f} MB/s), "
        f"jieba.posseg.cut {chars / t_pos:,.0f} chars/s, extraction {chars / t_ext:,.0f} chars/s "
        f"({megabytes / t_ext:.3f} MB/s); extraction / jieba.cut per round: "
        f"median {statistics.median(ratios):.3f}"
    )
    if args.profile:
        if not args.warm:
            forget_seen_text()
        profile = cProfile.Profile()
        profile.runcall(extract)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
