"""A CLI started while the embedded server loads a large snapshot waits for it, saying so,
instead of failing after the start timeout."""

from __future__ import annotations

import json
import re
from pathlib import Path

import redis

from graph import embedded
from graph.embedded import EmbeddedFalkorDB, _compact
from tests.conftest import SAMPLES
from tests.faults.serve import run_cli

KEYS = 4000
# Each key of the snapshot takes 2 ms to load (a debugging option of redis-server), and the
# server answers LOADING between keys: a load of ~8 s, well past what a silent wait looks like.
SLOW_LOAD = "--key-load-delay 2000 --loading-process-events-interval-bytes 1024"


def test_the_cli_waits_for_a_loading_server_and_says_so(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "ingest", "--quiet", str(SAMPLES / "001_b1280b1a44e49c58.txt")).returncode == 0
    with EmbeddedFalkorDB(tmp_path, "healthkg") as backend:
        client = redis.Redis(host="127.0.0.1", port=backend.server.port)
        with client.pipeline(transaction=False) as pipe:
            for k in range(KEYS):
                pipe.set(f"filler:{k}", "x")
            pipe.execute()
        client.close()
        _compact(backend.server.port, wait_s=60)  # into the snapshot the next start loads
    result = run_cli(tmp_path, "stats", timeout=300, **{embedded.SERVER_ARGS_ENV: SLOW_LOAD})
    assert result.returncode == 0, result.stderr
    notices = re.findall(r"^healthkg: waiting for the graph to load \(.*\) … (\d+) s$", result.stderr, re.M)
    assert len(notices) >= 2, result.stderr  # once after a second, then every 5 s
    assert int(notices[-1]) >= 5
    assert json.loads(result.stdout)["nodes"]["Document"] == 1
