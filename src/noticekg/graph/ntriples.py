"""N-Triples written straight from terms, for the corpus run: a worker sends each notice graph
to the store as text, and going through an rdflib graph to get there cost more than building
the triples themselves."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal
from rdflib.term import Node

__all__ = ["Triple", "ntriples"]

Triple = tuple[Node, Node, Node]

# The escapes N-Triples requires inside a string (ECHAR); every other character, Chinese
# included, is written as itself.
ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def ntriples(triples: Iterable[Triple]) -> str:
    """One line per triple, in the order given. Subjects and predicates are IRIs, minted
    already percent-encoded (:mod:`noticekg.graph.iris`), so they are written as they are."""
    return "".join(f"<{s}> <{p}> {_object(o)} .\n" for s, p, o in triples)


def _object(term: Node) -> str:
    if not isinstance(term, Literal):
        return f"<{term}>"
    quoted = '"' + str(term).translate(ESCAPES) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype:
        return f"{quoted}^^<{term.datatype}>"
    return quoted
