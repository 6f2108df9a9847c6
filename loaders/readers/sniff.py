"""The format of a file from its first bytes, and the format its name claims."""

from __future__ import annotations

import io
import re
import zipfile

from loaders.errors import DocumentError

SUFFIX_FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
FORMAT_NAMES = {
    "txt": "plain text",
    "html": "an HTML page",
    "pdf": "a PDF",
    "docx": "a Word (.docx) document",
    "zip": "a ZIP archive",
    "damaged-zip": "a damaged ZIP archive",
    "ole": "a legacy Office file (.doc/.xls; save it as .docx)",
    "image": "an image (OCR is not supported)",
    "rtf": "an RTF document",
    "binary": "binary data (NUL bytes, not text)",
}
MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"{\\rtf", "rtf"),
)
PDF_MAGIC_WINDOW = 1024  # the PDF header may follow a little junk; readers accept it there
HTML_START = re.compile(rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html)\b", re.I | re.S)
HTML_TAG = re.compile(rb"<(?:head|body|meta|title|div|p|br|article|table|span|h[1-6])\b[^>]*>", re.I)
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def claimed_format(name: str) -> str | None:
    """The format the file name's suffix claims; None when it has no suffix."""
    suffix = "." + name.rsplit(".", 1)[1].lower() if "." in name else ""
    if not suffix:
        return None
    if suffix not in SUFFIX_FORMATS:
        supported = ", ".join(SUFFIX_FORMATS)
        raise DocumentError(f"{name}: unsupported file type {suffix}; healthkg reads {supported}")
    return SUFFIX_FORMATS[suffix]


def sniff(data: bytes, lenient_html: bool = False) -> str:
    """The format the content is: one of txt, html, pdf, docx, zip, ole, image, rtf, binary.

    `lenient_html` accepts a page fragment without <html> (a file that says it is HTML and has tags)."""
    if b"%PDF-" in data[:PDF_MAGIC_WINDOW]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:65536]
    for bom in BOMS:
        head = head.removeprefix(bom)
    if b"\x00" in head and not data.startswith(BOMS[1:]):
        return "binary"
    if HTML_START.match(head) or (lenient_html and HTML_TAG.search(head)):
        return "html"
    return "txt"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "damaged-zip"
    return "docx" if "word/document.xml" in names else "zip"


def detect_format(data: bytes, name: str) -> str:
    """The format to read `data` as; a name that claims another format than the content is an error."""
    claimed = claimed_format(name)
    actual = sniff(data, lenient_html=claimed == "html")
    if claimed is not None and claimed != actual:
        raise DocumentError(
            f"{name}: the name says {FORMAT_NAMES[claimed]} but the content is {FORMAT_NAMES[actual]}"
        )
    if actual not in SUFFIX_FORMATS.values():
        raise DocumentError(f"{name}: the content is {FORMAT_NAMES[actual]}, not a document healthkg reads")
    return actual
