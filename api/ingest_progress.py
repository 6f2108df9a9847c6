"""How far an ingest is: a live bar (files, MB/s, facts) on a terminal, a plain line every few
seconds otherwise (logs and CI keep readable lines, no control characters)."""

from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO

PLAIN_EVERY_S = 5.0
PLAIN_EVERY_ENV = "HEALTHKG_PROGRESS_EVERY_S"


def _plain_every_s() -> float:
    try:
        return max(0.0, float(os.environ.get(PLAIN_EVERY_ENV, PLAIN_EVERY_S)))
    except ValueError:
        return PLAIN_EVERY_S


class Progress:
    def __init__(
        self, stream: TextIO | None = None, enabled: bool = True, plain_every_s: float | None = None
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.live = enabled and self.stream.isatty()
        self.plain_every_s = _plain_every_s() if plain_every_s is None else plain_every_s
        self.files = self.bytes = self.facts = 0
        self.total_files = self.total_bytes = 0
        self.started = self.last_line = 0.0
        self._bar: Any = None
        self._task: Any = None

    def start(self, total_files: int, total_bytes: int) -> None:
        self.total_files, self.total_bytes = total_files, total_bytes
        self.started = time.monotonic()
        self.last_line = self.started - self.plain_every_s  # the first file says that work began
        if not self.live:
            return
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Bar

        self._bar = Bar(
            TextColumn("ingest"),
            BarColumn(),
            TextColumn("{task.fields[files]}/{task.fields[total_files]} files"),
            TextColumn("{task.fields[mb_per_s]:.2f} MB/s"),
            TextColumn("{task.fields[facts]:,} facts"),
            TimeElapsedColumn(),
            console=Console(file=self.stream),
            transient=False,
        )
        self._bar.start()
        self._task = self._bar.add_task(
            "ingest", total=max(total_bytes, 1), files=0, total_files=total_files, facts=0, mb_per_s=0.0
        )

    @property
    def mb_per_s(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.bytes / 1e6 / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        return (
            f"healthkg: {self.files}/{self.total_files} files, {self.bytes / 1e6:.1f} of "
            f"{self.total_bytes / 1e6:.1f} MB, {self.mb_per_s:.2f} MB/s, {self.facts:,} facts, "
            f"{time.monotonic() - self.started:.0f} s"
        )

    def advance(self, nbytes: int, facts: int) -> None:
        self.files += 1
        self.bytes += nbytes
        self.facts += facts
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(
                self._task, completed=self.bytes, files=self.files, facts=self.facts, mb_per_s=self.mb_per_s
            )
        elif time.monotonic() - self.last_line >= self.plain_every_s:
            self.last_line = time.monotonic()
            print(self.line(), file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
