from loaders.sentences import split_sentences
from loaders.targets import TargetExtractor, section_kind


def _find(text: str, kind: str = "goal", year: int | None = 2024):
    s = split_sentences(text)[0]
    return [
        (m.metric, m.value, m.unit, m.comparator)
        for m in TargetExtractor().find(s.clean, s.clauses(), kind, year)
    ]


def test_rate_with_comparator_verb() -> None:
    assert _find("全县高血压患者规范管理率达到65%以上。") == [("高血压患者规范管理率", 65.0, "%", ">=")]


def test_rate_per_hundred_thousand_and_ceiling() -> None:
    assert _find("孕产妇死亡率控制在9.5/10万以下。") == [("孕产妇死亡率", 9.5, "/10万", "<=")]


def test_respective_values_take_their_own_metric() -> None:
    assert _find("新生儿和婴儿死亡率分别控制在3‰和4‰以下。") == [
        ("新生儿死亡率", 3.0, "‰", "<="),
        ("婴儿死亡率", 4.0, "‰", "<="),
    ]


def test_one_value_for_each_metric() -> None:
    found = _find("老年人和儿童健康管理率均达到85%。")
    assert [f[0] for f in found] == ["老年人健康管理率", "儿童健康管理率"]


def test_ages_and_dates_are_not_figures() -> None:
    assert _find("为70岁以上老年人提供上门服务，3月5日启动。") == []


def test_counted_nouns_after_the_figure() -> None:
    assert _find("新建12家社区卫生服务中心。") == [("社区卫生服务中心", 12.0, "家", "=")]


def test_ten_thousands_stay_in_the_unit() -> None:
    assert _find("累计接种疫苗35.6万剂次。") == [("接种疫苗", 35.6, "万剂次", "=")]


def test_chinese_numerals_with_a_classifier() -> None:
    assert _find("建成三所区域医疗中心。")[0][1:3] == (3.0, "所")


def test_more_than_marks_at_least() -> None:
    assert _find("培养基层医生300余名。")[0][1:] == (300.0, "名", ">=")


def test_section_kind_follows_review_and_plan_openers() -> None:
    assert section_kind("近年来，全市医疗资源持续扩容。", "goal", 2024) == "achieved"
    assert section_kind("今后，我们将继续努力。", "achieved", 2024) == "goal"
    assert section_kind("2022年，全市完成改造。", "goal", 2024) == "achieved"
    assert section_kind("加强队伍建设。", "goal", 2024) == "goal"


def test_kind_cues_in_the_sentence() -> None:
    s = split_sentences("力争全县家庭医生签约率达到75%。")[0]
    assert TargetExtractor().find(s.clean, s.clauses(), "achieved", 2024)[0].kind == "goal"
    s = split_sentences("全县家庭医生签约率已达到75%。")[0]
    assert TargetExtractor().find(s.clean, s.clauses(), "goal", 2024)[0].kind == "achieved"


def test_percentage_point_change_refers_to_the_figure_before() -> None:
    found = _find("全县门诊预约率达到62%，较上年提高4.5个百分点。", "achieved")
    assert found == [("门诊预约率", 62.0, "%", "="), ("门诊预约率提高", 4.5, "个百分点", "=")]


def test_year_on_year_growth_refers_to_the_figure_before() -> None:
    found = _find("每千人口床位数6.8张，较上年增长3%。", "achieved")
    assert found[1] == ("每千人口床位数提高", 3.0, "%", "=")


def test_respective_rates_of_two_patient_groups() -> None:
    found = _find("高血压、糖尿病患者规范管理率分别达到70%和65%。", "achieved")
    assert [f[0] for f in found] == ["高血压患者规范管理率", "糖尿病患者规范管理率"]


def test_a_change_names_its_own_metric_when_it_has_one() -> None:
    found = _find("婴儿死亡率降至4‰，人均预期寿命较上年提高0.3岁。", "achieved")
    assert found[1][:2] == ("人均预期寿命提高", 0.3)


def test_change_verbs_in_a_plan_are_goals() -> None:
    s = split_sentences("全县孕产妇死亡率降至8/10万以下，床位数增至2000张。")[0]
    kinds = [m.kind for m in TargetExtractor().find(s.clean, s.clauses(), "goal", 2024)]
    assert kinds == ["goal", "goal"]
    s = split_sentences("2022年全县床位数增至1800张。")[0]
    assert TargetExtractor().find(s.clean, s.clauses(), "goal", 2024)[0].kind == "achieved"


