"""Real-world shaped documents built from the sample reports' text, for the reader tests and bench.

An HTML page in a government site's navigation, breadcrumbs, share bar and footer; a multi-page
PDF in reportlab's built-in CJK font with a running header, page numbers and lines wrapped at a
fixed width (so words break across lines and pages); a DOCX whose numbered targets sit in a table.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
NUMBERED_ITEM = re.compile(r"^(\d{1,2})[.、．](?!\d)(.+)$")


def sample_text(file: str) -> str:
    return (SAMPLES / file).read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# ---- HTML ----------------------------------------------------------------------------------------

NAV = "".join(
    f'<li><a href="/{slug}/">{label}</a></li>'
    for slug, label in (
        ("", "首页"),
        ("zwgk", "政务公开"),
        ("zwfw", "政务服务"),
        ("hdjl", "互动交流"),
        ("zjxj", "走进新建"),
        ("wsjk", "卫生健康"),
        ("tzgg", "通知公告"),
    )
)
RELATED = "".join(
    f'<li><a href="/art/2023/{i}.html">关于开展2023年第{i}批基层卫生人才培训的通知</a>'
    f"<span>2023-0{i}-01</span></li>"
    for i in range(1, 6)
)


def report_html(text: str, title: str, date: str, charset: str = "utf-8") -> bytes:
    """A report as a health commission's site publishes it; encoded in `charset` and declaring it."""
    body = "\n".join(f'<p style="text-indent:2em">{html.escape(p)}</p>' for p in paragraphs(text))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_南昌市新建区人民政府</title>
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="{date} 09:30">
<meta name="ContentSource" content="区卫健委">
<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script>
</head><body>
<div class="top-bar"><a href="/">无障碍浏览</a> | <a href="/old">长者模式</a> | <a href="/m">手机版</a></div>
<header class="header"><div class="logo"><img src="/img/logo.png" alt="南昌市新建区人民政府"></div>
<form action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></header>
<nav class="main-nav"><ul>{NAV}</ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>
 &gt; <a href="/wsjk/">卫生健康</a></div>
<div class="container"><aside class="sidebar"><h3>信息公开目录</h3><ul>{NAV}</ul></aside>
<article class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-info"><span>发布时间：{date}</span><span>来源：区卫健委</span>
<span>浏览次数：1024</span><span>字体：<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="article-content" id="zoom">
{body}
</div>
<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a>
<a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</article>
<div class="related"><h3>相关文章</h3><ul>{RELATED}</ul></div></div>
<footer class="footer"><ul><li><a href="/about">关于我们</a></li><li><a href="/map">网站地图</a></li>
<li><a href="/contact">联系我们</a></li></ul>
<p>主办单位：南昌市新建区人民政府办公室　承办单位：新建区信息化中心</p>
<p>版权所有：南昌市新建区人民政府　赣ICP备12000000号-1　赣公网安备 36012202000000号</p>
<p>网站标识码：3601120001　建议使用1920×1080分辨率浏览</p></footer>
<script>var _hmt = _hmt || [];</script>
</body></html>"""
    return page.encode(charset)


# ---- PDF -----------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595, 842
MARGIN_X, TOP, BOTTOM = 72, 770, 90
FONT = "STSong-Light"
BODY_SIZE, TITLE_SIZE, LEADING = 12, 16, 20
COLUMN_WIDTH = PAGE_W - 2 * MARGIN_X


def _wrap(paragraph: str, first_indent: float) -> list[str]:
    """Fill each line to the column's width, breaking wherever it is full: inside words too."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line, width = [], "", COLUMN_WIDTH - first_indent
    for ch in paragraph:
        if line and stringWidth(line + ch, FONT, BODY_SIZE) > width:
            lines.append(line)
            line, width = "", COLUMN_WIDTH
        line += ch
    return [*lines, line] if line else lines


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) <= 20 and not paragraph.endswith("。")


