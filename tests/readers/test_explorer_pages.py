"""The explorer shows the page of a PDF's quote (headless Chromium against a live API)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.backend import GraphSettings
from tests.conftest import LiveServer
from tests.readers.conftest import XINJIAN_2023
from tests.web.browser import launched_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def pdf_api(data_dir: Path, built: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from api.app import create_app
    from api.settings import ServiceSettings

    folder = tmp_path_factory.mktemp("pdf-only")
    (folder / "xinjian.pdf").write_bytes(built[XINJIAN_2023, "pdf"][0])
    graph = GraphSettings(url="embedded", data_dir=data_dir, graph_name="readers_web")
    with LiveServer(create_app(ServiceSettings(graph=graph, load_paths=[folder]))) as server:
        yield server


def test_a_pdf_quote_names_its_page_and_opens_its_span(browser: Browser, pdf_api: LiveServer) -> None:  # noqa: F811
    context = browser.new_context()
    page: Page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(pdf_api.url + "/#/entity/region%3A360112?year=2023")
        quote = page.locator("#entity-commitments blockquote.quote").first
        quote.wait_for()
        link = quote.locator("a.open-quote")
        source = link.inner_text()
        assert re.search(r"第 \d+ 页", source), source
        expected = quote.locator(".quote-text").inner_text()
        link.click()
        marked = page.locator("#quote-mark")
        marked.wait_for()
        assert marked.inner_text() == expected
    finally:
        context.close()
    assert errors == []
