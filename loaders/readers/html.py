"""Web pages: the article's text without navigation, share buttons and footers (trafilatura).

The read text is the article body alone; the page's headline and publication date are kept as
the document's title and date (a headline line added to the text would shift what the
extraction reads as the document's opening).
"""

from __future__ import annotations

import codecs
import re

from loaders.decode import decode_bytes
from loaders.errors import DocumentError
from loaders.readers.reading import Reading

META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
# GB2312 and GBK pages often use characters only their superset GB18030 names correctly.
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
HEAD = re.compile(r"<head\b.*?</head>", re.I | re.S)
TAG = re.compile(r"<[^>]+>")
LABELLED_DATE = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|印发日期|发稿时间)\s*[:：]\s*"
    r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
MIN_TEXT_CHARS = 20


def _declared_charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, name: str) -> str:
    """The page as a string. Valid UTF-8 is UTF-8 whatever the page declares (sites often keep a
    stale gb2312 declaration after moving to UTF-8); otherwise the declared charset, otherwise
    the text rules (GB18030, detection)."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        charset = _declared_charset(data)
        if charset:
            try:
                return data.decode(charset)
            except UnicodeDecodeError:
                pass  # a page that lies about its charset: detect it like a text file
    return decode_bytes(data, name)


def published_date(page: str) -> str | None:
    """The date the page states it was published: its <head> metadata (PubDate,
    article:published_time, JSON-LD…), else a labelled date (发布时间：2023-03-15) in the page.
    Dates elsewhere in the page (lists of related articles) are not taken for it."""
    from htmldate import find_date

    head = HEAD.search(page)
    if head:
        found = find_date(f"<html>{head.group(0)}<body></body></html>", extensive_search=False)
        if found and ISO_DATE.match(found):
            return found
    labelled = LABELLED_DATE.search(TAG.sub(" ", page))
    if labelled:
        year, month, day = (int(part) for part in labelled.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def read_html(data: bytes, name: str) -> Reading:
    import trafilatura  # imported on first use: it pulls in lxml and friends

    page = decode_html(data, name)
    try:
        found = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            favor_recall=True,
        )
    except Exception as exc:  # the library's parse errors have no common base: all mean "unreadable"
        raise DocumentError(f"{name}: the HTML page cannot be parsed ({type(exc).__name__})") from exc
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(body) < MIN_TEXT_CHARS:
        raise DocumentError(f"{name}: the HTML page has no article text")
    title = (found.title or "").strip() or None
    date = published_date(page)
    return Reading(file=name, text=body, format="html", title=title, date=date)
