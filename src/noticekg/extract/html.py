"""The notice inside a saved government web page.

trafilatura finds the main text and keeps one paragraph a line; navigation, scripts and footers
go. Government pages print the notice's own metadata (索引号, 发布机构, 成文日期, 发布日期) in a
table or list that trafilatura either drops or appends as a pipe table at the end, so that block
is read here from the page's cells, taken out of the page, and put back as ``label:value``
lines before the headline, where :func:`noticekg.extract.header.parse_header` looks for it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from noticekg.errors import InputError
from noticekg.extract.header import FIELD_LABEL, FIELD_LABELS

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Header fields worth restoring from a page (the ones parse_header reads).
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
        "title",
    }
)

# Leaf-ish elements whose text is one table cell or list item of a page header.
CELL_TAGS = ("td", "th", "li", "span", "p", "div", "dd", "dt", "label", "em", "strong")

# Containers that may hold the metadata block as a whole.
BLOCK_TAGS = ("table", "ul", "ol", "dl", "div")

# A row of a table as trafilatura writes it in plain text: ``| a | b |``.
PIPE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")

# Sentence punctuation: a block with it is part of the notice, not its metadata.
RUNNING_TEXT = re.compile(r"[。；;！？]")

# Separators between the site name and the headline in ``<title>`` (标题 - 某区人民政府).
TITLE_SEPARATOR = re.compile(r"\s*[-_|｜]\s*")

# A metadata block names at least this many header fields and is short.
_MIN_BLOCK_FIELDS = 2
_MAX_BLOCK_CHARS = 400
_MAX_CELL_CHARS = 120


def html_text(path: Path, page: str) -> str:
    """The main text of the page with its metadata fields and headline as leading lines."""
    import trafilatura  # imported late: heavy, and only pages need it
    from lxml import html

    try:
        tree = html.fromstring(page)
    except (ValueError, html.etree.ParserError) as error:
        raise InputError(f"{path}: not a readable HTML page") from error
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    fields = header_lines(tree)
    title = page_title(tree)
    for block in _metadata_blocks(tree):
        block.drop_tree()
    body = trafilatura.extract(
        html.tostring(tree, encoding="unicode"),
        include_tables=True,
        include_comments=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not body:
        raise InputError(f"{path}: no main text found in the HTML page")
    body = "\n".join(_unpiped(line) for line in body.split("\n"))
    leading = [line for line in fields if line.split(":", 1)[1] not in body]
    if title and title not in body:
        leading.append(title)
    return "\n".join([*leading, body]) if leading else body


def _cells(tree: HtmlElement) -> list[str]:
    """The texts of the page's small elements, whitespace collapsed."""
    cells = []
    for element in tree.iter(*CELL_TAGS):
        text = " ".join(element.text_content().split())
        if text and len(text) <= _MAX_CELL_CHARS:
            cells.append(text)
    return cells


def header_lines(tree: HtmlElement) -> list[str]:
    """``label:value`` lines for the header fields the page shows, one per field."""
    cells = _cells(tree)
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


def _metadata_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """The innermost containers holding several header fields and no running text."""
    candidates = []
    for element in tree.iter(*BLOCK_TAGS):
        text = " ".join(element.text_content().split())
        if len(text) > _MAX_BLOCK_CHARS or RUNNING_TEXT.search(text):
            continue
        if len({m.group("label") for m in FIELD_LABEL.finditer(text)}) >= _MIN_BLOCK_FIELDS:
            candidates.append(element)
    return [
        block
        for block in candidates
        if not any(other is not block and _is_inside(other, block) for other in candidates)
    ]


def _is_inside(element: HtmlElement, container: HtmlElement) -> bool:
    return any(parent is container for parent in element.iterancestors())


def _unpiped(line: str) -> str:
    """A trafilatura table row ``| a | b |`` as ``a b``; other lines unchanged."""
    row = PIPE_ROW.match(line)
    if row is None:
        return line
    cells = [cell.strip() for cell in row.group("cells").split("|")]
    return " ".join(cell for cell in cells if cell and set(cell) != {"-"})


def page_title(tree: HtmlElement) -> str | None:
    """The notice headline of the page (its ``<h1>``, else ``<title>`` without the site name)."""
    for xpath in ("//h1", "//title"):
        for element in tree.xpath(xpath):
            text = " ".join(element.text_content().split())
            if text:
                return TITLE_SEPARATOR.split(text)[0]
    return None
