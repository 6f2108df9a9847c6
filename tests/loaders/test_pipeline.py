import hashlib
import re
from pathlib import Path

import pytest

from loaders.decode import read_document
from loaders.models import DocumentExtraction
from loaders.pipeline import extract_document

ID_PATTERNS = {
    "Region": r"^region:(\d{6}|.+)$",
    "Hospital": r"^hospital:.+$",
    "Organization": r"^org:.+$",
    "Program": r"^program:.+$",
    "Official": r"^official:.+\|.*$",
    "Target": r"^target:[0-9a-f]{12}$",
}


@pytest.fixture(scope="module")
def extractions(sample_paths: list[Path]) -> list[DocumentExtraction]:
    return [extract_document(*read_document(p)) for p in sample_paths]


def test_every_evidence_quote_is_the_text_at_its_offsets(extractions: list[DocumentExtraction]) -> None:
    checked = 0
    for x in extractions:
        for item in [*x.nodes, *x.edges]:
            for ev in item.evidence:
                assert ev.doc == x.document.file
                assert x.text[ev.start : ev.end] == ev.quote
                checked += 1
    assert checked > 500


def test_ids_are_unique_and_edges_point_at_nodes(extractions: list[DocumentExtraction]) -> None:
    for x in extractions:
        ids = [n.id for n in x.nodes]
        assert len(ids) == len(set(ids))
        keys = [e.key() for e in x.edges]
        assert len(keys) == len(set(keys))
        known = set(ids)
        for e in x.edges:
            assert e.source in known and e.target in known, e
            assert e.evidence


def test_ids_follow_the_conventions(extractions: list[DocumentExtraction]) -> None:
    for x in extractions:
        for n in x.nodes:
            assert re.match(ID_PATTERNS[n.label], n.id), n.id


def test_two_runs_are_identical(sample_paths: list[Path]) -> None:
    name, text = read_document(sample_paths[1])
    assert extract_document(name, text).model_dump() == extract_document(name, text).model_dump()


def test_document_node(extractions: list[DocumentExtraction]) -> None:
    by_file = {x.document.file: x for x in extractions}
    doc = by_file["000_8af4f2e2e8678ba9.txt"].document
    assert doc.id == "doc:000_8af4f2e2e8678ba9.txt"
    assert doc.name == doc.title == "奋楫争先 勇毅前行"
    assert doc.date == "2023-04-17" and doc.year == 2023
    assert doc.region == "region:360000"
    text = by_file["000_8af4f2e2e8678ba9.txt"].text
    assert doc.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert doc.chars == len(text)


def test_a_district_work_plan_belongs_to_its_district(extractions: list[DocumentExtraction]) -> None:
    x = next(x for x in extractions if x.document.file.startswith("001_"))
    nodes = {n.id: n for n in x.nodes}
    assert x.document.region == "region:360112"
    assert nodes["region:360112"].name == "新建区"
    assert {"我区", "全区"} <= set(nodes["region:360112"].aliases)
    assert ("PART_OF", "region:360112", "region:360100") in {e.key() for e in x.edges}


def test_interview_round_up_has_one_section_per_interviewee(extractions: list[DocumentExtraction]) -> None:
    x = next(x for x in extractions if x.document.file.startswith("003_"))
    holds = {(e.source, e.target) for e in x.edges if e.type == "HOLDS_POSITION"}
    assert ("official:闻大翔|org:上海市卫生健康委员会", "org:上海市卫生健康委员会") in holds
    assert len(holds) == 8
    assert x.document.region is None


def test_synthetic_plan_end_to_end() -> None:
    text = (
        "某县2025年卫生健康工作要点\n"
        "一、工作目标\n"
        "1.全县家庭医生签约服务覆盖率达到70%。\n"
        "2.深入实施基层医疗服务能力提升工程，推动县人民医院与某某大学附属医院开展合作。\n"
    )
    x = extract_document("plan.txt", text)
    labels = {n.label for n in x.nodes}
    assert {"Target", "Program", "Hospital"} <= labels
    target = next(n for n in x.nodes if n.label == "Target")
    assert (target.metric, target.value, target.unit, target.kind) == (
        "家庭医生签约服务覆盖率",
        70.0,
        "%",
        "goal",
    )
