"""Candidate entity mentions and the tail words that type them.

Every rule of :mod:`noticekg.extract.entities` and its helpers yields :class:`Candidate` spans;
overlapping ones are resolved by :func:`longest_first`, as a span ruler does. Tail words (…管委会,
…孵化器, …项目, …新区) come from the shipped lexicon ``tails.txt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from noticekg.extract import lexicon
from noticekg.extract.records import EntityType


@dataclass(frozen=True)
class Candidate:
    """One rule match: ``name`` starts at ``name_start``; ``start``/``end`` bound the whole mention
    (with quotes and head noun) and ``form`` is that whole mention when it differs from ``name``."""

    start: int
    end: int
    name: str
    name_start: int
    type: EntityType
    subtype: str | None
    form: str | None = None
    rule: str = ""
    weak: bool = False
    """A name too descriptive to stand alone; kept only as a short form of a stronger name."""

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Tail:
    """A word that ends names of one type (管委会 → Organization/government)."""

    word: str
    type: EntityType
    subtype: str
    proper: bool


@cache
def tails() -> dict[str, Tail]:
    return {
        word: Tail(word, EntityType(kind), subtype, rule == "proper")
        for word, (kind, subtype, rule) in lexicon.table("tails.txt").items()
    }


@cache
def tail_ends() -> frozenset[str]:
    """Last characters of tail words: most words end with none of them and are skipped."""
    return frozenset(word[-1] for word in tails())


@cache
def tail_of(word: str) -> Tail | None:
    """The longest tail word ``word`` ends with; a one-character tail never ends a common word
    (布局, 空间布局, 地区)."""
    table = tails()
    for size in range(min(len(word), 6), 0, -1):
        tail = table.get(word[-size:])
        if tail is None:
            continue
        if size == 1 and len(word) > 1 and word[-2:] in lexicon.words("generic.txt"):
            return None
        return tail
    return None


def longest_first(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, the longer span winning, the earlier one on a tie."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (-c.length, c.start, c.rule)):
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        chosen.append(candidate)
        taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)
