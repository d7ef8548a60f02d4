from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from noticekg.errors import InputError
from noticekg.extract.header import parse_header
from noticekg.extract.inspection import parse_inspection
from noticekg.extract.metrics import find_metrics
from noticekg.extract.reader import read_text
from noticekg.extract.sections import parse_sections
from noticekg.extract.text import split_sentences

NOTICE = "根据市委部署,市委第二巡察组对市审计局进行了巡察。\n一、关于“X”问题的整改情况\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plain.txt", NOTICE.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + NOTICE.encode("utf-8")),
        ("crlf.txt", NOTICE.replace("\n", "\r\n").encode("utf-8")),
        ("gbk.txt", NOTICE.encode("gbk")),
        ("gb18030.txt", NOTICE.encode("gb18030")),
    ],
)
def test_reads_utf8_and_gb18030(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_text(path) == NOTICE


def test_text_is_not_normalised(tmp_path: Path) -> None:
    written = "新增企业４家,(一)加快建设 方案\u3000。"
    path = tmp_path / "n.txt"
    path.write_text(written, encoding="utf-8")
    assert read_text(path) == written


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _sparse(tmp_path: Path, name: str, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (the reader refuses it by its size)."""
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


# The bad-input matrix: each file gives one InputError line naming the file and what is wrong.
@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("absent.txt", lambda d: d / "absent.txt", "no such file"),
        ("folder", lambda d: (d / "folder").mkdir() or d / "folder", "is a directory"),
        ("empty.txt", lambda d: _write(d, "empty.txt", b""), "empty"),
        ("blank.txt", lambda d: _write(d, "blank.txt", b" \n\t\r\n\xe3\x80\x80 "), "empty"),
        ("nul.txt", lambda d: _write(d, "nul.txt", b"abc\x00def" * 20), r"NUL byte at offset 3"),
        ("logo.png", lambda d: _write(d, "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00"), "binary"),
        ("random.bin", lambda d: _write(d, "random.bin", bytes(range(256)) * 8), "binary"),
        (
            "control.txt",
            lambda d: _write(d, "control.txt", b"\x01\x02\x03\x04\x05ab" * 40),
            "binary",
        ),
        (
            "truncated.txt",
            # cut inside the 3-byte 情: the file ends at byte 2 of a character
            lambda d: _write(d, "truncated.txt", NOTICE.encode("utf-8")[:-5]),
            r"truncated UTF-8 .* at byte \d+",
        ),
        (
            "latin1.txt",
            lambda d: _write(d, "latin1.txt", "café résumé naïve".encode("latin-1") * 20),
            "undecodable",
        ),
        (
            "huge.txt",
            lambda d: _sparse(d, "huge.txt", 50 * 1024 * 1024),
            r"too large .*limit 32 MB.*NOTICEKG_MAX_MB",
        ),
        ("bad.docx", lambda d: _write(d, "bad.docx", b"not a zip"), "not a readable .docx"),
        ("bad.pdf", lambda d: _write(d, "bad.pdf", b"%PDF-garbage"), "not a readable PDF"),
        (
            "script.html",
            lambda d: _write(d, "script.html", b"<html><script>var a=1;</script></html>"),
            "no main text",
        ),
    ],
)
def test_bad_input(tmp_path: Path, name: str, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError, match=message) as caught:
        read_text(path)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_size_limit_can_be_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "notice.txt", NOTICE.encode("utf-8") * 100)
    with pytest.raises(InputError, match=r"limit 0\.001 MB"):
        read_text(path, limit=1000)
    monkeypatch.setenv("NOTICEKG_MAX_MB", "0.001")
    with pytest.raises(InputError, match="too large"):
        read_text(path)
    monkeypatch.setenv("NOTICEKG_MAX_MB", "ten")
    with pytest.raises(InputError, match="NOTICEKG_MAX_MB"):
        read_text(path)
    monkeypatch.setenv("NOTICEKG_MAX_MB", "1")
    assert read_text(path) == NOTICE * 100


def test_notice_without_headings_is_read_and_parsed_with_a_warning(tmp_path: Path) -> None:
    body = (
        "根据县委统一部署,县委第一巡察组对某镇党委进行了巡察。镇党委召开专题会议5次。\n某镇党委\n"
    )
    text = read_text(_write(tmp_path, "flat.txt", body.encode("utf-8")))
    problems, measures, warnings = parse_sections(text)
    assert (problems, measures) == ((), ())
    assert any("no section headings" in w for w in warnings)
    assert parse_inspection(text) is not None
    assert [m.value for m in find_metrics(text)] == [5]


PAGE = """<html><head>{declared}<title>关于巡察整改情况的通报 - 某区教育局</title>
<script>var s = "索引号:bogus"; document.write("脚本文字");</script></head><body>
<div class="nav">您现在的位置:首页 &gt; 信息公开 &gt; 通知公告</div>
<table><tr><td>索引号:</td><td>11330304MB1234567X/2022-01234</td>
<td>组配分类:</td><td>通知公告</td></tr>
<tr><td>发布机构:</td><td>某区教育局</td><td>发布日期:</td><td>2022-10-08</td></tr></table>
<h1>中共某区教育局委员会关于区委巡察整改情况的通报</h1>
<div class="content">
<p>根据区委统一部署,2022年3月8日至5月20日,区委第三巡察组对区教育局党委进行了常规巡察。6月28日,巡察组反馈了巡察意见。按照有关要求,现将巡察整改情况予以公布。</p>
<p>一、关于“落实全面从严治党主体责任不到位”问题的整改情况</p>
<p>(一)压实主体责任。制定责任清单,明确班子成员责任分工,召开专题会议12次,开展谈心谈话36人次。</p>
<p>(二)强化监督检查。开展专项检查3轮,发现问题27个,已全部整改到位,建立长效机制5项。</p>
</div>
<div class="footer">版权所有:某区人民政府 网站标识码3303040001</div>
</body></html>"""


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [
        ("utf-8", "utf-8"),
        ("gbk", "gbk"),
        ("gb18030", "gb18030"),
        (None, "utf-8"),
        (None, "gbk"),
        ("utf-8", "gbk"),  # GBK bytes under a wrong declaration: the bytes decide
        ("gb2312", "utf-8"),
        ("iso-8859-1", "gbk"),
    ],
)
def test_html_main_text_with_header_fields(
    tmp_path: Path, declared: str | None, encoding: str
) -> None:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    path = tmp_path / "notice.html"
    path.write_bytes(PAGE.format(declared=meta if declared else "").encode(encoding))
    text = read_text(path)
    assert "区委第三巡察组对区教育局党委进行了常规巡察" in text
    assert "(一)压实主体责任" in text
    assert "11330304MB1234567X/2022-01234" in text
    assert "某区教育局" in text
    assert "2022-10-08" in text
    assert "中共某区教育局委员会关于区委巡察整改情况的通报" in text
    assert "document.write" not in text and "脚本文字" not in text
    assert "版权所有" not in text and "您现在的位置" not in text
    assert "|" not in text  # the metadata table is read into header lines, not left as a table
    assert text.index("通报\n根据区委") < text.index("一、关于") < text.index("(一)压实")
    assert "公布。\n一、关于" in text and "36人次。\n(二)强化" in text  # one paragraph a line
    header = parse_header(text)
    assert header.index_no == "11330304MB1234567X/2022-01234"
    assert header.published == date(2022, 10, 8)
    assert header.title == "中共某区教育局委员会关于区委巡察整改情况的通报"
    problems, measures, _ = parse_sections(text)
    assert [len(problems), len(measures)] == [1, 2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲。乙!丙？丁；戊", ["甲。", "乙!", "丙？", "丁；", "戊"]),
        ("标题\n\n  正文第一句。 正文第二句。  \n", ["标题", "正文第一句。", "正文第二句。"]),
        ("一是A,B;二是C", ["一是A,B;", "二是C"]),
        ("", []),
        (" \n \n", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert [s.quote for s in spans] == expected
    for span in spans:
        assert text[span.start : span.end] == span.quote


def test_split_sentences_on_sample(sample_text: str) -> None:
    spans = split_sentences(sample_text)
    assert len(spans) > 100
    assert all(s.quote and not s.quote[-1].isspace() for s in spans)
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某局党组关于巡察整改情况的通报")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "发布日期"
    table.rows[0].cells[1].text = "2022-01-05"
    table.rows[1].cells[0].text = "整改问题数"
    table.rows[1].cells[1].text = "12个"
    document.add_paragraph("一、关于“X不到位”问题的整改情况")
    path = tmp_path / "notice.docx"
    document.save(str(path))
    assert read_text(path) == (
        "某局党组关于巡察整改情况的通报\n发布日期 2022-01-05\n整改问题数 12个\n"
        "一、关于“X不到位”问题的整改情况"
    )


PDF_LINES = [
    "中共某县林业局党组关于县委巡察整改情况的通报",
    "根据县委统一部署,县委第四巡察组对县林业局党组进行了常规巡察。",
    "一、关于“落实主体责任不到位”问题的整改情况",
    "(一)压实责任。召开专题会议12次。",
]


def test_pdf_text_layer(tmp_path: Path) -> None:
    """A real text PDF with an embedded CID (Chinese) font, two pages."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "notice.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 12)
    for row, line in enumerate(PDF_LINES[:3]):
        pdf.drawString(50, 800 - 20 * row, line)
    pdf.showPage()
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(50, 800, PDF_LINES[3])
    pdf.save()
    text = read_text(path)
    assert text == "\n".join(PDF_LINES)
    problems, measures, _ = parse_sections(text)
    assert [p.title for p in problems] == ["落实主体责任不到位"]
    assert [m.title for m in measures] == ["压实责任"]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="no text layer"):
        read_text(path)
