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
