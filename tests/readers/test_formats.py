"""Each format yields the facts its plain-text original yields, with quotes on the read text."""

from __future__ import annotations

import pytest

from loaders.models import DocumentExtraction
from loaders.pipeline import extract_document
from loaders.readers import Reading, read_bytes
from loaders.readers.apply import apply_reading
from tests.readers.conftest import FIXTURE_SAMPLES, NANCHANG_2026, PUBLISHED, TITLES, XINJIAN_2023
from tests.readers.documents import SAMPLES, paragraphs, report_pdf, sample_text

KINDS = ("html", "gbk.html", "pdf", "docx")


def _read(built: dict, sample: str, kind: str) -> Reading:
    data = built[sample, kind]
    data = data[0] if isinstance(data, tuple) else data
    return read_bytes(data, sample.removesuffix(".txt") + "." + kind.split(".")[-1])


def _extract(reading: Reading) -> DocumentExtraction:
    return apply_reading(extract_document(reading.file, reading.text), reading)


def _targets(extraction: DocumentExtraction) -> set[tuple]:
    targets = [n for n in extraction.nodes if n.label == "Target"]
    return {(n.metric, n.value, n.unit, n.comparator, n.year, n.kind) for n in targets}


def _edges(extraction: DocumentExtraction, edge_type: str) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in extraction.edges if e.type == edge_type}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("sample", FIXTURE_SAMPLES)
def test_same_key_facts_as_the_plain_text(built: dict, sample: str, kind: str) -> None:
    plain = extract_document(sample, sample_text(sample))
    reading = _read(built, sample, kind)
    read = _extract(reading)
    assert _targets(read) == _targets(plain)
    assert _edges(read, "SETS_TARGET") == _edges(plain, "SETS_TARGET")
    assert _edges(read, "PARTNERS_WITH") == _edges(plain, "PARTNERS_WITH")
    assert len(read.edges) == len(plain.edges)
    quotes = [ev for item in [*read.nodes, *read.edges] for ev in item.evidence]
    assert quotes and all(reading.text[ev.start : ev.end] == ev.quote for ev in quotes)
    assert read.document.format == kind.split(".")[-1]


def test_the_key_facts_are_there(built: dict) -> None:
    """The facts compared above are not vacuous: the family-doctor target and the partners."""
    xinjian = _extract(_read(built, XINJIAN_2023, "pdf"))
    assert any("家庭医生" in metric and value == 60.0 for metric, value, *_ in _targets(xinjian))
    nanchang = _extract(_read(built, NANCHANG_2026, "docx"))
    names = {n.id: n.name for n in nanchang.nodes}
    partners = _edges(nanchang, "PARTNERS_WITH")
    assert any("南昌市第一医院" in names[end] for pair in partners for end in pair)


@pytest.mark.parametrize("kind", ("html", "gbk.html"))
def test_html_keeps_the_article_its_title_and_date_and_drops_the_chrome(built: dict, kind: str) -> None:
    reading = _read(built, XINJIAN_2023, kind)
    assert reading.text.split("\n") == paragraphs(sample_text(XINJIAN_2023))
    for chrome in ("首页", "政务公开", "分享到", "版权所有", "ICP备", "相关文章", "发布时间"):
        assert chrome not in reading.text
    assert reading.title == TITLES[XINJIAN_2023]
    assert reading.date == PUBLISHED
    document = _extract(reading).document
    title = TITLES[XINJIAN_2023]
    assert (document.title, document.name, document.date) == (title, title, PUBLISHED)


def test_docx_reads_paragraphs_and_the_rows_of_its_target_table(built: dict) -> None:
    reading = _read(built, XINJIAN_2023, "docx")
    lines = reading.text.split("\n")
    assert "序号\t目标任务" in lines
    assert any(line.startswith("5.\t家庭医生签约服务覆盖率达到60%") for line in lines)
    assert reading.title == TITLES[XINJIAN_2023]


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_pdf_text_is_the_report_without_headers_page_numbers_or_broken_lines(sample: str) -> None:
    data, pages = report_pdf(sample_text(sample), "某市卫生健康委员会文件")
    assert len(pages) >= 3
    reading = read_bytes(data, "report.pdf")
    assert reading.text.split("\n") == paragraphs(sample_text(sample))
    assert [span.page for span in reading.pages] == list(range(1, len(pages) + 1))


def test_pdf_evidence_carries_the_page_it_was_printed_on(built: dict) -> None:
    data, drawn = built[XINJIAN_2023, "pdf"]
    reading = read_bytes(data, "report.pdf")
    extraction = _extract(reading)
    evidence = [ev for item in [*extraction.nodes, *extraction.edges] for ev in item.evidence]
    assert all(ev.page is not None for ev in evidence)
    assert {ev.page for ev in evidence} >= {1, 2, 3}
    for ev in evidence:
        page_text = "".join(drawn[ev.page - 1])
        head = ev.quote.replace("\n", "")[:6]
        next_line = "".join(drawn[ev.page][:1]) if ev.page < len(drawn) else ""
        assert head in page_text + next_line, (ev.page, ev.quote)
        # the page a quote starts on is the page its first character was drawn on, not the next one
        assert reading.page_at(ev.start) == ev.page


def test_plain_text_evidence_has_no_page() -> None:
    extraction = _extract(read_bytes(sample_text(XINJIAN_2023).encode(), "a.txt"))
    assert all(ev.page is None for edge in extraction.edges for ev in edge.evidence)
    assert extraction.document.format == "txt" and extraction.document.pages is None


def test_a_small_raised_footnote_digit_is_dropped_and_a_number_in_the_line_kept() -> None:
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595, 842))
    text = pdf.beginText(72, 700)
    text.setFont("STSong-Light", 12)
    text.textOut("孕产妇死亡率控制在12/10万以下")
    text.setFont("STSong-Light", 7)
    text.setRise(5)
    text.textOut("3")
    text.setFont("STSong-Light", 12)
    text.setRise(0)
    text.textOut("。")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    assert read_bytes(out.getvalue(), "note.pdf").text == "孕产妇死亡率控制在12/10万以下。"


def test_letter_spaced_chinese_reads_without_inferred_spaces_and_word_gaps_stay() -> None:
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595, 842))
    rows = [
        (2, "家庭医生签约服务覆盖率达到60%以上。"),
        (4, "孕产妇死亡率控制在12/10万以下。"),
        (0, "奋楫争先 勇毅前行"),
    ]
    for row, (spacing, line) in enumerate(rows):
        pdf.saveState()  # character spacing is text state: keep it to its own line
        text = pdf.beginText(72, 700 - 40 * row)
        text.setFont(font, 12)
        text.setCharSpace(spacing)
        text.textOut(line)
        pdf.drawText(text)
        pdf.restoreState()
    pdf.setFont(font, 12)  # two words placed apart without a space character between them
    pdf.drawString(72, 500, "Healthy")
    pdf.drawString(72 + pdfmetrics.stringWidth("Healthy", font, 12) + 3.5, 500, "China")
    pdf.drawString(72, 460, "奋楫争先")
    pdf.drawString(72 + 5 * 12, 460, "勇毅前行")
    pdf.showPage()
    pdf.save()
    lines = read_bytes(out.getvalue(), "spaced.pdf").text.split("\n")
    assert lines == [*(line for _, line in rows), "Healthy China", "奋楫争先 勇毅前行"]
