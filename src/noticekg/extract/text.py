"""Small text helpers shared by the structure, date and figure readers.

Notices mix full-width and ASCII punctuation (``(一)`` and ``(一)``, ``,`` and ``,``) and carry
stray spaces; every helper here tolerates both and always reports offsets into the text as read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from noticekg.extract.records import Span

# Sentence ends: Chinese and ASCII full stop-like marks and the semicolon; a newline ends a
# sentence too because headings and header lines carry no final punctuation.
SENTENCE_END = re.compile(r"[。！？；!?;]+|\n")

# Comma-like separators that end a clause but not a sentence.
# A short name declared in brackets after a name: X(以下简称Y) / X（简称：“Y”）; the text goes on
# calling X by Y.
SHORT_NAME = re.compile(
    r"[(（]\s*(?:以下)?简称\s*[:：]?\s*[“\"]?(?P<short>[^”\"()（）]{1,20})[”\"]?\s*[)）]"
)

CLAUSE_END = re.compile(r"[,，、:：;；。！？!?\n]")

# Chinese numeral characters as used for counts and heading numbers (〇 and 零 for zeros).
CN_DIGITS = "〇零一二两三四五六七八九十百千万亿"

# Opening and closing quotation marks the genre uses around names, slogans and problems.
QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", '"': '"'}

# Horizontal whitespace including the ideographic space.
HSPACE = r"[ \t\u3000\xa0]"


@dataclass(frozen=True)
class Line:
    """One line of the text without its newline; ``start``/``end`` are offsets into the text."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of ``text`` with its offsets (empty lines included)."""
    start = 0
    for piece in text.split("\n"):
        yield Line(start, start + len(piece), piece)
        start += len(piece) + 1


def trimmed_span(text: str, start: int, end: int) -> Span | None:
    """The span ``text[start:end]`` without surrounding whitespace, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Span(start, end, text[start:end])


def split_sentences(text: str) -> tuple[Span, ...]:
    """Sentences of ``text`` ending at 。！？；or a newline; the end mark stays in the sentence.

    Leading and trailing whitespace is excluded and empty sentences are dropped.
    """
    spans: list[Span] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        end = match.start() if match.group() == "\n" else match.end()
        span = trimmed_span(text, start, end)
        if span is not None:
            spans.append(span)
        start = match.end()
    span = trimmed_span(text, start, len(text))
    if span is not None:
        spans.append(span)
    return tuple(spans)


def quoted_ranges(text: str, *, max_len: int = 200) -> list[tuple[int, int]]:
    """``(start, end)`` of every quoted or 《》 stretch, marks included.

    A mark that never closes (a damage real pages have) covers at most the rest of its line, so
    one broken 《 cannot hide the rest of the notice.
    """
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        limit = min(len(text), i + max_len)
        newline = text.find("\n", i, limit)
        if newline != -1:
            limit = newline
        j = _matching_close(text, i, close, limit)
        ranges.append((i, (j + 1) if j != -1 else limit))
        i = (j + 1) if j != -1 else limit
    return ranges


def _matching_close(text: str, open_at: int, close: str, limit: int) -> int:
    """Index of the mark closing the one at ``open_at`` (nesting counted), or -1."""
    opener = text[open_at]
    if opener == close:  # ASCII double quotes do not nest
        return text.find(close, open_at + 1, limit)
    depth = 0
    for k in range(open_at, limit):
        if text[k] == opener:
            depth += 1
        elif text[k] == close:
            depth -= 1
            if depth == 0:
                return k
    return -1


def in_ranges(position: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``position`` falls inside one of the half-open ``ranges``."""
    return any(start <= position < end for start, end in ranges)
