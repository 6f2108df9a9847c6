"""PDFs with a text layer (pdfminer.six): each printed line with its page, position and font size,
then `pdf_layout` turns the lines back into paragraphs and keeps each character's page."""

from __future__ import annotations

import io
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from statistics import median
from typing import Any

from loaders.errors import DocumentError
from loaders.readers.pdf_guard import check_streams
from loaders.readers.pdf_layout import Line, drop_running_lines, join_lines
from loaders.readers.reading import Reading

MAX_PAGES = 2000
MAX_SECONDS = 120.0  # a pathological file stops between two pages, not after hours
FOOTNOTE_SHARE = 0.7  # a digit set this much smaller than its line is a footnote mark
FOOTNOTE_MARKS = set("0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*")
MIN_TEXT_CHARS = 1
UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")  # pdfminer's text for a glyph its font does not map
WORD_GAP_SHARE = 0.3  # a gap this much (of a usual character's width) over the usual gap is a space


def _inferred_space_kept(gap: float, usual_gap: float, usual_width: float) -> bool:
    """pdfminer infers a space wherever two characters stand apart; in letter-spaced (justified)
    Chinese every pair does. Only a gap wider than the line's usual spacing is a word space."""
    return gap - usual_gap > WORD_GAP_SHARE * usual_width


def _line(layout_line: Any, page: int, page_height: float) -> Line | None:
    from pdfminer.layout import LTChar

    items = list(layout_line)
    chars = [item for item in items if isinstance(item, LTChar)]
    if not chars:
        return None
    size = Counter(round(ch.size, 1) for ch in chars).most_common(1)[0][0]
    gaps = [b.x0 - a.x1 for a, b in zip(chars, chars[1:], strict=False)]
    usual_gap = median(gaps) if gaps else 0.0
    usual_width = median(ch.width for ch in chars)
    pieces = []
    previous: Any = None
    for index, item in enumerate(items):
        piece = item.get_text()
        if isinstance(item, LTChar):
            if item.size < FOOTNOTE_SHARE * size and piece in FOOTNOTE_MARKS:
                continue
            previous = item
        elif piece == " ":  # an inferred space (LTAnno) between `previous` and the next character
            following = next((x for x in items[index + 1 :] if isinstance(x, LTChar)), None)
            if previous is None or following is None:
                continue
            if not _inferred_space_kept(following.x0 - previous.x1, usual_gap, usual_width):
                continue
        pieces.append(piece)
    text = "".join(pieces).replace("\n", "").strip()
    if not text:
        return None
    x0, y0, x1, y1 = layout_line.bbox
    return Line(page, text, x0, x1, page_height - y1, page_height - y0, size, page_height)


def _lines(data: bytes, name: str) -> tuple[list[Line], int]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    def walk(item: object) -> Iterator[object]:
        if isinstance(item, LTTextLine):
            yield item
        elif isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
            for child in item:  # type: ignore[attr-defined]
                yield from walk(child)

    # Reports are set in one column: reading order is top to bottom (boxes_flow=1.0), so a centred
    # title above an indented heading stays first.
    started = time.monotonic()
    lines: list[Line] = []
    pages = 0
    layout = LAParams(boxes_flow=1.0)
    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=layout), start=1):
        if number > MAX_PAGES:
            raise DocumentError(f"{name}: more than {MAX_PAGES} pages")
        if time.monotonic() - started > MAX_SECONDS:
            raise DocumentError(f"{name}: reading the PDF took over {MAX_SECONDS:.0f} s; stopped")
        pages = number
        height = page.height
        for child in page:
            for layout_line in walk(child):
                line = _line(layout_line, number, height)
                if line is not None:
                    lines.append(line)
    return lines, pages


def read_pdf(data: bytes, name: str) -> Reading:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    try:
        check_streams(data, name)
        lines, pages = _lines(data, name)
    except DocumentError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError(f"{name}: the PDF is encrypted; a password is needed to read it") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise DocumentError(f"{name}: corrupt PDF ({exc})") from exc
    except Exception as exc:  # pdfminer raises plain KeyErrors, TypeErrors… on broken files
        raise DocumentError(f"{name}: corrupt PDF ({type(exc).__name__})") from exc
    if pages == 0:
        raise DocumentError(f"{name}: corrupt PDF (no pages)")
    unmapped = sum(len(UNMAPPED_GLYPH.findall(line.text)) for line in lines)
    lines = [replace(line, text=UNMAPPED_GLYPH.sub("", line.text)) for line in lines]
    lines = [line for line in lines if line.text.strip()]
    readable = sum(len(line.text) for line in lines)
    if unmapped > readable:
        raise DocumentError(
            f"{name}: the PDF's fonts map {unmapped} glyphs to no characters, so its text cannot be read; "
            "OCR is not supported"
        )
    if readable < MIN_TEXT_CHARS:
        raise DocumentError(f"{name}: no text layer; OCR is not supported")
    text, spans = join_lines(drop_running_lines(lines))
    if not text.strip():
        raise DocumentError(f"{name}: no text layer; OCR is not supported")
    return Reading(file=name, text=text, format="pdf", pages=spans, page_count=pages)
