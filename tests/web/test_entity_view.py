"""The entity view: header, commitments with their quotes, relation groups and their pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx

from tests.web.session import (
    FAMILY_DOCTOR,
    XINJIAN,
    Session,
    commitment_row,
    document_text,
    entity_route,
)

if TYPE_CHECKING:
    pass


# ---- entity view ---------------------------------------------------------------------------------
def test_entity_url_shows_its_2023_commitment_with_the_quote_from_the_document(session: Session) -> None:
    page = session.open(entity_route(XINJIAN, year="2023"))
    assert page.inner_text("#entity-name") == "新建区"
    assert page.inner_text("#entity-id") == XINJIAN
    row = commitment_row(page, FAMILY_DOCTOR)
    row.wait_for()
    assert row.count() == 1
    cells = {
        key: row.locator(f"td[data-label='{key}']").inner_text().strip()
        for key in ("数值", "单位", "年份", "类型")
    }
    assert cells == {"数值": "60", "单位": "%", "年份": "2023", "类型": "目标"}
    assert "2023" in row.locator("td[data-label='文件']").inner_text()
    shown_quote = row.locator(".quote-text").inner_text()
    assert "家庭医生签约服务覆盖率达到60%" in shown_quote

    # The quote is exactly the document's text at the linked span.
    link = row.locator("a.open-quote")
    match = re.search(r"#/document/([^?]+)\?start=(\d+)&end=(\d+)", link.get_attribute("href") or "")
    assert match, link.get_attribute("href")
    file, start, end = match.group(1), int(match.group(2)), int(match.group(3))
    assert document_text(session.server, file)[start:end] == shown_quote
    # Every row shown is a 2023 one, and the year choice is in the URL.
    years = page.locator("#entity-commitments td[data-label='年份']").all_inner_texts()
    years = {cell.strip() for cell in years}
    assert years == {"2023"}
    session.screenshot("entity-xinjian-2023")

    link.click()
    page.wait_for_url(re.compile(r"#/document/"))
    page.locator("#quote-mark").wait_for()
    assert page.inner_text("#quote-mark") == shown_quote
    session.screenshot("document-quote-marked")


def _relation_totals(detail: dict) -> dict[str, int]:
    """Edges per type as the relations section counts them (targets set are in the commitments)."""
    totals: dict[str, int] = {}
    for group in detail["edge_counts"]:
        if (group["type"], group["direction"]) != ("SETS_TARGET", "out"):
            totals[group["type"]] = totals.get(group["type"], 0) + group["total"]
    return totals


def test_other_relations_are_grouped_collapsed_with_counts(session: Session) -> None:
    page = session.open(entity_route(XINJIAN))
    totals = _relation_totals(httpx.get(f"{session.server.url}/api/entities/{XINJIAN}", timeout=30).json())
    groups = page.locator("details.edge-group")
    groups.first.wait_for()
    types = groups.evaluate_all("els => els.map(e => e.dataset.type)")
    assert sorted(types) == sorted(totals)
    implements = page.locator("details.edge-group[data-type='IMPLEMENTS']")
    assert implements.get_attribute("open") is None
    assert implements.locator(":scope > summary").inner_text().endswith(f"· {totals['IMPLEMENTS']}")
    # Collapsed: the page stays short even though 新建区 implements dozens of programs.
    assert page.evaluate("document.documentElement.scrollHeight") < 30000
    implements.locator(":scope > summary").click()  # one click, and every quote of the group shows
    first = implements.locator("li.edge").first
    assert first.locator(".quote-text").first.is_visible()
    assert len(first.locator(".quote-text").first.inner_text()) > 5


def test_load_more_brings_the_next_pages_of_a_relation_until_all_are_shown(session: Session) -> None:
    url = f"{session.server.url}/api/entities/{XINJIAN}"
    detail = httpx.get(url, timeout=30).json()
    group = next(g for g in detail["edge_counts"] if g["next"] and g["type"] != "SETS_TARGET")
    everything = httpx.get(url, params={"edges": "all"}, timeout=30).json()["edges"][group["type"]]
    expected = sorted(e["other"]["id"] for e in everything if e["direction"] == group["direction"])
    assert len(expected) == group["total"] > group["shown"]
    page = session.open(entity_route(XINJIAN))
    section = page.locator(f"details.edge-group[data-type='{group['type']}']")
    section.locator(":scope > summary").click()
    button = section.locator(f"button.load-more[data-direction='{group['direction']}']")
    items = section.locator("li.edge")
    assert items.count() == sum(len(v) for k, v in detail["edges"].items() if k == group["type"])
    assert f"{group['shown']}/{group['total']}" in button.inner_text()
    before = items.count()
    button.click()
    selector = f"details.edge-group[data-type='{group['type']}'] li.edge"
    page.wait_for_function("([s, n]) => document.querySelectorAll(s).length > n", arg=[selector, before])
    while button.count():
        button.click()
        page.wait_for_timeout(50)
    others = section.locator("li.edge").evaluate_all("els => els.map(e => e.dataset.other)")
    shown = [other for other in others if other in set(expected)]
    assert sorted(shown) == expected and len(set(shown)) == len(shown)  # every edge once
    session.screenshot("entity-relations-load-more")


def test_a_target_names_who_set_it_and_links_its_timeline(session: Session) -> None:
    rows = httpx.get(
        f"{session.server.url}/api/commitments",
        params={"by": XINJIAN, "metric": FAMILY_DOCTOR, "year": 2023},
        timeout=30,
    ).json()["data"]
    page = session.open(entity_route(rows[0]["target_id"]))
    setters = page.locator("details.edge-group[data-type='SETS_TARGET']")
    setters.locator(":scope > summary").click()
    assert setters.locator(f"a[data-id='{XINJIAN}']").is_visible()
    assert page.locator("#entity-commitments").count() == 0
    page.locator(".entity-header a", has_text=FAMILY_DOCTOR).click()
    page.locator("svg#timeline-chart").wait_for()


def test_reload_back_and_forward_keep_the_view(session: Session) -> None:
    page = session.open("#/search?q=" + quote("新建区"))
    page.locator(f"#results li[data-id='{XINJIAN}'] a").click()
    page.locator("#c-year").wait_for()
    page.select_option("#c-year", "2023")
    assert "year=2023" in page.url
    page.reload()
    page.locator("#c-year").wait_for()
    assert page.eval_on_selector("#c-year", "el => el.value") == "2023"
    commitment_row(page, FAMILY_DOCTOR).wait_for()
    page.go_back()
    page.locator(f"#results li[data-id='{XINJIAN}']").wait_for()
    assert page.input_value("#q") == "新建区"
    page.go_forward()
    page.locator("#entity-name", has_text="新建区").wait_for()
