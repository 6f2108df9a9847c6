"""Printed lines back into paragraphs: the rules on hand-made lines (no PDF needed)."""

from __future__ import annotations

from loaders.readers.pdf_layout import Line, drop_running_lines, join_lines

H = 842.0
LEFT, RIGHT, SIZE = 72.0, 523.0, 12.0


def line(text: str, row: int, page: int = 1, x0: float = LEFT, x1: float = RIGHT, size: float = SIZE) -> Line:
    top = 80.0 + 20.0 * row
    return Line(page, text, x0, x1, top, top + size, size, H)


def body(*lines: Line) -> str:
    return join_lines(list(lines))[0]


def test_a_full_line_joins_the_next_without_a_space_inside_a_chinese_word() -> None:
    text = body(
        line("全面提升基层医疗卫", 0, x0=LEFT + 2 * SIZE),
        line("生服务能力，家庭医生签约", 1),
        line("覆盖率达到60%。", 2, x1=LEFT + 100),
    )
    assert text == "全面提升基层医疗卫生服务能力，家庭医生签约覆盖率达到60%。"


def test_a_short_line_ends_its_paragraph_and_an_indent_starts_one() -> None:
    text = body(
        line("第一段的最后一行。", 0, x1=LEFT + 120),
        line("第二段首行缩进", 1, x0=LEFT + 2 * SIZE),
        line("继续第二段。", 2, x1=LEFT + 80),
    )
    assert text == "第一段的最后一行。\n第二段首行缩进继续第二段。"


def test_a_heading_is_not_fused_into_the_paragraphs_around_it() -> None:
    text = body(
        line("上一段正好写满了整行并以句号结束。", 0),
        line("二、重点任务", 1, x1=LEFT + 80),
        line("（一）推进分级诊疗", 2, x1=LEFT + 110),
        line("正文开始", 3, x0=LEFT + 2 * SIZE),
    )
    assert text.split("\n") == [
        "上一段正好写满了整行并以句号结束。", "二、重点任务", "（一）推进分级诊疗", "正文开始",
    ]  # fmt: skip


def test_a_full_line_then_a_numbered_item_breaks_only_after_a_sentence_end() -> None:
    ended = body(line("前一项写满整行并结束。", 0), line("2.推进家庭医生签约。", 1, x1=LEFT + 90))
    assert ended == "前一项写满整行并结束。\n2.推进家庭医生签约。"
    number = body(line("婴幼儿托位数达到", 0), line("3.58个。", 1, x1=LEFT + 50))
    assert number == "婴幼儿托位数达到3.58个。"  # 3.58 is a number wrapped onto the next line


def test_a_title_in_a_larger_size_stays_its_own_line() -> None:
    title = line("卫生健康工作要点", 0, x0=200, x1=523, size=16)
    text = body(title, line("正文写满了整行", 1), line("结束。", 2, x1=120))
    assert text == "卫生健康工作要点\n正文写满了整行结束。"


def test_latin_words_keep_their_space_across_a_line_break_and_numbers_do_not() -> None:
    assert body(line("推进 Health", 0), line("China 行动。", 1, x1=200)) == "推进 Health China 行动。"
    assert body(line("床位数达到10", 0), line("0张。", 1, x1=100)) == "床位数达到100张。"


def test_page_numbers_and_running_headers_go_and_the_body_and_a_first_page_title_stay() -> None:
    lines = []
    for page in (1, 2, 3):
        lines.append(Line(page, "某市卫生健康委员会文件", LEFT, 300, 30, 40, 9, H))  # running header
        if page == 1:
            lines.append(Line(page, "2024年工作要点", 200, 400, 45, 61, 16, H))  # title near the top
        lines.append(Line(page, f"第{page}页正文写满了整行", LEFT, RIGHT, 100, 112, SIZE, H))
        lines.append(Line(page, "2025", LEFT, 100, 400, 412, SIZE, H))  # a number in the body
        footer = {1: "- 1 -", 2: "第 2 页", 3: "3/3"}[page]
        lines.append(Line(page, footer, 280, 320, 800, 810, 10, H))
    kept = [x.text for x in drop_running_lines(lines)]
    assert kept == [
        "2024年工作要点", "第1页正文写满了整行", "2025",
        "第2页正文写满了整行", "2025", "第3页正文写满了整行", "2025",
    ]  # fmt: skip


def test_each_page_spans_the_characters_it_contributed() -> None:
    text, spans = join_lines([line("第一页写满整行", 0, page=1), line("第二页。", 0, page=2, x1=120)])
    assert text == "第一页写满整行第二页。"
    assert [(s.page, text[s.start : s.end]) for s in spans] == [(1, "第一页写满整行"), (2, "第二页。")]
