from loaders.document_meta import date_of, relative_level, title_of, year_of


def test_title_is_the_first_short_line() -> None:
    assert title_of("\n\n编者按\n某市卫生健康工作会议召开\n正文很长") == "某市卫生健康工作会议召开"


def test_date_from_month_day_and_the_year_beside_it() -> None:
    text = "3月8日，2025年全县卫生健康工作会议召开。"
    assert year_of(text) == 2025
    assert date_of(text, 2025) == "2025-03-08"


def test_full_date_and_year_only() -> None:
    assert date_of("2024年1月9日，会议召开。", 2024) == "2024-01-09"
    assert date_of("2024年工作要点", 2024) == "2024"
    assert date_of("没有日期", None) is None


def test_relative_level_prefers_the_most_specific() -> None:
    assert relative_level("全市……我区……全区……全省") == "区"
    assert relative_level("全省卫生健康系统……我省") == "省"
    assert relative_level("没有相对说法") is None


def test_year_and_month_only() -> None:
    assert date_of("2023年5月，某县召开会议。", 2023) == "2023-05"


def test_a_text_naming_places_in_passing_has_no_own_region() -> None:
    from collections import Counter

    from loaders.document_meta import own_region

    assert own_region(Counter({"350400": 1, "360100": 1}), Counter(), "推广三明经验，学习南昌做法") is None
    assert own_region(Counter({"430200": 4}), Counter({"430200": 1}), "株洲卫健工作").name == "株洲市"


def test_the_headline_year_names_the_year_reported_on() -> None:
    text = "某县2023年卫生健康工作总结\n2023年成效显著。2024年将继续努力，2024年力争更好。"
    assert year_of(text) == 2023


def test_a_stray_county_word_does_not_make_a_provincial_report_a_countys() -> None:
    provincial = "全省卫生健康系统……全省人均预期寿命……全省建成……某县人民医院院长介绍，全县18个乡镇。我省"
    assert relative_level(provincial) == "省"
    city_plan = "全市孕产妇死亡率……全市建成社区医院……各区（市）县政府配合"
    assert relative_level(city_plan) == "市"
    county = "我县深入推进……全县家庭医生……我县力争……全市第一"
    assert relative_level(county) == "县"


def test_an_autonomous_prefecture_speaks_of_itself_as_the_zhou() -> None:
    assert relative_level("全州卫生健康系统……全州孕产妇死亡率……全省") == "州"
    assert relative_level("全州县人民医院") is None or relative_level("全州县人民医院") != "州"


def test_each_addressee_s_own_place_names_no_level_of_the_document() -> None:
    from loaders.document_meta import relative_level

    notice = "我市实施分区域强化监测。各区、各镇街根据本区、本镇街实际情况自行核算经费。"
    assert relative_level(notice) == "市"
    district = "本区卫生健康工作稳步推进。我市下达的任务全部完成。"
    assert relative_level(district) == "区"
