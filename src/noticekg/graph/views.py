"""The views besides the whole network: one entity's neighbourhood and the ontology itself.

(A CONSTRUCT query's result is drawn by :func:`noticekg.graph.network.graph_to_networkx`; the
command line runs the query, since ``graph`` does not import the query catalogue.)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import OWL, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from noticekg.errors import InputError
from noticekg.graph.labels import ontology_graph, term_label
from noticekg.graph.network import local_name
from noticekg.ontology import NKG

# networkx is imported by the functions that use it: commands that query or extract load this
# package without drawing anything, and should not wait 0.1 s for it.
if TYPE_CHECKING:
    import networkx as nx

__all__ = ["find_nodes", "neighbourhood", "ontology_network"]

SCHEMA = Namespace("https://schema.org/")

# Where the ontology states a property's domain and range: OWL's own terms, and schema.org's
# looser "includes" for properties said of several unrelated classes.
DOMAIN_TERMS = (RDFS.domain, SCHEMA.domainIncludes)
RANGE_TERMS = (RDFS.range, SCHEMA.rangeIncludes)


def find_nodes(network: nx.MultiDiGraph, key: str) -> list[str]:
    """Nodes whose IRI is ``key`` or whose label or an alias equals it (after NFKC and with
    whitespace removed, as entity IRIs are made), sorted.

    :raises InputError: when nothing matches.
    """
    if key in network:
        return [key]
    wanted = _normal(key)
    found = sorted(
        node
        for node, data in network.nodes(data=True)
        if wanted in {_normal(str(data.get("label", ""))), *map(_normal, data.get("aliases", ()))}
    )
    if not found:
        raise InputError(f"--focus {key!r}: no node has this IRI, label or alias")
    return found


def neighbourhood(network: nx.MultiDiGraph, key: str, hops: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``hops`` links (either direction) of the nodes :func:`find_nodes`
    finds for ``key``; those centres get ``focus=True``.

    :raises InputError: for a negative ``hops`` or a ``key`` nothing matches.
    """
    import networkx as nx

    if hops < 0:
        raise InputError(f"--hops {hops}: must be 0 or more")
    centres = find_nodes(network, key)
    undirected = network.to_undirected(as_view=True)
    kept: set[str] = set()
    for centre in centres:
        kept.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
    view = network.subgraph(kept).copy()
    for centre in centres:
        view.nodes[centre]["focus"] = True
    for node, degree in view.degree():
        view.nodes[node]["degree"] = degree
    return view


def ontology_network(lang: str = "zh") -> nx.MultiDiGraph:
    """The classes of the nkg ontology, ``subClassOf`` edges between them and one edge per
    object property from each domain class to each range class, labelled in ``lang``.

    Nodes are coloured by the top nkg class they descend from (``base``); properties whose
    domain or range lies outside nkg (dates, strings, Web Annotation selectors) are left out.
    """
    import networkx as nx

    onto = ontology_graph()
    classes = _nkg(onto.subjects(RDF.type, OWL.Class))
    parents = {c: _nkg(onto.objects(c, RDFS.subClassOf)) for c in classes}
    network = nx.MultiDiGraph()
    for cls in classes:
        root = cls
        while parents.get(root):
            root = parents[root][0]
        comment = onto.value(cls, RDFS.comment)
        network.add_node(
            str(cls),
            label=term_label(local_name(cls), lang),
            **{"class": local_name(root)},
            base=local_name(root),
            aliases=[local_name(cls)],
            measures=0,
            notices=[],
            sentence=str(comment) if comment is not None else "",
        )
    for cls in classes:
        for parent in parents[cls]:
            network.add_edge(str(cls), str(parent), key="subClassOf", property="subClassOf")
    for prop in _nkg(onto.subjects(RDF.type, OWL.ObjectProperty)):
        domains = _nkg(d for t in DOMAIN_TERMS for d in onto.objects(prop, t))
        ranges = _nkg(r for t in RANGE_TERMS for r in onto.objects(prop, t))
        for domain in domains:
            for rng in ranges:
                key = local_name(prop)
                if str(domain) in network and str(rng) in network:
                    network.add_edge(str(domain), str(rng), key=key, property=key)
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree
    return network


def _nkg(terms: Iterable[object]) -> list[URIRef]:
    """The nkg IRIs among ``terms``, sorted and without repeats."""
    return sorted({t for t in terms if isinstance(t, URIRef) and str(t).startswith(str(NKG))})


def _normal(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())
