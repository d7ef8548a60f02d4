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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol, runtime_checkable
from urllib.parse import unquote, urlsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD, NamespaceManager
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Node

from noticekg.errors import QueryError
from noticekg.queries.catalogue import NamedQuery, QueryParam

__all__ = [
    "QueryResult",
    "SparqlSource",
    "bind_params",
    "format_csv",
    "format_json",
    "format_table",
    "run_query",
]

# Characters that may not appear in an IRI reference (RFC 3987 / SPARQL IRIREF).
IRI_FORBIDDEN = frozenset('<>"{}|\\^`')

# Runs of percent-escapes of bytes >= 0x80 (UTF-8 of non-ASCII characters such as 科技局); ASCII
# escapes such as %2F stay escaped so the displayed IRI is not misread.
NON_ASCII_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")

TRIPLE_VARS = ("subject", "predicate", "object")


@dataclass(frozen=True)
class QueryResult:
    """``vars`` and ``rows`` for SELECT (and CONSTRUCT/DESCRIBE, as subject-predicate-object
    rows); ``graph`` for CONSTRUCT/DESCRIBE; ``boolean`` for ASK."""

    vars: list[str]
    rows: list[tuple[Node | None, ...]]
    graph: Graph | None = None
    boolean: bool | None = None
    namespaces: NamespaceManager | None = None


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
        prepared = query.prepared if query.prepared is not None else query.text
        result = graph.query(prepared, initBindings=bindings)
    else:
        result = graph.query(query.text, bindings)
    namespaces = graph.namespace_manager
    if result.type == "ASK":
        return QueryResult([], [], boolean=bool(result.askAnswer), namespaces=namespaces)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        built = result.graph if result.graph is not None else Graph()
        rows: list[tuple[Node | None, ...]] = [(s, p, o) for s, p, o in sorted(built)]
        return QueryResult(list(TRIPLE_VARS), rows, graph=built, namespaces=namespaces)
    names = [str(v) for v in (result.vars or [])]
    rows = [tuple(row) for row in result if isinstance(row, ResultRow)]
    return QueryResult(names, rows, namespaces=namespaces)


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
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _cell(text: str, limit: int) -> str:
    """One line, at most ``limit`` columns (cut with …), control characters shown escaped."""
    text = "".join(
        char if unicodedata.category(char)[0] != "C" else repr(char)[1:-1] for char in text
    )
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for char in text:
        w = display_width(char)
        if width + w > limit - 1:
            break
        out.append(char)
        width += w
    return "".join(out) + "…"


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def _is_number(term: Node | None) -> bool:
    return isinstance(term, Literal) and isinstance(term.value, int | float | Decimal)


def format_table(result: QueryResult, *, max_width: int = 60) -> str:
    """An aligned text table (numbers right-aligned), or ``true``/``false`` for ASK."""
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    cells = [
        [_cell(display(term, result.namespaces), max_width) for term in row] for row in result.rows
    ]
    numeric = [
        all(_is_number(row[i]) for row in result.rows if row[i] is not None)
        for i in range(len(result.vars))
    ]
    widths = [
        max([display_width(name), *(display_width(row[i]) for row in cells)])
        for i, name in enumerate(result.vars)
    ]
    lines = [
        "  ".join(_pad(name, widths[i], False) for i, name in enumerate(result.vars)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    for row in cells:
        line = "  ".join(_pad(cell, widths[i], numeric[i]) for i, cell in enumerate(row))
        lines.append(line.rstrip())
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
