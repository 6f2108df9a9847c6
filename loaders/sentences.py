"""Sentence and clause spans with offsets into the full document text.

A sentence's `clean` text drops whitespace (hard line breaks inside a sentence, spaces
between a title and a name) so patterns see the words as written; `span()` maps a range of
the clean text back to offsets of the original text, so every quote is `text[start:end]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

SENTENCE_END = "。！？；!?;"
CLAUSE_END = "，,、：:"
# A line broken in the middle of a sentence: long, and not ended by punctuation or a heading mark.
LINE_CONTINUES_MIN = 38
NEXT_LINE_CONTINUES_MIN = 20
LINE_FINAL = set(SENTENCE_END + '：:”"）)》】—-…')
SPEAKER_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,4}[：:]")
LIST_MARKER = re.compile(
    r"^\s*(?:[-•·●▪]\s*)?(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])\s*"
)
WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document: `start`/`end` in the document, `clean` without whitespace."""

    start: int
    end: int
    clean: str
    offsets: tuple[int, ...] = field(repr=False)
    line_start: bool = False

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Document offsets of clean[i:j]."""
        if not 0 <= i < j <= len(self.clean):
            raise ValueError(f"clean span {i}:{j} outside sentence of length {len(self.clean)}")
        return self.offsets[i], self.offsets[j - 1] + 1

    def clauses(self) -> tuple[tuple[int, int], ...]:
        """Clean-text ranges of the clauses (see `clause_spans`)."""
        return clause_spans(self.clean)

    def clause_at(self, pos: int) -> tuple[int, int]:
        """The clause holding clean offset `pos` (the whole sentence when none does)."""
        return _clause_holding(self.clean, pos) or (0, len(self.clean))


CLAUSE_SEPARATORS = "，,：:；;。！？!?"
OPENING_MARKS = "“《（(「『"
CLOSING_MARKS = "”》）)」』"


@lru_cache(maxsize=64)
def clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Ranges of `text` split on commas, colons and semicolons outside quotes and brackets
    (“基层全覆盖,模式多元化” stays in one clause) and not between digits (1,200)."""
    out: list[tuple[int, int]] = []
    begin = depth = 0
    for k, ch in enumerate(text):
        if ch in OPENING_MARKS:
            depth += 1
        elif ch in CLOSING_MARKS:
            depth = max(0, depth - 1)
        elif ch in CLAUSE_SEPARATORS and depth == 0:
            if ch == "," and 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit():
                continue
            if k > begin:
                out.append((begin, k))
            begin = k + 1
    if begin < len(text):
        out.append((begin, len(text)))
    return tuple(out)


@lru_cache(maxsize=64)
def _clause_starts(text: str) -> tuple[int, ...]:
    return tuple(a for a, _ in clause_spans(text))


def _clause_holding(text: str, pos: int) -> tuple[int, int] | None:
    # Cached spans and a bisection: recognizers ask once per figure or party, and a long
    # unpunctuated line has thousands of both (rescanning made extraction quadratic).
    k = bisect_right(_clause_starts(text), pos) - 1
    if k < 0:
        return None
    a, b = clause_spans(text)[k]
    return (a, b) if a <= pos < b else None


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding offset `pos` ends."""
    found = _clause_holding(text, pos)
    return found[1] if found else len(text)


def _line_joins_next(line: str, next_line: str) -> bool:
    """A long unpunctuated line followed by another long one is a sentence cut by a hard break;
    a long line followed by a short one is a caption before a heading."""
    stripped = line.rstrip()
    following = next_line.strip()
    return (
        len(stripped) >= LINE_CONTINUES_MIN
        and stripped[-1] not in LINE_FINAL
        and (len(following) >= NEXT_LINE_CONTINUES_MIN or following[-1:] in SENTENCE_END)
        and not LIST_MARKER.match(next_line)
        and not SPEAKER_LABEL.match(following)  # 记者：…, 何某某：… opens a turn of an interview
    )


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Raw (start, end, starts_a_line) pieces split on sentence punctuation and line breaks."""
    pieces: list[tuple[int, int, bool]] = []
    begin = 0
    at_line_start = True
    n = len(text)
    k = 0
    while k < n:
        ch = text[k]
        if ch in SENTENCE_END:
            j = k + 1
            while j < n and text[j] in '”’"）)':
                j += 1
            pieces.append((begin, j, at_line_start))
            begin, at_line_start, k = j, False, j
            continue
        if ch == "\n":
            line_begin = text.rfind("\n", 0, k) + 1
            nxt = k
            while nxt < n and text[nxt] in "\r\n \t\u3000":
                nxt += 1
            next_line = text[nxt : text.find("\n", nxt) if text.find("\n", nxt) != -1 else n]
            if nxt < n and _line_joins_next(text[line_begin:k], next_line):
                k = nxt
                continue
            pieces.append((begin, k, at_line_start))
            begin, at_line_start, k = k + 1, True, k + 1
            continue
        k += 1
    if begin < n:
        pieces.append((begin, n, at_line_start))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; list markers (1. （一） 一、) and outer whitespace are left out."""
    out: list[Sentence] = []
    for begin, end, line_start in _segments(text):
        piece = text[begin:end]
        marker = LIST_MARKER.match(piece) if line_start else None
        skip = marker.end() if marker else 0
        if WHITESPACE.search(piece, skip) is None:  # most pieces: every character is kept
            if skip >= len(piece):
                continue
            offsets = tuple(range(begin + skip, end))
            clean = piece[skip:]
        else:
            chars = [(begin + i, c) for i, c in enumerate(piece) if i >= skip and not WHITESPACE.match(c)]
            if not chars:
                continue
            offsets = tuple(i for i, _ in chars)
            clean = "".join(c for _, c in chars)
        out.append(
            Sentence(
                start=offsets[0], end=offsets[-1] + 1, clean=clean, offsets=offsets, line_start=line_start
            )
        )
    return out
