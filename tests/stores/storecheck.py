"""Filling a store and comparing rows across stores, where SPARQL leaves some freedom."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from noticekg.extract.records import Notice
from noticekg.graph import notice_graph
from noticekg.graph.stores import Store
from noticekg.queries import get_query, run_query

# ``(GROUP_CONCAT(... ; separator="…") AS ?name)``: SPARQL leaves the order of the parts open.
GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?:[^;)]*;\s*separator\s*=\s*(?P<q>[\"'])(?P<sep>.*?)(?P=q))?[^)]*\)"
    r"\s*AS\s*\?(?P<name>\w+)",
    re.IGNORECASE,
)
# A concatenation passed on under another name: ``(SAMPLE(?list) AS ?titles)``.
SAMPLE = re.compile(r"SAMPLE\s*\(\s*\?(?P<of>\w+)\s*\)\s*AS\s*\?(?P<name>\w+)", re.IGNORECASE)

NOTICE_TRIPLES = get_query(Path(__file__).with_name("notice-triples.rq"))

NUMERIC = ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")


def fill(store: Store, notices: list[Notice]) -> Store:
    for notice in notices:
        graph = _graph(notice)
        store.replace_notice_graph(URIRef(graph.identifier), graph)
    return store


def holding(store: Store, notices: list[Notice]) -> Store:
    """``store`` holding ``notices`` and nothing else, filled again only if it does not.

    For the tests that only read: an Oxigraph server gets slower with every graph dropped and
    written again (0.7 s to fill it with two notices at first, 2.3 s after eleven refills), and
    refilling it for each query made a row comparison take 3-11 s by the end of the suite."""
    graphs = {notice.sha256: _graph(notice) for notice in notices}
    same = store.notice_hashes() == {sha: URIRef(g.identifier) for sha, g in graphs.items()}
    if same and _notice_triples(store) == sum(map(len, graphs.values())):
        return store
    store.drop_notice_graphs(list(store.notice_hashes().values()))
    return fill(store, notices)


# Each notice's graph built once a session (0.05 s a notice, as long as many a query takes).
# Keyed by identity, with the notice kept so that its id is not reused.
_BUILT: dict[int, tuple[Notice, Graph]] = {}


def _graph(notice: Notice) -> Graph:
    if id(notice) not in _BUILT:
        _BUILT[id(notice)] = (notice, notice_graph(notice))
    return _BUILT[id(notice)][1]


def _notice_triples(store: Store) -> int:
    """Triples in the notice graphs only: ``triple_count`` counts every named graph, and
    Virtuoso's graphs of its own made a Virtuoso store never seem to hold the notices."""
    (row,) = run_query(NOTICE_TRIPLES, store, {}).rows
    return int(row[0])


def normalise(vars_: list[str], rows: list[tuple], text: str) -> list[tuple]:
    """Rows sorted, as comparable values: numbers by value (``12.0`` = ``12``), strings without
    their language (GROUP_CONCAT may keep it or not), concatenations as sorted parts.

    Every row as often as it comes: a server's union default graph is a bag, where a triple
    stored in two notice graphs (a shared entity's label) matches twice, and a query must not
    answer a row more often there than in the embedded store."""
    separators = {
        m["name"]: m["sep"] if m["sep"] is not None else " " for m in GROUP_CONCAT.finditer(text)
    }
    for m in SAMPLE.finditer(text):
        if m["of"] in separators:
            separators[m["name"]] = separators[m["of"]]
    out = []
    for row in rows:
        cells = []
        for name, term in zip(vars_, row, strict=True):
            cells.append(_cell(term, separators.get(name)))
        out.append(tuple(cells))
    return sorted(out, key=repr)


def _cell(term: object, separator: str | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = str(term.datatype or "")
        if datatype.rsplit("#", 1)[-1] in NUMERIC:
            return float(f"{float(Decimal(str(term))):.12g}")  # division digits vary
        if separator is not None and separator:
            return tuple(sorted(str(term).split(separator)))
        return str(term)
    return str(term)
