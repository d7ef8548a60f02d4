"""The text sent to remote endpoints: rewritten only where Virtuoso misreads it, and answered
alike by a server that follows the standard."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rdflib import Literal
from storecheck import fill

from noticekg.extract.records import Notice
from noticekg.graph import notice_graph
from noticekg.graph.stores import OxigraphStore
from noticekg.graph.stores.portable import PortableQuery, portable
from noticekg.graph.stores.substitute import substitute
from noticekg.queries import catalogue
from noticekg.queries.run import bind_params
from noticekg.sparqltext import form_of

XSD_STRING = "<http://www.w3.org/2001/XMLSchema#string>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('SELECT (STR("温州") AS ?s) {}', f'SELECT (STR("温州"^^{XSD_STRING}) AS ?s) {{}}'),
        (
            'SELECT (CONCAT("《", STR(?l), "》") AS ?t) {}',
            f'SELECT (CONCAT("《"^^{XSD_STRING}, STR(?l), "》"^^{XSD_STRING}) AS ?t) {{}}',
        ),
        # Read whole as written, and matched as plain strings: left alone.
        ('SELECT * { ?s <p> "温州" }', 'SELECT * { ?s <p> "温州" }'),
        (
            'SELECT * { ?s <p> ?o FILTER(?o = "温州") }',
            'SELECT * { ?s <p> ?o FILTER(?o = "温州") }',
        ),
        ('SELECT * { VALUES ?o { "温州" } }', 'SELECT * { VALUES ?o { "温州" } }'),
        ('SELECT (STR("温州"@zh) AS ?s) {}', 'SELECT (STR("温州"@zh) AS ?s) {}'),
        ('SELECT (STRLANG("温州", "zh") AS ?s) {}', 'SELECT (STRLANG("温州", "zh") AS ?s) {}'),
        ('SELECT (STR("wz") AS ?s) {} # STR("温州")', 'SELECT (STR("wz") AS ?s) {} '),
        ('# asked\nSELECT * { ?s <p#o> "#" }', '\nSELECT * { ?s <p#o> "#" }'),
        # A group that only tests a variable never bound in it is a constant.
        (
            "SELECT * { { { FILTER(!BOUND(?n)) } ?s <p> 1 }"
            " UNION { { FILTER( BOUND($n) ) } ?n <p> 1 } }",
            "SELECT * { { { FILTER(true) } ?s <p> 1 } UNION { { FILTER(false) } ?n <p> 1 } }",
        ),
        (
            "SELECT * { ?s ?p ?o { FILTER(BOUND(?o)) ?o ?q ?r } }",
            "SELECT * { ?s ?p ?o { FILTER(BOUND(?o)) ?o ?q ?r } }",
        ),
        # A group that only binds a variable binds a constant, and a union of such groups is
        # the VALUES block of their rows.
        (
            'SELECT * { { BIND(COALESCE(STRLANG(COALESCE("温\\"州", ""), "zh"), "") AS ?n) }'
            ' UNION { bind ( coalesce("温州", "") as $n ) } ?s ?p ?n }',
            'SELECT * { { VALUES ?n { "温\\"州"@zh "温州" } } ?s ?p ?n }',
        ),
        (
            'SELECT * { { BIND("a" AS ?n) } UNION { BIND("b" AS ?m) } }',
            'SELECT * { { BIND("a" AS ?n) } UNION { BIND("b" AS ?m) } }',
        ),
        (
            'SELECT * { { BIND("a" AS ?n) } UNION { ?s ?p ?n } }',
            'SELECT * { { BIND("a" AS ?n) } UNION { ?s ?p ?n } }',
        ),
        (
            'SELECT * { { ?s ?p ?n } UNION { BIND("a" AS ?n) } }',
            'SELECT * { { ?s ?p ?n } UNION { BIND("a" AS ?n) } }',
        ),
        (
            'SELECT * { { BIND(COALESCE(STRLANG(COALESCE(?l, ""), "zh"), "") AS ?n) } }',
            'SELECT * { { VALUES ?n { ""@zh } } }',
        ),
        ("SELECT * { { BIND(COALESCE(?l, <a>) AS ?n) } }", "SELECT * { { VALUES ?n { <a> } } }"),
        (
            'SELECT * { { BIND(STRLANG("a"@en, "zh") AS ?n) } { BIND(COALESCE(?l) AS ?m) } }',
            "SELECT * { { VALUES ?n { UNDEF } } { VALUES ?m { UNDEF } } }",
        ),
        # Not alone in its group, or not evaluated here: left alone.
        (
            'SELECT * { ?s ?p ?l { BIND(COALESCE(?l, "") AS ?n) } BIND(1 AS ?k) }',
            'SELECT * { ?s ?p ?l { VALUES ?n { "" } } BIND(1 AS ?k) }',
        ),
        (
            'SELECT * { { ?s ?p ?l BIND(COALESCE(?l, "") AS ?n) } }',
            'SELECT * { { ?s ?p ?l BIND(COALESCE(?l, "") AS ?n) } }',
        ),
        (
            'SELECT * { { BIND(CONCAT("a", "b") AS ?n) } { BIND(1 AS ?m) } }',
            'SELECT * { { BIND(CONCAT("a", "b") AS ?n) } { BIND(1 AS ?m) } }',
        ),
    ],
)
def test_rewritten_where_virtuoso_misreads(text: str, expected: str) -> None:
    assert portable(text).text == expected


def test_a_separator_goes_as_a_placeholder_and_comes_back() -> None:
    sent = portable(
        'SELECT (GROUP_CONCAT(?l; separator="、") AS ?g) (GROUP_CONCAT(?m; separator=" | ") AS ?h)'
    )
    assert 'separator="\\u001F"' in sent.text and 'separator=" | "' in sent.text
    assert sent.text.isascii()
    assert sent.restore("甲\x1f乙\x1f丙 | 丁") == "甲、乙、丙 | 丁"
    assert portable('SELECT (GROUP_CONCAT(?l; separator="\\t") AS ?g) {}').separators == {}


def test_the_catalogue_is_answered_alike(tmp_path: Path, loaded: list[Notice]) -> None:
    """Every catalogue query, rewritten, gives the original's rows on a standard store, with
    every parameter given and with only those it needs."""
    store = fill(OxigraphStore(tmp_path / "db"), loaded)
    values = {
        "string": loaded[0].entities[0].name,
        "iri": str(notice_graph(loaded[0]).identifier),
        "integer": "2",
        "decimal": "1",
        "date": "2000-01-01",
        "boolean": "true",
    }
    rules_used: set[str] = set()
    for named, given in itertools.product(catalogue(), ("all", "required")):
        params = {p.name: values[p.type] for p in named.params if given == "all" or p.required}
        text = substitute(named.text, bind_params(named, params))
        sent = portable(text)
        rules_used |= {"typed string"} if XSD_STRING in sent.text else set()
        rules_used |= {"separator"} if sent.separators else set()
        rules_used |= {"bound only"} if "{ FILTER(false) }" in sent.text else set()
        original, rewritten = store.query(text), store.query(sent.text)
        if form_of(text) in ("CONSTRUCT", "DESCRIBE"):
            assert set(rewritten.graph) == set(original.graph), named.name
            continue
        restored = [tuple(_restored(term, sent) for term in row) for row in rewritten]
        assert restored == [tuple(row) for row in original], named.name
    assert rules_used == {"typed string", "separator", "bound only"}


def _restored(term: object, sent: PortableQuery) -> object:
    if not isinstance(term, Literal):
        return term
    return Literal(sent.restore(str(term)), lang=term.language, datatype=term.datatype)
