"""The commitment tracks' named queries on every engine the contract suite reaches, over the samples."""

from __future__ import annotations

from graph.store import GraphStore
from graph.tracks.build import COMMITTER_LABELS, DocumentInfo, build_tracks

XINJIAN = "region:360112"


def test_track_points_keep_to_the_committers_and_labels_asked(store: GraphStore) -> None:
    params = {"committers": [XINJIAN], "labels": list(COMMITTER_LABELS)}
    rows = store.backend.read("track_points", params)
    assert rows and {row["committer_id"] for row in rows} == {XINJIAN}
    assert any(row["metric"] == "家庭医生签约服务覆盖率" and row["value"] == 60 for row in rows)
    tracks = build_tracks(rows, {"001_b1280b1a44e49c58.txt": DocumentInfo(None, None, "2023")})
    (family,) = [t for t in tracks if t.metric.key == "m-family_doctor_coverage"]
    assert family.statuses == ["no later figure yet"] and family.points[0].evidence["quote"]
    programs = store.backend.read("track_points", {"committers": None, "labels": ["Program"]})
    assert programs and {row["committer_label"] for row in programs} == {"Program"}


def test_target_metric_units_are_distinct_pairs(store: GraphStore) -> None:
    pairs = [(row["metric"], row["unit"]) for row in store.backend.read("target_metric_units")]
    assert len(pairs) == len(set(pairs)) > 50
    assert ("孕产妇死亡率", "/10万") in pairs
