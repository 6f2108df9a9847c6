"""Follow-up reports of 新建区 written for the tests, in the plain style the extractor reads.

They follow the sample 001_b1280b1a44e49c58.txt (新建区's 2023 work points, which set its 2023 goals):
a mid-year adjustment that changes one goal, restates another and sets a 2025 goal, and the
2023 work summary that reports achieved figures (one under a variant wording, one in ‰ where the
goal was in 1/10万) and, as a near miss, the city's own figure. They are files in
tests/tracks/data/ so that `healthkg serve --load data/samples tests/tracks/data` shows them too.
"""

from __future__ import annotations

from pathlib import Path

from loaders.models import DocumentExtraction
from loaders.pipeline import extract_document

DATA = Path(__file__).resolve().parent / "data"
ADJUSTMENT_FILE = "f1_xinjian_2023_adjust.txt"
SUMMARY_FILE = "f2_xinjian_2023_summary.txt"
FOLLOW_UPS = {name: (DATA / name).read_text(encoding="utf-8") for name in (ADJUSTMENT_FILE, SUMMARY_FILE)}
ADJUSTMENT = FOLLOW_UPS[ADJUSTMENT_FILE]
SUMMARY = FOLLOW_UPS[SUMMARY_FILE]


def follow_up_extractions(files: tuple[str, ...] = tuple(FOLLOW_UPS)) -> list[DocumentExtraction]:
    return [extract_document(file, FOLLOW_UPS[file]) for file in files]
