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


def test_posts_beyond_government_titles() -> None:
    cases = {
        "海南省卫生健康委员会副主任、新闻发言人王立新：": ("王立新", "副主任、新闻发言人"),
        "村医李洪明给记者拿来收费单据。": ("李洪明", "村医"),
        "连线了消化内科主任医师张建华。": ("张建华", "主任医师"),
        "学校副校长刘红说，健康教育进课堂。": ("刘红", "副校长"),
    }
    for text, (name, title) in cases.items():
        speakers = [(text.index(name), text.index(name) + len(name), name)]
        [official] = find_officials(text, speakers)
        assert (official.name, official.title) == (name, title)
    # A post word inside another word, with no name after it, is no official.
    assert find_officials("推进家庭医生签约服务。", []) == []


def test_a_bracketed_note_stays_inside_the_post() -> None:
    [official] = find_officials("市委宣传部新闻发布处副处长（主持工作）、新闻发言人赵明：", [])
    assert official.name == "赵明" and official.title == "副处长（主持工作）、新闻发言人"


def test_a_name_does_not_swallow_the_speech_verb() -> None:
    [official] = find_officials("社区卫生服务中心主任刘松说。", [])
    assert official.name == "刘松"
    [official] = find_officials("卫生院院长王友贤说。", [])
    assert official.name == "王友贤"  # a three-character name whose last character is no verb


def test_a_title_less_speaker_is_an_official_at_a_meeting_or_when_named_before() -> None:
    text = "王友贤说，看病方便多了。"
    assert find_officials(text, [(0, 3, "王友贤")]) == []
    [known] = find_officials(text, [(0, 3, "王友贤")], frozenset({"王友贤"}))
    assert known.name == "王友贤"


def test_a_function_word_after_a_post_is_no_name() -> None:
    assert find_officials("其实，对医生来说，AI只是辅助工具。", []) == []
