from pathlib import Path

import pytest

from loaders.decode import iter_document_paths, read_document
from loaders.errors import DocumentError

TEXT = "2024年，某市卫生健康委将推进分级诊疗。\n第二行"


def test_utf8_is_read_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    assert read_document(path) == ("a.txt", TEXT)


def test_utf8_bom_is_dropped_before_offsets(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    name, text = read_document(path)
    assert text == TEXT
    assert text[0] == "2"


def test_gb18030_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert read_document(path)[1] == TEXT


def test_crlf_newlines_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n第二行".encode())
    assert read_document(path)[1] == "第一行\r\n第二行"


def test_binary_is_refused_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DocumentError, match="blob.txt"):
        read_document(path)


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\t\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(DocumentError, match=name):
            read_document(path)


def test_other_suffixes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(DocumentError, match="unsupported file type .doc"):
        read_document(path)


def test_folders_expand_to_sorted_documents_of_supported_types(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md", "d.PDF", "e.htm", "f.docx", "g.png"):
        (tmp_path / name).write_text("内容", encoding="utf-8")
    found = [p.name for p in iter_document_paths([tmp_path])]
    assert found == ["a.txt", "b.txt", "d.PDF", "e.htm", "f.docx"]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        iter_document_paths([tmp_path / "nope"])


def test_binary_without_zero_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([0x01, 0x02, 0x03, 0x1B, 0x7F]) * 50 + "正文".encode())
    with pytest.raises(DocumentError, match="binary"):
        read_document(path)
