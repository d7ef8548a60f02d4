"""Reading a notice file into the one string all offsets point into.

Plain text comes as UTF-8 (with or without BOM) or GB18030/GBK, told apart by charset-normalizer;
line ends become ``\\n`` and nothing else changes (no NFKC), so offsets stay true to the text as
read. HTML pages (:mod:`noticekg.extract.html`), ``.docx`` and text PDFs
(:mod:`noticekg.extract.documents`) have their own readers.

A file cut inside a UTF-8 character is refused rather than decoded with the broken character
dropped: a cut file has lost its tail (signature, date, contact) as well, and a graph built from
it would look complete. Re-fetching the file is the fix, so the error says where it was cut.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from charset_normalizer import from_bytes

from noticekg.errors import InputError
from noticekg.extract.documents import docx_text, pdf_text
from noticekg.extract.html import html_text

HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})

# Encodings a notice may be in; charset-normalizer chooses among these only.
TEXT_ENCODINGS = ["utf_8", "gb18030"]

# Control characters other than tab, newline, carriage return and form feed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Line ends of every platform.
LINE_END = re.compile(r"\r\n?")

_MAX_CONTROL_RATIO = 0.05

# Larger files are not notices (a notice is tens of kilobytes, a saved page or a PDF with
# images a few megabytes); the limit guards memory when a folder holds something else.
MAX_MB = 32

# Environment variable that raises or lowers the limit (in megabytes) for one run.
MAX_MB_VARIABLE = "NOTICEKG_MAX_MB"


def max_bytes() -> int:
    """The size limit in bytes: ``NOTICEKG_MAX_MB`` if set to a positive number, else 32 MB."""
    setting = os.environ.get(MAX_MB_VARIABLE, "").strip()
    try:
        megabytes = float(setting) if setting else MAX_MB
    except ValueError:
        raise InputError(f"{MAX_MB_VARIABLE}={setting!r}: not a number of megabytes") from None
    if megabytes <= 0:
        raise InputError(f"{MAX_MB_VARIABLE}={setting!r}: must be a positive number of megabytes")
    return int(megabytes * 1_000_000)


def read_text(path: Path, *, limit: int | None = None) -> str:
    """The text of the notice at ``path``; ``limit`` in bytes overrides :func:`max_bytes`.

    :raises InputError: missing file, directory, too large, empty or whitespace-only, binary,
        undecodable or truncated UTF-8, an HTML page without main text, a PDF without a text
        layer.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a notice file")
    limit = max_bytes() if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            f"{path}: too large for a notice ({size / 1e6:.1f} MB, limit {limit / 1e6:g} MB; "
            f"set {MAX_MB_VARIABLE} to change it)"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    if not data.strip():
        raise InputError(f"{path}: empty file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = docx_text(path)
    elif suffix == ".pdf":
        text = pdf_text(path)
    elif suffix in HTML_SUFFIXES:
        # The charset a page declares is often wrong (GBK bytes under charset=utf-8), so the
        # bytes decide, as for plain text.
        text = html_text(path, decode(path, data))
    else:
        text = decode(path, data)
    text = LINE_END.sub("\n", text)
    if not text.strip():
        raise InputError(f"{path}: no text (empty or whitespace only)")
    return text


def decode(path: Path, data: bytes) -> str:
    """``data`` as UTF-8 or GB18030, refusing binary and truncated input."""
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}), not a text notice")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and _decodes(data[: error.start]):
            raise InputError(
                f"{path}: truncated UTF-8 (the file ends inside a character at byte {error.start})"
            ) from error
        text = _detected(path, data)
    if len(CONTROL.findall(text)) > _MAX_CONTROL_RATIO * len(text):
        raise InputError(f"{path}: binary file (mostly control characters), not a text notice")
    return text


def _decodes(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detected(path: Path, data: bytes) -> str:
    """The text in the encoding charset-normalizer finds among the notice encodings."""
    best = from_bytes(data, cp_isolation=TEXT_ENCODINGS).best()
    if best is None:
        raise InputError(f"{path}: undecodable text (neither UTF-8 nor GB18030)")
    return str(best)
