"""Every operation of the OpenAPI, fuzzed by schemathesis against a real `healthkg serve` with the
API key set: no 5xx. Bounded (ten examples per operation and phase, a fixed seed)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.faults.serve import Serve

KEY = "fault-key"
EXAMPLES_PER_OPERATION = "10"


def _schemathesis(url: str, cwd: Path, *headers: str) -> subprocess.CompletedProcess[str]:
    command = shutil.which("st") or str(Path(sys.executable).parent / "st")
    argv = [
        command, "run", f"{url}/openapi.json",
        "--checks", "not_a_server_error",
        "--max-examples", EXAMPLES_PER_OPERATION,
        "--seed", "12",
        "--generation-codec", "latin-1",  # non-ASCII in generated headers and strings
        "--request-timeout", "60",
        "--phases", "examples,coverage,fuzzing",
        "--generation-database", "none",
        *(part for header in headers for part in ("-H", header)),
    ]  # fmt: skip
    # In a temporary folder: schemathesis keeps a cache in its working directory.
    return subprocess.run(argv, capture_output=True, text=True, timeout=240, cwd=cwd)


def _cases(output: str) -> int:
    found = re.search(r"(\d+) generated", output)
    return int(found.group(1)) if found else 0


def test_no_server_errors_under_fuzzing(tmp_path: Path) -> None:
    pytest.importorskip("schemathesis")
    sent = 0
    with Serve(
        tmp_path / "graph", "--load", str(SAMPLES / "001_b1280b1a44e49c58.txt"), HEALTHKG_API_KEY=KEY
    ) as serve:
        # With the key (so the writing operations run) and a non-ASCII header on every request,
        # then without it: the fuzzer generates the X-API-Key values, non-ASCII included.
        for headers in ((f"X-API-Key: {KEY}", "X-Reporter: José Müller"), ()):
            result = _schemathesis(serve.url, tmp_path, *headers)
            assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
            assert "Server error" not in result.stdout
            sent += _cases(result.stdout)
    print(f"schemathesis: {sent} cases, 0 server errors")
    assert sent > 500
