from itertools import pairwise
from pathlib import Path

import pytest

from noticekg.errors import InputError
from noticekg.extract.reader import read_text
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


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n", "empty"),
        ("nul.txt", b"abc\x00def" * 20, "binary"),
        ("random.bin", bytes(range(256)) * 8, "binary"),
        ("control.txt", b"\x01\x02\x03\x04\x05ab" * 40, "binary"),
        ("truncated.txt", NOTICE.encode("utf-8")[:-2], "truncated UTF-8"),
        ("latin1.txt", "café résumé naïve".encode("latin-1") * 20, "undecodable"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as caught:
        read_text(path)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


PAGE = """<html><head><meta charset="{declared}"><title>关于巡察整改情况的通报 - 某区教育局</title>
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
    [("utf-8", "utf-8"), ("gbk", "gbk"), ("utf-8", "gbk"), ("gb2312", "utf-8")],
)
def test_html_main_text_with_header_fields(tmp_path: Path, declared: str, encoding: str) -> None:
    path = tmp_path / "notice.html"
    path.write_bytes(PAGE.format(declared=declared).encode(encoding))
    text = read_text(path)
    assert "区委第三巡察组对区教育局党委进行了常规巡察" in text
    assert "(一)压实主体责任" in text
    assert "11330304MB1234567X/2022-01234" in text
    assert "某区教育局" in text
    assert "2022-10-08" in text
    assert "中共某区教育局委员会关于区委巡察整改情况的通报" in text
    assert "document.write" not in text and "脚本文字" not in text
    assert "版权所有" not in text
    assert text.index("一、关于") < text.index("(一)压实") < text.index("(二)强化")


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
    document.add_paragraph("一、关于“X不到位”问题的整改情况")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "发布日期"
    table.rows[0].cells[1].text = "2022-01-05"
    path = tmp_path / "notice.docx"
    document.save(str(path))
    text = read_text(path)
    assert text.startswith("某局党组关于巡察整改情况的通报\n一、关于“X不到位”问题的整改情况")
    assert "发布日期 2022-01-05" in text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="no text layer"):
        read_text(path)


@pytest.mark.parametrize(
    ("name", "data"), [("bad.docx", b"not a zip"), ("bad.pdf", b"%PDF-garbage")]
)
def test_broken_office_files(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=name):
        read_text(path)