def test_not_higher_than_is_a_ceiling_and_stays_out_of_the_metric() -> None:
    assert _find("到2027年，5岁以下儿童死亡率不高于4.5‰。") == [("5岁以下儿童死亡率", 4.5, "‰", "<=")]
    assert _find("到2027年，住院分娩率高于99%。") == [("住院分娩率", 99.0, "%", ">=")]


def test_the_prefecture_speaking_of_itself_is_not_part_of_the_metric() -> None:
    assert _find("全州孕产妇死亡率为11.6/10万。") == [("孕产妇死亡率", 11.6, "/10万", "=")]


def test_a_cue_inside_a_quoted_name_does_not_set_the_tense() -> None:
    s = split_sentences("实施“基层名医培养计划”，培养乡村医生800人。")[0]
    assert [m.kind for m in TargetExtractor().find(s.clean, s.clauses(), "achieved", 2023)] == ["achieved"]
    s = split_sentences("计划培养乡村医生800人。")[0]
    assert [m.kind for m in TargetExtractor().find(s.clean, s.clauses(), "achieved", 2023)] == ["goal"]


def test_a_place_opening_the_metric_is_the_committer_not_the_measure() -> None:
    assert _find("龙岗区每千人口床位数达到3.2张。") == [("每千人口床位数", 3.2, "张", "=")]
    # A word ending in 区 that is no place stays in the metric.
    assert _find("社区卫生服务中心达标率达到100%。") == [("社区卫生服务中心达标率", 100.0, "%", "=")]


def test_a_goal_cue_before_the_verb_is_not_part_of_the_metric() -> None:
    assert _find("到2026年，县域内就诊率力争达到90%以上。") == [("县域内就诊率", 90.0, "%", ">=")]


def test_people_sent_somewhere_are_counted_before_the_figure() -> None:
    found = _find("全年下派医务人员300名到乡镇卫生院坐诊。", "achieved")
    assert [f[0] for f in found] != ["乡镇卫生院"] and found[0][1:3] == (300.0, "名")
    assert _find("新增社区医院5家。") == [("社区医院", 5.0, "家", "=")]


def test_a_review_opened_by_a_lead_in_reports_results() -> None:
    assert section_kind("会议指出，2023年全市卫生健康工作成效显著。", "goal", 2024) == "achieved"
    assert section_kind("会议要求，各地要抓好落实。", "goal", 2024) == "goal"


def test_measure_words_beyond_the_closed_list() -> None:
    # Time spans and counted events (a press transcript, a feature, a plan).
    assert _find("全年举办健康讲座120余场。", "achieved") == [("健康讲座", 120.0, "场", ">=")]
    assert _find("已播出健康微课堂26期。", "achieved") == [("健康微课堂", 26.0, "期", "=")]
    assert _find("护士须在40秒内完成除颤准备。")[0][:3] == ("完成除颤准备用时", 40.0, "秒")
    # Near misses: a distance sets the scene; a measure word opening a longer word is that word.
    assert _find("该村距县城35公里。", "achieved") == []
    assert _find("联合3部门开展督查。") == []


def test_the_counted_noun_with_what_it_does() -> None:
    found = _find("全市有21家医院开设戒烟门诊，9家医院开设睡眠门诊。", "achieved")
    assert [(f[0], f[1]) for f in found] == [("医院开设戒烟门诊", 21.0), ("医院开设睡眠门诊", 9.0)]
    # Near miss: a noun followed by an adverbial ends at it.
    assert _find("8台救护车平均每天出车30次。", "achieved")[0][:2] == ("救护车", 8.0)


def test_story_numbers_are_not_figures() -> None:
    assert _find("一名透析患者来到卫生院。", "achieved") == []
    assert _find("感谢3位嘉宾的介绍。", "achieved") == []
    # Near miss: a count in 名 with a comparator stays a figure.
    assert _find("培养全科医生不少于300名。")[0][1:] == (300.0, "名", ">=")


def test_figures_in_quoted_speech_count_quoted_names_do_not() -> None:
    said = _find("“目前全区216个村卫生室已经全部接入医保结算，覆盖了全部行政村。”", "achieved")
    assert [(f[0], f[1]) for f in said] == [("村卫生室", 216.0)]
    assert _find("实施“三个100”计划。") == []


