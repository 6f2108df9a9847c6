"""The explorer's list endpoints: partner pairs (by region), programs with counts, facts per document."""

from fastapi.testclient import TestClient

from tests.api.facts import FILE_A, FILE_B

PAIR_QUOTE = "南昌市第一医院与新建区人民医院开展对口帮扶合作。"


def test_partners_lists_each_pair_once_with_its_quote(client: TestClient) -> None:
    body = client.get("/api/partners").json()
    assert body["total"] == 1
    (pair,) = body["data"]
    assert (pair["source"]["name"], pair["target"]["name"]) == ("南昌市第一医院", "新建区人民医院")
    assert [ev["quote"] for ev in pair["evidence"]] == [PAIR_QUOTE]


def test_partners_by_region_includes_sub_regions_and_located_entities(client: TestClient) -> None:
    # 新建区人民医院 is LOCATED_IN 新建区; 新建区 is PART_OF 南昌市, where 南昌市第一医院 is.
    for region in ("新建区", "region:360112", "南昌市", "全区"):
        assert client.get("/api/partners", params={"region": region}).json()["total"] == 1, region
    assert client.get("/api/partners", params={"region": "上海市"}).json() == {
        "total": 0,
        "limit": 50,
        "offset": 0,
        "data": [],
    }
    missing = client.get("/api/partners", params={"region": "火星市"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_programs_list_counts_implementers_and_targets(client: TestClient) -> None:
    body = client.get("/api/programs").json()
    assert body["total"] == 1
    assert body["data"] == [
        {
            "program": {"id": "program:紧密型医共体", "label": "Program", "name": "紧密型医共体建设"},
            "implementers": 1,
            "targets": 1,
        }
    ]
    assert client.get("/api/programs", params={"limit": 0}).status_code == 422


def test_document_stats_count_the_edges_each_document_supports(client: TestClient) -> None:
    # Report A has nine edges; report B four, one of them (新建区 PART_OF 南昌市) shared with A.
    body = client.get("/api/document-stats").json()
    assert body == {"data": [{"file": FILE_A, "facts": 9}, {"file": FILE_B, "facts": 4}]}
