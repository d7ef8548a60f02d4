"""RDF terms between rdflib, pyoxigraph and SPARQL JSON results, so every store answers with
the same rdflib terms the in-memory store gives."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any, overload

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Identifier

__all__ = ["OxigraphTerms", "from_json", "from_oxigraph", "iri", "literal"]

PLAIN_TYPES = frozenset({str(XSD.string), str(RDF.langString)})
# Results repeat the same terms row after row (units, classes, notices), and rdflib parses
# every literal's value as it makes one: converting each distinct term once made a
# 43,000-row answer convert ten times faster. Long literals (notice texts) are not kept, so
# the cache stays a few megabytes in a long-running server.
CACHED_TERMS = 1 << 16
CACHED_LENGTH = 200


@overload
def from_oxigraph(term: None) -> None: ...
@overload
def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Identifier: ...
def from_oxigraph(term: Any) -> Identifier | None:
    """A pyoxigraph term as rdflib's (a plain ``xsd:string`` literal loses its datatype)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, term.language, term.datatype.value)
    raise TypeError(f"unsupported term {term!r}")


class OxigraphTerms(dict[Any, Any]):
    """Each distinct pyoxigraph term of one answer as rdflib's (None as None), converted once:
    its terms repeat row after row, and reading a term's parts from pyoxigraph is what costs.
    Looked up by ``__getitem__``, a term seen before costs no Python code."""

    def __missing__(self, term: Any) -> Identifier | None:
        node = self[term] = from_oxigraph(term)
        return node


@overload
def from_json(cell: None) -> None: ...
@overload
def from_json(cell: Mapping[str, str]) -> Identifier: ...
def from_json(cell: Mapping[str, str] | None) -> Identifier | None:
    """One binding of SPARQL 1.1 Query Results JSON (``typed-literal`` is Virtuoso's spelling)."""
    if cell is None:
        return None
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return iri(value)
    if kind == "bnode":
        return BNode(value)
    return literal(value, cell.get("xml:lang"), cell.get("datatype"))


@lru_cache(maxsize=CACHED_TERMS)
def iri(value: str) -> URIRef:
    """An rdflib IRI, made once for each value still in the cache."""
    return URIRef(value)


def literal(value: str, language: str | None, datatype: str | None) -> Literal:
    """An rdflib literal (a plain ``xsd:string`` one without its datatype), made once for
    each short value still in the cache."""
    if len(value) > CACHED_LENGTH:
        return _new_literal(value, language, datatype)
    return _cached_literal(value, language, datatype)


def _new_literal(value: str, language: str | None, datatype: str | None) -> Literal:
    if language:
        return Literal(value, lang=language)
    if datatype is None or datatype in PLAIN_TYPES:
        return Literal(value)
    return Literal(value, datatype=URIRef(datatype))


_cached_literal = lru_cache(maxsize=CACHED_TERMS)(_new_literal)
