"""Facts a reader finds in the sample reports, asserted through the real embedded graph."""

from __future__ import annotations

from loaders.decode import read_document
from tests.conftest import SAMPLES

XINJIAN = "region:360112"
NANCHANG_2026 = "002_a55b4f72392eaa2a.txt"


def _nodes(export: dict, label: str) -> dict[str, dict]:
    return {node["id"]: node for node in export["nodes"] if node["label"] == label}


def _edges(export: dict, edge_type: str) -> list[dict]:
    return [edge for edge in export["edges"] if edge["type"] == edge_type]


def test_xinjian_district_is_a_region_keyed_on_its_division_code(sample_export: dict) -> None:
    regions = _nodes(sample_export, "Region")
    assert regions[XINJIAN]["name"] == "新建区"
    assert regions[XINJIAN]["level"] == "county"
    part_of = {(e["source"], e["target"]) for e in _edges(sample_export, "PART_OF")}
    assert (XINJIAN, "region:360100") in part_of  # 南昌市


def test_xinjian_sets_family_doctor_target_of_60_percent(sample_export: dict) -> None:
    targets = _nodes(sample_export, "Target")
    hits = [
        targets[e["target"]]
        for e in _edges(sample_export, "SETS_TARGET")
        if e["source"] == XINJIAN and "家庭医生" in targets[e["target"]]["metric"]
    ]
    assert any(t["value"] == 60 and t["unit"] == "%" for t in hits), hits


def test_nanchang_first_hospital_partners_in_the_2026_report(sample_export: dict) -> None:
    names = {node["id"]: node["name"] for node in sample_export["nodes"]}
    partners = [
        e
        for e in _edges(sample_export, "PARTNERS_WITH")
        if any(ev["doc"] == NANCHANG_2026 for ev in e["evidence"])
        and any("南昌市第一医院" in names[end] for end in (e["source"], e["target"]))
    ]
    assert partners
    assert all("第一医院" in ev["quote"] or "一附院" in ev["quote"] for e in partners for ev in e["evidence"])


def test_wen_daxiang_holds_position_at_shanghai_health_commission(sample_export: dict) -> None:
    officials = {n["id"]: n for n in _nodes(sample_export, "Official").values() if n["name"] == "闻大翔"}
    assert len(officials) == 1
    names = {node["id"]: node["name"] for node in sample_export["nodes"]}
    held = [names[e["target"]] for e in _edges(sample_export, "HOLDS_POSITION") if e["source"] in officials]
    assert any(name.startswith("上海市卫生健康委") for name in held), held


def test_every_quote_equals_its_document_span(sample_export: dict) -> None:
    texts = dict(read_document(path) for path in sorted(SAMPLES.glob("*.txt")))
    evidence = [ev for edge in sample_export["edges"] for ev in edge["evidence"]]
    assert len(evidence) > 100
    bad = [ev for ev in evidence if texts[ev["doc"]][ev["start"] : ev["end"]] != ev["quote"]]
    assert bad == []


def test_every_edge_has_evidence_and_known_ends(sample_export: dict) -> None:
    ids = {node["id"] for node in sample_export["nodes"]}
    assert all(edge["evidence"] for edge in sample_export["edges"])
    assert all(edge["source"] in ids and edge["target"] in ids for edge in sample_export["edges"])


def test_one_document_node_per_sample(sample_export: dict) -> None:
    documents = _nodes(sample_export, "Document")
    assert sorted(d["file"] for d in documents.values()) == sorted(p.name for p in SAMPLES.glob("*.txt"))
    assert all(d["name"] for d in documents.values())
