"""Notice records → RDF, one named graph per notice, exactly as docs/graph-model.md lays out.

Every fact that comes from the text points at a ``nkg:Mention`` whose selectors give the offsets
and the exact quote, so a reader can always go back to the characters a triple was made from;
the quote's prefix and suffix are the rest of its sentence, so reading it needs no notice text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, Inexact, localcontext
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Namespace
from rdflib.term import Node

from noticekg.extract.records import (
    Entity,
    EntityType,
    Measure,
    Metric,
    Notice,
    Predicate,
    Problem,
    Span,
)
from noticekg.graph import iris
from noticekg.graph.classes import RELATION_PROPERTY, entity_class
from noticekg.graph.ntriples import Triple, ntriples
from noticekg.graph.sentences import Sentences
from noticekg.ontology import NKG

__all__ = [
    "GRAPH_VERSION",
    "OA",
    "PREFIXES",
    "bind_prefixes",
    "build_dataset",
    "notice_graph",
    "notice_ntriples",
]

OA = Namespace("http://www.w3.org/ns/oa#")

PREFIXES: dict[str, str] = {
    "nkg": str(NKG._NS),
    "oa": str(OA),
    "skos": str(SKOS._NS),
    "prov": str(PROV._NS),
    "dcterms": str(DCTERMS._NS),
    "xsd": str(XSD._NS),
    "rdfs": str(RDFS._NS),
}

ZH = "zh"

# The graph model a notice graph is written in (``nkg:graphVersion``); raised whenever what the
# builder writes changes, so a store run writes older graphs again instead of skipping them as
# unchanged. 2: quote selectors carry the rest of their sentence (oa:prefix, oa:suffix).
# 3: names relative to the notice's division (区财政局) are minted from their full name.
GRAPH_VERSION = 3


def bind_prefixes(graph: Graph) -> None:
    """Bind the project prefixes so every serialisation reads the same."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True, replace=True)


