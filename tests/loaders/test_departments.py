"""Departments named by short form in a list ending in 部门 (written sentences from a provincial
press conference and a county notice)."""

from loaders.departments import find_departments
from loaders.pipeline import extract_document
from loaders.regions import division_index


def _names(clean: str, code: str) -> list[str]:
    return [m.name for m in find_departments(clean, division_index().by_code[code])]


def test_a_list_of_short_forms_names_the_place_s_departments() -> None:
    assert _names("教育、卫健部门密切协作，促进医校协同。", "460000") == [
        "海南省教育厅",
        "海南省卫生健康委员会",
    ]
    # Below the province 教育 and 财政 are bureaus.
    assert _names("由发改、财政、人社等部门共同研究。", "360112") == [
        "新建区发展和改革委员会",
        "新建区财政局",
        "新建区人力资源和社会保障局",
    ]


def test_short_forms_not_before_a_department_or_of_many_places_name_nothing() -> None:
    assert _names("加强健康教育，普及卫生知识。", "460000") == []
    assert _names("各级教育部门要落实责任。", "460000") == []
    assert _names("高等教育部门开展心理健康课程。", "460000") == []


def test_listed_departments_that_work_jointly_are_partners_and_the_doers() -> None:
    text = "海南省卫生健康工作\n教育、卫健部门联合开展儿童青少年近视防控行动。\n"
    x = extract_document("notice.txt", text)
    partners = {frozenset((e.source, e.target)) for e in x.edges if e.type == "PARTNERS_WITH"}
    assert frozenset(("org:海南省教育厅", "org:海南省卫生健康委员会")) in partners
    doers = {e.source for e in x.edges if e.type == "IMPLEMENTS"}
    assert "org:海南省教育厅" in doers
