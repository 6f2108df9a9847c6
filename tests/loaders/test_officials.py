from loaders.officials import find_officials


def test_title_pattern_gives_name_title_and_body_end() -> None:
    text = "某省卫生健康委党组书记、主任张志强表示，要做好全年工作。"
    [official] = find_officials(text, [])
    assert official.name == "张志强"
    assert official.title == "党组书记、主任"
    assert text[: official.org_end] == "某省卫生健康委"


def test_heading_line_with_a_space_before_the_name() -> None:
    [official] = find_officials("某市卫生健康局局长王芳", [])
    assert (official.name, official.title) == ("王芳", "局长")


def test_a_word_after_a_title_that_is_no_name_is_skipped() -> None:
    assert find_officials("主任委员会议研究部署工作", []) == []


def test_reporters_and_national_leaders_are_not_officials() -> None:
    assert find_officials("本报记者主任李明摄", []) == []
    assert find_officials("主席习近平指出", []) == []


def test_speech_pattern_needs_a_family_name_and_a_speech_verb() -> None:
    text = "会上，刘红梅表示，要抓好落实。"
    start = text.index("刘红梅")
    [official] = find_officials(text, [(start, start + 3, "刘红梅")])
    assert official.name == "刘红梅" and official.title is None
    assert find_officials("会上，刘红梅参观展览。", [(3, 6, "刘红梅")]) == []


def test_regional_title_without_a_department() -> None:
    [official] = find_officials("副市长陈建国出席会议并讲话。", [])
    assert (official.name, official.title) == ("陈建国", "副市长")


def test_former_office_holders_are_not_officials() -> None:
    assert find_officials("时任某省卫生厅厅长张建国表示，要加强管理。", []) == []
