"""Keyboard-only use, the phone width, error and loading states, CSV export and citations."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx

from tests.conftest import LiveServer
from tests.web.session import (
    FAMILY_DOCTOR,
    XINJIAN,
    Session,
    commitment_row,
    entity_route,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser


# ---- keyboard, phone, states -------------------------------------------------------------------
def test_keyboard_only_search_open_and_back(session: Session) -> None:
    page = session.open()
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("新建区")
    page.keyboard.press("Enter")
    page.locator(f"#results li[data-id='{XINJIAN}'] a").wait_for()
    page.locator("#hits li").first.wait_for()
    session.screenshot("search-xinjian")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#results li') !== null"):
            break
    focused = page.evaluate("document.activeElement.closest('li').dataset.id")
    assert focused == XINJIAN
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Enter")
    page.locator("#entity-name", has_text="新建区").wait_for()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "← 返回"
    page.keyboard.press("Enter")
    page.locator(f"#results li[data-id='{XINJIAN}']").wait_for()
    assert "#/search?q=" in page.url


PHONE_ROUTES = [
    "#/",
    "#/search?q=" + quote("南昌"),
    entity_route(XINJIAN, year="2023"),
    "#/commitments?metric=" + quote("家庭医生"),
    "#/metrics/" + quote(FAMILY_DOCTOR, safe=""),
    "#/partners",
    "#/programs/" + quote("program:医养结合", safe=""),
    "#/documents",
    "#/document/001_b1280b1a44e49c58.txt?start=679&end=737",
]
TOO_WIDE = """() => [...document.querySelectorAll('body *')].filter(e => {
  if (e.closest('.visually-hidden, .skip, thead, [hidden]') || e.type === 'file') return false;
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.right > window.innerWidth + 1;
}).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5)"""


def test_at_390_px_nothing_is_wider_than_the_viewport(phone: Session) -> None:
    for route in PHONE_ROUTES:
        page = phone.open(route)
        page.wait_for_timeout(300)  # sections that fill after the view (tables, graph)
        page.wait_for_function("!document.querySelector('.loading')")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, route
        assert page.evaluate(TOO_WIDE) == [], route
        if route.startswith("#/entity"):
            commitment_row(page, FAMILY_DOCTOR).wait_for()
            phone.screenshot("entity-xinjian-2023")
        elif route == "#/documents":
            phone.screenshot("documents")
        elif route.startswith("#/metrics/"):
            phone.screenshot("timeline")
        elif route.startswith("#/search"):
            phone.screenshot("search-nanchang")
        elif route == "#/partners":
            phone.screenshot("partners")


def test_a_failed_entity_load_shows_an_error_with_retry(session: Session) -> None:
    page = session.open(entity_route("region:999999"))
    alert = page.locator("#view [role=alert]")
    alert.wait_for()
    assert "no entity with id 'region:999999'" in alert.inner_text()
    assert "404" in alert.inner_text()
    assert alert.locator("button", has_text="重试").is_visible()


def test_a_slow_request_shows_a_loading_state(browser: Browser, server: LiveServer) -> None:
    slow = Session(browser, server)
    slow.context.add_init_script(
        "const f = window.fetch;"
        " window.fetch = (...a) => new Promise(r => setTimeout(() => r(f(...a)), 1500));"
    )
    try:
        slow.page.goto(f"{server.url}/{entity_route(XINJIAN)}")
        loading = slow.page.locator("#view .loading[role=status]")
        loading.wait_for(timeout=1400)
        assert "正在加载" in loading.inner_text()
        slow.page.locator("#entity-name", has_text="新建区").wait_for()
    finally:
        slow.context.close()
    assert slow.errors == []


# ---- export and citation -----------------------------------------------------------------------
def test_csv_export_of_the_commitments_table(session: Session) -> None:
    page = session.open(entity_route(XINJIAN, year="2023"))
    commitment_row(page, FAMILY_DOCTOR).wait_for()
    with page.expect_download() as download:
        page.locator("#entity-commitments button.csv").click()
    path = download.value.path()
    rows = list(csv.reader(io.StringIO(Path(path).read_text("utf-8-sig"))))
    assert rows[0] == ["指标", "数值", "单位", "年份", "类型", "文件", "原文"]
    family = [row for row in rows[1:] if row[0] == FAMILY_DOCTOR]
    assert len(family) == 1 and family[0][1:5] == ["60", "%", "2023", "目标"]
    assert "家庭医生签约服务覆盖率达到60%" in family[0][6]
    assert len(rows) - 1 == page.locator("#entity-commitments tbody tr").count()


def test_copy_citation_puts_quote_title_date_and_link_on_the_clipboard(
    browser: Browser, server: LiveServer
) -> None:
    session = Session(browser, server, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = session.open(entity_route(XINJIAN, year="2023"))
        row = commitment_row(page, FAMILY_DOCTOR)
        row.wait_for()
        shown_quote = row.locator(".quote-text").inner_text()
        row.locator("button.copy").click()
        row.locator("button.copy", has_text="已复制").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        documents = httpx.get(f"{server.url}/api/documents", timeout=30).json()["data"]
        title = next(d["title"] for d in documents if d["file"].startswith("001_"))
        assert shown_quote in copied and f"《{title}》" in copied and "2023" in copied
        link = re.search(r"(http://\S+)$", copied).group(1)
        page.goto(link)
        page.locator("#quote-mark").wait_for()
        assert page.inner_text("#quote-mark") == shown_quote
    finally:
        session.context.close()
    assert session.errors == []
