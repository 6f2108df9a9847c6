"""Word documents (python-docx): body paragraphs and tables in document order.

A table row becomes one line, its cells joined by a tab (merged cells once). Headers, footers
and comments are other parts of the package and are not read. The archive is checked before
it is opened: a ZIP whose parts declare more than MAX_INFLATED_BYTES (a zip bomb) is refused,
and Python's zipfile never inflates a part past the size it declares.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from loaders.errors import DocumentError
from loaders.readers.reading import Reading

MAX_INFLATED_BYTES = 100_000_000
MAX_PARTS = 5000
MAX_RATIO = 200  # deflate rarely beats 1:20 on XML; 1:200 over a megabyte is a bomb
RATIO_FLOOR_BYTES = 1_000_000


def check_archive(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(f"{name}: corrupt Word document ({exc})") from exc
    if len(infos) > MAX_PARTS:
        raise DocumentError(f"{name}: the Word document has {len(infos)} parts; refused")
    inflated = sum(info.file_size for info in infos)
    if inflated > MAX_INFLATED_BYTES:
        raise DocumentError(
            f"{name}: the Word document would inflate to {inflated} bytes (limit {MAX_INFLATED_BYTES}); "
            "refused as a possible zip bomb"
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(1, info.compress_size):
            ratio = info.file_size // max(1, info.compress_size)
            raise DocumentError(
                f"{name}: part {info.filename} is compressed 1:{ratio}; refused as a possible zip bomb"
            )


def _row_text(row: Any) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
    return "\t".join(cells).strip()


def read_docx(data: bytes, name: str) -> Reading:
    check_archive(data, name)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(block, document).text.strip())
            elif tag == "tbl":
                lines.extend(_row_text(row) for row in Table(block, document).rows)
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken package
        raise DocumentError(f"{name}: corrupt Word document ({type(exc).__name__}: {exc})") from exc
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise DocumentError(f"{name}: the Word document has no text")
    title = (document.core_properties.title or "").strip() or None
    return Reading(file=name, text=text, format="docx", title=title)
