"""Answers held as rows, what the query runner prints and the answer file keeps: a SELECT
answer's solutions, or a graph answer's triples.

rdflib's :class:`~rdflib.query.Result` holds a dict per solution, which the runner then turns
back into rows; making both took most of the time of reading a kept answer of 10,000 rows.
Stores that convert an answer themselves make rows at once, and the dicts (or the graph) are
made only for whatever still asks for them (the SPARQL endpoint's serialisers, validation).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import cast

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.query import Result
from rdflib.term import Identifier, Node

from noticekg.graph.stores.terms import OxigraphTerms
from noticekg.termorder import sorted_triples

__all__ = ["Row", "RowResult", "TripleResult", "rows_in_bulk", "triple_rows"]

#: One solution: a term per variable, in the order of ``vars``, None where unbound.
Row = tuple[Identifier | None, ...]
Triple = tuple[Node, Node, Node]


@contextmanager
def rows_in_bulk() -> Iterator[None]:
    """Pauses Python's cycle collector while an answer's rows are made. Each new tuple counts
    towards its next pass, which then walks every row made so far; rows of terms hold no
    cycles to find. Reading the 430,121 kept rows of figures took 1.4–1.7 s with the collector
    running and 0.65–0.76 s without."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def triple_rows(triples: Iterable[ox.Triple | ox.Quad]) -> list[Row]:
    """pyoxigraph triples as rows of rdflib terms, each triple once, sorted once as the query
    runner prints them (the rdflib graph is made only when read)."""
    convert = OxigraphTerms().__getitem__
    with rows_in_bulk():
        distinct = {(convert(t.subject), convert(t.predicate), convert(t.object)) for t in triples}
        return cast(list[Row], sorted_triples(distinct))


class RowResult(Result):
    """A SELECT :class:`~rdflib.query.Result` whose solutions are ``rows``."""

    def __init__(self, variables: Sequence[Variable], rows: list[Row]) -> None:
        super().__init__("SELECT")
        self.vars = list(variables)
        self.rows = rows

    @property
    def rows(self) -> list[Row]:
        return self._rows

    @rows.setter
    def rows(self, rows: list[Row]) -> None:
        self._rows = rows
        self.bindings = _solutions(self.vars or [], rows)  # a generator: made when first read

    def __len__(self) -> int:
        return len(self._rows)


class TripleResult(Result):
    """A CONSTRUCT or DESCRIBE :class:`~rdflib.query.Result` held as its triples, sorted as
    the query runner prints them; the rdflib graph is made when first read, which for the
    153,201 triples of a kept neighbourhood took longer than everything else."""

    _graph: Graph | None

    def __init__(self, form: str, triples: list[Row]) -> None:
        super().__init__(form)
        self.rows = triples

    @property
    def graph(self) -> Graph | None:
        if self._graph is None:
            graph = Graph()
            graph.addN((s, p, o, graph) for s, p, o in cast(list[Triple], self.rows))
            self._graph = graph
        return self._graph

    @graph.setter
    def graph(self, graph: Graph | None) -> None:
        self._graph = graph

    def __len__(self) -> int:
        return len(self.rows)


def _solutions(
    variables: list[Variable], rows: list[Row]
) -> Iterator[Mapping[Variable, Identifier]]:
    for row in rows:
        yield {v: term for v, term in zip(variables, row, strict=True) if term is not None}
