"""Reading document files into text whose offsets every evidence span refers to.

The returned text is the decoded file with one change only: a leading byte-order mark is
dropped before offsets are counted, so offset 0 is the first real character. Newlines and
everything else are kept as they are, so `text[start:end]` is what a reader sees in the file.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from loaders.errors import DocumentError

# Chinese encodings tried strictly after UTF-8; GB18030 is a superset of GBK and GB2312.
FALLBACK_ENCODINGS = ("gb18030",)
BOM = "\ufeff"
MAX_CONTROL_SHARE = 0.01


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def decode_bytes(data: bytes, name: str) -> str:
    """Decode `data` (the content of file `name`) or raise DocumentError naming the file."""
    if not data.strip():
        raise DocumentError(f"{name}: empty document")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = data.decode("utf-16")
    elif _looks_binary(data):
        raise DocumentError(f"{name}: binary content, not a text document")
    else:
        text = _decode_text(data, name)
    text = text.removeprefix(BOM)
    if not text.strip():
        raise DocumentError(f"{name}: empty document")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise DocumentError(f"{name}: binary content, not a text document")
    return text


def _control_share(text: str) -> float:
    """Share of control characters other than line breaks and tabs: text has almost none."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls / max(1, len(sample))


def _decode_text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: cannot detect the text encoding")
    return str(best)


def read_document(path: Path) -> tuple[str, str]:
    """Return (file name, read text) of a document in any supported format (see loaders.readers)."""
    from loaders.readers import read_path  # the readers build on decode_bytes above

    reading = read_path(Path(path))
    return reading.file, reading.text


def iter_document_paths(paths: list[Path]) -> list[Path]:
    """Expand folders into their documents of a supported type (sorted); a missing path is an error."""
    from loaders.readers import SUPPORTED_SUFFIXES

    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise DocumentError(f"{path}: no such file or folder")
    return found
