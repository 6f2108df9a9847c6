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
