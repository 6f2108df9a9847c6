"""The embedded server: shared by processes on one data dir, and nothing lost on restart."""

import json
import subprocess
import sys
from pathlib import Path

from graph.backend import GraphSettings, connect
from graph.embedded import STATE_FILE, EmbeddedFalkorDB


def _count(backend) -> int:
    return backend.execute("MATCH (n:Probe) RETURN count(n) AS c", {}, read_only=True)[0]["c"]


def test_restart_keeps_the_data(tmp_path: Path) -> None:
    with EmbeddedFalkorDB(tmp_path, "g") as backend:
        backend.execute("UNWIND range(1, 50) AS i CREATE (:Probe {i: i})", {}, read_only=False)
    assert not (tmp_path / STATE_FILE).exists(), "the last user stops the server"
    with EmbeddedFalkorDB(tmp_path, "g") as backend:
        assert backend.server.started_here
        assert _count(backend) == 50


def test_second_process_shares_the_running_server(tmp_path: Path) -> None:
    with EmbeddedFalkorDB(tmp_path, "g") as owner:
        owner.execute("CREATE (:Probe {i: 1})", {}, read_only=False)
        state = json.loads((tmp_path / STATE_FILE).read_text())
        script = (
            "from pathlib import Path; from graph.embedded import EmbeddedFalkorDB\n"
            f"b = EmbeddedFalkorDB(Path({str(tmp_path)!r}), 'g')\n"
            "b.execute('CREATE (:Probe {i: 2})', {}, read_only=False)\n"
            "print(b.server.started_here, b.port); b.close()\n"
        )
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        started_here, port = out.stdout.split()
        assert started_here == "False"
        assert int(port) == state["port"]
        assert owner.ping(), "the other process left the shared server running"
        assert _count(owner) == 2


def test_settings_pick_the_backend(tmp_path: Path) -> None:
    with connect(GraphSettings(url="embedded", data_dir=tmp_path, graph_name="g")) as backend:
        assert backend.name == "embedded"
        url = f"falkordb://127.0.0.1:{backend.port}"
        with connect(GraphSettings(url=url, data_dir=tmp_path, graph_name="g")) as remote:
            assert remote.name == "falkordb"
            remote.execute("CREATE (:Probe {i: 3})", {}, read_only=False)
        assert _count(backend) == 1