def build_dataset(
    notices: Iterable[Notice],
    *,
    base: str = iris.DEFAULT_BASE,
    locations: Mapping[str, str] | None = None,
) -> Dataset:
    """A dataset with one named graph per notice; its default graph is their union, so SPARQL
    without ``GRAPH`` sees the whole corpus with shared entities merged. ``locations`` maps a
    notice's content hash to the file: URI it was read from (see :func:`notice_graph`)."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for notice in notices:
        location = (locations or {}).get(notice.sha256)
        builder = _NoticeBuilder(notice, base, location)
        graph = dataset.graph(builder.iri)
        graph.addN((s, p, o, graph) for s, p, o in builder.build())
    return dataset


def notice_graph(
    notice: Notice, *, base: str = iris.DEFAULT_BASE, location: str | None = None
) -> Graph:
    """The named graph of one notice on its own (its identifier is the notice IRI).

    ``location`` (:func:`~noticekg.graph.iris.source_location` of the file read) is recorded as
    ``nkg:sourceLocation``, so a later run over the changed file can drop this graph."""
    builder = _NoticeBuilder(notice, base, location)
    graph = Graph(identifier=builder.iri)
    bind_prefixes(graph)
    graph.addN((s, p, o, graph) for s, p, o in builder.build())
    return graph


def notice_ntriples(
    notice: Notice, *, base: str = iris.DEFAULT_BASE, location: str | None = None
) -> tuple[URIRef, str, int]:
    """The notice IRI, the triples of :func:`notice_graph` as N-Triples, and their number;
    without the rdflib graph, whose inserts took longer than building the triples."""
    builder = _NoticeBuilder(notice, base, location)
    triples = builder.build()
    return builder.iri, ntriples(triples), len(triples)


def decimal_literal(value: Decimal) -> Literal:
    """An ``xsd:decimal`` in canonical form (``12.0``, ``870000000.0``): ``Decimal('1E+8')``
    is no valid lexical form, and the canonical one survives every serialiser unchanged, so
    exports round-trip to isomorphic graphs."""
    text = format(value, "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def metric_scale(metric: Metric) -> Decimal | None:
    """``normalised / value`` when it divides exactly (亿元 → 1e8); otherwise unknown."""
    if metric.value == 0:
        return None
    with localcontext() as context:
        context.traps[Inexact] = True
        try:
            return (metric.normalised_value / metric.value).normalize()
        except Inexact:
            return None


def metric_label(metric: Metric) -> str:
    return format(metric.value, "f") + metric.unit


@dataclass
class _NoticeBuilder:
    """Collects one notice's triples, each once and in the order first added."""

    notice: Notice
    base: str
    location: str | None = None
    iri: URIRef = field(init=False)
    sentences: Sentences = field(init=False)
    triples: _TripleSet = field(init=False)

    def __post_init__(self) -> None:
        self.iri = iris.notice_iri(self.notice, self.base)
        self.sentences = Sentences(self.notice.text)
        self.triples = _TripleSet()

    def build(self) -> _TripleSet:
        self._notice()
        for entity in self.notice.entities:
            self._entity(entity)
        self._inspection()
        for problem in self.notice.problems:
            self._problem(problem)
        for measure in self.notice.measures:
            self._measure(measure)
        for metric in self.notice.metrics:
            self._metric(metric)
        self._relations()
        self._counts()
        return self.triples

    # --- helpers -------------------------------------------------------------------------

    def _add(self, subject: URIRef, predicate: URIRef, value: object, *, lang: str | None = None):
        """Add a literal or IRI triple, skipping absent values so optional fields stay optional."""
        if value is None or value == "":
            return
        if isinstance(value, URIRef | Literal):
            obj = value
        elif isinstance(value, Decimal):
            obj = decimal_literal(value)
        else:
            obj = Literal(value, lang=lang)
        self.triples.add((subject, predicate, obj))

    def _mention(self, span: Span) -> URIRef:
        mention = iris.mention_iri(self.iri, span.start, span.end)
        position, quote = iris.position_iri(mention), iris.quote_iri(mention)
        t = _MentionTerms
        add = self.triples.add
        add((mention, t.type, t.Mention))
        add((mention, t.hasSource, self.iri))
        add((mention, t.hasSelector, position))
        add((mention, t.hasSelector, quote))
        add((position, t.type, t.TextPositionSelector))
        add((position, t.start, _offset(span.start)))
        add((position, t.end, _offset(span.end)))
        add((quote, t.type, t.TextQuoteSelector))
        add((quote, t.exact, Literal(span.quote)))
        prefix, suffix = self.sentences.context(span.start, span.end)
        if prefix:
            add((quote, t.prefix, Literal(prefix)))
        if suffix:
            add((quote, t.suffix, Literal(suffix)))
        return mention

    def _mentioned(self, subject: URIRef, span: Span | None) -> None:
        if span is not None:
            self.triples.add((subject, NKG.mentionedIn, self._mention(span)))

    def _entity_of(self, name: str | None) -> URIRef | None:
        """The IRI of the entity record called ``name`` (or with that alias)."""
        if not name:
            return None
        entity = self.notice.entity(name)
        if entity is None:
            return None
        return self._identity(entity.type, entity.name)

    def _identity(self, entity_type: EntityType, name: str) -> URIRef:
        """One IRI per body across notices: a relative name (区财政局) is minted from its full
        name (红塔区财政局), or under this notice when the notice never says which district."""
        full = self.notice.full_name(name)
        if full is None:
            return iris.local_entity_iri(self.iri, entity_type, name)
        return iris.entity_iri(entity_type, full, self.base)

    def _full(self, name: str | None) -> str:
        """How a label names a body: in full where the notice names it relative to itself."""
        return (self.notice.full_name(name) or name) if name else ""

    def _labels(self, subject: URIRef, name: str) -> None:
        """The full name as label and the name as written as an alternative one."""
        full = self._full(name)
        self._add(subject, RDFS.label, full, lang=ZH)
        if full != name:
            self._add(subject, SKOS.altLabel, name, lang=ZH)

    def _organization(self, name: str | None) -> URIRef | None:
        """A header or inspection name: its entity, or a labelled Organization minted for it."""
        if not name:
            return None
        found = self._entity_of(name)
        if found is not None:
            return found
        minted = self._identity(EntityType.ORGANIZATION, name)
        self.triples.add((minted, RDF.type, NKG.Organization))
        self._labels(minted, name)
        return minted

    # --- resources -----------------------------------------------------------------------

    def _notice(self) -> None:
        n, header, add = self.iri, self.notice.header, self._add
        contact = header.contact
        self.triples.add((n, RDF.type, NKG.Notice))
        add(n, NKG.title, header.title, lang=ZH)
        add(n, RDFS.label, header.title or self.notice.source, lang=ZH)
        add(n, NKG.publisher, self._organization(header.publisher))
        add(n, NKG.indexNumber, header.index_no)
        add(n, NKG.category, header.category, lang=ZH)
        if header.published is not None:
            add(n, NKG.published, Literal(header.published, datatype=XSD.date))
        if header.signed is not None:
            add(n, NKG.signed, Literal(header.signed, datatype=XSD.date))
        add(n, NKG.signatory, header.signatory, lang=ZH)
        add(n, NKG.phone, contact.phone)
        add(n, NKG.email, contact.email)
        add(n, NKG.address, contact.address, lang=ZH)
        add(n, NKG.postcode, contact.postcode)
        add(n, NKG.sourceFile, self.notice.source)
        if self.location is not None:
            add(n, NKG.sourceLocation, Literal(self.location, datatype=XSD.anyURI))
        add(n, NKG.contentHash, self.notice.sha256)
        add(n, NKG.graphVersion, Literal(GRAPH_VERSION))
        self.triples.add((n, NKG.text, Literal(self.notice.text)))  # even empty: offsets need it
        for warning in self.notice.warnings:
            add(n, NKG.warning, warning)

    def _counts(self) -> None:
        """How many problems, measures, figures and named entities the graph holds, counted
        from the graph itself so they agree with what a query would count."""
        g, n = self.triples, self.iri
        is_a, mentioned_in, in_notice = RDF.type, NKG.mentionedIn, NKG.inNotice
        # Found by hashing the predicate: comparing rdflib terms with == runs in Python, and a
        # pass of it over a notice's thousands of triples took longer than all its counting.
        by_predicate: dict[Node, list[Triple]] = {is_a: [], mentioned_in: []}
        for triple in g:
            wanted = by_predicate.get(triple[1])
            if wanted is not None:
                wanted.append(triple)
        typed = Counter(o for _, _, o in by_predicate[is_a])
        for prop, cls in (
            (NKG.problemCount, NKG.Problem),
            (NKG.measureCount, NKG.Measure),
            (NKG.figureCount, NKG.Metric),
        ):
            g.add((n, prop, Literal(typed[cls])))
        named = {s for s, _, _ in by_predicate[mentioned_in] if (s, in_notice, n) not in g}
        g.add((n, NKG.entityCount, Literal(len(named))))

    def _entity(self, entity: Entity) -> None:
        e = self._identity(entity.type, entity.name)
        self.triples.add((e, RDF.type, entity_class(entity.type, entity.subtype)))
        self._labels(e, entity.name)
        for alias in entity.aliases:
            self._add(e, SKOS.altLabel, alias, lang=ZH)
        for span in entity.mentions:
            self._mentioned(e, span)
        if entity.type is EntityType.PERSON and _is_written_role(entity.subtype):
            self._add(e, NKG.role, entity.subtype, lang=ZH)

    def _inspection(self) -> None:
        inspection = self.notice.inspection
        if inspection is None:
            return
        i, add = iris.inspection_iri(self.iri), self._add
        self.triples.add((self.iri, NKG.reportsOn, i))
        self.triples.add((i, RDF.type, NKG.Inspection))
        self.triples.add((i, NKG.inNotice, self.iri))
        who, target = map(
            self._full, (inspection.inspector or inspection.authority, inspection.target)
        )
        label = (
            f"{who}对{target}的{inspection.kind}" if who and target else f"{who}{inspection.kind}"
        )
        add(i, RDFS.label, label, lang=ZH)
        add(i, NKG.kind, inspection.kind, lang=ZH)
        add(i, NKG.authority, self._organization(inspection.authority))
        add(i, NKG.inspector, self._organization(inspection.inspector))
        add(i, NKG.target, self._organization(inspection.target))
        for prop, day in (
            (NKG.startDate, inspection.start),
            (NKG.endDate, inspection.end),
            (NKG.feedbackDate, inspection.feedback),
        ):
            if day is not None:
                add(i, prop, Literal(day, datatype=XSD.date))
        self._mentioned(i, inspection.span)

    def _problem(self, problem: Problem) -> None:
        p = iris.problem_iri(self.iri, problem.n)
        self.triples.add((p, RDF.type, NKG.Problem))
        self._add(p, RDFS.label, problem.title, lang=ZH)
        self._add(p, NKG.number, problem.n)
        self._add(p, NKG.inNotice, self.iri)
        if self.notice.inspection is not None:
            self._add(p, NKG.foundBy, iris.inspection_iri(self.iri))
        self._mentioned(p, problem.title_span)

    def _measure(self, measure: Measure) -> None:
        m, add = iris.measure_iri(self.iri, measure.problem, measure.n), self._add
        section = measure.section
        self.triples.add((m, RDF.type, NKG.Measure))
        add(m, RDFS.label, measure.title, lang=ZH)
        add(m, NKG.number, measure.n)
        add(m, NKG.inNotice, self.iri)
        add(m, NKG.answers, iris.problem_iri(self.iri, measure.problem))
        add(m, NKG.agent, self._organization(self.notice.header.publisher))
        for entity in self.notice.entities_within(section):
            add(m, NKG.involves, self._identity(entity.type, entity.name))
        for relation in self.notice.relations:
            evidence = relation.evidence
            if relation.predicate is not Predicate.ESTABLISHES or evidence is None:
                continue
            if _inside(evidence, section):
                add(m, NKG.establishes, self._entity_of(relation.object))
        for metric in self.notice.metrics:
            if _inside(metric.span, section):
                add(m, NKG.reports, iris.metric_iri(self.iri, metric.span.start))
        self._mentioned(m, measure.title_span)

    def _metric(self, metric: Metric) -> None:
        x, add = iris.metric_iri(self.iri, metric.span.start), self._add
        self.triples.add((x, RDF.type, NKG.Metric))
        add(x, RDFS.label, metric_label(metric), lang=ZH)
        add(x, NKG.value, metric.value)
        add(x, NKG.unitText, metric.unit, lang=ZH)
        add(x, NKG.normalisedValue, metric.normalised_value)
        add(x, NKG.normalisedUnit, metric.normalised_unit)
        add(x, NKG.scale, metric_scale(metric))
        add(x, NKG.counts, metric.about, lang=ZH)
        add(x, NKG.approximate, Literal(metric.approximate))
        add(x, NKG.inNotice, self.iri)
        self._mentioned(x, metric.span)

    def _relations(self) -> None:
        """Entity-to-entity triples; a relation naming no known entity becomes a warning on the
        notice rather than a dangling node of unknown type."""
        for relation in self.notice.relations:
            subject, obj = self._entity_of(relation.subject), self._entity_of(relation.object)
            if subject is None or obj is None:
                missing = relation.subject if subject is None else relation.object
                self._add(
                    self.iri,
                    NKG.warning,
                    f"relation {relation.predicate.value} skipped: no entity named {missing}",
                )
                continue
            self.triples.add((subject, RELATION_PROPERTY[relation.predicate], obj))


