"""Defect 3: /api/query cannot exhaust the service: rows capped by the engine, huge values refused,
and the timeout counts the wait for a query slot."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.conftest import SAMPLES
from tests.faults.serve import Serve

# Every pair and triple of nodes: seconds of CPU, almost no memory.
HEAVY = "MATCH (a:Entity), (b:Entity), (c:Entity) RETURN count(*) AS n"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    data = tmp_path_factory.mktemp("query-caps")
    env = {"HEALTHKG_QUERY_TIMEOUT_MS": "2000", "HEALTHKG_QUERY_CONCURRENCY": "1"}
    with Serve(data, "--load", str(SAMPLES), **env) as serve:
        yield serve


def _query(url: str, cypher: str) -> httpx.Response:
    return httpx.post(f"{url}/api/query", json={"cypher": cypher, "params": {}}, timeout=120)


def test_rows_are_capped_by_the_engine(service: Serve) -> None:
    # 190 million rows in full: only a LIMIT inside the engine answers this within the timeout.
    response = _query(service.url, "MATCH (a:Entity), (b:Entity), (c:Entity) RETURN a.id AS a, b.id AS b")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == 1000 and body["truncated"] is True
    assert body["columns"] == ["a", "b"]
    union = _query(
        service.url, "UNWIND range(1, 5000) AS x RETURN x UNION UNWIND range(1, 9) AS x RETURN -x AS x"
    )
    assert union.status_code == 200 and union.json()["count"] == 1000 and union.json()["truncated"]
    small = _query(service.url, "UNWIND range(1, 5) AS x RETURN x LIMIT 3 // a comment")
    assert small.json()["count"] == 3 and not small.json()["truncated"]


@pytest.mark.parametrize(
    "cypher",
    [
        "RETURN range(1, 50000000) AS r",
        "RETURN range(1, 5000000) AS r",
        "UNWIND range(1, 50000000) AS x RETURN x",
        "MATCH (n:Entity) RETURN collect(n) AS all, range(1, 3000000) AS more",
    ],
)
def test_huge_values_are_refused_and_the_service_stays_up(service: Serve, cypher: str) -> None:
    response = _query(service.url, cypher)
    assert response.status_code == 400, response.text[:200]
    assert response.json()["error"]["code"] in ("query_rejected", "result_too_large")
    assert httpx.get(f"{service.url}/health", timeout=30).status_code == 200


def test_the_timeout_counts_the_wait_for_a_slot(service: Serve) -> None:
    # Eight queries of 2 s for one slot and a 2 s budget each: those still waiting when their
    # budget runs out get 503 instead of queueing behind the others.
    with ThreadPoolExecutor(8) as pool:
        heavy = [pool.submit(_query, service.url, HEAVY) for _ in range(8)]
        health = httpx.get(f"{service.url}/health", timeout=60)
        responses = [future.result() for future in heavy]
    assert health.status_code == 200
    statuses = sorted(r.status_code for r in responses)
    assert all(
        r.json()["error"]["code"] in ("busy", "query_rejected") for r in responses if r.status_code != 200
    )
    assert statuses.count(503) >= 1, statuses  # none before: every query waited for the engine
    assert all(status in (200, 400, 503) for status in statuses), statuses
