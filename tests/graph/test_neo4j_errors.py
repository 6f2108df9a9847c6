"""Every way the real Neo4j can fail reaches the API as its JSON error body: 503 when the graph is
unreachable or refuses our credentials, 400 only when it refuses the query, never a 500."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

from api.app import create_app
from api.settings import ServiceSettings
from graph.backend import GraphError, QueryRejected, connect
from graph.neo4j_backend import driver_error
from graph.store import GraphStore
from tests.api.facts import report_a
from tests.neo4j_server import Neo4jLauncher


def test_wrong_password_is_a_graph_error_naming_the_credentials(neo4j_server: Neo4jLauncher) -> None:
    settings = replace(neo4j_server.settings("errors"), neo4j_password="wrong")
    with pytest.raises(GraphError, match="refused our credentials") as raised:
        connect(settings)
    assert not isinstance(raised.value, QueryRejected)


def test_refused_queries_are_query_rejected(neo4j_server: Neo4jLauncher) -> None:
    with connect(neo4j_server.settings("errors")) as backend:
        with pytest.raises(QueryRejected, match="Invalid input"):
            backend.execute("MATCH (n RETURN n", {}, read_only=True)
        with pytest.raises(QueryRejected):  # a write in a read transaction
            backend.execute("CREATE (:Entity {id: 'x'})", {}, read_only=True)
        with pytest.raises(QueryRejected, match="Query timed out"):
            cypher = "UNWIND range(1, 30000000) AS i WITH i WHERE i % 7 = 0 RETURN count(i) AS c"
            backend.execute(cypher, {}, read_only=True, timeout_ms=50)
        assert backend.execute("RETURN $x AS x", {"x": 1}, read_only=True) == [{"x": 1}]


@pytest.mark.parametrize(
    "exc", [ServiceUnavailable("gone"), SessionExpired("expired"), TransientError("busy")]
)
def test_lost_connections_and_exhausted_retries_are_503(exc: Exception) -> None:
    mapped = driver_error(exc, "neo4j://db:7687")
    assert type(mapped) is GraphError and "neo4j://db:7687" in str(mapped)


def test_a_graph_going_away_answers_503_with_the_error_body(
    neo4j_server: Neo4jLauncher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEALTHKG_NEO4J_RETRY_SECONDS", "1")
    settings = neo4j_server.settings("doomed")
    with connect(settings) as backend:
        GraphStore(backend).ingest(report_a())
    with TestClient(create_app(ServiceSettings(graph=settings)), raise_server_exceptions=False) as client:
        assert client.get("/api/entities").status_code == 200
        neo4j_server.stop("doomed")
        for path in ("/api/entities", "/api/metrics", "/api/export"):
            response = client.get(path)
            assert response.status_code == 503, (path, response.text)
            assert response.json()["error"]["code"] == "graph_unavailable"
        query = client.post("/api/query", json={"cypher": "MATCH (n) RETURN count(n) AS n"})
        assert query.status_code == 503
        assert client.get("/health").status_code == 503
