"""Notices sent as Word documents or PDFs, read into one line per paragraph.

Word notices often put the header (发布日期, 索引号) or a summary table between paragraphs, so
paragraphs and tables are read in document order, each table row one line of cell texts. PDFs
are read from their text layer with pypdf; a scanned PDF has none and needs OCR first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from noticekg.errors import InputError

if TYPE_CHECKING:
    from docx.table import Table


def docx_text(path: Path) -> str:
    """Paragraphs and table rows of a Word document in document order, one per line."""
    import docx  # python-docx, imported late: only .docx needs it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as error:
        raise InputError(f"{path}: not a readable .docx file") from error
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            lines.extend(_rows(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _rows(table: Table) -> list[str]:
    """One line per row: the distinct cell texts (merged cells repeat) joined by a space."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        lines.append(" ".join(cells))
    return lines


def pdf_text(path: Path) -> str:
    """The text layer of a PDF, pages joined by a newline.

    :raises InputError: not a PDF, encrypted, or no text layer (a scan).
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise InputError(f"{path}: encrypted PDF; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as error:
        raise InputError(f"{path}: not a readable PDF file") from error
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise InputError(f"{path}: no text layer (a scanned PDF needs OCR first)")
    return text
