"""A PDF's compressed streams measured before pdfminer inflates them: pdfminer inflates a stream
whole, so one small Flate stream that inflates to gigabytes (a PDF bomb) would take the memory.

Each direct stream is inflated in chunks and only counted; streams inside object streams are
counted with their container (which is itself a direct stream).
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from loaders.errors import DocumentError

MAX_STREAM_BYTES = 200_000_000  # one inflated stream: far above any page's content or image
MAX_TOTAL_BYTES = 2_000_000_000
CHUNK = 1 << 20


def _inflated_size(data: bytes, budget: int) -> int:
    """Bytes `data` inflates to, counting at most `budget` + one chunk; -1 if it is not zlib data."""
    inflater = zlib.decompressobj()
    size, pending = 0, data
    try:
        while pending and not inflater.eof:
            size += len(inflater.decompress(pending, CHUNK))
            if size > budget:
                return size
            pending = inflater.unconsumed_tail
    except zlib.error:
        return -1 if size == 0 else size
    return size


def _is_flate(stream: Any) -> bool:
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE

    filters = stream.get_filters()
    return bool(filters) and filters[0][0] in LITERALS_FLATE_DECODE


def check_streams(data: bytes, name: str) -> None:
    """Raise DocumentError if a stream would inflate past the limits. Encryption errors pass
    through for the caller to report."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    total = 0
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                in_object_stream = xref.get_pos(objid)[0] is not None
                if in_object_stream:
                    continue
                obj = document.getobj(objid)
            except Exception:  # a broken object: pdfminer itself decides later whether that matters
                continue
            if not isinstance(obj, PDFStream) or obj.rawdata is None or not _is_flate(obj):
                continue
            raw = obj.rawdata
            if obj.decipher is not None and obj.objid is not None and obj.genno is not None:
                raw = obj.decipher(obj.objid, obj.genno, raw, obj.attrs)
            size = _inflated_size(raw, MAX_STREAM_BYTES)
            if size > MAX_STREAM_BYTES:
                raise DocumentError(
                    f"{name}: a stream of {len(raw)} bytes inflates past {MAX_STREAM_BYTES} bytes; "
                    "refused as a possible PDF bomb"
                )
            total += max(size, 0)
            if total > MAX_TOTAL_BYTES:
                raise DocumentError(f"{name}: the PDF inflates past {MAX_TOTAL_BYTES} bytes; refused")
