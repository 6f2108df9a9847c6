"""One reader per document format behind one interface: bytes in, a `Reading` out.

The format is sniffed from the content (`sniff.detect_format`); a name that claims another
format is refused. Every reader returns the text that offsets and quotes index, plus the title,
date and page spans the file states. Bad input raises `loaders.errors.DocumentError`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from loaders.decode import decode_bytes
from loaders.errors import DocumentError
from loaders.readers.reading import PageSpan, Reading
from loaders.readers.sniff import SUFFIX_FORMATS, detect_format

__all__ = ["PageSpan", "Reading", "SUPPORTED_SUFFIXES", "read_bytes", "read_path"]

SUPPORTED_SUFFIXES = tuple(SUFFIX_FORMATS)
MAX_FILE_BYTES = 100_000_000  # larger files are refused before they are read into memory


def _read_txt(data: bytes, name: str) -> Reading:
    return Reading(file=name, text=decode_bytes(data, name), format="txt")


def _read_html(data: bytes, name: str) -> Reading:
    from loaders.readers.html import read_html

    return read_html(data, name)


def _read_pdf(data: bytes, name: str) -> Reading:
    from loaders.readers.pdf import read_pdf

    return read_pdf(data, name)


def _read_docx(data: bytes, name: str) -> Reading:
    from loaders.readers.docx import read_docx

    return read_docx(data, name)


READERS: dict[str, Callable[[bytes, str], Reading]] = {
    "txt": _read_txt,
    "html": _read_html,
    "pdf": _read_pdf,
    "docx": _read_docx,
}


def read_bytes(data: bytes, name: str) -> Reading:
    """Read the content `data` of a file called `name`."""
    if not data.strip():
        raise DocumentError(f"{name}: empty document")
    return READERS[detect_format(data, name)](data, name)


def read_path(path: Path) -> Reading:
    path = Path(path)
    if not path.is_file():
        raise DocumentError(f"{path}: no such file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(f"{path.name}: {size} bytes; documents are limited to {MAX_FILE_BYTES}")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    return read_bytes(data, path.name)
