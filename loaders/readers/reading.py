"""What a reader returns: the text every offset refers to, plus what the file said about itself."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSpan:
    """Characters `start`..`end` of the read text came from page `page` (1-based)."""

    page: int
    start: int
    end: int


@dataclass(frozen=True)
class Reading:
    """One document as read: `text` is what offsets and quotes index; `title`/`date` are the ones the
    file states outside its text (an HTML page's headline and publication date), else None."""

    file: str
    text: str
    format: str  # txt | html | pdf | docx
    title: str | None = None
    date: str | None = None
    pages: tuple[PageSpan, ...] = field(default=())
    page_count: int | None = None  # pages in the file, text or not

    def page_at(self, offset: int) -> int | None:
        """The page the character at `offset` was printed on; None for formats without pages."""
        if not self.pages:
            return None
        starts = [span.start for span in self.pages]
        index = max(0, bisect_right(starts, offset) - 1)
        return self.pages[index].page
