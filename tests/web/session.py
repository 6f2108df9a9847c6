"""What the explorer's browser tests share: a browser context on the live server, routes, constants."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx

from tests.conftest import REPO, LiveServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

API_KEY = "web-test-key"
SCREENSHOTS: Path = REPO / "var" / "screenshots"
XINJIAN = "region:360112"
FAMILY_DOCTOR = "家庭医生签约服务覆盖率"
CAP = 8  # web/js/graph.js CAP


class Session:
    """A browser context on the live server that fails the test on any JavaScript error."""

    def __init__(self, browser: Browser, server: LiveServer, width: int = 1280, **options: object) -> None:
        self.server = server
        self.context: BrowserContext = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True, **options
        )
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, route: str = "") -> Page:
        self.page.goto(f"{self.server.url}/{route}")
        self.page.wait_for_function("!document.querySelector('#view').hasAttribute('aria-busy')")
        return self.page

    def screenshot(self, name: str, full_page: bool = False, element: str | None = None) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        width = self.page.viewport_size["width"] if self.page.viewport_size else 0
        path = str(SCREENSHOTS / f"{name}-{width}.png")
        if element:
            self.page.locator(element).screenshot(path=path)
        else:
            self.page.screenshot(path=path, full_page=full_page)


def entity_route(entity_id: str, **params: str) -> str:
    query = "&".join(f"{key}={quote(value)}" for key, value in params.items())
    return f"#/entity/{quote(entity_id, safe='')}" + (f"?{query}" if query else "")


def commitment_row(page: Page, metric: str):  # noqa: ANN201 - a playwright Locator
    cell = page.locator("td[data-label='指标'] a", has_text=re.compile(f"^{re.escape(metric)}$"))
    return page.locator("#entity-commitments tbody tr").filter(has=cell)


def document_text(server: LiveServer, file: str) -> str:
    return httpx.get(f"{server.url}/api/documents/{file}/text", timeout=30).json()["text"]
