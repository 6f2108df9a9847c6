"""PART_OF between organizations and partners beyond places."""

from loaders.hierarchy import parent_of
from loaders.pipeline import extract_document


def test_a_party_committee_s_department_and_a_government_s_office_are_its_parts() -> None:
    assert parent_of("中共海南省委宣传部", set()) == ("中共海南省委", "党委")
    assert parent_of("中共株洲市委教育工作委员会", set()) == ("中共株洲市委", "党委")
    assert parent_of("南昌市人民政府办公室", set()) == ("南昌市人民政府", "人民政府")
    # A body named in the document opens its division's name.
    assert parent_of("江西省卫生健康委员会医政处", {"江西省卫生健康委员会"}) == ("江西省卫生健康委员会", "")


def test_a_committee_itself_or_a_name_without_a_part_has_no_parent() -> None:
    assert parent_of("中共海南省委", set()) is None
    assert parent_of("南昌市人民政府", set()) is None
    # Sharing an opening is not being a part: 江西省人民医院 is no part of 江西省人民政府.
    assert parent_of("江西省人民医院", {"江西省人民政府"}) is None


def test_part_of_between_bodies_is_emitted_with_its_quote() -> None:
    text = "海南省卫生健康工作\n中共海南省委宣传部新闻发布处副处长赵明主持发布会。\n"
    x = extract_document("press.txt", text)
    part_of = {(e.source, e.target) for e in x.edges if e.type == "PART_OF"}
    assert ("org:中共海南省委宣传部", "org:中共海南省委") in part_of


def test_a_health_centre_hanging_a_hospital_s_branch_sign_partners_with_it() -> None:
    text = "湖南省株洲市卫生健康工作\n2021年，炎陵县中医院挂牌成为株洲市中心医院炎陵分院。\n"
    x = extract_document("branch.txt", text)
    partners = {frozenset((e.source, e.target)) for e in x.edges if e.type == "PARTNERS_WITH"}
    assert frozenset(("hospital:炎陵县中医医院", "hospital:株洲市中心医院")) in partners
    # Two bodies merely listed together are no partners.
    y = extract_document("list.txt", "重庆市黔江区卫生健康工作\n黔江中心医院和黔江区中医院开展义诊。\n")
    assert not [e for e in y.edges if e.type == "PARTNERS_WITH"]


def test_a_program_is_part_of_the_one_a_sentence_says_it_falls_within() -> None:
    from loaders.hierarchy import program_parts

    def parts(clean: str, names: list[str]) -> list[tuple[str, str]]:
        spans = [(clean.index(n), clean.index(n) + len(n), n) for n in names]
        return program_parts(clean, spans)

    within = "在“无烟环境”建设中，我省推进无烟党政机关建设。"
    assert parts(within, ["无烟环境", "无烟党政机关建设"]) == [("无烟党政机关建设", "无烟环境")]
    listed = "健康学校建设、健康家庭评选等健康细胞工程建设持续推进。"
    assert parts(listed, ["健康学校建设", "健康家庭评选", "健康细胞工程建设"]) == [
        ("健康学校建设", "健康细胞工程建设"),
        ("健康家庭评选", "健康细胞工程建设"),
    ]
    belongs = "儿童健康促进专项行动属于重大健康风险干预专项行动。"
    assert parts(belongs, ["儿童健康促进专项行动", "重大健康风险干预专项行动"]) == [
        ("儿童健康促进专项行动", "重大健康风险干预专项行动")
    ]


def test_programs_merely_listed_or_done_in_turn_are_not_parts() -> None:
    from loaders.hierarchy import program_parts

    clean = "推进家庭医生签约服务，实施健康乡村行动，在全省开展爱国卫生运动。"
    names = ["家庭医生签约服务", "健康乡村行动", "爱国卫生运动"]
    spans = [(clean.index(n), clean.index(n) + len(n), n) for n in names]
    assert program_parts(clean, spans) == []
