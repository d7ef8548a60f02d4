"""Sentence boundaries of a notice text, so a mention can carry the words around its quote.

The graph writes them as the ``oa:prefix`` and ``oa:suffix`` of each ``oa:TextQuoteSelector``:
a query then shows the sentence of a mention as prefix, quote and suffix, instead of cutting it
out of the whole ``nkg:text`` with regular expressions for every row (docs/graph-model.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

__all__ = ["CONTEXT_LIMIT", "SENTENCE_END", "Sentences"]

# A character that ends a sentence or clause in Chinese prose (full-width and ASCII stops,
# semicolons) or a line break, which ends a heading or list item.
SENTENCE_END = re.compile(r"[。！？!?；;\n]")

# Most characters kept on either side of a quote: a sentence of a notice's problem list can run
# to several hundred characters, and a prefix is there to be read, not to hold the paragraph.
CONTEXT_LIMIT = 80


class Sentences:
    """Where the sentences of ``text`` begin and end, found once for all its mentions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = [match.end() for match in SENTENCE_END.finditer(text)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """From the last sentence end at or before ``start`` to the first stop after it that is
        not before the quote's last character (the stop included, a line break left out)."""
        before = bisect_right(self._ends, start) - 1
        left = self._ends[before] if before >= 0 else 0
        after = bisect_left(self._ends, max(end, left + 1))
        right = self._ends[after] if after < len(self._ends) else len(self.text)
        if right > 0 and self.text[right - 1] == "\n":
            right -= 1
        return left, right

    def context(self, start: int, end: int, *, limit: int = CONTEXT_LIMIT) -> tuple[str, str]:
        """The words of the sentence before and after ``text[start:end]``, at most ``limit``
        characters each, kept next to the quote (Web Annotation's prefix and suffix).

        >>> Sentences("甲。乙在丙办公。丁").context(4, 5)
        ('乙在', '办公。')
        """
        left, right = self.bounds(start, end)
        prefix = self.text[left:start].lstrip()
        suffix = self.text[end:right].rstrip()
        return prefix[max(0, len(prefix) - limit) :], suffix[:limit]
