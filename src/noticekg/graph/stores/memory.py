"""The in-memory store: an rdflib dataset whose default graph reads as the union of the notice
graphs. Right for one-off runs and the test fixtures; nothing survives the process."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier

from noticekg.graph.build import bind_prefixes
from noticekg.graph.load import load_graph
from noticekg.graph.stores.base import by_location, hashes_query, one_by_one
from noticekg.graph.stores.sparql import sparql

__all__ = ["MemoryStore"]


class MemoryStore:
    """:class:`~noticekg.graph.stores.base.Store` over an rdflib :class:`Dataset`."""

    def __init__(self, dataset: Dataset | None = None) -> None:
        if dataset is None:
            dataset = Dataset(default_union=True)
            bind_prefixes(dataset)
        self.dataset = dataset
        self.namespace_manager = dataset.namespace_manager

    @classmethod
    def from_files(cls, paths: Sequence[Path]) -> MemoryStore:
        """A store holding graph files (``--data``), each quad in its named graph."""
        return cls(load_graph(paths))

    def replace_notice_graph(
        self, graph_iri: URIRef, graph: Graph, *, replaces: Collection[URIRef] = ()
    ) -> int:
        # The new triples are all in hand before the old graph goes, so nothing is half-done.
        triples = list(graph)
        for old in (*replaces, graph_iri):
            self.dataset.remove_graph(old)
        target = self.dataset.graph(graph_iri)
        for triple in triples:
            target.add(triple)
        return len(triples)

    def replace_notice_ntriples(
        self, graph_iri: URIRef, ntriples: str, *, replaces: Collection[URIRef] = ()
    ) -> int:
        graph = Graph().parse(data=ntriples, format="nt")
        return self.replace_notice_graph(graph_iri, graph, replaces=replaces)

    def add_notices(self, notices: Sequence[tuple[URIRef, str]]) -> int:
        return one_by_one(self, notices)

    def drop_notice_graphs(self, graphs: Collection[URIRef]) -> None:
        for graph_iri in graphs:
            self.dataset.remove_graph(graph_iri)

    def notice_hashes(self) -> dict[str, URIRef]:
        text, bindings = hashes_query()
        result = self.dataset.query(text, initBindings=bindings)
        return {str(row[1]): URIRef(row[0]) for row in result if isinstance(row, ResultRow)}

    def notice_locations(self) -> dict[str, tuple[URIRef, ...]]:
        rows = self.dataset.query(sparql("notice-locations.rq"))
        return by_location(
            (str(row[1]), URIRef(str(row[0]))) for row in rows if isinstance(row, ResultRow)
        )

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        return self.dataset.query(text, initBindings=dict(bindings or {}))

    def triple_count(self) -> int:
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def compact(self) -> bool:
        """Nothing on disk to compact."""
        return False

    def close(self) -> None:
        """Nothing to release."""