def report_pdf(text: str, header: str) -> tuple[bytes, list[list[str]]]:
    """The report as a multi-page PDF (a short first line is its title, set larger); also returns
    each page's body lines as drawn."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H), invariant=1)
    pages: list[list[str]] = [[]]
    y = TOP

    def new_page() -> None:
        nonlocal y
        pdf.setFont(FONT, 9)
        pdf.drawString(MARGIN_X, PAGE_H - 40, header)  # the running header
        pdf.line(MARGIN_X, PAGE_H - 46, PAGE_W - MARGIN_X, PAGE_H - 46)
        y = TOP

    def finish_page() -> None:
        pdf.setFont(FONT, 10)
        pdf.drawCentredString(PAGE_W / 2, 40, f"— {len(pages)} —")  # the page number
        pdf.showPage()
        pages.append([])

    new_page()
    for number, paragraph in enumerate(paragraphs(text)):
        if number == 0 and _is_heading(paragraph):
            pdf.setFont(FONT, TITLE_SIZE)
            pdf.drawCentredString(PAGE_W / 2, y, paragraph)
            pages[-1].append(paragraph)
            y -= 2 * LEADING
            continue
        indent = 0 if _is_heading(paragraph) else 2 * BODY_SIZE
        for i, line in enumerate(_wrap(paragraph, indent)):
            if y < BOTTOM:
                finish_page()
                new_page()
            x = MARGIN_X + (indent if i == 0 else 0)
            pdf.setFont(FONT, BODY_SIZE)
            pdf.drawString(x, y, line)
            pages[-1].append(line)
            y -= LEADING
    finish_page()
    pdf.save()
    return out.getvalue(), [p for p in pages if p]


def textless_pdf(pages: int = 2) -> bytes:
    """A "scanned" PDF: only drawn shapes, no text layer."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    for _ in range(pages):
        pdf.rect(60, 60, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def encrypted_pdf(text: str) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    lock = pdfencrypt.StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128)
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H), encrypt=lock)
    pdf.setFont(FONT, BODY_SIZE)
    pdf.drawString(MARGIN_X, TOP, paragraphs(text)[0][:30])
    pdf.showPage()
    pdf.save()
    return out.getvalue()


# ---- DOCX ----------------------------------------------------------------------------------------


def report_docx(text: str, title: str) -> bytes:
    """The report as Word writes it; each run of numbered items (1.… 2.…) becomes a table of targets."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    items: list[tuple[str, str]] = []

    def flush() -> None:
        if not items:
            return
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "序号", "目标任务"
        for number, item in items:
            row = table.add_row().cells
            row[0].text, row[1].text = number, item
        items.clear()

    for number, paragraph in enumerate(paragraphs(text)):
        if number == 0 and _is_heading(paragraph):
            document.add_heading(paragraph, level=1)
            continue
        numbered = NUMBERED_ITEM.match(paragraph)
        if numbered:
            items.append((numbered.group(1) + ".", numbered.group(2)))
            continue
        flush()
        document.add_paragraph(paragraph)
    flush()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx(inflated_bytes: int = 500_000_000) -> bytes:
    """A ZIP named like a Word file whose document part inflates to gigabytes of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * 1_000_000
            for _ in range(inflated_bytes // len(chunk)):
                part.write(chunk)
    return out.getvalue()


def _hand_written_pdf(objects: list[bytes]) -> bytes:
    """Objects 1..n (1 the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


CATALOG_AND_PAGE = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> >>",
]


def pdf_bomb(inflated_bytes: int = 1_000_000_000) -> bytes:
    """A one-page PDF whose content stream is a little Flate data that inflates to `inflated_bytes`."""
    deflater = zlib.compressobj(9)
    chunk = b" " * 1_000_000
    packed = b"".join(deflater.compress(chunk) for _ in range(inflated_bytes // len(chunk)))
    packed += deflater.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return _hand_written_pdf([*CATALOG_AND_PAGE, stream])


def unmapped_font_pdf(glyphs: int = 40) -> bytes:
    """Text drawn in a CID font without a ToUnicode map: glyph numbers, no characters to read."""
    content = b"BT /F1 12 Tf 72 700 Td <" + b"".join(b"%04X" % (i + 1) for i in range(glyphs)) + b"> Tj ET"
    return _hand_written_pdf(
        [
            *CATALOG_AND_PAGE,
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
            b" /DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /FontDescriptor 7 0 R /DW 1000"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
            b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0"
            b" /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>",
        ]
    )
