"""What every section of the benchmark shares: the corpus, renamed copies, timing, printing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from loaders.models import DocumentExtraction

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIRS = (REPO / "data" / "samples", Path("/work/shared/corpus"))


def corpus_files() -> list[Path]:
    """The sample reports, plus the shared real corpus when this machine has it."""
    return sorted(path for folder in CORPUS_DIRS if folder.is_dir() for path in folder.glob("*.txt"))


def as_copy(extraction: DocumentExtraction, index: int, rename_entities: bool) -> DocumentExtraction:
    """The same facts stated by another document (copy 0 is the original). With `rename_entities`
    every entity but the regions becomes a new one (the graph grows, as with more reports from
    more places); without, the copies cite the same entities (their edges gain evidence)."""
    if index == 0:
        return extraction
    data = extraction.model_dump()
    renamed = f"copy{index}_{data['document']['file']}"
    data["document"].update(file=renamed, id=f"doc:{renamed}")
    regions = {node["id"] for node in data["nodes"] if node["label"] == "Region"}

    def new_id(old: str) -> str:
        return old if not rename_entities or old in regions else f"{old}~{index}"

    for node in data["nodes"]:
        if node["id"] not in regions and rename_entities:
            node["name"] = f"{node['name']}~{index}"
        node["id"] = new_id(node["id"])
    for edge in data["edges"]:
        edge["source"], edge["target"] = new_id(edge["source"]), new_id(edge["target"])
    for item in [*data["nodes"], *data["edges"]]:
        for evidence in item["evidence"]:
            evidence["doc"] = renamed
    return DocumentExtraction.model_validate(data)


def timed_ms(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and worst of `repeat` runs after one warm-up, in milliseconds."""
    action()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings)


def table(header: list[str], rows: list[list[object]]) -> None:
    """A Markdown table on stdout (bench/README.md keeps a copy)."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print(flush=True)
