"""A query's final ``ORDER BY`` applied to its converted rows in Python, for every store
that answers with rows (Oxigraph, remote endpoints).

Oxigraph sorted 1,000 notice IRIs in 46 ms of a 59 ms query (``notice-graphs``), and the cost
grows faster than the rows; Python sorts the same rows, once converted, in about a millisecond.
Virtuoso cannot sort rows holding a value longer than about 7,000 characters (error SR319),
such as the titles of the notices that name an entity found in hundreds of them.
Only an ``ORDER BY`` that ends the query and names plain variables (each optionally in
``ASC()`` or ``DESC()``) is taken off; anything else stays in the query for the store to do.
The order is SPARQL's, as rdflib's in-memory store applies it: unbound first, then blank
nodes, IRIs and literals; numbers by value, other literals by datatype, language and text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rdflib.query import Result

from noticekg.graph.stores.rows import Row, RowResult
from noticekg.sparqltext import form_of
from noticekg.termorder import term_keys

__all__ = ["Ordering", "ordered", "split_order"]

_CONDITION = r"(?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+)"
_FINAL_ORDER = re.compile(rf"\bORDER\s+BY\s+((?:{_CONDITION}\s*)+)$", re.IGNORECASE)
_EACH = re.compile(r"(ASC|DESC)?\s*\(?\s*\?(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Ordering:
    """``(variable, descending)`` pairs, most significant first."""

    keys: tuple[tuple[str, bool], ...]

    def fits(self, names: Sequence[str]) -> bool:
        """Whether every variable it names is a column of the answer (else the store sorts)."""
        return all(name in names for name, _ in self.keys)

    def sort(self, rows: list[Row], names: Sequence[str]) -> list[Row]:
        """``rows``, whose columns are ``names``, in this order; stable, so rows that tie keep
        the store's order. Each distinct term's key is made once per sort: a notice IRI recurs
        in every row of its notice (11,934 rows sorted in 38 ms instead of 60 ms)."""
        key_of = term_keys()

        for name, descending in reversed(self.keys):
            column = names.index(name)
            rows = sorted(rows, key=lambda row: key_of(row[column]), reverse=descending)
        return rows


def split_order(text: str) -> tuple[str, Ordering | None]:
    """The query without its final plain ``ORDER BY``, and that order; or the query unchanged
    and ``None`` when it ends some other way."""
    found = _FINAL_ORDER.search(text.rstrip())
    if found is None:
        return text, None
    keys = tuple(
        (name, (word or "").upper() == "DESC") for word, name in _EACH.findall(found.group(1))
    )
    return text[: found.start()], Ordering(keys)


def ordered(text: str, answer: Callable[[str], Result]) -> Result:
    """``answer(text)``, with a final plain ``ORDER BY`` of a ``SELECT`` done here on the rows
    ``answer`` gives for the text without it. Where the order names a variable the answer
    leaves out, ``answer`` is asked again with the order in place."""
    unordered, ordering = split_order(text) if form_of(text) == "SELECT" else (text, None)
    if ordering is None:
        return answer(text)
    result = answer(unordered)
    names = [str(v) for v in result.vars or ()]
    if not isinstance(result, RowResult) or not ordering.fits(names):
        return answer(text)
    result.rows = ordering.sort(result.rows, names)
    return result
