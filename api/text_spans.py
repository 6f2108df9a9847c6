"""Matches inside a document's text and the sentence around each, as offsets into that text."""

from __future__ import annotations

SENTENCE_ENDS = frozenset("。！？；!?;\n")


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of every non-overlapping occurrence of `needle`."""
    starts: list[int] = []
    at = text.find(needle)
    while needle and at >= 0:
        starts.append(at)
        at = text.find(needle, at + len(needle))
    return starts


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding text[start:end]: after the previous sentence end up to and
    including the next one, surrounding whitespace trimmed."""
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    right = end
    while right < len(text) and text[right - 1 : right] not in SENTENCE_ENDS:
        right += 1
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right
