from loaders.merge import export_from_extractions
from loaders.pipeline import extract_document

TEXT_A = "某市卫健委推进分级诊疗制度建设。\n全市孕产妇死亡率控制在10/10万以下。"
TEXT_B = "某市卫健委推进分级诊疗制度建设，成效明显。"


def test_merge_joins_nodes_by_id_and_edge_evidence_by_key() -> None:
    a = extract_document("a.txt", TEXT_A)
    b = extract_document("b.txt", TEXT_B)
    export = export_from_extractions([a, b])
    ids = [n["id"] for n in export["nodes"]]
    assert len(ids) == len(set(ids))
    assert {"doc:a.txt", "doc:b.txt"} <= set(ids)
    program = next(n for n in export["nodes"] if n["id"] == "program:分级诊疗制度")
    assert program["label"] == "Program"
    assert {ev["doc"] for ev in program["evidence"]} == {"a.txt", "b.txt"}
    keys = [(e["type"], e["source"], e["target"]) for e in export["edges"]]
    assert len(keys) == len(set(keys))
    for e in export["edges"]:
        assert e["evidence"], e
