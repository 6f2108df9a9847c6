"""Full-text search: Chinese substrings inside words, with offsets, sentence and covering facts."""

from fastapi.testclient import TestClient

from tests.api.facts import FILE_A, FILE_B, TEXT_A, TEXT_B


def test_substring_inside_a_word_is_found_with_offsets_and_sentence(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "南昌"}).json()
    texts = {FILE_A: TEXT_A, FILE_B: TEXT_B}
    assert body["total"] == TEXT_A.count("南昌") + TEXT_B.count("南昌") == 3
    first = body["data"][0]
    assert first["doc"] == FILE_A and first["document_id"] == f"doc:{FILE_A}"
    assert first["start"] == TEXT_A.index("南昌市第一医院") and first["end"] == first["start"] + 2
    assert first["sentence"] == "南昌市第一医院与新建区人民医院开展对口帮扶合作。"
    for hit in body["data"]:
        text = texts[hit["doc"]]
        assert text[hit["start"] : hit["end"]] == hit["match"] == "南昌"
        assert text[hit["sentence_start"] : hit["sentence_end"]] == hit["sentence"]
    assert {f["type"] for f in first["facts"]} == {"PARTNERS_WITH", "LOCATED_IN"}
    assert [e["name"] for e in body["entities"]] == ["南昌市", "南昌市第一医院"]


def test_search_pages_keep_the_total(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "南昌", "limit": 1, "offset": 2}).json()
    assert page["total"] == 3 and len(page["data"]) == 1
    assert page["data"][0]["doc"] == FILE_B
    assert page["data"][0]["facts"][0]["type"] == "PART_OF"


def test_no_match_and_empty_query(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "北京"}).json()
    assert body["total"] == 0 and body["data"] == [] and body["entities"] == []
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search").status_code == 422
