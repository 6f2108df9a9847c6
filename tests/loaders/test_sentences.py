from loaders.sentences import split_sentences

TEXT = (
    "一、总体要求\n1.到2025年，全县孕产妇死亡率控制在10/10万以下。推进医共体建设；完善机制！\n（二）加强队伍"
)


def test_sentences_map_back_to_the_text() -> None:
    sentences = split_sentences(TEXT)
    for s in sentences:
        assert TEXT[s.start : s.end].replace(" ", "").endswith(s.clean[-1])
    assert [s.clean for s in sentences] == [
        "总体要求",
        "到2025年，全县孕产妇死亡率控制在10/10万以下。",
        "推进医共体建设；",
        "完善机制！",
        "加强队伍",
    ]


def test_list_markers_are_left_out_but_decimals_kept() -> None:
    s = split_sentences("3.人均期望寿命达到78.5岁。")[0]
    assert s.clean == "人均期望寿命达到78.5岁。"


def test_a_hard_break_inside_a_long_sentence_is_joined() -> None:
    text = (
        "全市卫生健康系统将持续推进紧密型县域医共体建设并不断完善分级诊疗体系和医保支付方\n\n"
        "式改革，提升基层服务能力和群众满意度，努力让群众就近享有优质服务。"
    )
    sentences = split_sentences(text)
    assert len(sentences) == 1
    s = sentences[0]
    assert "支付方式改革" in s.clean
    i = s.clean.index("方式")
    start, end = s.span(i, i + 2)
    assert text[start:end] == "方\n\n式"


def test_a_caption_before_a_heading_is_not_joined() -> None:
    text = "省人民医院与某大学附属医院签订合作协议仪式在省会城市隆重举行并取得圆满成功\n保障人民健康\n"
    assert [s.clean for s in split_sentences(text)] == [
        "省人民医院与某大学附属医院签订合作协议仪式在省会城市隆重举行并取得圆满成功",
        "保障人民健康",
    ]


def test_clauses_split_on_commas_but_not_inside_numbers() -> None:
    s = split_sentences("投入1,200万元,新建病房,改善环境。")[0]
    assert [s.clean[a:b] for a, b in s.clauses()] == ["投入1,200万元", "新建病房", "改善环境"]


def test_clauses_do_not_split_inside_quotes_or_brackets() -> None:
    s = split_sentences("推行“小病不出村,大病不出县”模式(试点,推广),成效明显。")[0]
    assert [s.clean[a:b] for a, b in s.clauses()] == [
        "推行“小病不出村,大病不出县”模式(试点,推广)",
        "成效明显",
    ]


def test_a_speaker_label_opens_a_new_sentence_after_a_long_headline() -> None:
    text = (
        "坚定不移推进卫生健康事业高质量发展——访某某省卫生健康委员会党组书记、主任张某某\n"
        "记者：请介绍一下今年全省卫生健康工作取得的主要成绩和亮点。\n"
    )
    assert [s.clean for s in split_sentences(text)][1].startswith("记者：")
    # A long line cut by a hard break still joins the next one.
    text = (
        "全面推进紧密型县域医共体建设，完善县乡村三级医疗卫生服务网络，持续提升基层医疗卫生服务\n"
        "能力和水平，推动优质医疗资源扩容下沉和区域均衡布局，让群众就近享有优质服务。\n"
    )
    assert len(split_sentences(text)) == 1


def test_clean_characters_map_back_to_the_text_with_and_without_whitespace(sample_paths):
    texts = [p.read_text(encoding="utf-8") for p in sample_paths]
    texts.append("1. 一行 没有句号的标题\n（二）全省\u3000卫生院达到 100 所。下一句")
    for text in texts:
        sentences = split_sentences(text)
        assert sentences
        for s in sentences:
            assert len(s.offsets) == len(s.clean)
            assert all(text[o] == c for o, c in zip(s.offsets, s.clean, strict=True))
            assert not any(c.isspace() for c in s.clean)
    assert [s.clean for s in split_sentences(texts[-1])] == [
        "一行没有句号的标题",
        "全省卫生院达到100所。",
        "下一句",
    ]
