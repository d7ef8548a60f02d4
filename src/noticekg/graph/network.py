"""The entity network as a networkx graph: who is linked to whom, for analysis and drawing."""

from __future__ import annotations

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from noticekg.graph.classes import ENTITY_CLASSES, RELATION_PROPERTY
from noticekg.graph.union import union_graph
from noticekg.ontology import NKG

__all__ = ["local_name", "to_networkx"]

# Edges from a measure when measures are drawn: what it answers, involves and establishes.
MEASURE_PROPERTIES = (NKG.answers, NKG.involves, NKG.establishes)


def local_name(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(graph: Graph, *, measures: bool = False) -> nx.MultiDiGraph:
    """Named entities and the relations between them (one edge per distinct triple, keyed by
    the property's local name). With ``measures``, problems and measures join as nodes, with
    ``answers``, ``involves`` and ``establishes`` edges.

    Node attributes: ``label``, ``class`` (local name), ``aliases`` (sorted list), ``degree``;
    edge attribute: ``property``.
    """
    data = union_graph(graph)
    network = nx.MultiDiGraph()
    for node, cls in _typed_nodes(data, measures):
        aliases = sorted(str(a) for a in data.objects(node, SKOS.altLabel))
        label = data.value(node, RDFS.label)
        network.add_node(
            str(node),
            label=str(label) if label is not None else local_name(node),
            **{"class": local_name(cls)},
            aliases=aliases,
        )
    properties = set(RELATION_PROPERTY.values())
    if measures:
        properties.update(MEASURE_PROPERTIES)
    for prop in sorted(properties):
        for subject, obj in data.subject_objects(prop):
            s, o = str(subject), str(obj)
            if s in network and o in network and not network.has_edge(s, o, key=local_name(prop)):
                network.add_edge(s, o, key=local_name(prop), property=local_name(prop))
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree
    return network


def _typed_nodes(data: Graph, measures: bool) -> list[tuple[URIRef, URIRef]]:
    """Each wanted node with its most specific class (a subclass wins over its base class)."""
    wanted = dict(ENTITY_CLASSES)
    if measures:
        wanted.update({NKG.Problem: NKG.Problem, NKG.Measure: NKG.Measure})
    chosen: dict[URIRef, URIRef] = {}
    for node, cls in data.subject_objects(RDF.type):
        if not isinstance(node, URIRef) or not isinstance(cls, URIRef) or cls not in wanted:
            continue
        previous = chosen.get(node)
        if previous is None or (previous == wanted[previous] and cls != wanted[cls]):
            chosen[node] = cls
    return sorted(chosen.items())
