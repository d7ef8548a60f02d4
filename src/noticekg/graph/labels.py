"""Names of nkg classes and properties for people: ``rdfs:label`` in Chinese or English.

Read from the shipped ontology, so the page says 政府机关 or "government body" exactly as the
ontology documentation does, and a renamed label needs no code change.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from noticekg.errors import InputError
from noticekg.ontology import NKG, resource

__all__ = ["LANGS", "ontology_graph", "term_label", "term_labels"]

LANGS = ("zh", "en")


@cache
def ontology_graph() -> Graph:
    """The parsed ``noticekg.ttl`` (parsed once per process; do not modify it)."""
    graph = Graph()
    graph.parse(data=resource("noticekg.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def term_labels(lang: str) -> dict[str, str]:
    """Local name → label in ``lang`` for every nkg term that has one.

    :raises InputError: for a language other than ``zh`` or ``en``.
    """
    if lang not in LANGS:
        raise InputError(f"--lang {lang!r}: expected one of {', '.join(LANGS)}")
    labels: dict[str, str] = {}
    for term, label in ontology_graph().subject_objects(RDFS.label):
        nkg_term = isinstance(term, URIRef) and str(term).startswith(str(NKG))
        if nkg_term and getattr(label, "language", None) == lang:
            labels[str(term)[len(str(NKG)) :]] = str(label)
    return labels


def term_label(name: str, lang: str) -> str:
    """The label of the nkg term with local name ``name``, else ``name`` itself."""
    return term_labels(lang).get(name, name)
