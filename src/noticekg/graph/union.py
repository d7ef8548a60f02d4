"""One plain graph with every triple of a dataset, for views that ignore named graphs."""

from __future__ import annotations

from rdflib import ConjunctiveGraph, Graph

__all__ = ["union_graph"]


def union_graph(graph: Graph) -> Graph:
    """All triples of every named graph (a plain graph is returned as it is); prefixes kept."""
    if not isinstance(graph, ConjunctiveGraph):
        return graph
    union = Graph(namespace_manager=graph.namespace_manager)
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
