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
    # The official speaks for the body: the body commits, the official holds a post in it.
    assert {"org:衡阳市卫生健康委员会", "region:430400"} <= committers
    assert not any(c.startswith("official:") for c in committers)


def test_a_hospital_s_own_figure_is_credited_to_it() -> None:
    x = extract_document("h.txt", "株洲市卫生健康工作总结。2023年市人民医院门诊量达到120万人次。")
    committers = {e.source for e in x.edges if e.type == "SETS_TARGET"}
    assert committers == {"hospital:株洲市人民医院"}


def test_a_year_end_review_reports_its_own_year_and_later_years_are_goals() -> None:
    text = (
        "某某县2023年卫生健康工作总结\n"
        "2023年，我县卫生健康工作稳步推进。\n"
        "全县孕产妇死亡率为0/10万，婴儿死亡率为2.6‰。\n"
        "2024年，全县家庭医生签约率达到50%。\n"
    )
    targets = {n.metric: n for n in extract_document("review.txt", text).nodes if n.label == "Target"}
    assert targets["婴儿死亡率"].kind == "achieved" and targets["婴儿死亡率"].year == 2023
    assert targets["家庭医生签约率"].kind == "goal"


def test_results_after_an_earlier_year_opener_carry_that_year() -> None:
    text = (
        "某某市2024年卫生健康工作会议召开\n"
        "2023年，全市卫生健康事业取得新进展。\n"
        "全市人均预期寿命达到79.6岁。\n"
        "2024年，全市将实施健康某某行动。\n"
        "全市人均预期寿命力争达到80岁。\n"
    )
    targets = [n for n in extract_document("meeting.txt", text).nodes if n.label == "Target"]
    assert {(t.value, t.kind, t.year) for t in targets} == {(79.6, "achieved", 2023), (80.0, "goal", 2024)}


def test_a_hospital_head_speaking_commits_the_hospital_not_the_city() -> None:
    text = (
        "某某市2025年卫生健康工作要点\n"
        "全市孕产妇死亡率控制在8/10万以下。\n"
        "长沙市第一医院院长李建华介绍，力争2025年双向转诊人次达到3万人次。\n"
        "长沙市第一医院院长李建华介绍，全市基层就诊率达到65%。\n"
    )
    ex = extract_document("plan.txt", text)
    by_metric = {n.id: n.metric for n in ex.nodes if n.label == "Target"}
    owners = {(e.source, by_metric[e.target]) for e in ex.edges if e.type == "SETS_TARGET"}
    assert ("hospital:长沙市第一医院", "双向转诊人次") in owners
    assert ("hospital:长沙市第一医院", "基层就诊率") not in owners


def test_quan_qu_after_a_named_district_is_that_district() -> None:
    text = (
        "北京市2025年卫生健康工作要点\n"
        "全市孕产妇死亡率控制在8/10万以下。全市婴儿死亡率控制在2‰以下。\n"
        "海淀区卫生健康委主任李某表示，全区将实施健康海淀行动，社区卫生服务中心达标率达到100%。\n"
        "全市每千人口床位数达到5.2张。\n"
    )
    ex = extract_document("plan.txt", text)
    by_metric = {n.id: n.metric for n in ex.nodes if n.label == "Target"}
    owners = {(e.source, by_metric[e.target]) for e in ex.edges if e.type == "SETS_TARGET"}
    assert ("region:110108", "社区卫生服务中心达标率") in owners
    assert ("region:110000", "每千人口床位数") in owners
    assert ("IMPLEMENTS", "region:110108", "program:健康海淀行动") in {
        (e.type, e.source, e.target) for e in ex.edges
    }


def test_places_listed_with_fenbie_take_their_own_figures() -> None:
    text = (
        "深圳市2025年卫生健康工作要点\n"
        "全市每千人口床位数达到4.5张。全市三甲医院达到30家。\n"
        "福田区、南山区分别投入财政资金5亿元、8亿元。\n"
        "福田区、南山区投入财政资金13亿元。\n"
    )
    ex = extract_document("plan.txt", text)
    value = {n.id: n.value for n in ex.nodes if n.label == "Target"}
    owners = {(e.source, value[e.target]) for e in ex.edges if e.type == "SETS_TARGET"}
    assert {("region:440304", 5.0), ("region:440305", 8.0)} <= owners
    assert ("region:440304", 8.0) not in owners and ("region:440305", 5.0) not in owners
    assert {("region:440304", 13.0), ("region:440305", 13.0)} <= owners


def _program_targets(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    names = {n.id: n.name for n in ex.nodes}
    return {
        (names[e.source], names[e.target])
        for e in ex.edges
        if e.type == "SETS_TARGET" and e.source.startswith("program:")
    }


def test_a_figure_after_a_program_in_its_sentence_is_that_program_s() -> None:
    ex = extract_document(
        "plan.txt",
        "浙江省2024年卫生健康工作要点\n推进县级医院能力提升行动，建设500个县级医院临床重点专科。\n",
    )
    assert ("县级医院能力提升行动", "县级医院临床重点专科") in _program_targets(ex)
    # A figure whose own clause names a program is that one's only.
    ex2 = extract_document(
        "plan2.txt",
        "浙江省2024年卫生健康工作要点\n全省持续用力，推进县级医院能力提升行动，实施基层人才培养工程培训1万名村医。\n",
    )
    pairs = _program_targets(ex2)
    assert ("基层人才培养工程", "村医") in {(p, m[-2:]) for p, m in pairs}
    assert not any(p == "县级医院能力提升行动" for p, _ in pairs)


def test_a_sentence_naming_only_a_program_makes_it_its_paragraph_s_topic() -> None:
    text = (
        "河南省2024年卫生健康工作要点\n"
        "实施强基层专项行动。支持建设100所县域医疗卫生次中心。推动300所薄弱乡镇卫生院全面达标。\n"
        "全省新增托位8万个。\n"
    )
    pairs = _program_targets(extract_document("plan.txt", text))
    assert {p for p, _ in pairs} == {"强基层专项行动"}
    assert len(pairs) == 2  # the next paragraph's figure is not the topic's


def test_a_program_counted_in_its_own_clause_is_no_topic_of_the_others() -> None:
    ex = extract_document(
        "review.txt",
        "贵州省2022年健康教育工作总结\n全年举办健康知识讲座19.57万次，建立项目管理员队伍1821人。\n",
    )
    pairs = _program_targets(ex)
    assert all(metric != "项目管理员队伍" for _, metric in pairs)
