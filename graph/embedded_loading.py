"""How a start of the embedded server that takes long is recognised and reported.

A large graph loads for a while (a snapshot, then the writes since): the server answers LOADING,
or, replaying a run of large writes, nothing at all; its log is then the only sign of progress.
The person at the terminal is told what is happening and for how long it has been going on.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

NO_RETRY = Retry(NoBackoff(), 0)


def loading_percent(port: int) -> str:
    client = redis.Redis(
        host="127.0.0.1", port=port, socket_timeout=0.3, socket_connect_timeout=0.3, retry=NO_RETRY
    )
    try:
        info = client.info("persistence")  # INFO is served while loading
        return f", {float(info.get('loading_loaded_perc', 0)):.0f} % loaded"
    except redis.RedisError:
        return ""
    finally:
        client.close()


class LoadingNotice:
    """Tells the person at the terminal why nothing happens yet, once, then every 5 s, with the
    seconds waited so far (a large graph loads for minutes: a silent wait looks like a hang)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.since = time.monotonic()
        self.last = 0.0

    def __call__(self, port: int) -> None:
        now = time.monotonic()
        if now - self.last < 5.0:
            return
        self.last = now
        tail_mb = aof_tail_bytes(self.data_dir) / 1e6
        replay = f", {tail_mb:.0f} MB of writes to replay since the last snapshot" if tail_mb >= 1 else ""
        print(
            f"healthkg: waiting for the graph to load ({self.data_dir}{loading_percent(port)}{replay}) "
            f"… {now - self.since:.0f} s",
            file=sys.stderr,
            flush=True,
        )


def loading_per_log(data_dir: Path, pid: int | None = None) -> bool:
    """The server's log says it started and is not ready yet. While it replays a long run of large
    writes it does not even answer LOADING (it serves clients only every 1,024 replayed commands),
    so its log is the only sign of progress."""
    try:
        with open(data_dir / "falkordb.log", "rb") as handle:
            handle.seek(max(0, handle.seek(0, os.SEEK_END) - 65536))
            tail = handle.read().decode("utf-8", "replace")
    except OSError:
        return pid is not None  # a server just started has not opened its log yet
    if pid is not None:
        # A server just started: its own lines only; none yet means it is still starting.
        own = [line for line in tail.splitlines() if line.startswith(f"{pid}:")]
        return not any("Ready to accept connections" in line for line in own)
    started = max(tail.rfind("Server initialized"), tail.rfind("Redis is starting"))
    return started >= 0 and tail.find("Ready to accept connections", started) < 0


def aof_tail_bytes(data_dir: Path) -> int:
    """Size of the append-only writes made since the last snapshot (what a start replays)."""
    folder = data_dir / "appendonlydir"
    if not folder.is_dir():
        return 0
    return sum(path.stat().st_size for path in folder.glob("*.incr.aof"))
