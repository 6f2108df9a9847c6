"""HTML pages: which charset, and which date is the page's own."""

from __future__ import annotations

import re

from loaders.readers import read_bytes
from tests.readers.conftest import XINJIAN_2023
from tests.readers.documents import report_html, sample_text

TITLE = "2023年新建区卫生健康工作要点"
META_DATE = re.compile(r'<meta name="PubDate"[^>]*>')


def _page() -> str:
    return report_html(sample_text(XINJIAN_2023), TITLE, "2023-03-15").decode("utf-8")


def test_the_date_comes_from_the_head_or_a_labelled_line_never_from_related_links() -> None:
    page = _page()
    assert read_bytes(page.encode(), "meta.html").date == "2023-03-15"
    labelled_only = META_DATE.sub("", page)
    assert read_bytes(labelled_only.encode(), "label.html").date == "2023-03-15"
    undated = labelled_only.replace("发布时间：2023-03-15", "")
    assert "2023-01-01" in undated  # the related-articles list still has its dates
    assert read_bytes(undated.encode(), "undated.html").date is None


def test_a_stale_gb2312_declaration_on_a_utf8_page_and_gbk_only_characters() -> None:
    text = sample_text(XINJIAN_2023) + "\n朱镕基同志题词的医院于1998年建成。"
    utf8 = report_html(text, TITLE, "2023-03-15").replace(b"charset=utf-8", b"charset=gb2312")
    assert read_bytes(utf8, "stale.html").text.endswith("朱镕基同志题词的医院于1998年建成。")
    gbk = report_html(text, TITLE, "2023-03-15", charset="gbk").replace(b"charset=gbk", b"charset=gb2312")
    assert read_bytes(gbk, "gb2312.html").text.endswith("朱镕基同志题词的医院于1998年建成。")
