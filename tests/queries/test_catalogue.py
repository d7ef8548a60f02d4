"""The shipped .rq files: headers, parsing, lookup by name or path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from noticekg.errors import QueryError
from noticekg.ontology import NKG
from noticekg.queries import PARAM_TYPES, catalogue, get_query, parse_query, query_form

# A term of the nkg: namespace as written in a query.
NKG_TERM = re.compile(r"\bnkg:([A-Za-z_][A-Za-z0-9_]*)")


def test_catalogue_has_described_queries() -> None:
    queries = catalogue()
    assert len(queries) >= 15
    assert len({q.name for q in queries}) == len(queries)
    for query in queries:
        assert query.title and query.description
        assert query.prepared is not None
        assert all(p.type in PARAM_TYPES and p.description for p in query.params)


@pytest.mark.parametrize("query", catalogue(), ids=lambda q: q.name)
def test_queries_use_only_ontology_terms(query) -> None:
    for term in NKG_TERM.findall(query.text):
        assert getattr(NKG, term), term  # DefinedNamespace with _fail raises on unknown terms


def test_get_query_by_name_and_path(tmp_path: Path) -> None:
    assert get_query("problems-and-measures").name == "problems-and-measures"
    path = tmp_path / "mine.rq"
    path.write_text("# title: t\n# description: d\nASK { ?s ?p ?o }\n", encoding="utf-8")
    assert get_query(path).title == "t"
    assert get_query(str(path)).name == "mine"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("problems-measure", "did you mean problems-and-measures"),
        ("figures-by-units", "did you mean figures-by-unit"),
        ("zzzz", "known: "),
    ],
)
def test_unknown_query_suggests(name: str, expected: str) -> None:
    with pytest.raises(QueryError, match=expected) as caught:
        get_query(name)
    assert repr(name) in str(caught.value)


def test_missing_query_file(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no such query file"):
        get_query(tmp_path / "absent.rq")


MALFORMED = [
    ("# title: t\n# description: d\nSELECT ?s WHERE {\n  ?s ?p \n}\n",
     r"bad\.rq: line \d+ column \d+"),
    ("# description: d\nASK { ?s ?p ?o }\n", r"'# title: …' is missing"),
    ("# title: t\n# description: d\n# param: x float — a number\nASK { ?x ?p ?o }\n",
     "parameter type 'float'"),
    ("# title: t\n# description: d\n# param: x\nASK { ?x ?p ?o }\n", "bad '# param:' line"),
    ("# title: t\n# description: d\n# param: y iri — unused\nASK { ?x ?p ?o }\n",
     "parameter y is not used"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MALFORMED)
def test_malformed_query_file(text: str, expected: str) -> None:
    with pytest.raises(QueryError, match=expected) as caught:
        parse_query(text, name="bad", source="bad.rq")
    assert str(caught.value).startswith("bad.rq")
    assert "\n" not in str(caught.value)


def test_param_header_forms() -> None:
    text = (
        "# title: t\n# description: d\n"
        "# param: a iri — required\n# param: b integer? — optional\n"
        "# param: c date = 2020-01-01 -- with a default\n"
        "SELECT * WHERE { ?a ?b ?c }\n"
    )
    a, b, c = parse_query(text, name="x", source="x.rq").params
    assert (a.required, b.required, c.required) == (True, False, False)
    assert c.default == "2020-01-01" and c.description == "with a default"


ALGEBRA_FORMS = {
    "SelectQuery": "SELECT",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
    "AskQuery": "ASK",
}


@pytest.mark.parametrize("query", catalogue(), ids=lambda q: q.name)
def test_the_form_read_from_the_text_is_the_parsers(query) -> None:
    assert query_form(query) == ALGEBRA_FORMS[query.prepared.algebra.name]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (
            "# SELECT in a comment\nPREFIX s: <http://e.org/SELECT#>\nASK { ?s ?p 'CONSTRUCT' }",
            "ASK",
        ),
        ("PREFIX ask: <http://e.org/>\nDESCRIBE ask:x", "DESCRIBE"),
        ("BASE <http://e.org/>\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ],
)
def test_the_form_skips_comments_strings_iris_and_prefixes(text: str, form: str) -> None:
    query = parse_query(f"# title: t\n# description: d\n{text}", name="q", source="q.rq")
    assert query_form(query) == form == ALGEBRA_FORMS[query.prepared.algebra.name]
