"""What every store offers: replace one notice's named graph, read back content hashes, answer
SPARQL with bound parameters, close. The command line and the corpus run speak only to this."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from rdflib import Graph, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.query import Result
from rdflib.term import Identifier

from noticekg.graph.build import bind_prefixes
from noticekg.ontology import NKG

__all__ = ["HASHES_QUERY", "Store", "project_namespaces"]

# Every notice graph states its own content hash (docs/graph-model.md): ``<g> nkg:contentHash ?h``
# inside ``GRAPH <g>``, so a hash is only counted when its notice graph is really there.
HASHES_QUERY = f"""SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?g <{NKG.contentHash}> ?hash }} }}"""


@runtime_checkable
class Store(Protocol):
    """Where the graph lives. Each notice is one named graph named by its notice IRI."""

    #: how results print IRIs (the project prefixes)
    namespace_manager: NamespaceManager

    def replace_notice_graph(self, graph_iri: URIRef, graph: Graph) -> int:
        """Put ``graph`` in place of the named graph ``graph_iri`` as one step: on failure the
        previous graph stays whole. Returns the number of triples written."""
        ...

    def replace_notice_ntriples(self, graph_iri: URIRef, ntriples: str) -> int:
        """The same from N-Triples text, which worker processes hand over cheaply."""
        ...

    def notice_hashes(self) -> dict[str, URIRef]:
        """Content hash → notice graph, for every notice graph already stored."""
        ...

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run SPARQL over the union of the notice graphs, ``bindings`` bound as RDF terms."""
        ...

    def triple_count(self) -> int:
        """Triples over all named graphs (a re-run must not change it)."""
        ...

    def close(self) -> None: ...


def project_namespaces() -> NamespaceManager:
    """The prefixes results are printed with, the same on every store."""
    graph = Graph()
    bind_prefixes(graph)
    return graph.namespace_manager
