"""How many metric wordings resolve to a curated indicator, and what tracks come out.

Ingests each folder into a fresh embedded graph in a temporary data directory, then counts the
distinct Target metric strings and those that resolve (with the unit they were written in) to a
canonical metric of tracks/data/indicators.json, and the commitment tracks with their statuses.
Prints figures; asserts nothing.

usage: python -m bench.tracks [FOLDER ...] [--list]
Folders default to the repository's `data/samples` and the shared corpus (`../shared/corpus`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from api.ingest import ingest_paths
from api.tracks_views import load_tracks
from graph.backend import GraphSettings, connect
from graph.store import GraphStore
from graph.tracks.metrics import resolve

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [REPO / "data" / "samples", REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")]


def measure(folder: Path, show: bool) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = GraphSettings(url="embedded", data_dir=Path(data_dir), graph_name="bench_tracks")
        with connect(settings) as backend:
            store = GraphStore(backend)
            summary = ingest_paths(store, [folder])
            pairs = backend.read("target_metric_units")
            started = time.perf_counter()
            tracks, _ = load_tracks(store, None)
            seconds = time.perf_counter() - started
    strings = {row["metric"] for row in pairs}
    resolved: dict[str, str] = {}
    for row in pairs:
        canonical = resolve(row["metric"], row["unit"] or "").canonical
        if canonical is not None:
            resolved[row["metric"]] = canonical.name
    canonical_tracks = [t for t in tracks if t.metric.canonical is not None]
    statuses = Counter(status for t in tracks for status in t.statuses)
    print(f"{folder}: {summary.documents} documents")
    print(
        f"  metric strings: {len(strings)} distinct, {len(resolved)} resolve to a canonical metric "
        f"({len(set(resolved.values()))} distinct indicators); (metric, unit) pairs: {len(pairs)}"
    )
    print(
        f"  tracks: {len(tracks)} ({len(canonical_tracks)} on a canonical metric), all built in "
        f"{seconds * 1000:.0f} ms; goal statuses: "
        + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
    )
    if show:
        for metric, name in sorted(resolved.items()):
            print(f"    {metric} -> {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", type=Path, nargs="*")
    ap.add_argument("--list", action="store_true", help="list every resolved wording")
    args = ap.parse_args(argv)
    folders = args.folders or [f for f in DEFAULT_FOLDERS[:2] if f.is_dir()] or DEFAULT_FOLDERS[::2]
    if not args.folders and not (REPO.parent / "shared" / "corpus").is_dir() and DEFAULT_FOLDERS[2].is_dir():
        folders = [DEFAULT_FOLDERS[0], DEFAULT_FOLDERS[2]]
    for folder in folders:
        measure(folder, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
