"""GET /api/commitments and the indicator timelines, over the two test reports."""

from fastapi.testclient import TestClient

from tests.api.facts import FAMILY, FILE_A, TEXT_A


def test_commitment_row_carries_value_document_and_quote(client: TestClient) -> None:
    body = client.get("/api/commitments", params={"by": "新建区", "kind": "goal"}).json()
    assert body["total"] == 1
    (row,) = body["data"]
    assert row["committer_id"] == "region:360112"
    assert (row["metric"], row["value"], row["unit"], row["comparator"], row["year"]) == (
        FAMILY,
        60,
        "%",
        ">=",
        2025,
    )
    assert (row["doc"], row["document_id"], row["date"]) == (FILE_A, f"doc:{FILE_A}", "2023")
    assert row["quote"] == "到2025年，新建区家庭医生签约服务覆盖率达到60%。"
    assert TEXT_A[row["start"] : row["end"]] == row["quote"]


def test_by_accepts_id_name_or_alias(client: TestClient) -> None:
    for by in ("region:360112", "新建区", "全区"):
        body = client.get("/api/commitments", params={"by": by}).json()
        assert {row["target_id"] for row in body["data"]} == {"target:a-family-2025", "target:a-family-2022"}


def test_metric_substring_and_year(client: TestClient) -> None:
    body = client.get("/api/commitments", params={"metric": "家庭医生", "year": 2025}).json()
    assert body["total"] == 2
    assert {(row["committer"], row["value"]) for row in body["data"]} == {("新建区", 60), ("上海市", 70)}


def test_region_includes_subregions_and_entities_located_there(client: TestClient) -> None:
    body = client.get("/api/commitments", params={"region": "南昌市"}).json()
    assert {(row["committer_id"], row["target_id"]) for row in body["data"]} == {
        ("region:360112", "target:a-family-2025"),
        ("region:360112", "target:a-family-2022"),
        ("hospital:新建区人民医院", "target:a-remote-2025"),
    }
    by_alias = client.get("/api/commitments", params={"region": "全区"}).json()
    assert by_alias["total"] == 3 and {r["committer_id"] for r in by_alias["data"]} == {
        "region:360112", "hospital:新建区人民医院"
    }  # fmt: skip
    shanghai = client.get("/api/commitments", params={"region": "region:310000"}).json()
    assert [row["value"] for row in shanghai["data"]] == [70]


def test_unknown_region_is_404(client: TestClient) -> None:
    response = client.get("/api/commitments", params={"region": "火星市"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "火星市" in response.json()["error"]["message"]


def test_pagination_keeps_the_total(client: TestClient) -> None:
    first = client.get("/api/commitments", params={"limit": 2}).json()
    second = client.get("/api/commitments", params={"limit": 2, "offset": 2}).json()
    everything = client.get("/api/commitments").json()
    assert first["total"] == second["total"] == everything["total"] == 5
    assert len(first["data"]) == 2
    assert first["data"] + second["data"] == everything["data"][:4]


def test_bad_parameters_are_422_in_the_error_body(client: TestClient) -> None:
    for params in ({"kind": "promise"}, {"year": "soon"}, {"limit": 0}):
        response = client.get("/api/commitments", params=params)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "invalid_parameter"


def test_metrics_lists_distinct_metrics_with_counts(client: TestClient) -> None:
    body = client.get("/api/metrics").json()
    assert body["total"] == 3
    first = body["data"][0]
    assert first == {
        "metric": FAMILY,
        "targets": 3,
        "years": [2022, 2025],
        "kinds": first["kinds"],
        "units": ["%"],
    }
    assert sorted(first["kinds"]) == ["achieved", "goal"]
    filtered = client.get("/api/metrics", params={"q": "县域"}).json()
    assert [m["metric"] for m in filtered["data"]] == ["县域就诊率"]
    assert client.get("/api/metrics", params={"limit": 1, "offset": 1}).json()["total"] == 3


def test_timeline_puts_achieved_and_goal_side_by_side(client: TestClient) -> None:
    body = client.get(f"/api/metrics/{FAMILY}/timeline").json()
    assert [(p["year"], p["kind"], p["value"]) for p in body["data"]] == [
        (2022, "achieved", 45),
        (2025, "goal", 70),  # region:310000 before region:360112 within a year and kind
        (2025, "goal", 60),
    ]
    by_year = {year["year"]: year for year in body["years"]}
    assert [p["value"] for p in by_year[2022]["achieved"]] == [45]
    assert sorted((p["committer"], p["value"]) for p in by_year[2025]["goal"]) == [
        ("上海市", 70),
        ("新建区", 60),
    ]
    assert {p["doc"] for p in body["data"]} == {"a_xinjian.txt", "b_shanghai.txt"}


def test_timeline_of_unknown_metric_is_404(client: TestClient) -> None:
    response = client.get("/api/metrics/不存在的指标/timeline")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
