"""Printed lines back into paragraphs: running headers, footers and page numbers dropped, lines
that the layout wrapped joined again, headings kept on lines of their own.

Works on `Line`s (text plus position and font size, per page) so the rules can be tested without
a PDF. Chinese has no spaces between words, so a wrapped line joins the next with nothing between
them (a space only between two Latin letters); a line that ends short of the text column, a line
that starts indented, a change of font size or a wide gap ends a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from loaders.readers.reading import PageSpan

PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·•|]*(?:第\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})\s*(?:页)?"
    r"(?:\s*(?:[/／]|of|共)\s*\d{1,4}\s*页?)?[\s\-—–－_·•|]*$",
    re.I,
)
MARGIN_SHARE = 0.1  # running headers and footers live in the top and bottom tenth of the page
REPEAT_SHARE = 0.5  # a margin line on at least half the pages is a running header or footer
HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.、．](?!\d)|"
    r"[（(]\d{1,2}[)）]|第[一二三四五六七八九十百]+[章节条部分])"
)
SENTENCE_END = "。！？；：!?;:”」』"
LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Line:
    page: int  # 1-based
    text: str
    x0: float
    x1: float
    top: float  # distance from the page's top edge to the line's top
    bottom: float
    size: float  # the font size most of its characters use
    page_height: float


def _in_margin(line: Line) -> bool:
    zone = MARGIN_SHARE * line.page_height
    return line.bottom <= zone or line.top >= line.page_height - zone


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_running_lines(lines: list[Line]) -> list[Line]:
    """Lines without page numbers and without headers/footers repeated across pages."""
    pages = {line.page for line in lines}
    repeated: Counter[str] = Counter()
    for key, _page in {(_margin_key(line.text), line.page) for line in lines if _in_margin(line)}:
        repeated[key] += 1
    needed = max(2, REPEAT_SHARE * len(pages))
    kept = []
    for line in lines:
        if _in_margin(line) and (
            PAGE_NUMBER.match(line.text) or (len(pages) > 1 and repeated[_margin_key(line.text)] >= needed)
        ):
            continue
        kept.append(line)
    return kept


@dataclass
class _Column:
    left: float
    right: float
    size: float


def _column(lines: list[Line]) -> _Column:
    size = median(line.size for line in lines)
    lefts = Counter(round(line.x0) for line in lines)
    left = float(lefts.most_common(1)[0][0])
    rights = sorted(line.x1 for line in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    return _Column(left=left, right=right, size=size)


def _ends_paragraph(prev: Line, line: Line, column: _Column) -> bool:
    size = max(prev.size, line.size)
    if abs(prev.size - line.size) > 0.15 * size:
        return True  # a heading set in another size
    if prev.x1 < column.right - 1.5 * size:
        return True  # the line stopped short of the column: the paragraph ended there
    if line.x0 > column.left + 0.8 * size:
        return True  # first-line indent
    if prev.page == line.page and line.top - prev.bottom > 1.2 * size:
        return True  # a blank line's gap
    stripped = prev.text.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END and bool(HEADING_START.match(line.text))


def _glue(before: str, after: str) -> str:
    if before and after and LATIN.match(before[-1]) and LATIN.match(after[0]):
        return " "
    return ""


def join_lines(lines: list[Line]) -> tuple[str, tuple[PageSpan, ...]]:
    """The text of `lines` (in reading order) with paragraphs on lines of their own, and the
    span of text each page contributed."""
    if not lines:
        return "", ()
    column = _column(lines)
    parts: list[str] = []
    spans: list[PageSpan] = []
    length = 0
    page_start = 0
    for i, line in enumerate(lines):
        text = line.text.strip()
        if i:
            prev = lines[i - 1]
            sep = "\n" if _ends_paragraph(prev, line, column) else _glue(parts[-1], text)
            if line.page != prev.page:
                spans.append(PageSpan(prev.page, page_start, length))
                page_start = length
            parts.append(sep)
            length += len(sep)
        parts.append(text)
        length += len(text)
    spans.append(PageSpan(lines[-1].page, page_start, length))
    return "".join(parts), tuple(spans)
