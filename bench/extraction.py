"""Score the loaders on the dev gold: extract the gold's documents, merge them into one export
and run the shared scorer on it.

usage: python -m bench.extraction [--docs DIR] [--gold FILE ...] [--scorer PATH] [--export OUT.json]
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
from pathlib import Path

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


def build_export(gold_paths: list[Path], docs: Path) -> dict:
    names = [json.loads(p.read_text(encoding="utf-8"))["doc"] for p in gold_paths]
    extractions = [extract_document(*read_document(docs / name)) for name in names]
    return export_from_extractions(extractions)


def score(
    gold_paths: list[Path], docs: Path, scorer: Path, as_json: bool = False, export_path: Path | None = None
) -> str:
    export = build_export(gold_paths, docs)
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
    args = ap.parse_args(argv)
    gold = args.gold or (sorted((shared / "gold").glob("*.json")) if shared else [])
    if not gold or args.scorer is None:
        print("no shared folder with gold and scorer found; pass --gold and --scorer", file=sys.stderr)
        return 2
    print(score(gold, args.docs, args.scorer, args.json, args.export), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
