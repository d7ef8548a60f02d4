"""Running a named query with typed parameters, and printing its rows for people and programs.

Parameter values are turned into rdflib terms and passed as ``initBindings`` (or to a store's
``query``, which binds them its own way); they are never pasted into the query text as they were
typed, so a value full of quotes or braces is only ever a value.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import accumulate
from typing import Any, Protocol, runtime_checkable
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD, NamespaceManager
from rdflib.query import Result
from rdflib.term import Identifier, Node

from noticekg.errors import QueryError
from noticekg.queries.catalogue import NamedQuery, QueryParam
from noticekg.sparqltext import form_of
from noticekg.termorder import sorted_triples

__all__ = [
    "GRAPH_FORMATS",
    "ROW_FORMATS",
    "QueryResult",
    "SparqlSource",
    "bind_params",
    "check_format",
    "format_csv",
    "format_graph",
    "format_json",
    "format_table",
    "query_form",
    "run_query",
]

# Characters that may not appear in an IRI reference (RFC 3987 / SPARQL IRIREF).
IRI_FORBIDDEN = frozenset('<>"{}|\\^`')

# How a boolean parameter may be written: the xsd:boolean lexical forms.
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}

# Runs of percent-escapes of bytes >= 0x80 (UTF-8 of non-ASCII characters such as 科技局); ASCII
# escapes such as %2F stay escaped so the displayed IRI is not misread.
NON_ASCII_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")

TRIPLE_VARS = ("subject", "predicate", "object")

# Output formats by what a query returns: rows (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE);
# graph formats map to rdflib serialiser names.
ROW_FORMATS = ("table", "csv", "json")
GRAPH_FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}
# The formats Oxigraph writes, much faster than rdflib's writers.
OXIGRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


class QueryResult:
    """``vars`` and ``rows`` for SELECT (and CONSTRUCT/DESCRIBE, as subject-predicate-object
    rows, sorted); ``graph`` for CONSTRUCT/DESCRIBE; ``boolean`` for ASK.

    ``graph`` may be given as a function that makes it, called when it is first read: an
    rdflib graph of a kept answer's 153,201 triples took 3.4 s to build, and printing it as
    Turtle or N-Triples needs only the rows.
    """

    def __init__(
        self,
        vars: list[str],
        rows: list[tuple[Node | None, ...]],
        graph: Graph | Callable[[], Graph] | None = None,
        boolean: bool | None = None,
        namespaces: NamespaceManager | None = None,
    ) -> None:
        self.vars = vars
        self.rows = rows
        self.boolean = boolean
        self.namespaces = namespaces
        self._graph = graph

    @property
    def is_graph(self) -> bool:
        """Whether this is a graph answer, without making the graph."""
        return self._graph is not None

    @property
    def graph(self) -> Graph | None:
        if self._graph is not None and not isinstance(self._graph, Graph):
            self._graph = self._graph()
        return self._graph

    def __repr__(self) -> str:
        return f"QueryResult(vars={self.vars!r}, rows={len(self.rows)}, boolean={self.boolean!r})"


@runtime_checkable
class AnswerRows(Protocol):
    """An answer that holds its solutions as rows, a term (or None) per variable in the order
    of ``vars``; a graph as its triples, sorted (the embedded store's answers)."""

    rows: list[tuple[Identifier | None, ...]]


@runtime_checkable
class SparqlSource(Protocol):
    """Anything that answers SPARQL with bound parameters as an rdflib :class:`Result` (the
    stores of :mod:`noticekg.graph.stores`); kept structural so this package needs none of them."""

    namespace_manager: NamespaceManager

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Result: ...


def run_query(
    query: NamedQuery, graph: Graph | SparqlSource, params: Mapping[str, str]
) -> QueryResult:
    """Rows of ``query`` over an rdflib graph or a store.

    :raises QueryError: for an unknown, missing or ill-typed parameter.
    """
    bindings = bind_params(query, params)
    if isinstance(graph, Graph):
        result = graph.query(query.prepared, initBindings=bindings)
    else:
        result = graph.query(query.text, bindings)
    namespaces = graph.namespace_manager
    if result.type == "ASK":
        return QueryResult([], [], boolean=bool(result.askAnswer), namespaces=namespaces)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if isinstance(result, AnswerRows):
            return QueryResult(
                list(TRIPLE_VARS),
                list(result.rows),
                graph=lambda: result.graph or Graph(),
                namespaces=namespaces,
            )
        built = result.graph if result.graph is not None else Graph()
        rows: list[tuple[Node | None, ...]] = list(sorted_triples(built))
        return QueryResult(list(TRIPLE_VARS), rows, graph=built, namespaces=namespaces)
    variables = result.vars or []
    # Skipping empty solutions as iterating the result does. Rows are taken as they are from a
    # store that answers with rows, else made straight from the solutions: rdflib's ResultRow,
    # made for each row when iterating, took most of the time of reading a kept answer.
    if isinstance(result, AnswerRows):
        # By identity, first column first: comparing rows with a row of None ran rdflib's
        # __eq__ for each row, a third of reading figures' 430,121 kept rows.
        kept = result.rows if variables else []
        rows = [row for row in kept if row[0] is not None or any(t is not None for t in row)]
    else:
        rows = [tuple(s.get(v) for v in variables) for s in result.bindings if s]
    return QueryResult([str(v) for v in variables], rows, namespaces=namespaces)


def query_form(query: NamedQuery) -> str:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``, read from the query's text."""
    return form_of(query.text)


def check_format(query: NamedQuery, fmt: str) -> None:
    """Refuse an output format the query's form cannot fill, before anything runs: rows print
    as a table, CSV or JSON; a graph as Turtle, N-Triples or JSON-LD.

    :raises QueryError: naming the query and the formats it allows.
    """
    form = query_form(query)
    allowed = list(GRAPH_FORMATS) if form in ("CONSTRUCT", "DESCRIBE") else list(ROW_FORMATS)
    if fmt not in allowed:
        raise QueryError(
            f"query {query.name}: a {form} query cannot print as {fmt}; "
            f"use --format {', '.join(allowed)}"
        )


def bind_params(query: NamedQuery, params: Mapping[str, str]) -> dict[str, Identifier]:
    """Typed rdflib terms for ``params`` plus defaults; unknown, missing and ill-typed values
    are refused with the parameter's name."""
    known = {p.name: p for p in query.params}
    for name in params:
        if name not in known:
            listed = ", ".join(known) or "none"
            raise QueryError(f"query {query.name}: unknown parameter {name!r} (known: {listed})")
    bindings: dict[str, Identifier] = {}
    for param in query.params:
        value = params.get(param.name, param.default)
        if value is None:
            if param.required:
                raise QueryError(f"query {query.name}: parameter {param.name} is required")
            continue
        bindings[param.name] = to_term(param, value, query.name)
    return bindings


def to_term(param: QueryParam, value: str, query: str) -> Identifier:
    """``value`` as the RDF term of ``param.type``."""
    where = f"query {query}: parameter {param.name}"
    if param.type == "iri":
        parts = urlsplit(value)
        if not parts.scheme or any(c in IRI_FORBIDDEN or c.isspace() for c in value):
            raise QueryError(f"{where}: {value!r} is not an absolute IRI")
        return URIRef(value)
    if param.type == "integer":
        try:
            return Literal(int(value.strip()))
        except ValueError:
            raise QueryError(f"{where}: {value!r} is not an integer") from None
    if param.type == "decimal":
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise QueryError(f"{where}: {value!r} is not a decimal number") from None
        if not number.is_finite():
            raise QueryError(f"{where}: {value!r} is not a finite decimal number")
        return Literal(format(number, "f"), datatype=XSD.decimal)
    if param.type == "boolean":
        flag = value.strip().lower()
        if flag not in BOOLEANS:
            raise QueryError(f"{where}: {value!r} is not true or false")
        return Literal(BOOLEANS[flag])
    if param.type == "date":
        try:
            return Literal(date.fromisoformat(value.strip()), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None
    return Literal(value)


# --- output ------------------------------------------------------------------------------


def display(term: Node | None, namespaces: NamespaceManager | None = None) -> str:
    """A cell as a person reads it: literal values bare, IRIs prefixed where a prefix is bound
    and otherwise shown with non-ASCII percent-escapes decoded (CSV and JSON keep the exact IRI)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        if namespaces is not None:
            try:
                prefixed = namespaces.curie(term, generate=False)
                if prefixed != str(term):
                    return prefixed
            except (KeyError, ValueError):
                pass
        return "<" + NON_ASCII_ESCAPES.sub(lambda m: unquote(m.group()), term) + ">"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count 2, combining
    marks 0."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@lru_cache(maxsize=1 << 14)
def _char_width(char: str) -> int:
    # Each character looked up once: a table of 10,000 rows took 2.2 s, most of it here.
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _cell(text: str, limit: int) -> str:
    """One line, at most ``limit`` columns (cut with …), control characters shown escaped."""
    if not text.isprintable():  # else no control character (category C) is in it
        text = "".join(
            char if unicodedata.category(char)[0] != "C" else repr(char)[1:-1] for char in text
        )
    if len(text) <= limit and text.isascii():
        return text
    # Walked only as far as the cut: a problem's text runs to hundreds of characters.
    cut = 0
    for count, width in enumerate(accumulate(map(_char_width, text)), start=1):
        if width <= limit - 1:
            cut = count
        elif width > limit:
            return text[:cut] + "…"
    return text


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


class _Cells:
    """Each distinct term's cell, its width and whether it is a number (None: unbound), made
    once: a notice's IRI or a problem's text recurs row after row (119,184 rows of
    problems-and-measures: 11.7 s cell by cell). Terms are told apart by identity, since an
    answer repeats the same term object and rdflib hashes a literal in Python (1.4 µs)."""

    def __init__(self, namespaces: NamespaceManager | None, limit: int) -> None:
        self.namespaces = namespaces
        self.limit = limit
        self.made: dict[int, tuple[str, int, bool | None]] = {}

    def __call__(self, term: Node | None) -> tuple[str, int, bool | None]:
        made = self.made.get(id(term))
        if made is None:
            text = _cell(display(term, self.namespaces), self.limit)
            number = None if term is None else _is_number(term)
            made = self.made[id(term)] = (text, display_width(text), number)
        return made


def _is_number(term: Node | None) -> bool:
    return isinstance(term, Literal) and isinstance(term.value, int | float | Decimal)


def format_table(result: QueryResult, *, max_width: int = 60) -> str:
    """An aligned text table (numbers right-aligned), or ``true``/``false`` for ASK."""
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    shown = _Cells(result.namespaces, max_width)
    cells = [list(map(shown, row)) for row in result.rows]
    numeric = [all(row[i][2] is not False for row in cells) for i in range(len(result.vars))]
    widths = [
        max([display_width(name), *(row[i][1] for row in cells)])
        for i, name in enumerate(result.vars)
    ]
    lines = [
        "  ".join(_pad(name, widths[i], False) for i, name in enumerate(result.vars)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    for row in cells:
        padded = (
            " " * (widths[i] - width) + text if numeric[i] else text + " " * (widths[i] - width)
            for i, (text, width, _) in enumerate(row)
        )
        lines.append("  ".join(padded).rstrip())
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)


def format_csv(result: QueryResult) -> str:
    """CSV with a header row; IRIs and literal values written bare (as SPARQL CSV results)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if term is None else str(term) for term in row])
    return buffer.getvalue()


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, ensure_ascii=False)
    bindings = [
        {name: _json_term(term) for name, term in zip(result.vars, row, strict=True) if term}
        for row in result.rows
    ]
    document = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1)


