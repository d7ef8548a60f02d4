"""Parameters bound into SPARQL text: remote endpoints take no bindings of their own, and with
pyoxigraph's own bindings a query of one notice ran as slowly as one of the whole store.

Each bound variable is replaced by its term as rdflib serialises it (``.n3()``), token by token,
so a value is only ever one RDF term: strings, IRIs and comments of the query are left alone,
and the value itself is escaped by the serialiser. This mirrors rdflib's ``initBindings`` and
pyoxigraph's ``substitutions`` (SPARQL-dev SEP-0007): the variable is bound everywhere, also in
``FILTER`` and ``HAVING``, and still appears in the results when it is projected. A sub-select
no longer projects it: its patterns hold the term already, and an outer ``(term AS ?name)``
may not bind a name a sub-select has bound.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib.term import Identifier

from noticekg.sparqltext import TOKEN

__all__ = ["substitute"]

# ``BOUND(?name)``: a variable that is substituted away must not leave BOUND of a constant.
BOUND_CALL = re.compile(r"BOUND\s*\(\s*[?$](?P<name>\w+)\s*\)", re.IGNORECASE)

# Keywords that open a clause where a bare variable needs rewriting to stay valid.
CLAUSE_START = {"SELECT": "select", "GROUP": "group", "ORDER": "order"}

# Keywords that end the projection, grouping or ordering clause of a query.
CLAUSE_END = frozenset({"WHERE", "FROM", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"})


def substitute(text: str, bindings: Mapping[str, Identifier]) -> str:
    """``text`` with every variable of ``bindings`` replaced by its term."""
    if not bindings:
        return text
    terms = {name: term.n3() for name, term in bindings.items()}
    grouped = _grouped_variables(text)
    out: list[str] = []
    last, clause, depth, clause_depth, previous, outer = 0, "", 0, 0, "", True
    for match in TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if match.start() < last:  # inside a BOUND(...) already rewritten
            continue
        bound = BOUND_CALL.match(text, match.start()) if kind == "word" else None
        if bound is not None and bound["name"] in terms:
            out.append(text[last : match.start()])
            out.append("true")  # a bound parameter is bound, whatever the endpoint
            last = bound.end()
            continue
        if kind == "word":
            upper = token.upper()
            if upper in CLAUSE_START:
                clause, clause_depth = CLAUSE_START[upper], depth
                if upper == "SELECT":
                    outer = depth == 0
            elif upper in CLAUSE_END:
                clause = ""
        elif kind == "open":
            if token == "{":
                clause = ""
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < clause_depth:  # the end of the sub-select the clause was in
                clause = ""
        elif kind == "var" and token[1:] in terms and previous != "AS":
            term, top = terms[token[1:]], depth == clause_depth
            out.append(text[last : match.start()])
            if outer or clause != "select" or not top:  # sub-selects drop it from their projection
                out.append(_replacement(token, term, clause, top, token[1:] in grouped))
            last = match.end()
        if kind != "comment":
            previous = token.upper()
    out.append(text[last:])
    return "".join(out)


def _replacement(token: str, term: str, clause: str, top: bool, grouped: bool) -> str:
    """The term as the clause's grammar allows it there."""
    if clause == "select" and top:
        return token if grouped else f"({term} AS {token})"
    if clause == "group" and top:
        return f"({term} AS {token})"
    if clause == "order" and top:
        return f"({term})"
    return term


def _grouped_variables(text: str) -> set[str]:
    """Variables named bare in the outer query's ``GROUP BY``; projecting them needs no ``AS``.
    A sub-select's grouping binds nothing the outer projection could name."""
    names: set[str] = set()
    clause, depth = "", 0
    for match in TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "word":
            upper = token.upper()
            if upper == "GROUP":
                clause = "group" if depth == 0 else ""
            elif upper in CLAUSE_END:
                clause = ""
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "var" and clause == "group":
            names.add(token[1:])
    return names
