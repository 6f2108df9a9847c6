"""Defect 5: one embedded server per data directory, even when it stops answering."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from graph.embedded import STATE_FILE, EmbeddedFalkorDB
from tests.faults.serve import run_cli


def _servers_on(data_dir: Path) -> set[int]:
    """Processes holding a file of `data_dir` open (a FalkorDB server holds its AOF and lock)."""
    found = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            if b"redis-server" not in cmdline:
                continue
            targets = [os.readlink(fd) for fd in (proc / "fd").iterdir()]
        except OSError:
            continue
        if any(target.startswith(str(data_dir)) for target in targets):
            found.add(int(proc.name))
    return found


def test_a_frozen_server_is_reported_not_replaced(tmp_path: Path) -> None:
    data = tmp_path.resolve()
    with EmbeddedFalkorDB(data, "g") as owner:
        owner.execute("CREATE (:Probe {i: 1})", {}, read_only=False)
        pid = owner.server.pid
        state = json.loads((data / STATE_FILE).read_text())
        os.kill(pid, signal.SIGSTOP)
        try:
            frozen = run_cli(
                data, "stats", timeout=120, HEALTHKG_EMBEDDED_WAIT_S="3", HEALTHKG_GRAPH_NAME="g"
            )
            servers_while_frozen = _servers_on(data)
            state_while_frozen = json.loads((data / STATE_FILE).read_text())
        finally:
            os.kill(pid, signal.SIGCONT)
        assert frozen.returncode == 3, frozen.stdout
        assert "has not answered" in frozen.stderr and "not starting a second server" in frozen.stderr
        assert servers_while_frozen == {pid}, "no second server on the same files"
        assert state_while_frozen == state, "server.json still names the running server"
        thawed = run_cli(data, "stats", timeout=120, HEALTHKG_GRAPH_NAME="g")
        assert thawed.returncode == 0, thawed.stderr
        assert _servers_on(data) == {pid}
        assert owner.execute("MATCH (n:Probe) RETURN count(n) AS c", {}, read_only=True)[0]["c"] == 1
    assert not (data / STATE_FILE).exists(), "the last user stopped it and cleared its state"
    assert not _servers_on(data)