def format_graph(result: QueryResult, fmt: str) -> str:
    """A CONSTRUCT/DESCRIBE result as Turtle, N-Triples or JSON-LD (``fmt`` a key of
    :data:`GRAPH_FORMATS`), prefixed with the source's namespaces (the project prefixes).

    :raises QueryError: when the result is no graph or ``fmt`` is unknown.
    """
    if not result.is_graph or fmt not in GRAPH_FORMATS:
        raise QueryError(f"--format {fmt}: only {', '.join(GRAPH_FORMATS)} for a graph result")
    if fmt != "jsonld":
        text = _oxigraph_text(result, OXIGRAPH_FORMATS[fmt])
        if text is not None:
            return text.rstrip("\n")
    built = result.graph or Graph()
    graph = Graph()
    if result.namespaces is not None:
        for prefix, namespace in result.namespaces.namespaces():
            graph.bind(prefix, namespace, override=True, replace=True)
    for triple in built:
        graph.add(triple)
    if fmt == "jsonld":
        text = graph.serialize(format="json-ld", context=_used_prefixes(graph), indent=1)
    else:
        text = graph.serialize(format=GRAPH_FORMATS[fmt])
    return text.rstrip("\n")


def _oxigraph_text(result: QueryResult, fmt: ox.RdfFormat) -> str | None:
    """The rows (sorted, so Turtle groups each subject's triples) written by Oxigraph, with
    the prefixes some IRI uses; None when Oxigraph reads a term otherwise than rdflib wrote
    it. rdflib's Turtle writer took 17 s for a neighbourhood of 153,201 triples."""
    written: dict[Node | None, str] = {}
    iris: set[str] = set()

    def n3(term: Node | None) -> str:
        text = written.get(term)
        if text is None:
            if not isinstance(term, Identifier):
                raise TypeError(f"not an RDF term: {term!r}")
            text = written[term] = term.n3()
            if isinstance(term, URIRef):
                iris.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None:
                iris.add(str(term.datatype))
        return text

    lines = "".join(f"{n3(s)} {n3(p)} {n3(o)} .\n" for s, p, o in result.rows)
    try:
        triples = list(ox.parse(lines.encode(), format=ox.RdfFormat.TURTLE))
    except SyntaxError:
        return None
    bound = result.namespaces.namespaces() if result.namespaces is not None else ()
    prefixes = _prefixes_used(bound, iris)
    return (ox.serialize(triples, format=fmt, prefixes=prefixes) or b"").decode()


def _used_prefixes(graph: Graph) -> dict[str, str]:
    """The bound prefixes whose namespace some IRI of ``graph`` starts with: the JSON-LD
    context, so keys read ``nkg:label`` rather than full IRIs."""
    iris = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    iris |= {str(o.datatype) for o in graph.objects() if isinstance(o, Literal) and o.datatype}
    return _prefixes_used(graph.namespaces(), iris)


def _prefixes_used(bound: Iterable[tuple[str, Any]], iris: Iterable[str]) -> dict[str, str]:
    """The prefixes of ``bound`` whose namespace starts some IRI, each found by bisecting
    the sorted IRIs (a graph can hold a hundred thousand)."""
    ordered = sorted(iris)

    def starts_some(namespace: str) -> bool:
        at = bisect_left(ordered, namespace)
        return at < len(ordered) and ordered[at].startswith(namespace)

    return {prefix: str(ns) for prefix, ns in bound if prefix and starts_some(str(ns))}


def _json_term(term: Node) -> dict[str, Any]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out: dict[str, Any] = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out
