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
    """The page as a string: the charset it declares, else the text rules (UTF-8, GB18030, detection)."""
    charset = _declared_charset(data)
    if charset and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass  # a page that lies about its charset: detect it like a text file
    return decode_bytes(data, name)


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
    date = found.date if found.date and ISO_DATE.match(found.date) else None
    return Reading(file=name, text=body, format="html", title=title, date=date)
