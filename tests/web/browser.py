"""Debian's Chromium (and the CJK fonts a person needs to read the page), installed with apt-get on
first use when missing and we may (root, apt-get present)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
CJK_FONT_DIR = Path("/usr/share/fonts/opentype/noto")
PACKAGES = {
    "chromium": lambda: CHROMIUM.exists(),
    "fonts-noto-cjk": lambda: any(CJK_FONT_DIR.glob("NotoSansCJK*")),
}


def _apt_install(packages: list[str]) -> None:
    command = ["apt-get", "install", "-y", "-q", *packages]
    if subprocess.run(command, capture_output=True, timeout=900).returncode != 0:
        # A fresh machine may have no package lists yet.
        subprocess.run(["apt-get", "update", "-q"], check=True, capture_output=True, timeout=600)
        subprocess.run(command, check=True, capture_output=True, timeout=900)


def chromium() -> Path:
    missing = [name for name, present in PACKAGES.items() if not present()]
    if missing:
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            if not CHROMIUM.exists():
                pytest.skip("no /usr/bin/chromium, and installing it needs root and apt-get")
        else:
            _apt_install(missing)
    if not CHROMIUM.exists():
        pytest.skip("apt-get install chromium did not provide /usr/bin/chromium")
    return CHROMIUM


@contextlib.contextmanager
def launched_chromium() -> Iterator[Browser]:
    """Headless Debian Chromium through playwright (its own download cannot run here)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = chromium()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), headless=True)
        try:
            yield launched
        finally:
            launched.close()
