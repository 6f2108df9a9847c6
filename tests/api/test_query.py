"""POST /api/query through HTTP: reads run (capped), every write attempt is refused with 400."""


import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ServiceSettings

WRITE_ATTEMPTS = [
    "CREATE (n:Entity {id: 'x'})",
    "create (n:Entity {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) /* just reading */ SET n.name = 'x'",
    "MATCH (n) // a comment\nDELETE n",
    "MATCH (n) RETURN 'DELETE' AS s; MATCH (m) DELETE m",
    "MATCH (n) RETURN n;CREATE (m)",
    "MERGE (n:Region {id: 'r'})",
    "MATCH (n) REMOVE n.name",
    "UNWIND [1] AS i FOREACH (x IN [i] | CREATE (:X))",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "USING PERIODIC COMMIT 10 LOAD CSV FROM 'f' AS r CREATE (:X)",
    "DROP INDEX ON :Entity(id)",
    "CREATE INDEX FOR (n:Entity) ON (n.name)",
    "CALL db.idx.fulltext.createNodeIndex('Entity', 'name')",
    "CALL `db`.`idx`.fulltext.drop('Entity')",
    "GRAPH.DELETE healthkg",
    "MATCH (n) CALL { WITH n DETACH DELETE n } RETURN 1",
    "CALL { CREATE (:X) } IN TRANSACTIONS",
    "RETURN 'unterminated",
    "MATCH (n) RETURN n /* unterminated",
    "",
    # aimed at the row cap's rewriting (a LIMIT appended, or a CALL { … } wrapper)
    "RETURN 1 AS x } CREATE (:X) CALL { RETURN 1 AS y",
    "MATCH (n) RETURN n LIMIT 1 CREATE (:X)",
    "RETURN 1 AS x UNION MATCH (n) SET n.x = 1 RETURN 1 AS x",
    "RETURN 1 AS x // LIMIT\nDELETE x",
]


@pytest.mark.parametrize("cypher", WRITE_ATTEMPTS)
def test_writes_are_refused(client: TestClient, cypher: str) -> None:
    response = client.post("/api/query", json={"cypher": cypher})
    assert response.status_code == 400, cypher
    assert response.json()["error"]["code"] == "query_refused"
    assert client.get("/api/entities", params={"q": "x", "label": "Region"}).json()["total"] == 0


def test_graph_is_untouched_after_the_attempts(client: TestClient) -> None:
    for cypher in WRITE_ATTEMPTS:
        client.post("/api/query", json={"cypher": cypher})
    assert client.get("/api/documents").json()["total"] == 2
    assert client.get("/api/export").json()["nodes"][0]["id"] != "x"


def test_a_read_with_parameters(client: TestClient) -> None:
    body = client.post(
        "/api/query",
        json={
            "cypher": "MATCH (r:Region)-[:SETS_TARGET]->(t:Target) WHERE t.year = $year "
            "RETURN r.name AS region, t.value AS value ORDER BY value",
            "params": {"year": 2025},
        },
    ).json()
    assert body["columns"] == ["region", "value"]
    assert body["rows"] == [{"region": "新建区", "value": 60}, {"region": "上海市", "value": 70}]
    assert body["count"] == 2 and body["truncated"] is False


@pytest.mark.parametrize(
    "cypher",
    [
        "RETURN 'CREATE' AS word",
        'RETURN "MATCH (n) DELETE n" AS word',
        "MATCH (n:Entity) // DELETE everything\nRETURN count(n) AS word",
        "MATCH (n:Entity) /* SET */ RETURN n.`set` AS word LIMIT 1",
        "RETURN {create: 1}.create AS word;",
        "CALL db.labels() YIELD label RETURN label AS word LIMIT 1",
    ],
)
def test_reads_that_mention_write_words_are_allowed(client: TestClient, cypher: str) -> None:
    response = client.post("/api/query", json={"cypher": cypher})
    assert response.status_code == 200, response.json()
    assert response.json()["columns"] == ["word"]


def test_rows_are_capped(client: TestClient) -> None:
    body = client.post("/api/query", json={"cypher": "UNWIND range(1, 20) AS i RETURN i"}).json()
    assert body["count"] == 5 and body["truncated"] is True
    assert [row["i"] for row in body["rows"]] == [1, 2, 3, 4, 5]


def test_engine_errors_are_400(client: TestClient) -> None:
    response = client.post("/api/query", json={"cypher": "MATCH (n RETURN n"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "query_rejected"
    assert client.post("/api/query", json={"params": {}}).status_code == 422


def test_slow_queries_time_out_with_400(client: TestClient) -> None:
    graph = client.app.state.settings.graph
    with TestClient(create_app(ServiceSettings(graph=graph, query_timeout_ms=50))) as slow:
        cypher = "UNWIND range(1, 3000000) AS i WITH i WHERE i % 7 = 0 RETURN count(i) AS c"
        response = slow.post("/api/query", json={"cypher": cypher})
    assert response.status_code == 400
    assert response.json()["error"] == {"code": "query_rejected", "message": "Query timed out"}
    assert client.post("/api/query", json={"cypher": cypher}).json()["rows"] == [{"c": 3000000 // 7}]
