"""The explorer page in headless Chromium against the live API loaded with the sample reports."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import LiveServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")


def _chromium() -> Path:
    """Debian's chromium; installed once with apt-get when missing and we may (root, apt present)."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("no /usr/bin/chromium, and installing it needs root and apt-get")
    command = ["apt-get", "install", "-y", "-q", "chromium"]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    if not CHROMIUM.exists():
        pytest.skip("apt-get install chromium did not provide /usr/bin/chromium")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), headless=True)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser, live_api: LiveServer) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(live_api.url + "/")
    yield opened
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def test_search_open_entity_read_quote_and_see_its_graph(page: Page) -> None:
    page.fill("#q", "新建区")
    page.press("#q", "Enter")
    result = page.locator("#results li[data-id='region:360112']")
    result.wait_for()
    assert "新建区" in result.inner_text()

    result.click()
    page.locator("#entity-name", has_text="新建区").wait_for()
    assert page.inner_text("#entity-id") == "region:360112"
    quote = page.locator("#edges .edge .quote").first
    quote.wait_for()
    assert quote.locator("cite").inner_text().split()[0].endswith(".txt")
    assert len(quote.inner_text()) > 10

    page.wait_for_function("document.querySelectorAll('#graph circle').length >= 2")
    assert page.locator("#graph circle").count() >= 2
    assert page.locator("#graph circle.center").get_attribute("data-id") == "region:360112"


def test_clicking_a_graph_node_opens_it(page: Page) -> None:
    page.fill("#q", "新建区")
    page.press("#q", "Enter")
    page.locator("#results li[data-id='region:360112']").click()
    page.wait_for_function("document.querySelectorAll('#graph circle').length >= 2")
    other = page.locator("#graph circle:not(.center)").first
    other_id = other.get_attribute("data-id")
    other.dispatch_event("click")
    page.wait_for_function(f"document.querySelector('#entity-id').textContent === {other_id!r}")


def test_commitments_table_filters_and_shows_quotes(page: Page) -> None:
    page.fill("#f-metric", "家庭医生")
    page.click("#commitment-filters button")
    page.wait_for_function(
        "(() => { const rows = [...document.querySelectorAll('#commitments tbody tr')];"
        " return rows.length > 0 && rows.every(r => r.children[1].textContent.includes('家庭医生')); })()"
    )
    first = page.locator("#commitments tbody tr").first
    assert len(first.locator(".quote-cell").inner_text()) > 5


def test_a_quote_opens_its_document_with_the_span_marked(page: Page) -> None:
    page.fill("#q", "新建区")
    page.press("#q", "Enter")
    page.locator("#results li[data-id='region:360112']").click()
    quote = page.locator("#edges .edge .quote").first
    quote.wait_for()
    expected = page.evaluate("el => el.firstChild.textContent", quote.element_handle())
    quote.locator("cite a").click()
    marked = page.locator("#document-text mark")
    marked.wait_for()
    assert marked.inner_text() == expected
    assert page.locator("#document-panel").is_visible()


def test_search_lists_text_hits_with_the_match_marked(page: Page) -> None:
    page.fill("#q", "南昌")
    page.press("#q", "Enter")
    hit = page.locator("#hits li").first
    hit.wait_for()
    assert hit.locator("mark").inner_text() == "南昌"
    assert page.inner_text("#hits-count").startswith("共 ")
    hit.click()
    page.locator("#document-text mark").wait_for()
    assert page.locator("#document-text mark").inner_text() == "南昌"
