"""How long, and how many actions, a newcomer needs on the explorer for "what did 新建区 commit to
for 2023, with the quote".

    .venv/bin/python bench/explorer_newcomer.py [--url http://127.0.0.1:8000]

Without --url it serves the samples itself (fresh embedded graph in a temporary directory).
Headless Chromium (/usr/bin/chromium) performs the three actions a person would: (1) type 新建区
into the search box and press Enter, (2) click the 新建区 result, (3) choose 2023 in the
commitments' year list; the answer is on screen when the 家庭医生签约服务覆盖率 row shows 60 %
with its quote. Two timings: the page's own (actions as fast as the browser takes them), and the
same actions at a person's pace (typing 3 characters a second, 1.5 s to find each next control).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

METRIC = "家庭医生签约服务覆盖率"
LOOK = 1.5  # seconds a person takes to find the next control
TYPE_DELAY_MS = 333  # three characters a second


@contextlib.contextmanager
def served_samples() -> Iterator[str]:
    from api.app import create_app
    from api.settings import ServiceSettings
    from graph.backend import GraphSettings
    from tests.conftest import SAMPLES, LiveServer

    with tempfile.TemporaryDirectory() as data_dir:
        graph = GraphSettings(url="embedded", data_dir=Path(data_dir), graph_name="newcomer")
        with LiveServer(create_app(ServiceSettings(graph=graph, load_paths=[SAMPLES]))) as server:
            yield server.url


def answer(page: Page, pace: bool) -> tuple[float, int, str]:
    actions = 0
    start = time.perf_counter()
    if pace:
        time.sleep(LOOK)
    page.click("#q")
    page.keyboard.type("新建区", delay=TYPE_DELAY_MS if pace else 0)
    page.keyboard.press("Enter")
    actions += 1
    result = page.locator("#results li[data-id='region:360112'] a")
    result.wait_for()
    if pace:
        time.sleep(LOOK)
    result.click()
    actions += 1
    page.locator("#c-year").wait_for()
    if pace:
        time.sleep(LOOK)
    page.select_option("#c-year", "2023")
    actions += 1
    cell = page.locator("td[data-label='指标'] a", has_text=re.compile(f"^{METRIC}$"))
    row = page.locator("#entity-commitments tbody tr").filter(has=cell)
    row.wait_for()
    elapsed = time.perf_counter() - start
    cells = [row.locator(f"td[data-label='{key}']").inner_text() for key in ("数值", "单位")]
    value = "".join(cells)
    return elapsed, actions, f"{METRIC} {value} · {row.locator('.quote-text').inner_text()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a running healthkg (default: serve the samples here)")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(served_samples())
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
            for pace in (False, True):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(url + "/")
                page.locator("#q").wait_for()
                elapsed, actions, shown = answer(page, pace)
                label = "at a person's pace" if pace else "browser speed     "
                print(f"newcomer task {label}: {elapsed:5.2f} s, {actions} actions; on screen: {shown}")
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
