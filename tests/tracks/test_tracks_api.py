"""GET /api/tracks over the real embedded graph: samples plus the follow-up reports of followups.py."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from api.ingest import ingest_extractions, ingest_paths
from graph.backend import GraphBackend
from graph.store import GraphStore
from tests.conftest import SAMPLES
from tests.tracks.followups import ADJUSTMENT_FILE, FOLLOW_UPS, SUMMARY_FILE, follow_up_extractions

XINJIAN = "region:360112"
SAMPLE_001 = "001_b1280b1a44e49c58.txt"


def track(client: TestClient, track_id: str) -> dict:
    response = client.get(f"/api/tracks/{track_id}")
    assert response.status_code == 200, response.text
    return response.json()


def points_by_doc(body: dict) -> dict[tuple[str, str, int | None], dict]:
    return {(p["doc"], p["kind"], p["year"]): p for p in body["points"]}


def test_a_goal_met_under_a_variant_wording(tracks_client: TestClient) -> None:
    body = track(tracks_client, f"m-family_doctor_coverage@{XINJIAN}")
    assert body["committer"] == {"id": XINJIAN, "label": "Region", "name": "新建区"}
    assert body["metric"]["canonical"] is True and body["metric"]["unit"] == "%"
    assert {"家庭医生签约服务覆盖率", "家庭医生签约覆盖率"} <= set(body["variants"])
    points = points_by_doc(body)
    goal = points[(SAMPLE_001, "goal", 2023)]
    achieved = points[(SUMMARY_FILE, "achieved", 2023)]
    assert goal["value"] == 60 and goal["status"] == "met"
    assert body["points"][goal["decided_by"]] == achieved
    assert goal["quote"].startswith("家庭医生签约服务覆盖率达到60%")
    assert achieved["quote"] == "2023年，新建区家庭医生签约覆盖率达到72%。"
    assert achieved["title"] == "新建区卫生健康委员会2023年工作总结" and achieved["date"] == "2024-01-15"
    # the 2025 goal of the adjustment: the 2023 figure reported later already reaches it
    later_goal = points[(ADJUSTMENT_FILE, "goal", 2025)]
    assert (later_goal["value"], later_goal["status"]) == (70, "on track")
    assert body["status"] == "on track" and body["statuses"] == ["met", "on track"]


def test_the_city_figure_does_not_join_the_county_track(tracks_client: TestClient) -> None:
    body = track(tracks_client, f"m-family_doctor_coverage@{XINJIAN}")
    assert 58 not in [p["value"] for p in body["points"]]
    city = tracks_client.get("/api/tracks", params={"committer": "南昌市", "metric": "家庭医生"}).json()
    assert all(t["committer"]["id"] == "region:360100" for t in city["data"])
    assert f"m-family_doctor_coverage@{XINJIAN}" not in [t["id"] for t in city["data"]]


def test_a_death_rate_reported_in_per_mille_misses_a_goal_in_per_100000(tracks_client: TestClient) -> None:
    body = track(tracks_client, f"m-maternal_mortality@{XINJIAN}")
    assert body["metric"] | {"source": None} == {
        "key": "m-maternal_mortality", "name": "孕产妇死亡率", "unit": "/10万", "direction": "lower",
        "canonical": True, "source": None,
    }  # fmt: skip
    assert "健康中国行动" in body["metric"]["source"]
    points = points_by_doc(body)
    goal, achieved = points[(ADJUSTMENT_FILE, "goal", 2023)], points[(SUMMARY_FILE, "achieved", 2023)]
    assert (goal["comparator"], goal["value"], goal["unit"]) == ("<=", 12, "/10万")
    assert (achieved["value"], achieved["unit"], achieved["value_in_unit"]) == (0.15, "‰", 15)
    assert goal["status"] == "missed" and body["points"][goal["decided_by"]] == achieved
    assert goal["quote"] == "到2023年底，新建区孕产妇死亡率控制在12/10万以下。"
    assert "未达成" in goal["statement"] and "0.15‰（即15/10万）" in goal["statement"]
    # Sample 001 states the same goal for 全市; whoever the extractor credits it to, a 新建区 goal
    # of 12/10万 for 2023 is missed by 15/10万.
    assert {p["status"] for p in body["points"] if p["kind"] == "goal"} == {"missed"}


def test_a_lower_rate_meets_its_goal(tracks_client: TestClient) -> None:
    body = track(tracks_client, f"m-infant_mortality@{XINJIAN}")
    goal = points_by_doc(body)[(ADJUSTMENT_FILE, "goal", 2023)]
    assert (goal["comparator"], goal["value"], goal["unit"], goal["status"]) == ("<=", 5, "‰", "met")
    assert {p["status"] for p in body["points"] if p["kind"] == "goal"} == {"met"}


def test_a_changed_goal_is_revised_and_the_new_one_is_judged(tracks_client: TestClient) -> None:
    body = track(tracks_client, f"m-maternal_system_management@{XINJIAN}")
    points = points_by_doc(body)
    first, second = points[(SAMPLE_001, "goal", 2023)], points[(ADJUSTMENT_FILE, "goal", 2023)]
    assert (first["value"], first["status"]) == (90, "revised")
    assert body["points"][first["decided_by"]] == second
    assert (second["value"], second["status"]) == (92, "met")
    assert second["quote"] == "到2023年底，新建区孕产妇系统管理率力争达到92%以上。"
    assert second["date"] == "2023-07-20"
    assert "目标已被后来的文件调整" in first["statement"]


def test_a_restated_goal_is_reaffirmed_under_its_own_wording(tracks_client: TestClient) -> None:
    listed = tracks_client.get("/api/tracks", params={"committer": XINJIAN, "metric": "新生儿疾病筛查率"})
    (summary,) = listed.json()["data"]
    assert summary["metric"]["canonical"] is False  # 新生儿疾病筛查率 is no curated indicator
    body = track(tracks_client, summary["id"])
    statuses = {p["doc"]: p["status"] for p in body["points"]}
    assert statuses == {SAMPLE_001: "reaffirmed", ADJUSTMENT_FILE: "no later figure yet"}
    assert body["points"][0]["target_id"] == body["points"][1]["target_id"]  # one Target, two documents


def test_a_similar_metric_keeps_its_own_track(tracks_client: TestClient) -> None:
    body = track(tracks_client, f"m-key_group_signing_coverage@{XINJIAN}")
    assert [(p["kind"], p["value"]) for p in body["points"]] == [("goal", 80), ("achieved", 75)]
    assert body["status"] == "missed"
    family = track(tracks_client, f"m-family_doctor_coverage@{XINJIAN}")
    assert 75 not in [p["value"] for p in family["points"]]


def test_every_quote_is_the_documents_text_at_its_offsets(tracks_client: TestClient) -> None:
    body = track(tracks_client, f"m-maternal_system_management@{XINJIAN}")
    assert len(body["points"]) == 3
    for p in body["points"]:
        text = tracks_client.get(f"/api/documents/{p['document_id']}/text").json()["text"]
        assert text[p["start"] : p["end"]] == p["quote"]
        assert p["title"] and p["date"]
    texts = {p["doc"]: p["quote"] for p in body["points"]}
    assert texts[SUMMARY_FILE] in FOLLOW_UPS[SUMMARY_FILE]


def test_filters_by_status_metric_and_region(tracks_client: TestClient) -> None:
    revised = tracks_client.get("/api/tracks", params={"status": "revised", "limit": 500}).json()
    assert f"m-maternal_system_management@{XINJIAN}" in [t["id"] for t in revised["data"]]
    assert all("revised" in t["statuses"] for t in revised["data"])
    by_variant = tracks_client.get("/api/tracks", params={"metric": "家庭医生签约率"}).json()
    assert [t["id"] for t in by_variant["data"]] == [f"m-family_doctor_coverage@{XINJIAN}"]
    in_county = tracks_client.get("/api/tracks", params={"region": "新建区", "limit": 500}).json()
    assert f"m-maternal_mortality@{XINJIAN}" in [t["id"] for t in in_county["data"]]
    elsewhere = tracks_client.get("/api/tracks", params={"region": "浙江省", "limit": 500}).json()
    assert elsewhere["total"] > 0
    assert XINJIAN not in {t["committer"]["id"] for t in elsewhere["data"]}


def test_pages_and_totals(tracks_client: TestClient) -> None:
    whole = tracks_client.get("/api/tracks", params={"committer": "新建区", "limit": 500}).json()
    first = tracks_client.get("/api/tracks", params={"committer": "新建区", "limit": 3}).json()
    second = tracks_client.get("/api/tracks", params={"committer": "新建区", "limit": 3, "offset": 3}).json()
    assert whole["total"] == first["total"] == second["total"] == len(whole["data"]) > 6
    assert [t["id"] for t in first["data"] + second["data"]] == [t["id"] for t in whole["data"][:6]]
    assert all(t["committer"]["id"] == XINJIAN for t in whole["data"])
    assert not any(t["committer"]["label"] == "Program" for t in whole["data"])


def test_bad_requests_get_the_json_error_body(tracks_client: TestClient) -> None:
    cases = [
        ("/api/tracks?status=done", 422, "invalid_parameter"),
        ("/api/tracks?limit=0", 422, "invalid_parameter"),
        ("/api/tracks?committer=不存在的区", 404, "not_found"),
        ("/api/tracks?region=不存在的区", 404, "not_found"),
        (f"/api/tracks/m-nothing@{XINJIAN}", 404, "not_found"),
        ("/api/tracks/not-a-track", 404, "not_found"),
    ]
    for url, status, code in cases:
        response = tracks_client.get(url)
        assert response.status_code == status, url
        assert response.json()["error"]["code"] == code, url
        assert response.json()["error"]["message"]


def test_retracting_the_summary_takes_its_outcomes_away(open_graph: Callable[[str], GraphBackend]) -> None:
    from api.tracks_views import load_tracks

    store = GraphStore(open_graph("tracks_retract"))
    store.reset()
    ingest_paths(store, [SAMPLES / SAMPLE_001])
    ingest_extractions(store, follow_up_extractions((SUMMARY_FILE,)))

    def status() -> str:
        tracks, _ = load_tracks(store, [XINJIAN])
        (found,) = [t for t in tracks if t.metric.key == "m-maternal_mortality"]
        return found.headline.status or ""

    assert status() == "missed"
    store.retract(SUMMARY_FILE)
    assert status() == "no later figure yet"


def test_a_province_and_the_body_speaking_for_it_keep_separate_tracks(tracks_client: TestClient) -> None:
    # Sample 003's interview: 浙江省 and whoever speaks for it (its commission or its director,
    # depending on the extractor) both set the goal; one track each, each only its own committer.
    found = tracks_client.get("/api/tracks", params={"metric": "县级医院临床重点专科", "limit": 500}).json()
    committers = [t["committer"]["id"] for t in found["data"]]
    assert "region:330000" in committers and len(committers) == len(set(committers)) >= 2
    for summary in found["data"]:
        body = track(tracks_client, summary["id"].replace("|", "%7C"))  # official ids carry a |
        assert body["committer"] == summary["committer"]
        assert [p["value"] for p in body["points"]] == [500]


def test_canonical_metrics_list_the_graphs_wordings_of_each(tracks_client: TestClient) -> None:
    body = tracks_client.get("/api/canonical-metrics").json()
    by_key = {m["key"]: m for m in body["data"]}
    assert len(by_key) >= 30 and all(m["source"] for m in body["data"])
    family = by_key["m-family_doctor_coverage"]
    assert {"metric": "家庭医生签约覆盖率", "unit": "%"} in family["wordings"]
    assert {"metric": "家庭医生签约服务覆盖率", "unit": "%"} in family["wordings"]
    maternal = {w["unit"] for w in by_key["m-maternal_mortality"]["wordings"]}
    assert maternal == {"/10万", "‰"}
    assert 0 < body["resolved"] < body["wordings"]
    used = tracks_client.get("/api/canonical-metrics", params={"used": True}).json()
    assert all(m["wordings"] for m in used["data"]) and len(used["data"]) < len(body["data"])
    bad = tracks_client.get("/api/canonical-metrics?used=maybe")
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"
