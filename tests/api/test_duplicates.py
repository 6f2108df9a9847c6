"""The same text uploaded under another name is one document with an alias (both engines)."""

from __future__ import annotations

from tests.api.conftest import API_KEY, Writable

KEY = {"X-API-Key": API_KEY}
TEXT = "2024年南昌县卫生健康工作总结\n南昌县卫生健康委员会推进紧密型县域医共体建设。\n"


def _upload(writable: Writable, name: str, text: str) -> dict:
    test_client, _ = writable
    response = test_client.post(
        "/api/documents", files={"file": (name, text.encode(), "text/plain")}, headers=KEY
    )
    assert response.status_code == 201, response.text
    return response.json()


def _listed(writable: Writable) -> dict[str, list[str]]:
    body = writable[0].get("/api/documents").json()
    return {doc["file"]: doc["aliases"] for doc in body["data"]}


def test_a_duplicate_upload_is_recorded_as_an_alias(writable: Writable) -> None:
    first = _upload(writable, "dup_first.txt", TEXT)
    assert first["status"] == "loaded" and first["duplicate_of"] is None
    twin = _upload(writable, "dup_second.txt", TEXT)
    assert twin["status"] == "duplicate"
    assert twin["duplicate_of"] == "doc:dup_first.txt"
    assert (twin["nodes"], twin["edges"]) == (0, 0)
    listed = _listed(writable)
    assert listed["dup_first.txt"] == ["dup_second.txt"]
    assert "dup_second.txt" not in listed, "one document, not two"
    assert writable[0].get("/api/documents").json()["total"] == 3
    assert _upload(writable, "dup_second.txt", TEXT)["status"] == "unchanged"
    assert _upload(writable, "dup_first.txt", TEXT)["status"] == "unchanged"


def test_deleting_by_an_alias_removes_the_alias_only(writable: Writable) -> None:
    test_client, _ = writable
    _upload(writable, "dup_a.txt", TEXT)
    _upload(writable, "dup_b.txt", TEXT)
    response = test_client.delete("/api/documents/dup_b.txt", headers=KEY)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["alias_removed"] == "dup_b.txt"
    assert (body["id"], body["edges_removed"]) == ("doc:dup_a.txt", 0)
    assert _listed(writable)["dup_a.txt"] == []
    assert test_client.get("/api/documents/dup_a.txt").status_code == 200
    assert test_client.delete("/api/documents/dup_b.txt", headers=KEY).status_code == 404


def test_an_alias_given_other_text_becomes_a_document_of_its_own(writable: Writable) -> None:
    _upload(writable, "dup_x.txt", TEXT)
    _upload(writable, "dup_y.txt", TEXT)
    changed = _upload(writable, "dup_y.txt", TEXT.replace("南昌县", "进贤县"))
    assert changed["status"] == "loaded"
    listed = _listed(writable)
    assert listed["dup_x.txt"] == [] and listed["dup_y.txt"] == []
