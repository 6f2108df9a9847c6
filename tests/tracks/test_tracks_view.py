"""The tracks view of the explorer in headless Chromium, over samples plus the follow-up reports."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from api.app import create_app
from api.settings import ServiceSettings
from graph.backend import GraphSettings
from graph.store import GraphStore
from tests.conftest import LiveServer
from tests.tracks.conftest import TRACKS_GRAPH
from tests.tracks.followups import SUMMARY

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")


def _chromium() -> Path:
    """Debian's chromium, installed with apt-get when missing and we may (as tests/web does)."""
    if not CHROMIUM.exists():
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            pytest.skip("no /usr/bin/chromium, and installing it needs root and apt-get")
        command = ["apt-get", "install", "-y", "-q", "chromium"]
        subprocess.run(command, check=True, capture_output=True, timeout=600)
    if not CHROMIUM.exists():
        pytest.skip("apt-get install chromium did not provide /usr/bin/chromium")
    return CHROMIUM


@pytest.fixture(scope="module")
def tracks_server(data_dir: Path, tracks_store: GraphStore) -> Iterator[LiveServer]:
    graph = GraphSettings(url="embedded", data_dir=data_dir, graph_name=TRACKS_GRAPH)
    with LiveServer(create_app(ServiceSettings(graph=graph))) as server:
        yield server


@pytest.fixture()
def page(tracks_server: LiveServer) -> Iterator[Page]:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), headless=True)
        opened = browser.new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        opened.goto(tracks_server.url + "/#/tracks")
        opened.wait_for_selector("#tracks-panel")
        yield opened
        browser.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def test_a_track_shows_its_chart_goal_line_status_and_both_quotes(page: Page) -> None:
    page.fill("#t-committer", "新建区")
    page.fill("#t-metric", "孕产妇死亡率")
    page.click("#track-filters button")
    item = page.locator("#tracks-list li[data-id='m-maternal_mortality@region:360112']")
    item.wait_for()
    assert "未达成" in item.inner_text()
    item.click()
    page.locator("#track-detail[data-id='m-maternal_mortality@region:360112']").wait_for()

    statement = page.inner_text("#track-statement")
    assert "未达成" in statement and "12/10万" in statement and "0.15‰" in statement
    goal_quote = page.inner_text("#track-quotes .quote-goal")
    outcome_quote = page.inner_text("#track-quotes .quote-outcome")
    assert "孕产妇死亡率控制在12/10万以下" in goal_quote
    reported = "2023年，新建区孕产妇死亡率为0.15‰。"
    assert reported in SUMMARY and reported in outcome_quote
    assert "2024-01-15" in outcome_quote
    # side by side: the two quotes share a row
    goal_box = page.locator("#track-quotes .quote-goal").bounding_box()
    outcome_box = page.locator("#track-quotes .quote-outcome").bounding_box()
    assert goal_box and outcome_box and abs(goal_box["y"] - outcome_box["y"]) < 2
    assert outcome_box["x"] > goal_box["x"] + goal_box["width"] - 1

    # the chart: a marker per goal, one achieved dot above the dashed goal line (15 > 12 per 10万)
    points = tracks_api(page, "m-maternal_mortality@region:360112")["points"]
    goals = [p for p in points if p["kind"] == "goal"]
    assert page.locator("#track-chart rect.goal").count() == len(goals) >= 1
    assert page.locator("#track-chart circle.achieved").count() == 1
    goal_line_y = float(page.get_attribute("#track-chart line.goal-line", "y1") or "nan")
    dot_y = float(page.get_attribute("#track-chart circle.achieved", "cy") or "nan")
    assert dot_y < goal_line_y  # SVG y grows downwards: the figure is above the goal
    assert page.locator("#track-points tbody tr").count() == len(points)


def tracks_api(page: Page, track_id: str) -> dict:
    return page.evaluate(f"fetch('/api/tracks/' + encodeURIComponent({track_id!r})).then(r => r.json())")


def test_choosing_an_earlier_goal_shows_what_revised_it(page: Page) -> None:
    page.fill("#t-committer", "新建区")
    page.select_option("#t-status", "revised")
    page.click("#track-filters button")
    item = page.locator("#tracks-list li[data-id='m-maternal_system_management@region:360112']")
    item.wait_for()
    item.click()
    page.locator("#track-detail[data-id='m-maternal_system_management@region:360112']").wait_for()
    assert "已达成" in page.inner_text("#track-statement")  # the latest goal, 92%, was met
    page.locator("#track-points tbody tr.goal").first.click()
    page.wait_for_function("document.querySelector('#track-statement').textContent.includes('调整')")
    assert "92%" in page.inner_text("#track-quotes .quote-outcome")
    assert page.locator("#track-chart rect.goal").count() == 2


def test_opening_an_entity_in_the_explorer_lists_its_tracks(page: Page) -> None:
    page.fill("#q", "新建区")
    page.press("#q", "Enter")
    page.locator("#results li[data-id='region:360112'] a").first.click()
    page.locator("#entity-tracks").click()
    page.locator("#tracks-list li[data-id='m-family_doctor_coverage@region:360112']").wait_for()
    assert page.input_value("#t-committer") == "region:360112"
    ids = page.eval_on_selector_all("#tracks-list li", "items => items.map(i => i.dataset.id)")
    assert ids and all(i.endswith("@region:360112") for i in ids)


def test_the_view_renders_through_a_hash_router_context(page: Page) -> None:
    # The module also exports { route, title, render(context) } for the explorer's router
    # (branch `explorer`): render it as that router would, from a URL's path and query.
    page.wait_for_selector("#tracks-panel")
    view = page.evaluate(
        """async () => {
          document.querySelector('#tracks-panel').remove();
          const target = document.createElement('div');
          target.id = 'router-root';
          document.body.append(target);
          const view = (await import('/static/tracks.js')).default;
          await view.render({
            arg: 'm-key_group_signing_coverage@region:360112',
            params: new URLSearchParams('committer=新建区&status=missed'),
            show: (...nodes) => target.replaceChildren(...nodes),
            setTitle: () => {},
            signal: new AbortController().signal,
          });
          return { route: view.route, title: view.title };
        }"""
    )
    assert view == {"route": "tracks", "title": "承诺追踪"}
    assert page.input_value("#router-root #t-status") == "missed"
    ids = page.eval_on_selector_all("#router-root #tracks-list li", "items => items.map(i => i.dataset.id)")
    assert "m-key_group_signing_coverage@region:360112" in ids
    assert "m-family_doctor_coverage@region:360112" not in ids  # met and on track, never missed
    assert "未达成" in page.inner_text("#router-root #track-statement")
    page.click("#router-root #tracks-list li[data-id='m-maternal_mortality@region:360112']")
    page.wait_for_function("window.location.hash.startsWith('#/tracks/m-maternal_mortality')")
    assert "committer=" in page.evaluate("window.location.hash")
