"""`healthkg ingest` as a stream, run as a user would: progress on a terminal or in a log, the
summary's duplicates, and its options refused clearly."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
from pathlib import Path

from tests.conftest import SAMPLES
from tests.faults.serve import healthkg_argv, healthkg_env, run_cli


def test_duplicates_are_named_in_the_summary_and_kept_as_aliases(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(SAMPLES, folder)
    shutil.copy(SAMPLES / "001_b1280b1a44e49c58.txt", folder / "zz_copy.txt")
    data = tmp_path / "graph"
    result = run_cli(data, "ingest", "--workers", "2", str(folder), HEALTHKG_PROGRESS_EVERY_S="0")
    assert result.returncode == 0, result.stderr
    assert "6 documents (5 loaded, 0 replaced, 0 unchanged, 1 duplicates of already loaded documents)" in (
        result.stdout
    )
    # Not a terminal: plain lines, one per file here, and no control characters.
    lines = [line for line in result.stderr.splitlines() if " files, " in line]
    assert lines[-1].startswith("healthkg: 6/6 files, ")
    assert "MB/s" in lines[-1] and " facts" in lines[-1]
    assert "\x1b" not in result.stderr
    export = json.loads(run_cli(data, "export").stdout)
    documents = {n["file"]: n["aliases"] for n in export["nodes"] if n["label"] == "Document"}
    assert documents["001_b1280b1a44e49c58.txt"] == ["zz_copy.txt"] and len(documents) == 5
    again = run_cli(data, "ingest", "--quiet", str(folder))
    assert "6 documents (0 loaded, 0 replaced, 6 unchanged)" in again.stdout
    assert again.stderr == ""


def test_a_terminal_gets_a_live_progress_bar(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*healthkg_argv(), "ingest", str(SAMPLES / "000_8af4f2e2e8678ba9.txt")],
        env={**healthkg_env(tmp_path), "COLUMNS": "120"},
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        shown += chunk
    out, _ = process.communicate(timeout=120)
    os.close(leader)
    assert process.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert re.search(
        r"1/1 files \S* ?\d+\.\d\d MB/s \S* ?[1-9][\d,]* facts",
        re.sub(r"\x1b\[[\d;?]*[a-zA-Z]", " ", text).replace("  ", " "),
    ), text
    assert "1 documents (1 loaded" in out


def test_a_bad_worker_count_is_refused(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "ingest", "--workers", "0", str(SAMPLES))
    assert result.returncode == 2
    assert "at least 1" in result.stderr and "Traceback" not in result.stderr
