"""A VoID + DCAT description of a dataset and its dump files, so a linked-data portal or a
crawler learns what the graph holds, under which licence and where to download it, without
loading it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, VOID
from rdflib.term import Identifier

from noticekg.errors import InputError
from noticekg.graph.build import bind_prefixes
from noticekg.graph.export import FORMATS
from noticekg.graph.union import union_graph
from noticekg.ontology import NKG, ONTOLOGY_IRI, resource

__all__ = ["MEDIA_TYPES", "describe_dataset", "ontology_license"]

IANA = Namespace("https://www.iana.org/assignments/media-types/")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")

# Format name → (IANA media type, EU file-type authority code) for dcat:mediaType/dcterms:format.
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "turtle": ("text/turtle", "RDF_TURTLE"),
    "trig": ("application/trig", "RDF_TRIG"),
    "json-ld": ("application/ld+json", "JSON_LD"),
    "nt": ("application/n-triples", "RDF_N_TRIPLES"),
    "nquads": ("application/n-quads", "RDF_N_QUADS"),
}

# Notices named as void:exampleResource: enough to show the shape, not a listing.
EXAMPLE_RESOURCES = 3

_SUFFIX_FORMATS = {suffix: name for name, suffix in FORMATS.items()}


def ontology_license() -> URIRef:
    """The licence the shipped ontology declares, so data and vocabulary never disagree."""
    ontology = Graph().parse(
        data=resource("noticekg.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    licence = ontology.value(URIRef(ONTOLOGY_IRI), DCTERMS.license)
    if not isinstance(licence, URIRef):
        raise InputError("noticekg.ttl: the ontology declares no dcterms:license IRI")
    return licence


def describe_dataset(
    dataset: Graph,
    *,
    dumps: Sequence[Path],
    base: str,
    title: str = "noticekg knowledge graph",
    endpoint: str | None = None,
) -> Graph:
    """The description of ``dataset`` as ``{base}dataset``; statistics count the union of its
    named graphs, which is what a SPARQL endpoint without ``GRAPH`` serves.

    :raises InputError: for a dump whose suffix names no known format, or a missing dump.
    """
    union = union_graph(dataset)
    node = URIRef(f"{base}dataset")
    out = Graph()
    bind_prefixes(out)
    for prefix, namespace in (("void", VOID), ("dcat", DCAT)):
        out.bind(prefix, namespace)
    out.add((node, RDF.type, VOID.Dataset))
    out.add((node, RDF.type, DCAT.Dataset))
    out.add((node, DCTERMS.title, Literal(title)))
    out.add((node, DCTERMS.license, ontology_license()))
    out.add((node, DCTERMS.modified, Literal(date.today(), datatype=XSD.date)))
    out.add((node, VOID.vocabulary, URIRef(ONTOLOGY_IRI)))
    if endpoint:
        out.add((node, VOID.sparqlEndpoint, URIRef(endpoint)))
    # rdflib types a graph's terms as Node, which has no order; the terms it parses are all
    # Identifiers (IRIs, blank nodes, literals), which sort.
    notices = sorted({n for n in union.subjects(RDF.type, NKG.Notice) if isinstance(n, Identifier)})
    for publisher in {p for n in notices for p in union.objects(n, NKG.publisher)}:
        out.add((node, DCTERMS.publisher, publisher))
    for notice in notices[:EXAMPLE_RESOURCES]:
        out.add((node, VOID.exampleResource, notice))
    _add_statistics(out, node, union)
    for path in dumps:
        _add_distribution(out, node, Path(path))
    return out


def _add_statistics(out: Graph, node: URIRef, union: Graph) -> None:
    """Totals and one class and property partition each, as VoID counts them."""
    out.add((node, VOID.triples, _count(len(union))))
    out.add((node, VOID.distinctSubjects, _count(len(set(union.subjects())))))
    entities: dict[URIRef, set] = {}
    for subject, cls in union.subject_objects(RDF.type):
        if isinstance(cls, URIRef):
            entities.setdefault(cls, set()).add(subject)
    for cls in sorted(entities):
        partition = BNode()
        out.add((node, VOID.classPartition, partition))
        out.add((partition, VOID["class"], cls))
        out.add((partition, VOID.entities, _count(len(entities[cls]))))
    triples = Counter(predicate for _, predicate, _ in union)
    # Node has no order (see describe_dataset); a parsed predicate is always an IRI.
    for predicate in sorted(p for p in triples if isinstance(p, Identifier)):
        partition = BNode()
        out.add((node, VOID.propertyPartition, partition))
        out.add((partition, VOID.property, predicate))
        out.add((partition, VOID.triples, _count(triples[predicate])))


def _add_distribution(out: Graph, node: URIRef, path: Path) -> None:
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: no known dump format has suffix {path.suffix!r}")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(f"{path}: cannot read the dump: {error.strerror or error}") from None
    media, file_type = MEDIA_TYPES[fmt]
    distribution = BNode()
    out.add((node, DCAT.distribution, distribution))
    out.add((distribution, RDF.type, DCAT.Distribution))
    out.add((distribution, DCAT.downloadURL, URIRef(path.name)))
    out.add((distribution, DCAT.mediaType, IANA[media]))
    out.add((distribution, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    out.add((distribution, DCTERMS["format"], FILE_TYPE[file_type]))
    out.add((node, VOID.dataDump, URIRef(path.name)))


def _count(number: int) -> Literal:
    return Literal(number, datatype=XSD.integer)
