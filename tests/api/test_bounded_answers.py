"""On a graph with one very busy entity, every JSON answer stays small and pages add up.

The graph (tests/api/busy_graph.py) is written through the project's own ingest; its province has
more edges than the hub threshold and one edge with a quote from every report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ServiceSettings
from graph.backend import GraphBackend
from graph.store import GraphStore
from tests.api.busy_graph import CITY, METRIC, PROGRAM, PROVINCE, REPORTS, busy_file, busy_report, hospital_id
from tests.api.conftest import GraphFor, _close, _open

MAX_BYTES = 100_000
PROVINCE_URL = f"/api/entities/{quote(PROVINCE, safe='')}"
# Answers that are big when asked for: the whole graph, and one document's own text.
EXEMPT = {"/api/export", "/api/documents/{ref}/text"}


@pytest.fixture(scope="module")
def busy(api_graph: GraphFor, open_graph: Callable[[str], GraphBackend]) -> Iterator[TestClient]:
    backend = _open(api_graph, open_graph, "w_busy")
    store = GraphStore(backend)
    store.reset()
    for i in range(REPORTS):
        store.ingest(busy_report(i))
    with TestClient(create_app(ServiceSettings(graph=api_graph("w_busy")))) as client:
        yield client
    _close(backend)


def _get(client: TestClient, url: str, **params: object) -> dict:
    response = client.get(url, params=params) if params else client.get(url)  # params would drop url's
    assert response.status_code == 200, (url, response.text[:300])
    return response.json()


def _urls() -> dict[str, str]:
    """One request per GET route, aimed at the busiest things the graph has."""
    program = quote(PROGRAM, safe="")
    return {
        "/health": "/health",
        "/api/entities": "/api/entities?q=江西",
        "/api/entities/{entity_id}": PROVINCE_URL,
        "/api/entities/{entity_id}/edges": f"{PROVINCE_URL}/edges?type=LOCATED_IN&direction=in&limit=200",
        "/api/entities/{entity_id}/quotes": f"{PROVINCE_URL}/quotes?type=PART_OF&direction=in&other={CITY}",
        "/api/entities/{entity_id}/neighbors": f"{PROVINCE_URL}/neighbors?depth=3",
        "/api/commitments": "/api/commitments",
        "/api/metrics": "/api/metrics",
        "/api/metrics/{metric}/timeline": f"/api/metrics/{METRIC}/timeline",
        "/api/programs": "/api/programs",
        "/api/programs/{program_id}": f"/api/programs/{program}",
        "/api/paths": f"/api/paths?from={quote(hospital_id(1))}&to={quote(hospital_id(2))}",
        "/api/search": "/api/search?q=基层医疗卫生服务能力提升行动",
        "/api/documents": "/api/documents",
        "/api/documents/{ref}": f"/api/documents/{busy_file(1)}",
        "/api/tracks": "/api/tracks",
        "/api/tracks/{track_id}": "",  # filled from /api/tracks below
        "/api/canonical-metrics": "/api/canonical-metrics",
        "/api/partners": "/api/partners",
        "/api/document-stats": "/api/document-stats",
    }


def test_every_json_answer_stays_under_100_kb(busy: TestClient) -> None:
    routes = {path for path, ops in busy.app.openapi()["paths"].items() if "get" in ops}
    urls = _urls()
    assert routes - EXEMPT == set(urls), "a new GET route needs a request here"
    tracks = _get(busy, "/api/tracks", limit=1)["data"]
    if tracks:
        urls["/api/tracks/{track_id}"] = f"/api/tracks/{quote(tracks[0]['id'], safe='')}"
    sizes = {}
    for route, url in urls.items():
        if not url:
            continue
        response = busy.get(url)
        assert response.status_code == 200, (url, response.text[:300])
        sizes[route] = len(response.content)
    too_big = {route: size for route, size in sizes.items() if size > MAX_BYTES}
    assert too_big == {}
    # The graph is busy enough for this to mean something: everything at once is far bigger.
    assert len(busy.get(PROVINCE_URL, params={"edges": "all"}).content) > 2 * MAX_BYTES


def test_entity_detail_gives_counts_and_first_pages(busy: TestClient) -> None:
    body = _get(busy, PROVINCE_URL)
    counts = {(g["type"], g["direction"]): g for g in body["edge_counts"]}
    assert set(counts) == {("LOCATED_IN", "in"), ("PART_OF", "in"), ("SETS_TARGET", "out")}
    located = counts[("LOCATED_IN", "in")]
    assert (located["total"], located["shown"]) == (REPORTS, 20)
    assert located["next"].startswith(f"{PROVINCE_URL}/edges?type=LOCATED_IN&direction=in&offset=20")
    assert counts[("PART_OF", "in")] == {
        "type": "PART_OF", "direction": "in", "total": 1, "shown": 1, "next": None
    }  # fmt: skip
    assert body["complete"] is False
    (part_of,) = body["edges"]["PART_OF"]
    assert part_of["quotes"] == REPORTS and len(part_of["evidence"]) == 3
    assert len(body["edges"]["LOCATED_IN"]) == 20
    small = _get(busy, f"/api/entities/{quote(hospital_id(7), safe='')}")
    assert small["complete"] is True and all(g["next"] is None for g in small["edge_counts"])


def test_edge_pages_add_up_to_every_edge_once_in_a_stable_order(busy: TestClient) -> None:
    first = _get(busy, PROVINCE_URL)
    url = next(g["next"] for g in first["edge_counts"] if g["type"] == "LOCATED_IN")
    paged = [edge["other"]["id"] for edge in first["edges"]["LOCATED_IN"]]
    pages = 1
    while url:
        page = _get(busy, url)
        assert page["total"] == REPORTS and page["type"] == "LOCATED_IN" and page["direction"] == "in"
        paged += [edge["other"]["id"] for edge in page["data"]]
        url, pages = page["next"], pages + 1
    assert pages == -(-REPORTS // 20)
    assert len(paged) == len(set(paged)) == REPORTS
    assert paged == sorted(paged) == sorted(hospital_id(i) for i in range(REPORTS))
    everything = _get(busy, PROVINCE_URL, edges="all")
    assert [e["other"]["id"] for e in everything["edges"]["LOCATED_IN"]] == paged
    assert everything["complete"] is True
    # The same page twice is the same page; an offset past the end is empty, not an error.
    again = _get(busy, f"{PROVINCE_URL}/edges", type="LOCATED_IN", direction="in", offset=40, limit=7)
    assert [e["other"]["id"] for e in again["data"]] == paged[40:47]
    past = _get(busy, f"{PROVINCE_URL}/edges", type="LOCATED_IN", direction="in", offset=REPORTS)
    assert past["data"] == [] and past["next"] is None and past["total"] == REPORTS


def test_quote_pages_add_up_to_every_quote(busy: TestClient) -> None:
    everything = _get(busy, PROVINCE_URL, edges="all")["edges"]["PART_OF"][0]["evidence"]
    assert len(everything) == REPORTS
    quotes, offset = [], 0
    while True:
        page = _get(busy, f"{PROVINCE_URL}/quotes", type="PART_OF", direction="in", other=CITY,
                    offset=offset, limit=100)  # fmt: skip
        assert page["total"] == REPORTS and (page["source"], page["target"]) == (CITY, PROVINCE)
        if not page["data"]:
            break
        quotes += page["data"]
        offset += 100
    assert quotes == everything
    assert len({q["doc"] for q in quotes}) == REPORTS
    # The city's view of the same edge pages the same quotes.
    from_city = _get(busy, f"/api/entities/{CITY}/quotes", type="PART_OF", direction="out",
                     other=PROVINCE, limit=5)  # fmt: skip
    assert from_city["data"] == everything[:5]


def test_edge_page_errors(busy: TestClient) -> None:
    for params in ({"type": "LIKES", "direction": "in"}, {"type": "PART_OF", "direction": "up"},
                   {"direction": "in"}, {"type": "PART_OF", "direction": "in", "limit": 0}):  # fmt: skip
        response = busy.get(f"{PROVINCE_URL}/edges", params=params)
        assert response.status_code == 422, params
        assert response.json()["error"]["code"] == "invalid_parameter"
    missing = busy.get(
        f"{PROVINCE_URL}/quotes", params={"type": "PART_OF", "direction": "out", "other": CITY}
    )
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert busy.get("/api/entities/region:000000/edges?type=PART_OF&direction=in").status_code == 404


def test_search_pages_count_every_hit_once(busy: TestClient) -> None:
    q = "基层医疗卫生服务能力提升行动"
    total = _get(busy, "/api/search", q=q, limit=1)["total"]
    assert total == 2 * REPORTS  # twice in every report
    hits = []
    for offset in range(0, total, 90):
        page = _get(busy, "/api/search", q=q, limit=90, offset=offset)
        assert page["total"] == total
        hits += [(hit["doc"], hit["start"]) for hit in page["data"]]
        assert all(hit["match"] == q for hit in page["data"])
    assert len(hits) == len(set(hits)) == total
    assert hits == sorted(hits)
    assert {doc for doc, _ in hits} == {busy_file(i) for i in range(REPORTS)}


def test_a_busy_program_lists_its_first_links_and_counts_them_all(busy: TestClient) -> None:
    body = _get(busy, f"/api/programs/{quote(PROGRAM, safe='')}")
    assert body["totals"] == {"implementers": REPORTS, "targets": 0, "partners": 0, "documents": REPORTS}
    ids = [link["entity"]["id"] for link in body["implementers"]]
    assert len(ids) == len(set(ids)) == 50 and ids == sorted(hospital_id(i) for i in range(REPORTS))[:50]
    assert all(link["quotes"] == len(link["evidence"]) == 1 for link in body["implementers"])
    assert [d["file"] for d in body["documents"]] == [busy_file(i) for i in range(50)]


def test_a_long_timeline_keeps_its_earliest_rows_and_says_it_was_cut(busy: TestClient) -> None:
    whole = _get(busy, f"/api/metrics/{METRIC}/timeline", limit=2000)
    assert len(whole["data"]) == REPORTS and whole["truncated"] is False
    cut = _get(busy, f"/api/metrics/{METRIC}/timeline", limit=100)
    assert cut["truncated"] is True and cut["data"] == whole["data"][:100]
    assert sum(len(y["achieved"]) + len(y["goal"]) for y in cut["years"]) == 100


def test_neighbours_and_paths_stop_at_hubs(busy: TestClient) -> None:
    hospital = quote(hospital_id(1), safe="")
    two = _get(busy, f"/api/entities/{hospital}/neighbors", depth=2)
    assert two["hubs"] == [PROGRAM, PROVINCE]  # both reached, neither walked through
    assert {(e["type"], e["source"], e["target"]) for e in two["edges"]} == {
        ("LOCATED_IN", hospital_id(1), PROVINCE), ("IMPLEMENTS", hospital_id(1), PROGRAM)
    }  # fmt: skip
    centre = _get(busy, f"{PROVINCE_URL}/neighbors", depth=1, limit=50)
    assert len(centre["edges"]) == 50 and centre["truncated"] is True and centre["hubs"] == []
    # Two hospitals meet only at the hubs: no path; a hub as an end is fine.
    apart = _get(busy, "/api/paths", **{"from": hospital_id(1), "to": hospital_id(2)})
    assert apart["hops"] is None and apart["data"] == []
    direct = _get(busy, "/api/paths", **{"from": hospital_id(1), "to": PROVINCE})
    assert direct["hops"] == 1
