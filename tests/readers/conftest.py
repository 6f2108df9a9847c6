"""Documents built once per session from the sample reports (reportlab and python-docx are slow-ish)."""

from __future__ import annotations

import pytest

from tests.readers.documents import report_docx, report_html, report_pdf, sample_text

XINJIAN_2023 = "001_b1280b1a44e49c58.txt"  # targets: 家庭医生签约服务覆盖率达到60%…
NANCHANG_2026 = "002_a55b4f72392eaa2a.txt"  # partners: 南昌市第一医院…
FIXTURE_SAMPLES = (XINJIAN_2023, NANCHANG_2026)
TITLES = {XINJIAN_2023: "2023年新建区卫生健康工作要点", NANCHANG_2026: "2026年全市卫生健康工作会议召开"}
PUBLISHED = "2023-03-15"
HEADER = "南昌市卫生健康委员会文件"


@pytest.fixture(scope="session")
def built() -> dict[tuple[str, str], bytes | tuple[bytes, list[list[str]]]]:
    """(sample, kind) → document bytes; the PDF comes with the lines drawn on each page."""
    out: dict[tuple[str, str], bytes | tuple[bytes, list[list[str]]]] = {}
    for sample in FIXTURE_SAMPLES:
        text = sample_text(sample)
        out[sample, "html"] = report_html(text, TITLES[sample], PUBLISHED)
        out[sample, "gbk.html"] = report_html(text, TITLES[sample], PUBLISHED, charset="gbk")
        out[sample, "pdf"] = report_pdf(text, HEADER)
        out[sample, "docx"] = report_docx(text, TITLES[sample])
    return out
