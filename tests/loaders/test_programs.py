from loaders.lexicon import token_boundaries, tokenize
from loaders.programs import ProgramRecognizer


def _names(text: str) -> list[str]:
    tokens = tokenize(text)
    starts, ends = token_boundaries(tokens)
    return [m.name for m in ProgramRecognizer().find(text, starts, ends, {t.start: t.flag for t in tokens})]


def test_phrase_ending_in_a_program_word() -> None:
    assert _names("深入实施县域急救能力提升工程。") == ["县域急救能力提升工程"]


def test_book_titles_are_programs() -> None:
    assert "某省医疗卫生服务体系规划(2021-2025年)" in _names(
        "印发《某省医疗卫生服务体系规划(2021-2025年)》。"
    )


def test_quoted_name_carried_out_or_with_a_program_word() -> None:
    assert _names("全面推行“先看病后付费”。") == ["先看病后付费"]
    assert _names("实施“银发守护”工程。") == ["“银发守护”工程"]


def test_quoted_watchwords_are_not_programs() -> None:
    assert _names("牢记“健康至上”理念，聚焦“争先进位”目标要求。") == []


def test_verbal_program_word_with_an_object_is_no_name() -> None:
    assert _names("某县创建全国卫生县城。") == []


def test_counted_projects_are_targets_not_programs() -> None:
    assert _names("谋划公共卫生项目120个。") == []


def test_numbered_set_yields_each_action() -> None:
    names = _names("实施“强基固本、人才引领”两大行动。")
    assert "强基固本行动" in names and "人才引领行动" in names


def test_listed_items_before_a_shared_program_word() -> None:
    assert _names("推进高血压、糖尿病防治等专项行动。") == ["高血压、糖尿病防治等专项行动"]


def test_coordinated_reforms_are_separate() -> None:
    assert _names("深化编制管理改革和绩效工资改革。") == ["编制管理改革", "绩效工资改革"]
