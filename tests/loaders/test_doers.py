"""Doer attribution per clause: subject, speaker, section, issuer (written sentences of several
kinds of report; each rule with a near miss it must not catch)."""

from loaders.models import DocumentExtraction
from loaders.pipeline import extract_document


def _credits(x: DocumentExtraction, kind: str) -> dict[tuple[str, str], set[str]]:
    """(doer, target or program name) -> the bases of its evidence."""
    names = {n.id: n.name for n in x.nodes}
    out: dict[tuple[str, str], set[str]] = {}
    for e in x.edges:
        if e.type == kind:
            out.setdefault((e.source, names.get(e.target, e.target)), set()).update(
                ev.basis or "" for ev in e.evidence
            )
    return out


def _doers_of(x: DocumentExtraction, kind: str, name: str) -> set[str]:
    return {doer for (doer, target), _ in _credits(x, kind).items() if target == name}


def test_a_subject_carries_to_the_later_clauses_of_its_sentence() -> None:
    text = (
        "江西省2024年卫生健康工作总结\n"
        "全省卫生健康系统持续推进医疗服务能力建设。"
        "南昌市第一医院投入2000万元，新建3个远程会诊中心，实施胸痛中心建设。\n"
    )
    x = extract_document("work.txt", text)
    credits = _credits(x, "IMPLEMENTS")
    assert credits[("hospital:南昌市第一医院", "胸痛中心建设")] == {"subject"}
    assert not _doers_of(x, "IMPLEMENTS", "胸痛中心建设") - {"hospital:南昌市第一医院"}


