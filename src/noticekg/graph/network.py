"""The entity network as a networkx graph: who is linked to whom, for analysis and drawing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from rdflib import ConjunctiveGraph, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from noticekg.graph.classes import ENTITY_CLASSES, RELATION_PROPERTY
from noticekg.graph.sources import Source, measure_counts, notice_name, source_of, sources
from noticekg.ontology import NKG

# networkx is imported by the functions that use it: commands that query or extract load this
# package without drawing anything, and should not wait 0.1 s for it.
if TYPE_CHECKING:
    import networkx as nx

__all__ = ["graph_to_networkx", "local_name", "rows_to_networkx", "to_networkx"]

# Edges from a measure when measures are drawn: what it answers, involves and establishes.
MEASURE_PROPERTIES = (NKG.answers, NKG.involves, NKG.establishes)

# Classes drawn besides entities, and the base class each shows as.
EXTRA_CLASSES = {NKG.Problem: NKG.Problem, NKG.Measure: NKG.Measure}

# Every drawn class and the base class it shows as.
BASE_OF = {**ENTITY_CLASSES, **EXTRA_CLASSES}


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
    import networkx as nx

    data = _every_graph(graph)
    network = nx.MultiDiGraph()
    typed = _typed_nodes(data, measures)
    _add_nodes(network, data, typed)
    for prop in sorted(_drawn_properties(measures)):
        for subject, obj in data.subject_objects(prop):
            _add_edge(network, subject, prop, obj)
    _set_degrees(network)
    return network


def rows_to_networkx(
    rows: Iterable[Mapping[str, Node | None]],
    *,
    notice_text: Callable[[URIRef], str | None],
    measures: bool = False,
) -> nx.MultiDiGraph:
    """The network :func:`to_networkx` draws, from the rows of the ``network-view`` query: one
    fact a row (a class, label, alias, link, measure count, mention or notice name), so a store
    sends each fact once and never a notice text it does not need. ``notice_text`` fetches the
    text a node's first sentence is cut from."""
    import networkx as nx

    classes: list[tuple[URIRef, URIRef]] = []
    labels: dict[URIRef, Node] = {}
    aliases: dict[URIRef, set[str]] = {}
    links: list[tuple[URIRef, URIRef, URIRef]] = []
    counts: dict[URIRef, int] = {}
    notices: dict[URIRef, set[URIRef]] = {}
    spans: dict[URIRef, list[tuple[URIRef, int, int]]] = {}
    names: dict[URIRef, dict[str, Node]] = {}
    for row in rows:
        node, notice = row.get("node"), row.get("notice")
        if not isinstance(node, URIRef):
            if isinstance(notice, URIRef):
                for key in ("noticeLabel", "noticeTitle"):
                    if (name := row.get(key)) is not None:
                        names.setdefault(notice, {}).setdefault(key, name)
            continue
        # Each value is bound once so the checks below narrow what is stored.
        if isinstance(cls := row.get("class"), URIRef):
            classes.append((node, cls))
        elif (name := row.get("label")) is not None:
            labels.setdefault(node, name)
        elif (alias := row.get("alias")) is not None:
            aliases.setdefault(node, set()).add(str(alias))
        elif isinstance(link := row.get("link"), URIRef) and isinstance(
            other := row.get("other"), URIRef
        ):
            links.append((node, link, other))
        elif isinstance(count := row.get("measureCount"), Literal):
            counts[node] = int(count)
        elif isinstance(notice, URIRef):
            notices.setdefault(node, set()).add(notice)
            start, end = row.get("start"), row.get("end")
            if isinstance(start, Literal) and isinstance(end, Literal):
                spans.setdefault(node, []).append((notice, int(start), int(end)))
    texts: dict[URIRef, str | None] = {}

    def label(notice: URIRef) -> str:
        found = names.get(notice, {})
        return notice_name(notice, found.get("noticeLabel"), found.get("noticeTitle"))

    def text(notice: URIRef) -> str | None:
        if notice not in texts:
            texts[notice] = notice_text(notice)
        return texts[notice]

    network = nx.MultiDiGraph()
    for node, cls in _most_specific(classes, measures):
        source = source_of(notices.get(node, set()), spans.get(node, ()), label=label, text=text)
        _add_node(network, node, cls, labels.get(node), aliases.get(node, ()), counts, source)
    drawn = _drawn_properties(measures)
    for subject, prop, obj in sorted(links):
        if prop in drawn:
            _add_edge(network, subject, prop, obj)
    _set_degrees(network)
    return network


def graph_to_networkx(triples: Graph, data: Graph) -> nx.MultiDiGraph:
    """Every IRI-to-IRI triple of ``triples`` (a CONSTRUCT result, say) as an edge, its nodes
    described from ``data`` as :func:`to_networkx` describes them. Types and literals are not
    drawn; a node ``data`` knows no class of gets class ``Resource``."""
    import networkx as nx

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
    for node, cls in typed:
        label = data.value(node, RDFS.label)
        if label is None and fallback is not None:
            label = fallback.value(node, RDFS.label)
        aliases = [str(a) for a in data.objects(node, SKOS.altLabel)]
        _add_node(network, node, cls, label, aliases, counts, found.get(node))


def _add_node(
    network: nx.MultiDiGraph,
    node: URIRef,
    cls: URIRef | None,
    label: Node | None,
    aliases: Iterable[str],
    counts: Mapping[URIRef, int],
    source: Source | None,
) -> None:
    network.add_node(
        str(node),
        label=str(label) if label is not None else local_name(node),
        **{"class": local_name(cls) if cls else "Resource"},
        base=local_name(BASE_OF.get(cls, cls)) if cls else "Resource",
        aliases=sorted(aliases),
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


def _drawn_properties(measures: bool) -> set[URIRef]:
    properties = set(RELATION_PROPERTY.values())
    if measures:
        properties.update(MEASURE_PROPERTIES)
    return properties


def _typed_nodes(
    data: Graph, measures: bool, only: set[URIRef] | None = None
) -> list[tuple[URIRef, URIRef | None]]:
    pairs = (
        ((node, cls) for node in only for cls in data.objects(node, RDF.type))
        if only is not None
        else data.subject_objects(RDF.type)
    )
    return _most_specific(pairs, measures)


def _most_specific(
    pairs: Iterable[tuple[object, object]], measures: bool
) -> list[tuple[URIRef, URIRef | None]]:
    """Each wanted node with its most specific class (a subclass wins over its base class)."""
    wanted: dict[URIRef, URIRef] = dict(ENTITY_CLASSES)
    if measures:
        wanted.update(EXTRA_CLASSES)
    chosen: dict[URIRef, URIRef] = {}
    for node, cls in pairs:
        if not isinstance(node, URIRef) or not isinstance(cls, URIRef) or cls not in wanted:
            continue
        previous = chosen.get(node)
        if previous is None or (previous == wanted[previous] and cls != wanted[cls]):
            chosen[node] = cls
    return sorted(chosen.items())
