"""Reading speed per format (MB/s of input) and the facts each format yields against the .txt.

    .venv/bin/python bench/readers.py [--rounds 3]

Builds every sample report as an HTML page (UTF-8 and GBK), a multi-page PDF (STSong-Light,
running header, page numbers, lines wrapped mid-word) and a DOCX with a table of targets (the
test fixtures in tests/readers/documents.py, so reportlab from the test extras is needed), reads
each `--rounds` times, and extracts once. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from loaders.models import DocumentExtraction  # noqa: E402
from loaders.pipeline import extract_document  # noqa: E402
from loaders.readers import read_bytes  # noqa: E402
from loaders.readers.apply import apply_reading  # noqa: E402
from tests.readers.documents import (  # noqa: E402
    SAMPLES,
    report_docx,
    report_html,
    report_pdf,
    sample_text,
)

FORMATS = ("txt", "html", "gbk.html", "pdf", "docx")


def build(file: str, kind: str) -> bytes:
    text = sample_text(file)
    title = "卫生健康工作报告"
    if kind == "txt":
        return (SAMPLES / file).read_bytes()
    if kind == "html":
        return report_html(text, title, "2024-01-15")
    if kind == "gbk.html":
        return report_html(text, title, "2024-01-15", charset="gbk")
    if kind == "pdf":
        return report_pdf(text, "某市卫生健康委员会文件")[0]
    return report_docx(text, title)


def facts(extraction: DocumentExtraction) -> dict[str, set[tuple]]:
    return {
        "targets": {
            (n.metric, n.value, n.unit, n.comparator, n.year, n.kind)
            for n in extraction.nodes
            if n.label == "Target"
        },
        "partners": {(e.source, e.target) for e in extraction.edges if e.type == "PARTNERS_WITH"},
        "edges": {(e.type, e.source, e.target) for e in extraction.edges},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p.name for p in SAMPLES.glob("*.txt"))
    baseline = {f: facts(extract_document(f, sample_text(f))) for f in files}
    print(f"{len(files)} sample reports, {args.rounds} rounds of reading each")
    print(f"{'format':<9} {'input MB':>9} {'read s':>8} {'MB/s':>7} {'chars/s':>10}   facts vs .txt")
    for kind in FORMATS:
        documents = {f: build(f, kind) for f in files}
        size = sum(len(d) for d in documents.values())
        name = {f: f.removesuffix(".txt") + "." + kind.split(".")[-1] for f in files}
        read_bytes(
            documents[files[0]], name[files[0]]
        )  # warm-up: the reader's library is imported on first use
        started = time.perf_counter()
        for _ in range(args.rounds):
            readings = {f: read_bytes(documents[f], name[f]) for f in files}
        seconds = (time.perf_counter() - started) / args.rounds
        chars = sum(len(r.text) for r in readings.values())
        found = {key: [0, 0, 0] for key in ("targets", "partners", "edges")}  # same, of .txt, extra
        for f, reading in readings.items():
            got = facts(apply_reading(extract_document(reading.file, reading.text), reading))
            for key, counts in found.items():
                counts[0] += len(got[key] & baseline[f][key])
                counts[1] += len(baseline[f][key])
                counts[2] += len(got[key] - baseline[f][key])
        summary = "  ".join(
            f"{key} {same}/{total}" + (f" +{extra}" if extra else "")
            for key, (same, total, extra) in found.items()
        )
        print(
            f"{kind:<9} {size / 1e6:>9.3f} {seconds:>8.3f} {size / 1e6 / seconds:>7.2f} "
            f"{chars / seconds:>10.0f}   {summary}"
        )


if __name__ == "__main__":
    main()
