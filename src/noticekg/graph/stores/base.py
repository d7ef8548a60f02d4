"""What every store offers: replace one notice's named graph, read back content hashes and
source files, answer SPARQL with bound parameters, close. The command line and the corpus run
speak only to this."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol, runtime_checkable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.query import Result
from rdflib.term import Identifier

from noticekg.graph.build import GRAPH_VERSION, bind_prefixes
from noticekg.graph.stores.sparql import sparql

__all__ = [
    "NTriplesLoading",
    "Store",
    "by_location",
    "hashes_query",
    "one_by_one",
    "project_namespaces",
]


@runtime_checkable
class Store(Protocol):
    """Where the graph lives. Each notice is one named graph named by its notice IRI."""

    #: how results print IRIs (the project prefixes)
    namespace_manager: NamespaceManager

    def replace_notice_graph(
        self, graph_iri: URIRef, graph: Graph, *, replaces: Collection[URIRef] = ()
    ) -> int:
        """Put ``graph`` in place of the named graph ``graph_iri`` as one step: on failure the
        previous graph stays whole. The graphs in ``replaces`` (earlier versions of the same
        notice under other IRIs) go in the same step. Returns the number of triples written."""
        ...

    def replace_notice_ntriples(
        self, graph_iri: URIRef, ntriples: str, *, replaces: Collection[URIRef] = ()
    ) -> int:
        """The same from N-Triples text, which worker processes hand over cheaply."""
        ...

    def add_notices(self, notices: Sequence[tuple[URIRef, str]]) -> int:
        """Write several notices from N-Triples, as fast as the store allows: new graphs may
        go in one bulk write rather than a step each. A failed write leaves no notice half
        written (a bulk write is removed whole; notices written a step each before the failure
        stay), and each notice's content hash goes in after its graph, so a notice cut off by
        the machine stopping is not taken as stored: the next run writes it again. Returns the
        number of triples written."""
        ...

    def drop_notice_graphs(self, graphs: Collection[URIRef]) -> None:
        """Remove the named graphs ``graphs`` (notices whose files are gone) as one step."""
        ...

    def notice_hashes(self) -> dict[str, URIRef]:
        """Content hash → notice graph, for every notice graph already stored."""
        ...

    def notice_locations(self) -> dict[str, tuple[URIRef, ...]]:
        """Source file (its file: URI) → the notice graphs read from it."""
        ...

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run SPARQL over the union of the notice graphs, ``bindings`` bound as RDF terms."""
        ...

    def triple_count(self) -> int:
        """Triples over all notice graphs (a re-run must not change it)."""
        ...

    def compact(self) -> bool:
        """Rewrite the store's files for reading after a large run; ``False`` where the store
        keeps no files of its own (memory, a server that manages its own)."""
        ...

    def close(self) -> None: ...


def hashes_query() -> tuple[str, dict[str, Identifier]]:
    """The content-hash query and its binding: graphs of the current graph model only."""
    return sparql("notice-hashes.rq"), {"version": Literal(GRAPH_VERSION)}


def by_location(pairs: Iterable[tuple[str, URIRef]]) -> dict[str, tuple[URIRef, ...]]:
    """``(location, graph)`` rows grouped by location, graphs sorted so runs are repeatable."""
    grouped: dict[str, set[URIRef]] = {}
    for location, graph_iri in pairs:
        grouped.setdefault(location, set()).add(graph_iri)
    return {location: tuple(sorted(graphs)) for location, graphs in grouped.items()}


def one_by_one(store: Store, notices: Sequence[tuple[URIRef, str]]) -> int:
    """:meth:`Store.add_notices` for stores with no faster way: one step per notice."""
    return sum(store.replace_notice_ntriples(graph_iri, text) for graph_iri, text in notices)


def project_namespaces() -> NamespaceManager:
    """The prefixes results are printed with, the same on every store."""
    graph = Graph()
    bind_prefixes(graph)
    return graph.namespace_manager


class NTriplesLoading:
    """For stores that load N-Triples text natively: a graph is written as its N-Triples."""

    def replace_notice_graph(
        self, graph_iri: URIRef, graph: Graph, *, replaces: Collection[URIRef] = ()
    ) -> int:
        ntriples = graph.serialize(format="nt")
        return self.replace_notice_ntriples(graph_iri, ntriples, replaces=replaces)

    def replace_notice_ntriples(
        self, graph_iri: URIRef, ntriples: str, *, replaces: Collection[URIRef] = ()
    ) -> int:
        raise NotImplementedError

    def add_notices(self, notices: Sequence[tuple[URIRef, str]]) -> int:
        return one_by_one(self, notices)  # type: ignore[arg-type]
