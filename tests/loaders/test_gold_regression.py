"""The dev gold scored with the shared scorer; floors sit a little under what the loaders reach."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENTITY_F1_FLOOR = 0.87
RELATION_F1_FLOOR = 0.78


def _shared() -> Path | None:
    for candidate in (os.environ.get("HEALTHKG_SHARED_DIR"), REPO.parent / "shared", Path("/work/shared")):
        if candidate and (Path(candidate) / "tools" / "score_extraction.py").is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def report() -> dict:
    shared = _shared()
    if shared is None or not list((shared / "gold").glob("*.json")):
        pytest.skip("no shared folder with the scorer and gold (set HEALTHKG_SHARED_DIR)")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.extraction",
            "--json",
            "--scorer",
            str(shared / "tools" / "score_extraction.py"),
            "--gold",
            *map(str, sorted((shared / "gold").glob("*.json"))),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def test_entity_f1_floor(report: dict) -> None:
    assert report["entity_f1"] >= ENTITY_F1_FLOOR


def test_relation_f1_floor(report: dict) -> None:
    assert report["relation_f1"] >= RELATION_F1_FLOOR


def test_every_evidence_is_valid(report: dict) -> None:
    assert report["evidence_valid"] == 1.0
    assert report["edges_with_evidence"] == 1.0
