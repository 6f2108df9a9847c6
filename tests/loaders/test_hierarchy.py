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