def test_a_clause_naming_the_whole_place_takes_it_back_from_the_carried_subject() -> None:
    text = "湖南省2024年卫生健康工作要点\n湘雅医院牵头组建专科联盟，全省开展县域医共体建设。\n"
    x = extract_document("plan.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "县域医共体建设") == {"region:430000"}


def test_the_paragraph_subject_carries_after_a_full_stop_but_not_after_a_list_item() -> None:
    feature = "基层卫生一线见闻\n株洲市中心医院今年牵头组建了医疗集团。随后实施远程心电诊断服务工程。\n"
    x = extract_document("story.txt", feature)
    assert _credits(x, "IMPLEMENTS")[("hospital:株洲市中心医院", "远程心电诊断服务工程")] == {"section"}
    listing = (
        "湖南省2024年卫生健康工作要点\n"
        "全省卫生健康工作稳步推进。株洲市中心医院牵头组建医疗集团；推进远程心电诊断服务工程。\n"
    )
    y = extract_document("plan.txt", listing)
    assert _doers_of(y, "IMPLEMENTS", "远程心电诊断服务工程") == {"region:430000"}


def test_a_speaker_turn_credits_the_body_the_speaker_speaks_for() -> None:
    text = (
        "海南省新闻发布会实录\n"
        "海南省卫生健康委员会副主任、新闻发言人王立新：\n"
        "今年我们将全面实施儿童青少年近视防控行动。\n"
        "某某日报记者：\n"
        "请问如何推进家庭医生签约服务？\n"
    )
    x = extract_document("press.txt", text)
    credits = _credits(x, "IMPLEMENTS")
    assert credits[("org:海南省卫生健康委员会", "儿童青少年近视防控行动")] == {"speaker"}
    # The reporter's question is no one's commitment: the speaker's turn ended.
    assert "org:海南省卫生健康委员会" not in _doers_of(x, "IMPLEMENTS", "家庭医生签约服务")


def test_a_quote_belongs_to_the_body_of_the_speaker_named_after_it() -> None:
    text = (
        "山区群众看病记\n"
        "黔江区位于重庆东南部。\n"
        "“我们今年新建了5个血液透析室。”黔江区人民医院院长李建华说。\n"
        "“以前看病要走很远。”村民王友明说。\n"
    )
    x = extract_document("quote.txt", text)
    committers = {e.source for e in x.edges if e.type == "SETS_TARGET"}
    assert "hospital:黔江区人民医院" in committers
    # A villager quoted without a post is no official and speaks for no body.
    assert not any(n.label == "Official" and n.name == "王友明" for n in x.nodes)


def test_a_feature_moving_between_places_credits_each_section_s_place() -> None:
    text = (
        "让群众在家门口看好病\n"
        "医疗资源下沉\n"
        "黔江区持续推进医疗资源下沉。黔江区的乡镇卫生院条件不断改善。\n去年开展巡回医疗行动。\n"
        "医保服务进村\n"
        "武清区把村卫生室纳入医保定点。武清区的村民就近结算。\n今年推行慢病长处方改革试点。\n"
    )
    x = extract_document("feature.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "巡回医疗行动") == {"region:500114"}
    assert _doers_of(x, "IMPLEMENTS", "慢病长处方改革试点") == {"region:120114"}


def test_a_provincial_report_whose_sections_lead_with_its_cities_stays_the_province_s() -> None:
    text = (
        "江西省2024年卫生健康工作总结\n"
        "全省推进优质医疗资源扩容。\n"
        "南昌样板\n"
        "南昌市建成区域医疗中心。南昌市的基层能力提升。\n全年开展巡回医疗行动。\n"
        "赣州经验\n"
        "赣州市推进县域医共体。赣州市的村卫生室标准化。\n全年推行慢病长处方改革试点。\n"
    )
    x = extract_document("province.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "巡回医疗行动") == {"region:360000"}
    assert _doers_of(x, "IMPLEMENTS", "慢病长处方改革试点") == {"region:360000"}


def test_a_health_commission_speaking_of_its_whole_city_is_credited_with_the_city() -> None:
    text = (
        "基层医疗见闻\n"
        "东台市卫生健康委主任杨立新介绍，全市18个镇卫生院组成了紧密型医共体。\n"
        "长沙市第一医院院长李建华介绍，全市基层就诊率达到65%。\n"
    )
    x = extract_document("story.txt", text)
    committers = {e.source for e in x.edges if e.type == "SETS_TARGET"}
    assert {"org:东台市卫生健康委员会", "region:320981"} <= committers
    # A hospital head speaking of the city speaks for the hospital's figures only, not the city's.
    assert "hospital:长沙市第一医院" not in committers


def test_a_press_conference_host_speaks_for_no_doer() -> None:
    text = (
        "海南省新闻发布会实录\n"
        "中共海南省委宣传部新闻发布处副处长、新闻发言人赵明：\n"
        "本场发布会聚焦健康海南行动。\n"
        "海南省卫生健康委员会副主任、新闻发言人王立新：\n"
        "我们将全面实施儿童青少年近视防控行动。\n"
    )
    x = extract_document("press.txt", text)
    doers = {e.source for e in x.edges if e.type == "IMPLEMENTS"}
    assert "org:海南省卫生健康委员会" in doers
    assert not any("宣传部" in d for d in doers)


def test_a_place_named_once_as_a_setting_does_not_own_its_section() -> None:
    text = (
        "人工智能走进诊室\n"
        "智能问诊\n"
        "在四川成都市，某医院全科门诊的医生用大模型辅助接诊。\n去年开展智能导诊行动。\n"
        "影像升级\n"
        "在山东青岛市，一家社区卫生服务中心购入智能设备。\n今年推行智能影像诊断试点。\n"
    )
    x = extract_document("national.txt", text)
    assert "region:510100" not in _doers_of(x, "IMPLEMENTS", "智能导诊行动")
    assert "region:370200" not in _doers_of(x, "IMPLEMENTS", "智能影像诊断试点")


def test_work_a_clause_says_was_not_done_is_credited_to_no_one() -> None:
    text = (
        "佛山市顺德区登革热防控督导通报\n"
        "部分建筑工地未建立登革热灭蚊周记工作制度。部分物业小区无定期开展病媒生物防制专项行动。\n"
        "全区开展无烟医院创建行动。各镇街开展爱国卫生专项行动。\n"
    )
    x = extract_document("notice.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "登革热灭蚊周记工作制度") == set()
    assert _doers_of(x, "IMPLEMENTS", "病媒生物防制专项行动") == set()
    # 无 inside a program's own name (无烟…) is no negation.
    assert _doers_of(x, "IMPLEMENTS", "无烟医院创建行动") == {"region:440606"}
    assert _doers_of(x, "IMPLEMENTS", "爱国卫生专项行动") == {"region:440606"}


def test_a_people_s_government_reports_its_place_s_figures() -> None:
    text = (
        "海南省新闻发布会实录\n"
        "三亚市人民政府副秘书长吉立新：\n"
        "目前我们已完成15例公共政策的健康影响评估。\n"
        "海南省卫生健康委员会副主任、新闻发言人王立新：\n"
        "我们已开通4条心理援助热线。\n"
    )
    x = extract_document("press.txt", text)
    committers = {e.source for e in x.edges if e.type == "SETS_TARGET"}
    assert "region:460200" in committers and "org:三亚市人民政府" not in committers
    # Any other body reports its own figures.
    assert "org:海南省卫生健康委员会" in committers


def test_a_national_authority_s_words_are_nobody_s_work_here() -> None:
    text = (
        "贵州省健康教育工作综述\n"
        "全省推进健康促进县建设。\n"
        "党的二十大报告提出，要推进健康中国建设。\n"
        "紧扣国家健康城市建设要求，全省实施健康乡村行动。\n"
    )
    x = extract_document("article.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "健康中国建设") == set()
    # A national requirement the place answers to is still the place's own work.
    assert _doers_of(x, "IMPLEMENTS", "健康乡村行动") == {"region:520000"}


def test_a_place_inside_an_adopted_model_s_name_is_not_its_doer() -> None:
    text = "湖南省株洲市卫生健康工作要点\n全市推广三明医改经验。支持醴陵市医改经验总结工程。\n"
    x = extract_document("plan.txt", text)
    assert "region:350400" not in _doers_of(x, "IMPLEMENTS", "三明医改经验")
    assert "region:430281" in _doers_of(x, "IMPLEMENTS", "醴陵市医改经验总结工程")


def test_a_place_inside_a_school_s_name_is_not_a_doer_beside_it() -> None:
    text = "贵州省健康教育工作综述\n遵义市播州区第一小学启动健康学校创建行动。\n"
    x = extract_document("article.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "健康学校创建行动") == {"org:遵义市播州区第一小学"}


def test_a_quote_no_official_speaks_credits_no_issuer() -> None:
    text = (
        "贵州省健康教育工作综述\n"
        "全省开展健康乡村行动。\n"
        "“讲座以后每月办2场就好了。”聆听讲座的张阿姨如是说。\n"
        "“今年全院新建5个胸痛单元。”铜仁市人民医院院长吴立新说。\n"
    )
    x = extract_document("article.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "健康乡村行动") == {"region:520000"}
    committers = {e.source for e in x.edges if e.type == "SETS_TARGET"}
    # The villager's 2场 is no one's; the hospital head's 5个 is the hospital's (and the place's).
    targets = {n.id: n.value for n in x.nodes if n.label == "Target"}
    by_value = {
        targets[e.target]: e.source
        for e in x.edges
        if e.type == "SETS_TARGET" and e.source.startswith("hospital:")
    }
    assert by_value == {5.0: "hospital:铜仁市人民医院"}
    assert not any(targets[e.target] == 2.0 for e in x.edges if e.type == "SETS_TARGET")
    assert "hospital:铜仁市人民医院" in committers


def test_a_population_outcome_in_a_speech_is_the_place_s_alone() -> None:
    text = (
        "海南省新闻发布会实录\n"
        "海南省卫生健康委员会副主任、新闻发言人王立新：\n"
        "近年来，我省婴儿死亡率下降到2.5‰。全省有47家医院设置心理门诊。\n"
    )
    x = extract_document("press.txt", text)
    metric = {n.id: n.metric for n in x.nodes if n.label == "Target"}
    owners = {(e.source, metric[e.target]) for e in x.edges if e.type == "SETS_TARGET"}
    assert ("region:460000", "婴儿死亡率") in owners
    assert ("org:海南省卫生健康委员会", "婴儿死亡率") not in owners
    # A service figure of the speaker's turn is the body's as well.
    assert any(o == "org:海南省卫生健康委员会" and "心理门诊" in m for o, m in owners)


def test_a_question_states_no_one_s_work() -> None:
    text = (
        "海南省新闻发布会实录\n"
        "海南省卫生健康委员会副主任、新闻发言人王立新：\n"
        "我们将全面实施儿童青少年近视防控行动。\n"
        "某某日报记者：\n"
        "我们注意到方案提出健康体重管理行动，请问有哪些举措？\n"
        "王立新：\n"
        "我们将推进健康食堂建设行动。\n"
    )
    x = extract_document("press.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "健康体重管理行动") == set()
    assert _doers_of(x, "IMPLEMENTS", "健康食堂建设行动") == {"org:海南省卫生健康委员会"}


def test_a_heading_names_a_topic_and_states_no_one_s_work() -> None:
    text = (
        "湖南省2024年卫生健康工作要点\n健康乡村行动\n全省推进慢病长处方改革试点。\n推进胸痛中心建设工程。\n"
    )
    x = extract_document("plan.txt", text)
    assert _doers_of(x, "IMPLEMENTS", "健康乡村行动") == set()
    # A short line that ends a sentence states work.
    assert _doers_of(x, "IMPLEMENTS", "胸痛中心建设工程") == {"region:430000"}
