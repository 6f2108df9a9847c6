"""The explorer in headless Chromium against a live API loaded with the sample reports.

One uvicorn (its own graph, an API key set so uploads must ask for it) and one browser for the
module; every test opens a fresh browser context. Screenshots at 1280 and 390 px go to
var/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx
import pytest

from graph.backend import GraphSettings
from tests.conftest import REPO, SAMPLES, LiveServer
from tests.web.browser import chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

API_KEY = "web-test-key"
SCREENSHOTS = REPO / "var" / "screenshots"
XINJIAN = "region:360112"
FAMILY_DOCTOR = "家庭医生签约服务覆盖率"
CAP = 8  # web/js/graph.js CAP


@pytest.fixture(scope="module")
def server(data_dir: Path) -> Iterator[LiveServer]:
    from api.app import create_app
    from api.settings import ServiceSettings

    settings = ServiceSettings(
        graph=GraphSettings(url="embedded", data_dir=data_dir, graph_name="web"),
        load_paths=[SAMPLES],
        api_key=API_KEY,
    )
    with LiveServer(create_app(settings)) as live:
        yield live


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = chromium()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), headless=True)
        yield launched
        launched.close()


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


def entity_route(entity_id: str, **params: str) -> str:
    query = "&".join(f"{key}={quote(value)}" for key, value in params.items())
    return f"#/entity/{quote(entity_id, safe='')}" + (f"?{query}" if query else "")


def commitment_row(page: Page, metric: str):  # noqa: ANN201 - a playwright Locator
    cell = page.locator("td[data-label='指标'] a", has_text=re.compile(f"^{re.escape(metric)}$"))
    return page.locator("#entity-commitments tbody tr").filter(has=cell)


def document_text(server: LiveServer, file: str) -> str:
    return httpx.get(f"{server.url}/api/documents/{file}/text", timeout=30).json()["text"]


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


# ---- graph -----------------------------------------------------------------------------------
GRAPH_NODES = """() => document.querySelector('#graph').cy.nodes().map(n => ({
  id: n.id(), label: n.data('label'), name: n.data('name'),
  more: n.hasClass('more'), center: n.hasClass('center')}))"""


def graph_nodes(page: Page) -> list[dict]:
    return page.evaluate(GRAPH_NODES)


def emit(page: Page, selector: str, event: str) -> None:
    """What a click (tap) or double-click (dbltap) on a drawn node does; returns nothing, since
    serialising the cytoscape collection back to Python would take seconds."""
    page.evaluate("([s, e]) => { document.querySelector('#graph').cy.$(s).emit(e); }", [selector, event])


def wait_graph(page: Page) -> None:
    page.wait_for_function(
        "(() => { const g = document.querySelector('#graph');"
        + " return g && g.cy && g.cy.nodes().length > 1; })()"
    )


def test_graph_at_depth_one_caps_each_label_with_a_more_node_that_expands(session: Session) -> None:
    page = session.open(entity_route(XINJIAN))
    wait_graph(page)
    body = httpx.get(f"{session.server.url}/api/entities/{XINJIAN}/neighbors?depth=1", timeout=30).json()
    totals: dict[str, int] = {}
    for node in body["nodes"]:
        if node["id"] != XINJIAN:
            totals[node["label"]] = totals.get(node["label"], 0) + 1
    nodes = graph_nodes(page)
    shown: dict[str, int] = {}
    more: dict[str, int] = {}
    for node in nodes:
        if node["more"]:
            more[node["label"]] = int(re.match(r"\+(\d+)", node["name"]).group(1))
        elif not node["center"]:
            shown[node["label"]] = shown.get(node["label"], 0) + 1
    assert max(shown.values()) <= CAP
    assert totals["Program"] > CAP and more["Program"] == totals["Program"] - CAP
    for label, total in totals.items():
        assert shown[label] + more.get(label, 0) == total
        assert (label in more) == (total > CAP)
    status = page.inner_text("#graph-status")
    assert f"项目 {CAP}/{totals['Program']}" in status
    session.screenshot("graph-xinjian-depth1", element=".graph-panel")

    # "+N" expands that label; the URL remembers it.
    emit(page, "node.more[label = 'Program']", "tap")
    expanded = f"项目 {totals['Program']}/{totals['Program']}"
    page.wait_for_function(f"document.querySelector('#graph-status').textContent.includes('{expanded}')")
    assert "expand=Program" in page.url
    assert sum(1 for n in graph_nodes(page) if n["label"] == "Program" and not n["more"]) == totals["Program"]


def test_graph_at_depth_two_keeps_the_caps_and_leaves_no_node_unattached(session: Session) -> None:
    page = session.open(entity_route(XINJIAN, depth="2"))
    wait_graph(page)
    assert page.eval_on_selector("#graph-depth", "s => s.value") == "2"
    nodes = graph_nodes(page)
    per_label: dict[str, int] = {}
    for node in nodes:
        if not node["more"] and not node["center"]:
            per_label[node["label"]] = per_label.get(node["label"], 0) + 1
    assert per_label and max(per_label.values()) <= CAP
    unattached = page.evaluate(
        "document.querySelector('#graph').cy.nodes().filter(n => n.degree() === 0).length"
    )
    assert unattached == 0


def test_graph_expansions_are_buttons_for_the_keyboard_too(session: Session) -> None:
    page = session.open(entity_route(XINJIAN))
    wait_graph(page)
    target_more = page.locator("#graph-keyboard button.expand-more", has_text="指标")
    count = int(re.search(r"其余 (\d+) 个", target_more.inner_text()).group(1))
    target_more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('#graph').cy.$('node.more[label = \"Target\"]').length")
    targets = sum(1 for n in graph_nodes(page) if n["label"] == "Target")
    assert targets == CAP + count
    before = len(graph_nodes(page))
    page.select_option("#graph-keyboard select", "region:360100")
    page.locator("#graph-keyboard button", has_text="展开其邻居").press("Enter")
    page.wait_for_function(f"document.querySelector('#graph').cy.nodes().length > {before}")


def test_graph_filters_by_edge_type_and_label_and_legend_names_them(session: Session) -> None:
    page = session.open(entity_route(XINJIAN))
    wait_graph(page)
    legend = page.inner_text("#graph-legend")
    for name in ("地区", "医院", "项目", "指标"):
        assert name in legend
    page.locator("#graph-edge-types label", has_text="实施").locator("input").uncheck()
    page.wait_for_function("!document.querySelector('#graph').cy.nodes('[label = \"Program\"]').length")
    assert "types=" in page.url and "IMPLEMENTS" not in page.url.split("types=")[1].split("&")[0]
    page.locator("#graph-legend label", has_text="指标").locator("input").uncheck()
    page.wait_for_function("!document.querySelector('#graph').cy.nodes('[label = \"Target\"]').length")
    assert "hide=Target" in page.url
    assert {n["label"] for n in graph_nodes(page)} >= {"Region", "Hospital"}


def test_graph_click_opens_a_node_and_double_click_expands_it(session: Session) -> None:
    page = session.open(entity_route(XINJIAN))
    wait_graph(page)
    before = len(graph_nodes(page))
    emit(page, "node[id = 'region:360100']", "dbltap")
    page.wait_for_function(f"document.querySelector('#graph').cy.nodes().length > {before}")
    assert page.url.endswith(quote(XINJIAN, safe="")) or "entity/region%3A360112" in page.url
    emit(page, "node[id = 'region:360100']", "tap")
    page.locator("#entity-name", has_text="南昌市").wait_for()
    assert "region%3A360100" in page.url


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


# ---- documents page ----------------------------------------------------------------------------
REPORT = (
    "{county}2024年卫生健康工作要点\n\n2024年，{county}卫生健康委员会推进紧密型县域医共体建设，"
    "全县家庭医生签约服务覆盖率达到{value}%。\n"
)


def test_documents_page_lists_titles_dates_sizes_and_fact_counts(session: Session) -> None:
    page = session.open("#/documents")
    table = page.locator("table[data-name='文件']")
    table.wait_for()
    row = table.locator("tbody tr").filter(has_text="奋楫争先 勇毅前行")
    assert row.locator("td[data-label='日期']").inner_text() == "2023-04-17"
    assert int(row.locator("td[data-label='字数']").inner_text()) > 1000
    stats = httpx.get(f"{session.server.url}/api/document-stats", timeout=30).json()["data"]
    facts = next(s["facts"] for s in stats if s["file"].startswith("000_"))
    assert int(row.locator("td[data-label='事实']").inner_text()) == facts > 0
    session.screenshot("documents")


def test_upload_by_drop_asks_for_the_api_key_and_lists_the_files(session: Session, tmp_path: Path) -> None:
    page = session.open("#/documents")
    page.locator("table[data-name='文件']").wait_for()
    files = [
        ["web_upload_婺源.txt", REPORT.format(county="婺源县", value=65)],
        ["web_upload_乐平.txt", REPORT.format(county="乐平市", value=70)],
    ]
    page.evaluate(
        """(files) => { const data = new DataTransfer();
        for (const [name, text] of files) data.items.add(new File([text], name, { type: 'text/plain' }));
        const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
        document.querySelector('#dropzone').dispatchEvent(drop); }""",
        files,
    )
    key_form = page.locator("#api-key-form")
    key_form.wait_for()
    page.fill("#api-key", API_KEY)
    page.press("#api-key", "Enter")
    for name, _ in files:
        page.locator(f"#upload-list li[data-name='{name}'] .outcome", has_text="已载入").wait_for()
        assert page.eval_on_selector(f"#upload-list li[data-name='{name}'] progress", "p => p.value") == 1
    table = page.locator("table[data-name='文件']")
    table.locator("td", has_text="婺源县2024年卫生健康工作要点").wait_for()
    assert table.locator("td", has_text="乐平市2024年卫生健康工作要点").count() == 1

    # The file picker takes several files too; a bad one reports its own failure.
    bad = tmp_path / "web_upload_empty.txt"
    bad.write_bytes(b"")
    page.set_input_files("#upload-input", [str(bad)])
    outcome = page.locator("#upload-list li[data-name='web_upload_empty.txt'] .outcome")
    outcome.filter(has_text="失败").wait_for()
    session.screenshot("documents-after-upload", full_page=True)


def test_delete_asks_for_confirmation_then_removes_the_document(session: Session) -> None:
    name = "web_delete_鄱阳.txt"
    response = httpx.post(
        f"{session.server.url}/api/documents",
        files={"file": (name, REPORT.format(county="鄱阳县", value=66).encode())},
        headers={"X-API-Key": API_KEY},
        timeout=60,
    )
    assert response.status_code == 201, response.text
    page = session.open("#/documents")
    page.evaluate(f"sessionStorage.setItem('healthkg-api-key', {API_KEY!r})")
    row = page.locator("table[data-name='文件'] tbody tr").filter(has_text=name)
    row.locator("button", has_text="删除").click()
    assert "删除此文件" in row.inner_text()
    row.locator("button", has_text="取消").click()
    assert row.count() == 1
    row.locator("button", has_text="删除").click()
    row.locator("button.confirm-delete").click()
    page.locator("#documents-notice", has_text="已删除").wait_for()
    page.locator("table[data-name='文件'] tbody tr").filter(has_text=name).wait_for(state="detached")
    listed = httpx.get(f"{session.server.url}/api/documents?limit=500", timeout=30).json()["data"]
    assert name not in {d["file"] for d in listed}


def test_the_same_text_under_two_names_is_one_row_naming_both(session: Session) -> None:
    text = REPORT.format(county="万年县", value=67).encode()
    statuses = []
    for name in ("web_twin_万年.txt", "web_twin_copy.txt"):
        response = httpx.post(
            f"{session.server.url}/api/documents",
            files={"file": (name, text)},
            headers={"X-API-Key": API_KEY},
            timeout=60,
        )
        assert response.status_code == 201, response.text
        statuses.append(response.json()["status"])
    assert statuses == ["loaded", "duplicate"]
    page = session.open("#/documents")
    rows = page.locator("table[data-name='文件'] tbody tr").filter(has_text="web_twin_")
    rows.first.wait_for()
    assert rows.count() == 1
    assert rows.locator(".aliases code").all_inner_texts() == ["web_twin_copy.txt"]
    assert rows.locator(".file-names > code").inner_text() == "web_twin_万年.txt"


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
