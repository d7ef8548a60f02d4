"""The persistent embedded store: pyoxigraph on a directory. One process writes at a time; a
second one gets a one-line error instead of waiting or corrupting the files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Identifier

from noticekg.errors import StoreError
from noticekg.graph.stores.base import HASHES_QUERY, project_namespaces
from noticekg.graph.stores.substitute import projected_variables, query_form, substitute
from noticekg.graph.stores.terms import from_oxigraph, to_oxigraph

__all__ = ["OxigraphStore"]


class OxigraphStore:
    """:class:`~noticekg.graph.stores.base.Store` over a pyoxigraph :class:`~pyoxigraph.Store`;
    queries see the union of the notice graphs."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        try:
            self.store = ox.Store(str(self.directory))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreError(f"{directory} is locked by another noticekg process") from None
            raise StoreError(f"{directory}: cannot open the Oxigraph store ({error})") from None
        self.namespace_manager = project_namespaces()

    def replace_notice_graph(self, graph_iri: URIRef, graph: Graph) -> int:
        return self.replace_notice_ntriples(graph_iri, graph.serialize(format="nt"))

    def replace_notice_ntriples(self, graph_iri: URIRef, ntriples: str) -> int:
        # One SPARQL update is one transaction: the old graph goes and the new one arrives
        # together, or (bad data, full disk) nothing changes at all.
        lines = [line for line in ntriples.splitlines() if line.strip()]
        name = graph_iri.n3()
        body = "\n".join(lines)
        try:
            self.store.update(
                f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"
            )
        except SyntaxError as error:
            reason = str(error).splitlines()[0]
            raise StoreError(f"{graph_iri}: not loaded, bad N-Triples ({reason})") from None
        except OSError as error:
            raise StoreError(f"{self.directory}: cannot write {graph_iri} ({error})") from None
        return len(lines)

    def notice_hashes(self) -> dict[str, URIRef]:
        rows = self.store.query(HASHES_QUERY)
        return {row["hash"].value: URIRef(row["g"].value) for row in rows}  # type: ignore[union-attr]

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        # pyoxigraph binds projected variables itself; the others are written in as terms.
        projected = projected_variables(text)
        own = {k: v for k, v in (bindings or {}).items() if projected is None or k in projected}
        text = substitute(text, {k: v for k, v in (bindings or {}).items() if k not in own})
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in own.items()}
        try:
            answer = self.store.query(
                text, use_default_graph_as_union=True, substitutions=substitutions
            )
        except SyntaxError as error:
            raise StoreError(f"{self.directory}: query refused ({error})") from None
        return _result(query_form(text), answer)

    def triple_count(self) -> int:
        return len(self.store)

    def close(self) -> None:
        """Flush and let another process open the directory."""
        self.store.flush()
        del self.store


def _result(form: str, answer: object) -> Result:
    """pyoxigraph's answer as the rdflib :class:`Result` the query runner reads."""
    if form == "ASK":
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if form in ("CONSTRUCT", "DESCRIBE"):
        result = Result(form)
        graph = Graph()
        for triple in answer:  # type: ignore[attr-defined]
            parts = (triple.subject, triple.predicate, triple.object)
            graph.add(tuple(map(from_oxigraph, parts)))  # type: ignore[arg-type]
        result.graph = graph
        return result
    result = Result("SELECT")
    names = [v.value for v in answer.variables]  # type: ignore[attr-defined]
    result.vars = [Variable(n) for n in names]
    result.bindings = [
        {Variable(n): from_oxigraph(row[n]) for n in names if row[n] is not None}
        for row in answer  # type: ignore[attr-defined]
    ]
    return result
