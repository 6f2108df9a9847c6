"""Commitments, partners, programs, the metric timeline, text search and the offline /docs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx

from tests.web.session import (
    FAMILY_DOCTOR,
    Session,
    entity_route,
)

if TYPE_CHECKING:
    pass


# ---- relationship views, timeline, search, /docs ------------------------------------------------
def test_commitments_page_filters_through_the_url(session: Session) -> None:
    page = session.open("#/commitments")
    page.fill("#commitment-filters input[name=metric]", "家庭医生")
    page.fill("#commitment-filters input[name=year]", "2023")
    page.press("#commitment-filters input[name=year]", "Enter")
    page.wait_for_url(re.compile(r"#/commitments\?metric=.+&year=2023"))
    page.locator("table.data tbody tr").first.wait_for()
    metrics = page.locator("table.data td[data-label='指标']").all_inner_texts()
    assert metrics and all("家庭医生" in metric for metric in metrics)
    assert set(page.locator("table.data td[data-label='年份']").all_inner_texts()) == {"2023"}
    expected = httpx.get(
        f"{session.server.url}/api/commitments", params={"metric": "家庭医生", "year": 2023}, timeout=30
    ).json()["total"]
    assert len(metrics) == expected


def test_a_region_can_include_its_sub_regions_commitments(session: Session) -> None:
    page = session.open(entity_route("region:360100"))
    page.locator("#c-scope").check()
    page.wait_for_url(re.compile("scope=region"))
    committers = page.locator("#entity-commitments td[data-label='主体']")
    committers.first.wait_for()
    assert "新建区" in set(committers.all_inner_texts())


def test_partners_filtered_by_region(session: Session) -> None:
    everyone = httpx.get(f"{session.server.url}/api/partners?limit=500", timeout=30).json()["total"]
    page = session.open("#/partners?region=" + quote("新建区"))
    table = page.locator("table.data")
    table.wait_for()
    rows = table.locator("tbody tr")
    assert 0 < rows.count() < everyone
    pair = rows.filter(has_text="南昌大学第二附属医院").filter(has_text="新建区")
    assert pair.count() >= 1 and len(pair.first.locator(".quote-text").first.inner_text()) > 5
    page.fill("input[name=region]", "")
    page.press("input[name=region]", "Enter")
    page.wait_for_function(f"document.querySelectorAll('table.data tbody tr').length === {everyone}")


def test_programs_list_and_one_program_with_its_implementers(session: Session) -> None:
    page = session.open("#/programs")
    first = page.locator("table.data tbody tr").first
    program = httpx.get(f"{session.server.url}/api/programs?limit=1", timeout=30).json()["data"][0]
    assert first.locator("td[data-label='项目']").inner_text() == program["program"]["name"]
    assert int(first.locator("td[data-label='实施者']").inner_text()) == program["implementers"]
    first.locator("a").click()
    page.locator("h2", has_text=program["program"]["name"]).wait_for()
    implementers = page.locator("table[data-name$='-实施者'] tbody tr")
    implementers.first.wait_for()
    assert implementers.count() == program["implementers"]


def test_metric_timeline_chart_shows_the_goal_for_its_year(session: Session) -> None:
    page = session.open("#/metrics/" + quote(FAMILY_DOCTOR, safe=""))
    chart = page.locator("svg#timeline-chart")
    chart.wait_for()
    point = chart.locator("a.point[data-year='2023'][data-kind='goal'][data-value='60']").last
    assert "60%" in (point.locator("text").text_content() or "")
    assert "2023" in chart.locator("text.year").evaluate_all("els => els.map(e => e.textContent)")
    session.screenshot("timeline")


def test_search_lists_text_hits_with_the_match_marked(session: Session) -> None:
    page = session.open("#/search?q=" + quote("南昌"))
    hit = page.locator("#hits li").first
    hit.wait_for()
    assert hit.locator("mark").inner_text() == "南昌"
    hit.locator("a").click()
    page.locator("#quote-mark").wait_for()
    assert page.inner_text("#quote-mark") == "南昌"


def test_docs_render_offline(session: Session) -> None:
    outside: list[str] = []
    origin = session.server.url

    def only_local(route, request) -> None:  # noqa: ANN001 - playwright objects
        if request.url.startswith(origin):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    session.page.route("**/*", only_local)
    session.page.goto(f"{origin}/docs")
    session.page.locator(".swagger-ui .info .title", has_text="healthkg").wait_for()
    assert session.page.locator(".opblock-summary-path", has_text="/api/partners").count() >= 1
    assert outside == []
    session.screenshot("api-docs")
