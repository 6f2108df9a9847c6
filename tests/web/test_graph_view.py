"""The entity's graph: caps per label, expansion, filters, legend, click and double-click."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx

from tests.web.session import (
    CAP,
    XINJIAN,
    Session,
    entity_route,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page


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
