"""Entity search, one entity with its edges, and its neighbourhood subgraph."""

from fastapi.testclient import TestClient

from tests.api.facts import FILE_A, FILE_B


def test_search_finds_substrings_of_names_and_aliases(client: TestClient) -> None:
    body = client.get("/api/entities", params={"q": "南昌"}).json()
    assert [e["name"] for e in body["data"]] == ["南昌市", "南昌市第一医院"]
    assert body["total"] == 2
    alias = client.get("/api/entities", params={"q": "卫健委"}).json()
    assert [e["id"] for e in alias["data"]] == ["org:上海市卫生健康委员会"]
    hospitals = client.get("/api/entities", params={"label": "Hospital", "limit": 1}).json()
    assert hospitals["total"] == 2 and len(hospitals["data"]) == 1


def test_entity_has_edges_grouped_by_type_with_quotes(client: TestClient) -> None:
    body = client.get("/api/entities/region:360112").json()
    assert body["entity"]["name"] == "新建区"
    assert body["entity"]["aliases"] == ["全区"]
    assert "docs" not in body["entity"] and "evidence" not in body["entity"]
    assert set(body["edges"]) == {"SETS_TARGET", "PART_OF", "LOCATED_IN"}
    (part_of,) = body["edges"]["PART_OF"]
    assert part_of["direction"] == "out" and part_of["other"]["name"] == "南昌市"
    assert sorted(ev["doc"] for ev in part_of["evidence"]) == [FILE_A, FILE_B]
    assert {ev["quote"] for ev in part_of["evidence"]} == {"新建区是南昌市下辖区。"}
    (located,) = body["edges"]["LOCATED_IN"]
    assert located["direction"] == "in" and located["other"]["id"] == "hospital:新建区人民医院"


def test_unknown_entity_is_404(client: TestClient) -> None:
    for url in ("/api/entities/region:000000", "/api/entities/region:000000/neighbors"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {
            "error": {"code": "not_found", "message": "no entity with id 'region:000000'"}
        }


def test_neighbors_depth_one_and_two(client: TestClient) -> None:
    one = client.get("/api/entities/person:闻大翔/neighbors").json()
    assert {n["id"] for n in one["nodes"]} == {"person:闻大翔", "org:上海市卫生健康委员会"}
    assert one["edges"] == [
        {
            "type": "HOLDS_POSITION",
            "source": "person:闻大翔",
            "target": "org:上海市卫生健康委员会",
            "quotes": 1,
        }
    ]
    two = client.get("/api/entities/person:闻大翔/neighbors", params={"depth": 2}).json()
    assert {n["id"] for n in two["nodes"]} == {"person:闻大翔", "org:上海市卫生健康委员会", "region:310000"}
    assert {(e["type"], e["source"], e["target"]) for e in two["edges"]} == {
        ("HOLDS_POSITION", "person:闻大翔", "org:上海市卫生健康委员会"),
        ("LOCATED_IN", "org:上海市卫生健康委员会", "region:310000"),
    }
    assert two["truncated"] is False


def test_neighbors_filtered_by_type(client: TestClient) -> None:
    body = client.get(
        "/api/entities/region:360112/neighbors", params={"depth": 3, "types": "PART_OF,LOCATED_IN"}
    ).json()
    assert {e["type"] for e in body["edges"]} == {"PART_OF", "LOCATED_IN"}
    assert {n["id"] for n in body["nodes"]} == {
        "region:360112", "region:360100", "hospital:新建区人民医院", "hospital:南昌市第一医院"
    }  # fmt: skip


def test_neighbors_limit_marks_truncation(client: TestClient) -> None:
    body = client.get("/api/entities/region:360112/neighbors", params={"depth": 2, "limit": 2}).json()
    assert len(body["edges"]) == 2 and body["truncated"] is True


def test_neighbors_bad_depth_or_type_is_422(client: TestClient) -> None:
    for params in ({"depth": 4}, {"depth": 0}, {"types": "LIKES"}):
        response = client.get("/api/entities/region:360112/neighbors", params=params)
        assert response.status_code == 422, params
        assert response.json()["error"]["code"] == "invalid_parameter"
