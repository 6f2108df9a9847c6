"""One uvicorn loaded with the sample reports (its own graph, an API key set so uploads must ask for
it) and one headless Chromium for the explorer's tests; every test opens a fresh browser context.
Screenshots at 1280 and 390 px go to var/screenshots/ (git-ignored) for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.backend import GraphSettings
from tests.conftest import SAMPLES, LiveServer
from tests.web.browser import launched_chromium
from tests.web.session import API_KEY, Session

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def live_explorer(data_dir: Path, graph_name: str) -> LiveServer:
    from api.app import create_app
    from api.settings import ServiceSettings

    settings = ServiceSettings(
        graph=GraphSettings(url="embedded", data_dir=data_dir, graph_name=graph_name),
        load_paths=[SAMPLES],
        api_key=API_KEY,
    )
    return LiveServer(create_app(settings))


@pytest.fixture(scope="package")
def web_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The explorer's own graph folder: its server stops (and compacts) only what these tests wrote,
    not every graph the session's shared folder holds by then (92 s in a full run)."""
    return tmp_path_factory.mktemp("web-graph")


@pytest.fixture(scope="package")
def server(web_data_dir: Path) -> Iterator[LiveServer]:
    with live_explorer(web_data_dir, "web") as live:
        yield live


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture()
def session(browser: Browser, server: LiveServer) -> Iterator[Session]:
    opened = Session(browser, server)
    yield opened
    opened.context.close()
    assert opened.errors == [], f"JavaScript errors on the page: {opened.errors}"


@pytest.fixture()
def phone(browser: Browser, server: LiveServer) -> Iterator[Session]:
    opened = Session(browser, server, width=390, is_mobile=True, has_touch=True)
    yield opened
    opened.context.close()
    assert opened.errors == [], f"JavaScript errors on the page: {opened.errors}"
