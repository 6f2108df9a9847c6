"""A real `healthkg serve` subprocess on its own data directory, for the fault suite."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import free_port

START_WAIT_S = 120


def healthkg_argv() -> list[str]:
    command = shutil.which("healthkg")
    return [command] if command else [sys.executable, "-m", "api.cli"]


def healthkg_env(data_dir: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "HEALTHKG_DATA_DIR": str(data_dir), "HEALTHKG_GRAPH_URL": "embedded", **extra}


def run_cli(data_dir: Path, *args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    argv = [*healthkg_argv(), *args]
    env_all = healthkg_env(data_dir, **env)
    return subprocess.run(argv, capture_output=True, text=True, env=env_all, timeout=timeout)


class Serve:
    """`healthkg serve` in a subprocess; `url` once /health answers."""

    def __init__(self, data_dir: Path, *args: str, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [*healthkg_argv(), "serve", "--port", str(self.port), *args],
            env=healthkg_env(data_dir, **env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def __enter__(self) -> Serve:
        deadline = time.monotonic() + START_WAIT_S
        while True:
            try:
                if httpx.get(f"{self.url}/health", timeout=5).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                error = self.process.stderr.read() if self.process.stderr else ""
                raise RuntimeError(f"serve did not come up: {error}")
            time.sleep(0.2)

    def stop(self, sig: int = signal.SIGINT, wait_s: float = 60) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            return None

    def __exit__(self, *exc: object) -> None:
        if self.stop() is None:
            self.process.kill()
            self.process.wait(timeout=30)


def descendants(pid: int) -> list[int]:
    """Every live process under `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


def wait_until(predicate, timeout_s: float = 60, step_s: float = 0.1) -> bool:  # noqa: ANN001
    """Poll `predicate` until true or the bound passes (a bound, not a timing assertion)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step_s)
    return bool(predicate())
