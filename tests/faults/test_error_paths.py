"""Defects 6 and 7: every bad input gets a JSON error with a 4xx, checked before the engine (and,
for the key, before the body is read)."""

from __future__ import annotations

import base64
import socket
from collections.abc import Iterator

import httpx
import pytest

from loaders.models import EDGE_TYPES
from tests.conftest import SAMPLES
from tests.faults.serve import Serve

KEY = "fault-key"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    data = tmp_path_factory.mktemp("error-paths")
    with Serve(data, "--load", str(SAMPLES / "001_b1280b1a44e49c58.txt"), HEALTHKG_API_KEY=KEY) as serve:
        yield serve


def _error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, (response.status_code, response.text[:300])
    body = response.json()["error"]
    assert set(body) == {"code", "message"}
    if code:
        assert body["code"] == code, body
    return body


def _upload(url: str, name: str, data: bytes, key: bytes | str = KEY) -> httpx.Response:
    files = {"file": (name, data, "text/plain")}
    return httpx.post(f"{url}/api/documents", files=files, headers={"X-API-Key": key}, timeout=120)


@pytest.mark.parametrize("key", ["ключ".encode(), "clé".encode("latin-1"), b"\xff\xfe", "fault-kéy".encode()])
def test_a_non_ascii_api_key_is_a_wrong_key(service: Serve, key: bytes) -> None:
    _error(_upload(service.url, "a.txt", "南昌市卫生健康委员会。".encode(), key), 401, "unauthorized")
    deleted = httpx.delete(f"{service.url}/api/documents/a.txt", headers={"X-API-Key": key})
    _error(deleted, 401, "unauthorized")


@pytest.mark.parametrize("name", ["..", "../..", ".", "x" * 300 + ".txt", "报告" * 60 + ".txt"])
def test_upload_names_that_cannot_name_a_file(service: Serve, name: str) -> None:
    _error(_upload(service.url, name, "南昌市卫生健康委员会。".encode()), 400, "bad_document")


@pytest.mark.parametrize(
    "params",
    [
        {"": 1},
        {"a`b": 1},
        {"ok": {"": 1}},
        {"ok": {"x`y": 2}},
        {"ok": [{"`": 1}]},
        {"1x": 1},
        {"q": "a\x00b"},
    ],
)
def test_query_params_the_engine_cannot_carry(service: Serve, params: dict) -> None:
    response = httpx.post(f"{service.url}/api/query", json={"cypher": "RETURN 1 AS one", "params": params})
    _error(response, 422, "invalid_parameter")


def test_a_nul_in_the_cypher_is_refused(service: Serve) -> None:
    response = httpx.post(f"{service.url}/api/query", json={"cypher": "RETURN 'a\x00' AS x"})
    assert "NUL" in _error(response, 400, "query_refused")["message"]


NUL_REQUESTS = [
    "/api/entities?q=%00",
    "/api/entities?q=a&label=%00",
    "/api/entities/region%00",
    "/api/entities/region%00/neighbors",
    "/api/commitments?by=%00",
    "/api/commitments?metric=a%00",
    "/api/metrics?q=%00",
    "/api/metrics/a%00/timeline",
    "/api/programs/p%00",
    "/api/paths?from=a%00&to=b",
    "/api/search?q=%00",
    "/api/documents/a%00",
    "/api/documents/a%00/text",
]


@pytest.mark.parametrize("path", NUL_REQUESTS)
def test_a_nul_in_any_parameter_is_a_422_before_the_engine(service: Serve, path: str) -> None:
    body = _error(httpx.get(f"{service.url}{path}"), 422, "invalid_parameter")
    assert "NUL" in body["message"] and "parser" not in body["message"].lower()


def test_the_key_is_checked_before_the_body_is_read(service: Serve) -> None:
    """A 300 MB upload without a key is answered after its first 64 KB."""
    host, port = service.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(
            b"POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            b"Content-Length: 300000000\r\n\r\n" + b"--b\r\n" + b"x" * 65536
        )
        reply = b""
        while b'"}}' not in reply:  # the end of the JSON error body
            chunk = sock.recv(65536)
            if not chunk:
                break
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 401"), reply[:100]
    assert b'"code":"unauthorized"' in reply


def test_a_method_not_allowed_names_the_allowed_ones(service: Serve) -> None:
    response = httpx.request("TRACE", f"{service.url}/api/entities")
    _error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET"


def test_a_png_signature_is_not_a_report(service: Serve) -> None:
    fake = b"\x89PNG\r\n\x1a\n" + base64.b64encode("南昌市卫生健康委员会推进医共体建设。".encode() * 200)
    _error(_upload(service.url, "image.txt", fake), 400, "bad_document")


def test_the_openapi_examples_run_and_types_is_constrained(service: Serve) -> None:
    spec = httpx.get(f"{service.url}/openapi.json").json()
    examples = spec["paths"]["/api/query"]["post"]["requestBody"]["content"]["application/json"]["examples"]
    for name, example in examples.items():
        response = httpx.post(f"{service.url}/api/query", json=example["value"], timeout=60)
        assert response.status_code == 200, (name, response.text)
    (types,) = [
        p
        for p in spec["paths"]["/api/entities/{entity_id}/neighbors"]["get"]["parameters"]
        if p["name"] == "types"
    ]
    pattern = next(s["pattern"] for s in types["schema"]["anyOf"] if "pattern" in s)
    assert all(edge_type in pattern for edge_type in EDGE_TYPES)
