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


def test_names_that_need_a_place_are_dropped_without_one() -> None:
    x = extract_document("bare.txt", "第一医院开展义诊，望城镇卫生院参与。")
    assert [n for n in x.nodes if n.label in ("Hospital", "Region")] == []


def test_odd_inputs_give_empty_extractions() -> None:
    for text in ("", "   \n", "hello 123", "，，。。", "1.\n（一）\n"):
        x = extract_document("odd.txt", text)
        assert x.nodes == [] and x.edges == []


def test_a_gb18030_copy_extracts_the_same(tmp_path: Path, sample_paths: list[Path]) -> None:
    name, text = read_document(sample_paths[4])
    copy = tmp_path / name
    copy.write_bytes(text.encode("gb18030"))
    assert extract_document(*read_document(copy)).model_dump() == extract_document(name, text).model_dump()


def test_the_place_hosting_an_event_carries_it_out() -> None:
    text = "湖南省卫生健康工作会议召开。全省健康科普大赛主题活动近日在我省岳阳举行。"
    x = extract_document("host.txt", text)
    implements = {(e.source, e.target) for e in x.edges if e.type == "IMPLEMENTS"}
    assert ("region:430600", "program:健康科普大赛主题活动") in implements


def test_a_hospital_opening_a_program_name_runs_it() -> None:
    text = "株洲市卫生健康工作要点。推进市中心医院薪酬制度改革试点。"
    x = extract_document("run.txt", text)
    implements = {(e.source, e.target) for e in x.edges if e.type == "IMPLEMENTS"}
    assert any(s == "hospital:株洲市中心医院" for s, _ in implements)


def test_answers_in_an_interview_belong_to_the_interviewee() -> None:
    text = (
        "专访：推动优质资源下沉\n近日，记者采访了衡阳市卫生健康委员会主任刘志刚。\n"
        "问：今年有哪些目标？\n答：今年全市孕产妇系统管理率力争达到92%。\n"
    )
    x = extract_document("qa.txt", text)
    committers = {e.source for e in x.edges if e.type == "SETS_TARGET"}
    assert {"official:刘志刚|org:衡阳市卫生健康委员会", "region:430400"} <= committers


def test_a_hospital_s_own_figure_is_credited_to_it() -> None:
    x = extract_document("h.txt", "株洲市卫生健康工作总结。2023年市人民医院门诊量达到120万人次。")
    committers = {e.source for e in x.edges if e.type == "SETS_TARGET"}
    assert committers == {"hospital:株洲市人民医院"}