class _TripleSet:
    """What the builder needs of a graph (add, test, iterate): a dict keeps each triple once
    and in order, for a small part of what adding to rdflib's memory store costs."""

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)


class _MentionTerms:
    """The terms every mention is written with, read from their namespaces once: reading a
    namespace attribute makes a new URIRef each time (1-2.5 us), and a notice has hundreds of
    mentions of sixteen terms each."""

    type = RDF.type
    Mention = NKG.Mention
    hasSource = OA.hasSource
    hasSelector = OA.hasSelector
    TextPositionSelector = OA.TextPositionSelector
    TextQuoteSelector = OA.TextQuoteSelector
    start = OA.start
    end = OA.end
    exact = OA.exact
    prefix = OA.prefix
    suffix = OA.suffix


@lru_cache(maxsize=1 << 16)
def _offset(n: int) -> Literal:
    """A character offset as a literal, made once per value: the notices of a corpus run
    share most of their offsets, and an integer literal takes rdflib 7 us to make."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _is_written_role(subtype: str | None) -> bool:
    """A Person subtype is a role as the notice writes it (院士) only when it is not an ASCII
    code word (``academician``, ``person``); ``nkg:role`` holds Chinese text only."""
    return subtype is not None and subtype != "" and not subtype.isascii()


def _inside(span: Span, section: Span) -> bool:
    return section.start <= span.start and span.end <= section.end
