"""Filling a store and comparing rows across stores, where SPARQL leaves some freedom."""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal, URIRef

from noticekg.extract.records import Notice
from noticekg.graph import notice_graph
from noticekg.graph.stores import Store

# ``(GROUP_CONCAT(... ; separator="…") AS ?name)``: SPARQL leaves the order of the parts open.
GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?:[^;)]*;\s*separator\s*=\s*(?P<q>[\"'])(?P<sep>.*?)(?P=q))?[^)]*\)"
    r"\s*AS\s*\?(?P<name>\w+)",
    re.IGNORECASE,
)

NUMERIC = ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")


def fill(store: Store, notices: list[Notice]) -> Store:
    for notice in notices:
        graph = notice_graph(notice)
        store.replace_notice_graph(URIRef(graph.identifier), graph)
    return store


def holding(store: Store, notices: list[Notice]) -> Store:
    """``store`` holding ``notices`` and nothing else, filled again only if it does not.

    For the tests that only read: an Oxigraph server gets slower with every graph dropped and
    written again (0.7 s to fill it with two notices at first, 2.3 s after eleven refills), and
    refilling it for each query made a row comparison take 3-11 s by the end of the suite."""
    graphs = {notice.sha256: notice_graph(notice) for notice in notices}
    same = store.notice_hashes() == {sha: URIRef(g.identifier) for sha, g in graphs.items()}
    if same and store.triple_count() == sum(map(len, graphs.values())):
        return store
    store.drop_notice_graphs(list(store.notice_hashes().values()))
    return fill(store, notices)


def normalise(vars_: list[str], rows: list[tuple], text: str) -> list[tuple]:
    """Rows as a sorted set of comparable values: numbers by value (``12.0`` = ``12``), strings
    without their language (GROUP_CONCAT may keep it or not), concatenations as sorted parts.

    A set, because Oxigraph's union default graph is a bag: a triple stored in two notice
    graphs (a shared entity's label) matches twice there and once in rdflib. Queries that need
    the same row counts everywhere say DISTINCT."""
    separators = {
        m["name"]: m["sep"] if m["sep"] is not None else " " for m in GROUP_CONCAT.finditer(text)
    }
    out = []
    for row in rows:
        cells = []
        for name, term in zip(vars_, row, strict=True):
            cells.append(_cell(term, separators.get(name)))
        out.append(tuple(cells))
    return sorted(set(out), key=repr)


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
