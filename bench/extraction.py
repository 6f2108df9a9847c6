"""Score extraction on the dev gold: ingest the gold's documents into a fresh embedded graph,
export it and run the shared scorer on the export (`--direct` skips the graph and merges the
extractions in Python, to tell extraction faults from storage faults).

usage: python -m bench.extraction [--direct] [--docs DIR] [--gold FILE ...] [--scorer PATH]
                                  [--export OUT.json]
Paths default to the repository's `data/samples` and the shared folder (`$HEALTHKG_SHARED_DIR`,
else `../shared` beside the repository, else `/work/shared`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.backend import GraphSettings, connect
from graph.store import GraphStore
from loaders.decode import read_document
from loaders.merge import export_from_extractions
from loaders.pipeline import extract_document

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """The shared folder holding `tools/score_extraction.py` and `gold/`, if there is one."""
    candidates = [os.environ.get("HEALTHKG_SHARED_DIR"), REPO.parent / "shared", "/work/shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "tools" / "score_extraction.py").is_file():
            return Path(candidate)
    return None


def build_export(gold_paths: list[Path], docs: Path, direct: bool = False) -> dict:
    names = [json.loads(p.read_text(encoding="utf-8"))["doc"] for p in gold_paths]
    started = time.perf_counter()
    extractions = [extract_document(*read_document(docs / name)) for name in names]
    extracted = time.perf_counter() - started
    if direct:
        return export_from_extractions(extractions)
    with tempfile.TemporaryDirectory() as data_dir:
        settings = GraphSettings(url="embedded", data_dir=Path(data_dir), graph_name="bench_extraction")
        with connect(settings) as backend:
            store = GraphStore(backend)
            started = time.perf_counter()
            for extraction in extractions:
                store.ingest(extraction)
            written = time.perf_counter() - started
            export = store.export()
    print(
        f"{len(names)} documents: extraction {extracted:.2f} s, graph writes {written:.2f} s", file=sys.stderr
    )
    return export


def score(
    gold_paths: list[Path],
    docs: Path,
    scorer: Path,
    as_json: bool = False,
    export_path: Path | None = None,
    direct: bool = False,
) -> str:
    export = build_export(gold_paths, docs, direct)
    with tempfile.TemporaryDirectory() as tmp:
        target = export_path or Path(tmp) / "export.json"
        target.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(scorer), str(target), *map(str, gold_paths), "--docs", str(docs)]
        if as_json:
            cmd.append("--json")
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main(argv: list[str] | None = None) -> int:
    shared = shared_dir()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=REPO / "data" / "samples")
    ap.add_argument("--gold", type=Path, nargs="*", default=None)
    ap.add_argument(
        "--scorer", type=Path, default=shared / "tools" / "score_extraction.py" if shared else None
    )
    ap.add_argument("--export", type=Path, default=None, help="also keep the merged export here")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--direct", action="store_true", help="merge extractions in Python, no graph")
    args = ap.parse_args(argv)
    gold = args.gold or (sorted((shared / "gold").glob("*.json")) if shared else [])
    if not gold or args.scorer is None:
        print("no shared folder with gold and scorer found; pass --gold and --scorer", file=sys.stderr)
        return 2
    print(score(gold, args.docs, args.scorer, args.json, args.export, args.direct), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
