"""Score extraction on the dev gold: ingest the gold's documents into a fresh embedded graph,
export it and score the export with the shared scorer, overall, per document and per genre
(`--direct` skips the graph and merges the extractions in Python, to tell extraction faults from
storage faults).

usage: python -m bench.extraction [--direct] [--docs DIR] [--gold FILE ...] [--scorer PATH]
                                  [--export OUT.json] [--json] [--detail]
Paths default to the shared folder (`$HEALTHKG_SHARED_DIR`, else `../shared` beside the
repository, else `/work/shared`): its `gold/*.json` scored against the texts in `gold/docs`.
Each document and each genre is scored on its own graph (the store is reset between groups), so a
document's figures do not depend on what the others contribute.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from graph.backend import GraphSettings, connect
from graph.store import GraphStore
from loaders.decode import read_document
from loaders.merge import export_from_extractions
from loaders.models import DocumentExtraction
from loaders.pipeline import extract_document

REPO = Path(__file__).resolve().parent.parent

# The dev gold's kinds of report; a document not listed is a work report (reports, plans, interviews
# of directors written up as reports).
GENRES = {"ext_01": "press conference", "ext_02": "article", "ext_03": "feature"}
WORK_REPORT = "work report"

Report = dict[str, Any]


def shared_dir() -> Path | None:
    """The shared folder holding `tools/score_extraction.py` and `gold/`, if there is one."""
    candidates = [os.environ.get("HEALTHKG_SHARED_DIR"), REPO.parent / "shared", "/work/shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "tools" / "score_extraction.py").is_file():
            return Path(candidate)
    return None


def genre_of(gold_path: Path) -> str:
    return GENRES.get(gold_path.stem, WORK_REPORT)


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _groups(gold_paths: list[Path]) -> dict[str, list[Path]]:
    """Every group scored: all documents, each genre with more than one document, each document."""
    groups: dict[str, list[Path]] = {"all": list(gold_paths)}
    genres: dict[str, list[Path]] = {}
    for path in gold_paths:
        genres.setdefault(genre_of(path), []).append(path)
    for genre, paths in genres.items():
        groups[f"genre:{genre}"] = paths
    for path in gold_paths:
        groups[f"doc:{path.stem}"] = [path]
    return groups


def build_exports(
    gold_paths: list[Path], docs: Path, direct: bool = False
) -> tuple[dict[str, dict], dict[str, list[Path]]]:
    """One export per group, each from a freshly reset graph (or merged in Python with `direct`)."""
    names = {p: json.loads(p.read_text(encoding="utf-8"))["doc"] for p in gold_paths}
    started = time.perf_counter()
    extractions: dict[Path, DocumentExtraction] = {
        p: extract_document(*read_document(docs / name)) for p, name in names.items()
    }
    extracted = time.perf_counter() - started
    groups = _groups(gold_paths)
    if direct:
        exports = {
            key: export_from_extractions([extractions[p] for p in paths]) for key, paths in groups.items()
        }
        return exports, groups
    exports = {}
    written = 0.0
    with tempfile.TemporaryDirectory() as data_dir:
        settings = GraphSettings(url="embedded", data_dir=Path(data_dir), graph_name="bench_extraction")
        with connect(settings) as backend:
            store = GraphStore(backend)
            for key, paths in groups.items():
                store.reset()
                started = time.perf_counter()
                for path in paths:
                    store.ingest(extractions[path])
                if key == "all":
                    written = time.perf_counter() - started
                exports[key] = store.export()
    print(
        f"{len(names)} documents: extraction {extracted:.2f} s, graph writes {written:.2f} s", file=sys.stderr
    )
    return exports, groups


def score(
    gold_paths: list[Path],
    docs: Path,
    scorer_path: Path,
    direct: bool = False,
    export_path: Path | None = None,
) -> Report:
    """The scorer's report on all documents, with `groups` holding the same report per genre and document."""
    scorer = load_scorer(scorer_path)
    exports, groups = build_exports(gold_paths, docs, direct)
    if export_path is not None:
        export_path.write_text(json.dumps(exports["all"], ensure_ascii=False), encoding="utf-8")
    reports = {
        key: scorer.score(exports[key], [str(p) for p in paths], str(docs)) for key, paths in groups.items()
    }
    overall = dict(reports["all"])
    overall["groups"] = {key: _summary(rep) for key, rep in reports.items()}
    return overall


def _summary(rep: Report) -> Report:
    keys = ("entity_f1", "relation_f1", "evidence_valid", "edges_with_evidence")
    return {key: rep[key] for key in keys if key in rep}


def _f1_table(rep: Report) -> str:
    lines = []
    for part in ("entities", "relations"):
        lines.append(f"{part:<16} {'sys':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for key, row in rep[part].items():
            counts = f"{row['sys']:>5} {row['gold']:>5}"
            lines.append(f"  {key:<14} {counts} {row['p']:>6.2f} {row['r']:>6.2f} {row['f1']:>6.2f}")
    return "\n".join(lines)


def render(rep: Report) -> str:
    """The per-label table for all documents, then one line per genre and per document, then the summary."""
    out = [_f1_table(rep), "", f"{'group':<42} {'entity F1':>10} {'relation F1':>12} {'quotes':>7}"]

    def line(name: str, g: Report) -> str:
        quotes = g.get("evidence_valid", 0.0)
        return f"{name:<42} {g['entity_f1']:>10.3f} {g['relation_f1']:>12.3f} {quotes:>7.3f}"

    groups = rep["groups"]
    for key in groups:
        if key.startswith("genre:"):
            out.append(line(key, groups[key]))
    for key in groups:
        if key.startswith("doc:"):
            out.append(line(f"{key} ({GENRES.get(key[4:], WORK_REPORT)})", groups[key]))
    tail = f"entity_f1={rep['entity_f1']:.3f} relation_f1={rep['relation_f1']:.3f}"
    if "evidence_valid" in rep:
        tail += f" evidence_valid={rep['evidence_valid']:.3f}"
        tail += f" edges_with_evidence={rep['edges_with_evidence']:.3f}"
    out.append(tail)
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    shared = shared_dir()
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--docs", type=Path, default=shared / "gold" / "docs" if shared else None)
    ap.add_argument("--gold", type=Path, nargs="*", default=None)
    ap.add_argument(
        "--scorer", type=Path, default=shared / "tools" / "score_extraction.py" if shared else None
    )
    ap.add_argument("--export", type=Path, default=None, help="also keep the export of all documents here")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--direct", action="store_true", help="merge extractions in Python, no graph")
    args = ap.parse_args(argv)
    gold = args.gold or (sorted((shared / "gold").glob("*.json")) if shared else [])
    if not gold or args.scorer is None or args.docs is None:
        print("no shared gold, texts and scorer found; pass --gold, --docs and --scorer", file=sys.stderr)
        return 2
    rep = score(gold, args.docs, args.scorer, args.direct, args.export)
    print(json.dumps(rep, ensure_ascii=False, indent=1) if args.json else render(rep), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
