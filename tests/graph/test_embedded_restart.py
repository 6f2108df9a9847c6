"""Restarts load a snapshot (RDB preamble) instead of replaying every write, and lose nothing."""

import os
import signal
from pathlib import Path

import pytest

from api.ingest import extract_paths
from graph import embedded
from graph.embedded import EmbeddedFalkorDB, _aof_tail_bytes
from graph.store import GraphStore

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def extractions():
    return extract_paths(sorted(SAMPLES.glob("*.txt"))[:2])


def _base_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "appendonlydir").glob("*.base.rdb"))


def test_stop_folds_the_writes_into_a_snapshot_and_restart_keeps_every_fact(
    tmp_path: Path, extractions, monkeypatch
) -> None:
    monkeypatch.setattr(embedded, "COMPACT_ABOVE_BYTES", 0)
    with EmbeddedFalkorDB(tmp_path, "g") as backend:
        store = GraphStore(backend)
        for extraction in extractions:
            store.ingest(extraction)
        before, exported = store.counts(), store.export()
        assert _aof_tail_bytes(tmp_path) > 0, "the writes are in the append-only tail before the stop"
    assert _aof_tail_bytes(tmp_path) == 0, "the stop rewrote the tail into the snapshot"
    base = _base_files(tmp_path)
    assert len(base) == 1 and base[0].stat().st_size > 10_000, "the snapshot holds the graph"
    with EmbeddedFalkorDB(tmp_path, "g") as backend:
        assert backend.server.started_here
        after = GraphStore(backend).counts()
        assert GraphStore(backend).export() == exported
    assert after == before
    assert sum(after["nodes"].values()) > 50 and sum(after["edges"].values()) > 50
    log = (tmp_path / "falkordb.log").read_text(errors="replace")
    assert "Indexes are constructed in the background" in log, "the restart answers before its indexes"


def test_writes_after_the_snapshot_survive_a_killed_server(tmp_path: Path, extractions, monkeypatch) -> None:
    """A server killed without its stop (no compaction) still restarts with everything written."""
    monkeypatch.setattr(embedded, "COMPACT_ABOVE_BYTES", 0)
    with EmbeddedFalkorDB(tmp_path, "g") as backend:
        GraphStore(backend).ingest(extractions[0])
    backend = EmbeddedFalkorDB(tmp_path, "g")
    store = GraphStore(backend)
    store.ingest(extractions[1])
    backend.execute("UNWIND range(1, 40) AS i CREATE (:Probe {i: i})", {}, read_only=False)
    before = store.counts()
    pid = backend.server.pid
    backend._db.connection.execute_command("CONFIG", "SET", "appendfsync", "always")
    backend._db.connection.execute_command("GRAPH.QUERY", "g", "CREATE (:Probe {i: 41})")  # fsynced
    os.kill(pid, signal.SIGKILL)
    backend.server._wait_exit()
    assert _aof_tail_bytes(tmp_path) > 0, "the writes since the snapshot are only in the tail"
    with EmbeddedFalkorDB(tmp_path, "g") as restarted:
        after = GraphStore(restarted).counts()
        probes = restarted.execute("MATCH (n:Probe) RETURN count(n) AS c", {}, read_only=True)[0]["c"]
    assert probes == 41
    assert after["edges"] == before["edges"]
    assert after["nodes"] == before["nodes"]
    assert _aof_tail_bytes(tmp_path) == 0, "the start (or the stop) compacted the replayed tail"
