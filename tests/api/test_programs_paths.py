"""A program's page, and how two entities connect."""

from fastapi.testclient import TestClient


def test_program_lists_implementers_targets_partners_and_documents(client: TestClient) -> None:
    body = client.get("/api/programs/program:紧密型医共体").json()
    assert body["program"]["name"] == "紧密型医共体建设"
    (implementer,) = body["implementers"]
    assert implementer["entity"]["id"] == "hospital:新建区人民医院"
    assert implementer["evidence"][0]["quote"] == "新建区人民医院牵头实施紧密型医共体建设。"
    (target,) = body["targets"]
    assert (target["target"]["metric"], target["target"]["value"], target["target"]["year"]) == (
        "县域就诊率",
        90,
        2025,
    )
    (partner,) = body["partners"]
    assert partner["implementer_id"] == "hospital:新建区人民医院"
    assert partner["entity"]["name"] == "南昌市第一医院"
    assert partner["evidence"][0]["quote"] == "南昌市第一医院与新建区人民医院开展对口帮扶合作。"
    assert body["documents"] == [
        {
            "id": "doc:a_xinjian.txt",
            "file": "a_xinjian.txt",
            "title": "2023年新建区卫生健康工作要点",
            "date": "2023",
        }
    ]


def test_unknown_program_is_404(client: TestClient) -> None:
    assert client.get("/api/programs/program:无").status_code == 404
    assert client.get("/api/programs/region:360112").json()["error"]["code"] == "not_found"


def test_all_shortest_paths(client: TestClient) -> None:
    body = client.get("/api/paths", params={"from": "hospital:南昌市第一医院", "to": "region:360112"}).json()
    assert body["hops"] == 2
    routes = sorted([n["id"] for n in path["nodes"]] for path in body["data"])
    assert routes == [
        ["hospital:南昌市第一医院", "hospital:新建区人民医院", "region:360112"],
        ["hospital:南昌市第一医院", "region:360100", "region:360112"],
    ]
    for path in body["data"]:
        assert len(path["edges"]) == 2
        assert all(edge["evidence"] and edge["evidence"][0]["quote"] for edge in path["edges"])


def test_paths_by_name_with_directions_kept(client: TestClient) -> None:
    body = client.get("/api/paths", params={"from": "闻大翔", "to": "上海市"}).json()
    assert body["source"]["id"] == "person:闻大翔" and body["target"]["id"] == "region:310000"
    assert body["hops"] == 2
    (path,) = body["data"]
    assert [(e["type"], e["source"], e["target"]) for e in path["edges"]] == [
        ("HOLDS_POSITION", "person:闻大翔", "org:上海市卫生健康委员会"),
        ("LOCATED_IN", "org:上海市卫生健康委员会", "region:310000"),
    ]


def test_no_path_within_the_hop_limit(client: TestClient) -> None:
    body = client.get("/api/paths", params={"from": "闻大翔", "to": "新建区", "max_hops": 3}).json()
    assert body["hops"] is None and body["data"] == []


def test_path_errors(client: TestClient) -> None:
    assert client.get("/api/paths", params={"from": "闻大翔", "to": "无名氏"}).status_code == 404
    same = client.get("/api/paths", params={"from": "新建区", "to": "region:360112"})
    assert same.status_code == 400 and same.json()["error"]["code"] == "bad_request"
    assert (
        client.get("/api/paths", params={"from": "新建区", "to": "南昌市", "max_hops": 9}).status_code == 422
    )
    assert client.get("/api/paths", params={"from": "新建区"}).status_code == 422