def test_change_from_one_value_to_another() -> None:
    found = _find("新生儿和婴儿死亡率分别从2019年的3.1‰和4.6‰下降至2023年的2.2‰和3.5‰。", "achieved")
    assert [(f[0], f[1]) for f in found] == [
        ("新生儿死亡率", 3.1),
        ("婴儿死亡率", 4.6),
        ("新生儿死亡率", 2.2),
        ("婴儿死亡率", 3.5),
    ]
    single = _find("县域内就诊率由82%提升到91%。", "achieved")
    assert [(f[0], f[1]) for f in single] == [("县域内就诊率", 82.0), ("县域内就诊率", 91.0)]


def test_two_figures_side_by_side_count_one_thing() -> None:
    found = _find("全年印发折页、海报等各类宣传材料12种86万份。", "achieved")
    assert [(f[0], f[1], f[2]) for f in found] == [("宣传材料", 12.0, "种"), ("宣传材料", 86.0, "万份")]


def test_a_change_may_continue_after_a_comma() -> None:
    found = _find("门诊和住院次均费用分别从2021年的300元和9000元，下降至2023年的280元和8500元。", "achieved")
    assert [(f[0], f[1]) for f in found] == [
        ("门诊次均费用", 300.0),
        ("住院次均费用", 9000.0),
        ("门诊次均费用", 280.0),
        ("住院次均费用", 8500.0),
    ] or [f[1] for f in found] == [300.0, 9000.0, 280.0, 8500.0]


def test_a_plans_own_parts_are_not_figures() -> None:
    assert _find("方案可概括为3套体系、2个机制。") == []
    assert _find("主要从以下4个方面开展了工作。", "achieved") == []
    # Near miss: counted programs of health work stay figures.
    assert _find("建成4个区域医疗中心。", "achieved")[0][:2] == ("区域医疗中心", 4.0)


def test_months_are_a_span_not_a_date() -> None:
    assert _find("专家连续6个月驻点带教。", "achieved")[0][1:3] == (6.0, "个月")


def test_quoted_speech_splits_into_its_own_clauses() -> None:
    said = "他说：“近年来，全县住院率从2021年的12%降至2023年的9%，县域内就诊率稳定在90%以上。”"
    found = _find(said, "achieved")
    assert [(f[0], f[1]) for f in found] == [("住院率", 12.0), ("住院率", 9.0), ("县域内就诊率", 90.0)]


def test_less_than_and_a_named_period() -> None:
    assert _find("救护车到达现场不到15分钟。", "achieved")[0][1:] == (15.0, "分钟", "<=")
    # Near miss: 前3个月 names a period.
    assert _find("这是今年前3个月的报表。", "achieved") == []


def test_a_persons_age_is_a_story_number() -> None:
    assert _find("患者性别女，年龄48岁，长期在外地工作。", "achieved") == []
    # Near miss: life expectancy in years is a figure.
    assert _find("人均预期寿命达到79.5岁。")[0][:3] == ("人均预期寿命", 79.5, "岁")


def test_shares_in_words() -> None:
    assert _find("全县实现村卫生室医保联网全覆盖。", "achieved") == [("村卫生室医保联网", 100.0, "%", "=")]
    assert _find("九成以上的患者在县域内就诊。", "achieved")[0][1:] == (90.0, "%", ">=")
    assert _find("三分之一的乡镇卫生院建成胸痛救治单元。", "achieved")[0][1:3] == (33.3, "%")
    # Near misses: 成员, 成效 are words; a figure with its own % is not counted twice.
    assert _find("医共体成员单位增加。", "achieved") == []
    assert [f[1] for f in _find("签约覆盖率达到100%全覆盖。", "achieved")] == [100.0]


def test_an_enumerator_is_no_metric_and_at_least_reaches_over_a_verb() -> None:
    assert _find("二是实现乡镇卫生院中医馆全覆盖。")[0][0] == "乡镇卫生院中医馆"
    assert _find("每县至少建成1家县级医院胸痛中心。")[0][1:] == (1.0, "家", ">=")


def test_a_leading_verb_of_carrying_out_is_not_part_of_the_metric() -> None:
    assert _find("落实中小学生每天体育活动时间不低于1小时。")[0][0] == "中小学生每天体育活动时间"
    # Near miss: a metric that names an action keeps it (开展率 is no leading verb).
    assert _find("家庭医生签约服务开展率达到80%。")[0][0] == "家庭医生签约服务开展率"
