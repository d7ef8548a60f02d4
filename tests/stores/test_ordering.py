"""The embedded store sorts a query's rows in Python; the order must be the one Oxigraph gives."""

from __future__ import annotations

import pytest
import rdflib.namespace as ns
from rdflib import BNode, Literal, URIRef, Variable

from noticekg.extract.records import Notice
from noticekg.graph import notice_graph
from noticekg.graph.stores import OxigraphStore
from noticekg.graph.stores.ordering import Ordering, split_order
from noticekg.graph.stores.substitute import substitute
from noticekg.graph.stores.terms import from_oxigraph
from noticekg.queries import NamedQuery, bind_params, catalogue, query_form
from noticekg.termorder import term_key

SELECTS = [q for q in catalogue() if query_form(q) == "SELECT"]


@pytest.mark.parametrize(
    ("text", "rest", "keys"),
    [
        ("SELECT * { ?s ?p ?o } ORDER BY ?s", "SELECT * { ?s ?p ?o } ", (("s", False),)),
        (
            "SELECT * { ?s ?p ?o }\norder by DESC(?o) asc( ?s ) ?p\n",
            "SELECT * { ?s ?p ?o }\n",
            (("o", True), ("s", False), ("p", False)),
        ),
    ],
)
def test_a_final_plain_order_is_taken_off(text: str, rest: str, keys: tuple) -> None:
    assert split_order(text) == (rest, Ordering(keys))


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 10",  # the store must sort before it cuts
        "SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 1 } ?s ?q ?r }",
        "SELECT * { ?s ?p ?o } ORDER BY STRLEN(?o)",
        "SELECT * { ?s ?p ?o } ORDER BY ?s # last",
        "SELECT * { ?s ?p ?o }",
    ],
)
def test_any_other_ending_stays_for_the_store(text: str) -> None:
    assert split_order(text) == (text, None)


def test_terms_sort_as_sparql_orders_them() -> None:
    ordered = [
        None,
        BNode("b"),
        URIRef("https://example.org/a"),
        URIRef("https://example.org/b"),
        Literal(2),
        Literal("10", datatype=ns.XSD.decimal),
        Literal("a"),
        Literal("b"),
        Literal("a", lang="zh"),
        Literal("2021-03-04", datatype=ns.XSD.date),
        Literal("2021-11-30", datatype=ns.XSD.date),
    ]
    assert sorted(reversed(ordered), key=term_key) == ordered


def test_descending_keys_sort_stably() -> None:
    rows = [(Literal(1), Literal("b")), (Literal(2), Literal("a")), (Literal(1), None)]
    ordering = Ordering((("x", True), ("y", False)))
    assert ordering.sort(rows, ["x", "y"]) == [
        (Literal(2), Literal("a")),
        (Literal(1), None),
        (Literal(1), Literal("b")),
    ]


def test_every_catalogue_select_is_sorted_in_python() -> None:
    assert all(split_order(q.text)[1] is not None for q in SELECTS)


@pytest.mark.parametrize("named", SELECTS, ids=lambda q: q.name)
def test_rows_come_in_oxigraphs_own_order(
    embedded_sample: OxigraphStore, loaded: list[Notice], named: NamedQuery
) -> None:
    fill = {"iri": str(notice_graph(loaded[0]).identifier), "string": loaded[0].entities[0].name}
    params = {p.name: fill.get(p.type, "1") for p in named.params if p.required}
    bindings = bind_params(named, params)
    _, ordering = split_order(named.text)
    assert ordering is not None
    keys = [Variable(name) for name, _ in ordering.keys]
    ours = embedded_sample.query(named.text, bindings).bindings
    theirs = embedded_sample.store.query(substitute(named.text, bindings))
    expected = [tuple(from_oxigraph(row[str(k)]) for k in keys) for row in theirs]
    assert [tuple(row.get(k) for k in keys) for row in ours] == expected


def test_an_order_by_a_column_left_out_is_left_to_the_store(
    embedded_sample: OxigraphStore,
) -> None:
    text = (
        "SELECT ?label WHERE { ?notice a <https://w3id.org/noticekg/ontology#Notice> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY DESC(?notice)"
    )
    ours = [row[Variable("label")] for row in embedded_sample.query(text).bindings]
    theirs = [from_oxigraph(row["label"]) for row in embedded_sample.store.query(text)]
    assert ours == theirs and len(ours) == 2
