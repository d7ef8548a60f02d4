"""Reading a notice file into the one string all offsets point into.

Plain text comes as UTF-8 (with or without BOM) or GB18030/GBK, told apart by charset-normalizer;
line ends become ``\\n`` and nothing else changes (no NFKC), so offsets stay true to the text as
read. HTML pages go through trafilatura for the main text; header fields the page shows in a
table (索引号, 发布机构, 成文日期, 发布日期) are put back as leading lines when trafilatura drops
them. ``.docx`` is read with python-docx and text PDFs with pypdf.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from noticekg.errors import InputError
from noticekg.extract.header import FIELD_LABEL, FIELD_LABELS

HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})

# Encodings a notice may be in; charset-normalizer chooses among these only.
TEXT_ENCODINGS = ["utf_8", "gb18030"]

# The charset a page declares in a meta tag or XML declaration (often wrong on GBK pages).
DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?(?P<charset>[A-Za-z0-9_-]+)""", re.IGNORECASE)

# Control characters other than tab, newline, carriage return and form feed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Line ends of every platform.
LINE_END = re.compile(r"\r\n?")

# Header fields worth restoring from an HTML page (the ones parse_header reads).
RESTORED_FIELDS = frozenset(
    {
        "index_no",
        "category",
        "publisher",
        "source",
        "published",
        "published_time",
        "generated",
        "written",
    }
)

# Leaf-ish elements whose text is one table cell or list item of a page header.
_CELL_TAGS = ("td", "th", "li", "span", "p", "div", "dd", "dt", "label", "em", "strong")

_MAX_CONTROL_RATIO = 0.05

# Larger files are not notices (a notice is tens of kilobytes; a saved page a few megabytes).
MAX_BYTES = 64 * 1024 * 1024


def read_text(path: Path) -> str:
    """The text of the notice at ``path``.

    :raises InputError: missing file, directory, too large, empty or whitespace-only, binary,
        undecodable or truncated UTF-8, a PDF without a text layer.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a notice file")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path}: too large for a notice (over {MAX_BYTES // 2**20} MiB)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    if not data.strip():
        raise InputError(f"{path}: empty file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(path)
    elif suffix == ".pdf":
        text = _pdf_text(path)
    elif suffix in HTML_SUFFIXES:
        text = _html_text(path, decode(path, data, also=_declared(data)))
    else:
        text = decode(path, data)
    text = LINE_END.sub("\n", text)
    if not text.strip():
        raise InputError(f"{path}: no text (empty or whitespace only)")
    return text


def decode(path: Path, data: bytes, *, also: tuple[str, ...] = ()) -> str:
    """``data`` as UTF-8 or GB18030 (or one of ``also``), refusing binary and truncated input."""
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (NUL bytes), not a text notice")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and _decodes(data[: error.start]):
            raise InputError(
                f"{path}: truncated UTF-8 (the file ends inside a character at byte {error.start})"
            ) from error
        text = _detected(path, data, also)
    if len(CONTROL.findall(text)) > _MAX_CONTROL_RATIO * len(text):
        raise InputError(f"{path}: binary file (mostly control characters), not a text notice")
    return text


def _decodes(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared(data: bytes) -> tuple[str, ...]:
    """The charset an HTML page declares, if Python knows it; only a candidate, never trusted."""
    match = DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return ()
    try:
        name = codecs.lookup(match.group("charset").decode("ascii")).name
    except LookupError:
        return ()
    return (name.replace("-", "_"),)


def _detected(path: Path, data: bytes, also: tuple[str, ...] = ()) -> str:
    """The text in the encoding charset-normalizer finds among the notice encodings."""
    candidates = list(dict.fromkeys([*TEXT_ENCODINGS, *also]))
    best = from_bytes(data, cp_isolation=candidates).best()
    if best is None:
        raise InputError(f"{path}: undecodable text (neither UTF-8 nor GB18030)")
    return str(best)


def _html_text(path: Path, page: str) -> str:
    """The main text of an HTML page with its header fields as leading lines."""
    import trafilatura  # imported late: heavy, and only HTML needs it

    body = trafilatura.extract(
        page, include_tables=True, include_comments=False, favor_recall=True, deduplicate=False
    )
    if not body:
        raise InputError(f"{path}: no main text found in the HTML page")
    leading = [line for line in _header_lines(page) if line not in body]
    title = _page_title(page)
    if title and title not in body:
        leading.append(title)
    return "\n".join([*leading, body]) if leading else body


def _cells(page: str) -> list[str]:
    """The texts of the page's small elements, scripts and styles removed."""
    from lxml import html

    try:
        tree = html.fromstring(page)
    except (ValueError, html.etree.ParserError):
        return []
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    cells = []
    for element in tree.iter(*_CELL_TAGS):
        text = " ".join(element.text_content().split())
        if text and len(text) <= 120:
            cells.append(text)
    return cells


def _header_lines(page: str) -> list[str]:
    """``label:value`` lines for the header fields the page shows, one per field."""
    cells = _cells(page)
    found: dict[str, str] = {}
    for index, cell in enumerate(cells):
        for match in FIELD_LABEL.finditer(cell):
            label = re.sub(r"\s", "", match.group("label"))
            field = FIELD_LABELS[label]
            if field not in RESTORED_FIELDS or field in found or match.start() != 0:
                continue
            value = cell[match.end() :].strip()
            following = FIELD_LABEL.search(value)
            if following is not None:
                value = value[: following.start()].strip()
            if not value and index + 1 < len(cells) and not FIELD_LABEL.match(cells[index + 1]):
                value = cells[index + 1]
            if value:
                found[field] = f"{label}:{value}"
    return list(found.values())


def _page_title(page: str) -> str | None:
    """The notice headline of the page (its ``<h1>``, else ``<title>``)."""
    from lxml import html

    try:
        tree = html.fromstring(page)
    except (ValueError, html.etree.ParserError):
        return None
    for xpath in ("//h1", "//title"):
        for element in tree.xpath(xpath):
            text = " ".join(element.text_content().split())
            if text:
                return re.split(r"\s*[-_|｜]\s*", text)[0]
    return None


def _docx_text(path: Path) -> str:
    """Paragraphs and table cells of a Word document, one per line."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError) as error:
        raise InputError(f"{path}: not a readable .docx file") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text.strip() for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    """The text layer of a PDF; a scanned PDF without one is an error."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise InputError(f"{path}: not a readable PDF file") from error
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(f"{path}: no text layer (a scanned PDF needs OCR first)")
    return text
