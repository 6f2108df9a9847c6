"""The contract's core endpoints through a real uvicorn over each backend (tests/api/conftest.py)."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import LiveServer


@pytest.fixture(scope="module")
def http(live_api: LiveServer) -> httpx.Client:
    with httpx.Client(base_url=live_api.url, timeout=30) as client:
        yield client


def test_health_names_the_backend(http: httpx.Client, api_backend: str) -> None:
    response = http.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "graph": api_backend}


def test_entity_search_finds_xinjian(http: httpx.Client) -> None:
    body = http.get("/api/entities", params={"q": "新建区"}).json()
    assert body["total"] >= 1
    assert body["data"][0] == {**body["data"][0], "id": "region:360112", "name": "新建区", "label": "Region"}


def test_entity_search_pages_with_a_total(http: httpx.Client) -> None:
    first = http.get("/api/entities", params={"label": "Target", "limit": 5}).json()
    second = http.get("/api/entities", params={"label": "Target", "limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] > 10
    assert len(first["data"]) == len(second["data"]) == 5
    assert {e["id"] for e in first["data"]}.isdisjoint({e["id"] for e in second["data"]})
    assert all(e["label"] == "Target" for e in first["data"] + second["data"])


def test_entity_detail_groups_edges_with_quotes(http: httpx.Client) -> None:
    body = http.get("/api/entities/region:360112").json()
    assert body["entity"]["name"] == "新建区"
    assert body["entity"]["code"] == "360112"
    assert "SETS_TARGET" in body["edges"]
    edge = body["edges"]["SETS_TARGET"][0]
    assert edge["direction"] == "out"
    assert edge["other"]["label"] == "Target"
    assert edge["evidence"][0]["doc"] == "001_b1280b1a44e49c58.txt"
    assert edge["evidence"][0]["quote"]
    assert "docs" not in body["entity"], "storage bookkeeping stays internal"


def test_unknown_entity_is_404_with_the_error_body(http: httpx.Client) -> None:
    response = http.get("/api/entities/region:000000")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "region:000000" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/entities", {"label": "Planet"}, "label"),
        ("/api/entities", {"limit": 0}, "limit"),
        ("/api/commitments", {"year": "soon"}, "year"),
        ("/api/commitments", {"kind": "promise"}, "kind"),
        ("/api/export", {"format": "xlsx"}, "format"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(
    http: httpx.Client, path: str, params: dict, field: str
) -> None:
    response = http.get(path, params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert field in error["message"]


def test_commitments_of_xinjian_carry_quote_and_document(http: httpx.Client) -> None:
    body = http.get("/api/commitments", params={"by": "新建区", "metric": "家庭医生"}).json()
    assert body["total"] >= 1
    row = next(r for r in body["data"] if r["value"] == 60)
    assert row["unit"] == "%"
    assert row["committer_id"] == "region:360112"
    assert row["doc"] == "001_b1280b1a44e49c58.txt"
    assert row["document_id"] == "doc:001_b1280b1a44e49c58.txt"
    assert "60" in row["quote"]
    assert row["end"] - row["start"] == len(row["quote"])


def test_export_matches_the_contract_shape(http: httpx.Client) -> None:
    body = http.get("/api/export").json()
    assert {"nodes", "edges"} == set(body)
    assert any(n["id"] == "region:360112" for n in body["nodes"])
    assert all(set(e) == {"type", "source", "target", "evidence"} for e in body["edges"])


def test_openapi_and_explorer_are_served(http: httpx.Client) -> None:
    spec = http.get("/openapi.json").json()
    assert "/api/commitments" in spec["paths"]
    page = http.get("/")
    assert page.status_code == 200
    assert "healthkg" in page.text


def test_raw_utf8_in_the_url_works_like_curl_sends_it(live_api: LiveServer) -> None:
    """curl does not percent-encode `?q=新建区`; the server must still understand it."""
    import socket

    with socket.create_connection(("127.0.0.1", live_api.port), timeout=30) as sock:
        request = "GET /api/entities/region:360112 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        sock.sendall("GET /api/entities?q=新建区 HTTP/1.1\r\nHost: x\r\n\r\n".encode() + request.encode())
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    text = reply.decode("utf-8")
    assert text.startswith("HTTP/1.1 200")
    assert text.count("HTTP/1.1 200") == 2, "a keep-alive second request is parsed too"
    assert '"name":"新建区"' in text
