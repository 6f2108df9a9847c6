"""Files that are not what they claim, or cannot be read, get one clear message each."""

from __future__ import annotations

import resource

import pytest

from loaders.errors import DocumentError
from loaders.readers import read_bytes
from loaders.readers.sniff import sniff
from tests.readers.conftest import XINJIAN_2023
from tests.readers.documents import (
    encrypted_pdf,
    pdf_bomb,
    sample_text,
    textless_pdf,
    unmapped_font_pdf,
    zip_bomb_docx,
)


def _refused(data: bytes, name: str) -> str:
    with pytest.raises(DocumentError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    return message


def test_the_format_is_sniffed_from_the_content(built: dict) -> None:
    pdf, _ = built[XINJIAN_2023, "pdf"]
    assert sniff(pdf) == "pdf"
    assert sniff(built[XINJIAN_2023, "docx"]) == "docx"
    assert sniff(built[XINJIAN_2023, "html"]) == "html"
    assert sniff(sample_text(XINJIAN_2023).encode("gb18030")) == "txt"
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "image"
    # a file without a suffix is read as what it is
    assert read_bytes(pdf, "download").format == "pdf"


def test_a_name_that_claims_another_format_is_refused(built: dict) -> None:
    pdf, _ = built[XINJIAN_2023, "pdf"]
    docx = built[XINJIAN_2023, "docx"]
    assert "the name says a PDF but the content is a Word (.docx) document" in _refused(docx, "r.pdf")
    assert "the name says a Word (.docx) document but the content is a PDF" in _refused(pdf, "r.docx")
    assert "the name says plain text but the content is a PDF" in _refused(pdf, "r.txt")
    assert "the name says an HTML page but the content is plain text" in _refused(
        sample_text(XINJIAN_2023).encode(), "r.html"
    )
    assert "image (OCR is not supported)" in _refused(b"\x89PNG\r\n\x1a\n....", "scan.pdf")
    assert "unsupported file type .doc" in _refused(docx, "r.doc")


def test_a_pdf_without_a_text_layer_says_so() -> None:
    assert _refused(textless_pdf(), "scan.pdf") == "scan.pdf: no text layer; OCR is not supported"


def test_an_encrypted_pdf_is_refused() -> None:
    message = _refused(encrypted_pdf(sample_text(XINJIAN_2023)), "locked.pdf")
    assert "encrypted" in message and "password" in message


def test_corrupt_files_are_refused(built: dict) -> None:
    pdf, _ = built[XINJIAN_2023, "pdf"]
    docx = built[XINJIAN_2023, "docx"]
    assert "corrupt PDF" in _refused(pdf[: len(pdf) // 2], "cut.pdf")
    assert "corrupt PDF" in _refused(b"%PDF-1.7\n" + bytes(range(256)) * 64, "noise.pdf")
    assert "damaged ZIP archive" in _refused(docx[: len(docx) // 2], "cut.docx")
    navigation_only = "<html><body><nav><a>首页</a></nav></body></html>".encode()
    assert "no article text" in _refused(navigation_only, "empty.html")


def test_a_zip_bomb_named_docx_is_refused_without_inflating_it() -> None:
    bomb = zip_bomb_docx(inflated_bytes=500_000_000)
    assert len(bomb) < 1_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = _refused(bomb, "report.docx")
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert "zip bomb" in message
    assert grown_kb < 100_000, grown_kb  # nowhere near the 500 MB it would inflate to


def test_a_pdf_whose_stream_inflates_to_hundreds_of_megabytes_is_refused_in_bounded_memory() -> None:
    bomb = pdf_bomb(inflated_bytes=300_000_000)
    assert len(bomb) < 1_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = _refused(bomb, "report.pdf")
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert "PDF bomb" in message
    assert grown_kb < 100_000, grown_kb


def test_a_pdf_whose_font_maps_no_characters_says_its_text_cannot_be_read() -> None:
    message = _refused(unmapped_font_pdf(), "glyphs.pdf")
    assert "cannot be read" in message and "OCR is not supported" in message
