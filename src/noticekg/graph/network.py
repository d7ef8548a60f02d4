"""The entity network as a networkx graph: who is linked to whom, for analysis and drawing."""

from __future__ import annotations

import networkx as nx
from rdflib import ConjunctiveGraph, Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from noticekg.graph.classes import ENTITY_CLASSES, RELATION_PROPERTY
from noticekg.graph.sources import measure_counts, sources
from noticekg.ontology import NKG

__all__ = ["graph_to_networkx", "local_name", "to_networkx"]

# Edges from a measure when measures are drawn: what it answers, involves and establishes.
MEASURE_PROPERTIES = (NKG.answers, NKG.involves, NKG.establishes)

# Classes drawn besides entities, and the base class each shows as.
EXTRA_CLASSES = {NKG.Problem: NKG.Problem, NKG.Measure: NKG.Measure}


def local_name(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(graph: Graph, *, measures: bool = False) -> nx.MultiDiGraph:
    """Named entities and the relations between them (one edge per distinct triple, keyed by
    the property's local name). With ``measures``, problems and measures join as nodes, with
    ``answers``, ``involves`` and ``establishes`` edges.

    Node attributes: ``label``, ``class`` and ``base`` (local names of the most specific class
    and of its base class), ``aliases`` (sorted list), ``degree``, ``measures`` (how many
    measures point at it), ``notices`` (labels of the notices mentioning it) and ``sentence``
    (its first source sentence); edge attribute: ``property``.
    """
    data = _every_graph(graph)
    network = nx.MultiDiGraph()
    typed = _typed_nodes(data, measures)
    _add_nodes(network, data, typed)
    properties = set(RELATION_PROPERTY.values())
    if measures:
        properties.update(MEASURE_PROPERTIES)
    for prop in sorted(properties):
        for subject, obj in data.subject_objects(prop):
            _add_edge(network, subject, prop, obj)
    _set_degrees(network)
    return network


def graph_to_networkx(triples: Graph, data: Graph) -> nx.MultiDiGraph:
    """Every IRI-to-IRI triple of ``triples`` (a CONSTRUCT result, say) as an edge, its nodes
    described from ``data`` as :func:`to_networkx` describes them. Types and literals are not
    drawn; a node ``data`` knows no class of gets class ``Resource``."""
    full = _every_graph(data)
    links = [
        (s, p, o)
        for s, p, o in triples
        if isinstance(s, URIRef) and isinstance(o, URIRef) and p != RDF.type
    ]
    ends = {s for s, _, _ in links} | {o for _, _, o in links}
    known = dict(_typed_nodes(full, True, only=ends))
    typed = [(node, known.get(node)) for node in sorted(ends)]
    network = nx.MultiDiGraph()
    _add_nodes(network, full, typed, fallback=triples)
    for s, p, o in sorted(links):
        _add_edge(network, s, p, o)
    _set_degrees(network)
    return network


def _every_graph(graph: Graph) -> Graph:
    """A read view over every named graph of a dataset, sharing its store. Copying the
    triples into one union graph instead costs five times as long as the whole projection."""
    if isinstance(graph, ConjunctiveGraph):
        return Dataset(store=graph.store, default_union=True)
    return graph


def _add_nodes(
    network: nx.MultiDiGraph,
    data: Graph,
    typed: list[tuple[URIRef, URIRef | None]],
    fallback: Graph | None = None,
) -> None:
    nodes = [node for node, _ in typed]
    found = sources(data, nodes)
    counts = measure_counts(data, nodes)
    bases = {**ENTITY_CLASSES, **EXTRA_CLASSES}
    for node, cls in typed:
        label = data.value(node, RDFS.label)
        if label is None and fallback is not None:
            label = fallback.value(node, RDFS.label)
        source = found.get(node)
        network.add_node(
            str(node),
            label=str(label) if label is not None else local_name(node),
            **{"class": local_name(cls) if cls else "Resource"},
            base=local_name(bases.get(cls, cls)) if cls else "Resource",
            aliases=sorted(str(a) for a in data.objects(node, SKOS.altLabel)),
            measures=counts.get(node, 0),
            notices=list(source.notices) if source else [],
            sentence=source.sentence if source else "",
        )


def _add_edge(network: nx.MultiDiGraph, subject: object, prop: object, obj: object) -> None:
    s, o, key = str(subject), str(obj), local_name(prop)
    if s in network and o in network and not network.has_edge(s, o, key=key):
        network.add_edge(s, o, key=key, property=key)


def _set_degrees(network: nx.MultiDiGraph) -> None:
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree


def _typed_nodes(
    data: Graph, measures: bool, only: set[URIRef] | None = None
) -> list[tuple[URIRef, URIRef | None]]:
    """Each wanted node with its most specific class (a subclass wins over its base class)."""
    wanted: dict[URIRef, URIRef] = dict(ENTITY_CLASSES)
    if measures:
        wanted.update(EXTRA_CLASSES)
    chosen: dict[URIRef, URIRef] = {}
    pairs = (
        ((node, cls) for node in only for cls in data.objects(node, RDF.type))
        if only is not None
        else data.subject_objects(RDF.type)
    )
    for node, cls in pairs:
        if not isinstance(node, URIRef) or not isinstance(cls, URIRef) or cls not in wanted:
            continue
        previous = chosen.get(node)
        if previous is None or (previous == wanted[previous] and cls != wanted[cls]):
            chosen[node] = cls
    return sorted(chosen.items())
