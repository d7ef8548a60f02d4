"""The ontology package: noticekg.ttl, namespace.py, shapes.ttl and context.jsonld agree.

The Turtle file is the source of truth. These tests hold the Python namespace, the SHACL shapes,
the JSON-LD context, the generated HTML page and the shipped SPARQL queries to it, and check that
the shapes accept the graph of docs/graph-model.md and reject each kind of broken node.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from noticekg.errors import InputError
from noticekg.ontology import NKG, ONTOLOGY_IRI, resource

ROOT = Path(__file__).resolve().parents[1]
NS = str(NKG._NS)
ONTOLOGY = URIRef(ONTOLOGY_IRI)
TERMS = sorted(NKG.__annotations__)

OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
M8G = Namespace("http://data.europa.eu/m8g/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
VANN = Namespace("http://purl.org/vocab/vann/")
# A plain Namespace: rdflib's closed XSD warns when pytest probes module globals for mocks.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# Vocabularies the ontology may align with; anything else outside nkg: is a typo.
EXTERNAL = (
    str(FOAF),
    str(PROV),
    str(DCTERMS),
    str(SCHEMA),
    str(ORG),
    str(M8G),
    str(ELI),
    str(QUDT),
    str(OA),
    str(SKOS),
)

# A SPARQL PREFIX declaration: the label (group 1) bound to an IRI (group 2).
SPARQL_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
# A full IRI in angle brackets, to catch <https://w3id.org/noticekg/ontology#Term> written out.
SPARQL_IRI = re.compile(r"<([^>\s]*)>")
# The local part of a prefixed name as the project writes them (letters, digits, _ and -).
LOCAL_NAME = r"[A-Za-z_][\w-]*"


def _tools_module(name: str) -> ModuleType:
    """Import a script from tools/, which is not a package."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen_namespace = _tools_module("gen_namespace")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=resource("noticekg.ttl").read_text(encoding="utf-8"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=resource("shapes.ttl").read_text(encoding="utf-8"), format="turtle")


@pytest.fixture(scope="module")
def context() -> dict[str, object]:
    return json.loads(resource("context.jsonld").read_text(encoding="utf-8"))


def term(name: str) -> URIRef:
    """The IRI of an ontology term by local name (``NKG[name]`` is opaque to type checkers)."""
    return URIRef(NS + name)


def nkg_subjects(graph: Graph) -> set[str]:
    return {str(s)[len(NS) :] for s in graph.subjects() if str(s).startswith(NS)}


def owl_types(graph: Graph, iri: Node) -> set[Node]:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    return {t for t in graph.objects(iri, RDF.type) if t in kinds}


def languages(graph: Graph, iri: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(iri, predicate) if isinstance(o, Literal)}


# --- the ontology itself ------------------------------------------------------------------------


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert ontology.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert languages(ontology, ONTOLOGY, DCTERMS.title) == {"en", "zh"}
    assert "en" in languages(ontology, ONTOLOGY, DCTERMS.description)
    assert ontology.value(ONTOLOGY, DCTERMS.license) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0"
    )
    assert ontology.value(ONTOLOGY, DCTERMS.creator) == Literal("noticekg contributors")
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespacePrefix)) == "nkg"
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespaceUri)) == NS
    assert NS.rstrip("#") == ONTOLOGY_IRI


@pytest.mark.parametrize("name", TERMS)
def test_namespace_term_is_declared_and_documented(ontology: Graph, name: str) -> None:
    iri = term(name)
    kinds = owl_types(ontology, iri)
    assert len(kinds) == 1 and kinds <= {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    assert {"zh", "en"} <= languages(ontology, iri, RDFS.label), f"{name}: labels @zh and @en"
    assert "en" in languages(ontology, iri, RDFS.comment), f"{name}: an rdfs:comment @en"
    assert ontology.value(iri, RDFS.isDefinedBy) == ONTOLOGY
    zh = [
        str(o)
        for o in ontology.objects(iri, RDFS.label)
        if isinstance(o, Literal) and o.language == "zh"
    ]
    assert all(re.search(r"[\u4e00-\u9fff]", label) for label in zh), f"{name}: label in Chinese"


def test_every_declared_term_is_in_the_namespace(ontology: Graph) -> None:
    assert nkg_subjects(ontology) == set(TERMS)


def test_labels_are_unique_per_language(ontology: Graph) -> None:
    seen: dict[tuple[str, str | None, bool], str] = {}
    for name in TERMS:
        is_class = OWL.Class in owl_types(ontology, term(name))
        for label in ontology.objects(term(name), RDFS.label):
            assert isinstance(label, Literal)
            key = (str(label), label.language, is_class)
            assert key not in seen, f"{name} and {seen.get(key)} share the label {label!r}"
            seen[key] = name


@pytest.mark.parametrize(
    ("name", "label_zh"),
    [
        ("Notice", "巡察整改通报"),
        ("Inspection", "巡察/巡视/审计活动"),
        ("Measure", "整改措施"),
        ("GovernmentBody", "政府机关"),
        ("InspectionTeam", "巡察组"),
        ("Slogan", "口号/理念"),
        ("Metric", "数据指标"),
        ("Mention", "文本提及"),
    ],
)
def test_chinese_labels(ontology: Graph, name: str, label_zh: str) -> None:
    assert Literal(label_zh, lang="zh") in set(ontology.objects(term(name), RDFS.label))


@pytest.mark.parametrize("relation", [RDFS.subClassOf, RDFS.subPropertyOf])
def test_hierarchy_targets_exist(ontology: Graph, relation: URIRef) -> None:
    for sub, sup in ontology.subject_objects(relation):
        assert isinstance(sup, URIRef), f"{sub}: anonymous super-term"
        if str(sup).startswith(NS):
            assert str(sup)[len(NS) :] in TERMS, f"{sub} ⊑ undeclared {sup}"
        else:
            assert str(sup).startswith(EXTERNAL), f"{sub} ⊑ {sup}: unknown vocabulary"
            assert owl_types(ontology, sup), f"{sup} is not declared in noticekg.ttl"


def test_every_external_term_used_is_declared(ontology: Graph) -> None:
    used = {
        o
        for p in (RDFS.subClassOf, RDFS.subPropertyOf, SKOS.closeMatch)
        for o in ontology.objects(None, p)
    }
    used |= {p for p in ontology.predicates() if not str(p).startswith(str(RDF))}
    missing = {
        str(t)
        for t in used
        if not str(t).startswith((NS, str(RDF), str(RDFS), str(OWL))) and not owl_types(ontology, t)
    }
    assert not missing


@pytest.mark.parametrize(
    ("sub", "predicate", "sup"),
    [
        (NKG.Notice, RDFS.subClassOf, FOAF.Document),
        (NKG.Notice, RDFS.subClassOf, PROV.Entity),
        (NKG.title, RDFS.subPropertyOf, DCTERMS.title),
        (NKG.published, RDFS.subPropertyOf, DCTERMS.issued),
        (NKG.signed, RDFS.subPropertyOf, DCTERMS.created),
        (NKG.publisher, RDFS.subPropertyOf, DCTERMS.publisher),
        (NKG.indexNumber, RDFS.subPropertyOf, DCTERMS.identifier),
        (NKG.Inspection, RDFS.subClassOf, PROV.Activity),
        (NKG.authority, RDFS.subPropertyOf, PROV.wasAssociatedWith),
        (NKG.inspector, RDFS.subPropertyOf, PROV.wasAssociatedWith),
        (NKG.startDate, SKOS.closeMatch, PROV.startedAtTime),
        (NKG.endDate, SKOS.closeMatch, PROV.endedAtTime),
        (NKG.Problem, RDFS.subClassOf, PROV.Entity),
        (NKG.foundBy, RDFS.subPropertyOf, PROV.wasGeneratedBy),
        (NKG.Measure, RDFS.subClassOf, SCHEMA.Action),
        (NKG.answers, RDFS.subPropertyOf, SCHEMA.object),
        (NKG.agent, RDFS.subPropertyOf, SCHEMA.agent),
        (NKG.Organization, RDFS.subClassOf, ORG.Organization),
        (NKG.Organization, RDFS.subClassOf, FOAF.Organization),
        (NKG.GovernmentBody, RDFS.subClassOf, M8G.PublicOrganisation),
        (NKG.subOrganizationOf, RDFS.subPropertyOf, ORG.subOrganizationOf),
        (NKG.Platform, RDFS.subClassOf, PROV.Entity),
        (NKG.InformationSystem, RDFS.subClassOf, SCHEMA.SoftwareApplication),
        (NKG.Database, RDFS.subClassOf, SCHEMA.Dataset),
        (NKG.Project, RDFS.subClassOf, SCHEMA.Project),
        (NKG.Regulation, RDFS.subClassOf, ELI.LegalResource),
        (NKG.Regulation, RDFS.subClassOf, SCHEMA.Legislation),
        (NKG.Metric, RDFS.subClassOf, QUDT.QuantityValue),
        (NKG.value, RDFS.subPropertyOf, QUDT.numericValue),
        (NKG.Person, RDFS.subClassOf, FOAF.Person),
        (NKG.Place, RDFS.subClassOf, DCTERMS.Location),
        (NKG.Mention, RDFS.subClassOf, OA.SpecificResource),
        (NKG.mentionedIn, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (NKG.issuedBy, RDFS.subPropertyOf, DCTERMS.creator),
        (NKG.inNotice, RDFS.subPropertyOf, DCTERMS.isPartOf),
        (NKG.locatedIn, RDFS.subPropertyOf, SCHEMA.location),
    ],
)
def test_alignment(ontology: Graph, sub: URIRef, predicate: URIRef, sup: URIRef) -> None:
    assert (sub, predicate, sup) in ontology


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        # xsd:date is not xsd:dateTime, so the dates are close matches, never sub-properties.
        (NKG.startDate, PROV.startedAtTime),
        (NKG.endDate, PROV.endedAtTime),
    ],
)
def test_date_properties_are_not_prov_subproperties(
    ontology: Graph, sub: URIRef, sup: URIRef
) -> None:
    assert (sub, RDFS.subPropertyOf, sup) not in ontology
    assert ontology.value(sub, RDFS.range) == XSD.date


SUBCLASSES = {
    NKG.Organization: (
        "GovernmentBody PartyOrganization InspectionTeam Enterprise ResearchInstitute Association"
    ),
    NKG.Platform: "Park Base Incubator Building InformationSystem Database",
    NKG.Project: "ConstructionProject IndustrialProject Programme",
    NKG.Policy: "Regulation Reform Mechanism Plan Model Campaign Slogan",
    NKG.Place: "City District DevelopmentZone Area Road LandParcel",
}


@pytest.mark.parametrize(
    ("sub", "sup"), [(term(n), sup) for sup, names in SUBCLASSES.items() for n in names.split()]
)
def test_class_hierarchy(ontology: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in ontology


@pytest.mark.parametrize(
    "name",
    [n for n in TERMS if n[0].islower()],  # properties are lower camel case
)
def test_property_has_domain_and_range(ontology: Graph, name: str) -> None:
    iri = term(name)
    domains = set(ontology.objects(iri, RDFS.domain)) | set(
        ontology.objects(iri, SCHEMA.domainIncludes)
    )
    ranges = set(ontology.objects(iri, RDFS.range)) | set(
        ontology.objects(iri, SCHEMA.rangeIncludes)
    )
    assert domains and ranges, f"{name}: needs a domain and a range"
    for cls in domains | {r for r in ranges if str(r).startswith(NS)}:
        assert (cls, RDF.type, OWL.Class) in ontology, f"{name}: {cls} is not a declared class"
    if OWL.ObjectProperty in owl_types(ontology, iri):
        assert all(str(r).startswith(NS) for r in ranges), f"{name}: object range outside nkg"
    else:
        assert all(str(r).startswith((str(XSD), str(RDF))) for r in ranges), name


@pytest.mark.parametrize(
    ("name", "domains"),
    [
        ("mentionedIn", {"Organization", "Problem", "Measure", "Metric"}),
        ("inNotice", {"Inspection", "Problem", "Measure", "Metric"}),
        ("number", {"Problem", "Measure"}),
        ("establishes", {"Organization", "Measure"}),
    ],
)
def test_shared_properties_use_domain_includes(
    ontology: Graph, name: str, domains: set[str]
) -> None:
    assert ontology.value(term(name), RDFS.domain) is None
    assert {term(d) for d in domains} <= set(ontology.objects(term(name), SCHEMA.domainIncludes))


# --- namespace.py is generated from the .ttl ------------------------------------------------


def test_namespace_module_is_generated_from_the_ontology(ontology: Graph) -> None:
    committed = (files("noticekg.ontology") / "namespace.py").read_text(encoding="utf-8")
    assert committed == gen_namespace.render_namespace(ontology), (
        "namespace.py is stale: run python tools/gen_namespace.py"
    )


def test_generation_does_not_depend_on_parse_order(ontology: Graph) -> None:
    reparsed = Graph().parse(data=ontology.serialize(format="nt"), format="nt")
    assert gen_namespace.render_namespace(reparsed) == gen_namespace.render_namespace(ontology)


def test_generator_check_mode(tmp_path: Path) -> None:
    stale = tmp_path / "namespace.py"
    stale.write_text("# old\n", encoding="utf-8")
    assert gen_namespace.main(["--check", "--output", str(stale)]) == 1
    assert gen_namespace.main(["--output", str(stale)]) == 0
    assert gen_namespace.main(["--check", "--output", str(stale)]) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "not found"), ("nkg:Notice a owl:Class", "not valid Turtle")],
)
def test_generator_rejects_bad_ontology(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "broken.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        gen_namespace.load_ontology(path)


@pytest.mark.parametrize(
    ("name", "comment", "expected"),
    [
        ("x", "Short.", "    x: URIRef  # Short."),
        ("x", "", "    x: URIRef"),
        ("x", "word " * 30, "    x: URIRef  # " + "word " * 15 + "word…"),
        ("x", "长" * 60, "    x: URIRef"),  # one CJK run too wide to cut at a space
        ("x", "一个 " + "长" * 60, "    x: URIRef  # 一个…"),
    ],
)
def test_term_line_fits_the_line_length(name: str, comment: str, expected: str) -> None:
    line = gen_namespace.term_line(name, comment)
    assert line == expected
    assert gen_namespace.display_width(line) <= gen_namespace.LINE_WIDTH


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("One. Two.", "One."),
        ("No full stop", "No full stop"),
        ("Offsets (8.7亿元 → 870000000). Rest.", "Offsets (8.7亿元 → 870000000)."),
    ],
)
def test_first_sentence(comment: str, expected: str) -> None:
    assert gen_namespace.first_sentence(comment) == expected


def test_namespace_rejects_unknown_terms() -> None:
    assert NKG.Notice == URIRef(NS + "Notice")
    with pytest.raises(AttributeError):
        _ = NKG.Notices


# --- SPARQL queries only use declared terms ----------------------------------------------------


def nkg_terms_in_query(text: str) -> set[str]:
    """Local names of every ontology term a SPARQL text uses, under any prefix label."""
    labels = [re.escape(label or "") for label, iri in SPARQL_PREFIX.findall(text) if iri == NS]
    found = {iri[len(NS) :] for iri in SPARQL_IRI.findall(text) if iri.startswith(NS) and iri != NS}
    for label in labels:
        found.update(re.findall(rf"(?<![\w:-]){label}:({LOCAL_NAME})", text))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"PREFIX nkg: <{NS}>\nSELECT * {{ ?m a nkg:Measure ; nkg:inNotice ?n . }}",
            {
                "Measure",
                "inNotice",
            },
        ),
        (f"PREFIX k: <{NS}>\nSELECT * {{ ?p k:number 1 }}", {"number"}),
        (f"SELECT * {{ ?p <{NS}answers> ?q }}", {"answers"}),
        # negative cases: another namespace, no prefix declared, a different prefix label
        ("PREFIX nkg: <http://example.org/other#>\nSELECT * { ?s nkg:Foo ?o }", set()),
        ("SELECT * { ?s nkg:Foo ?o }", set()),
        (f"PREFIX nkg: <{NS}>\nPREFIX xnkg: <http://x/>\nSELECT * {{ ?s xnkg:Foo ?o }}", set()),
    ],
)
def test_nkg_terms_in_query(text: str, expected: set[str]) -> None:
    assert nkg_terms_in_query(text) == expected


def test_queries_use_only_declared_terms() -> None:
    folder = files("noticekg") / "queries"
    queries = [f for f in folder.iterdir() if f.name.endswith(".rq")] if folder.is_dir() else []
    unknown = {
        f"{query.name}: nkg:{name}"
        for query in queries
        for name in nkg_terms_in_query(query.read_text(encoding="utf-8"))
        if name not in TERMS
    }
    assert not unknown


# --- a small graph written by hand after docs/graph-model.md -------------------------------------

BASE = "https://w3id.org/noticekg/"
TEXT = (
    "甲市科技局关于巡察整改情况的通报\n"
    "根据市委部署,市委第一巡察组对甲市科技局进行了巡察。\n"
    "一、关于“项目推进不力”问题的整改情况\n"
    "(一)加快项目建设。制定《甲市科技项目管理办法》,落实资金8.7亿元,"
    "在温州高新区推进创新大厦项目,王中林院士领衔,上线项目管理系统。\n"
)
NOTICE = URIRef(BASE + "notice/TEST%2F2021-001")
INSPECTION = URIRef(f"{NOTICE}/inspection")
PROBLEM = URIRef(f"{NOTICE}/problem/1")
MEASURE = URIRef(f"{PROBLEM}/measure/1")
METRIC = URIRef(f"{NOTICE}/metric/{TEXT.index('8.7')}")
BUREAU = URIRef(BASE + "organization/%E7%94%B2%E5%B8%82%E7%A7%91%E6%8A%80%E5%B1%80")
COMMITTEE = URIRef(BASE + "organization/%E5%B8%82%E5%A7%94")
TEAM = URIRef(BASE + "organization/team")
REGULATION = URIRef(BASE + "policy/rule")
PROJECT = URIRef(BASE + "project/building")
SYSTEM = URIRef(BASE + "platform/system")
PERSON = URIRef(BASE + "person/wang")
ZONE = URIRef(BASE + "place/zone")

ENTITIES = (
    (BUREAU, NKG.GovernmentBody, "甲市科技局"),
    (COMMITTEE, NKG.PartyOrganization, "市委"),
    (TEAM, NKG.InspectionTeam, "市委第一巡察组"),
    (REGULATION, NKG.Regulation, "甲市科技项目管理办法"),
    (PROJECT, NKG.ConstructionProject, "创新大厦项目"),
    (SYSTEM, NKG.InformationSystem, "项目管理系统"),
    (PERSON, NKG.Person, "王中林"),
    (ZONE, NKG.DevelopmentZone, "温州高新区"),
)


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def mention_of(graph: Graph, quote: str) -> URIRef:
    """Add the mention of the first ``quote`` in TEXT with both selectors, as the builder does."""
    start = TEXT.index(quote)
    end = start + len(quote)
    mention = URIRef(f"{NOTICE}/mention/{start}-{end}")
    position, exact = URIRef(f"{mention}/position"), URIRef(f"{mention}/quote")
    graph.add((mention, RDF.type, NKG.Mention))
    graph.add((mention, OA.hasSource, NOTICE))
    graph.add((mention, OA.hasSelector, position))
    graph.add((mention, OA.hasSelector, exact))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((exact, RDF.type, OA.TextQuoteSelector))
    graph.add((exact, OA.exact, Literal(quote)))
    return mention


def sample_graph() -> Graph:
    """One notice with every main class, written exactly as docs/graph-model.md describes."""
    g = Graph()
    title = TEXT.splitlines()[0]
    for p, o in (
        (RDF.type, NKG.Notice),
        (NKG.title, zh(title)),
        (RDFS.label, zh(title)),
        (NKG.publisher, BUREAU),
        (NKG.indexNumber, Literal("TEST/2021-001")),
        (NKG.category, zh("通知公告")),
        (NKG.published, Literal("2021-03-04", datatype=XSD.date)),
        (NKG.signed, Literal("2020-12-07", datatype=XSD.date)),
        (NKG.signatory, zh("甲市科技局")),
        (NKG.phone, Literal("0577-1234567")),
        (NKG.postcode, Literal("325000")),
        (NKG.sourceFile, Literal("a.txt")),
        (NKG.contentHash, Literal("0123456789abcdef" * 4)),
        (NKG.text, Literal(TEXT)),
        (NKG.warning, Literal("no signature date")),
        (NKG.reportsOn, INSPECTION),
    ):
        g.add((NOTICE, p, o))
    for p, o in (
        (RDF.type, NKG.Inspection),
        (RDFS.label, zh("市委第一巡察组对甲市科技局的巡察")),
        (NKG.kind, zh("巡察")),
        (NKG.authority, COMMITTEE),
        (NKG.inspector, TEAM),
        (NKG.target, BUREAU),
        (NKG.startDate, Literal("2019-04-04", datatype=XSD.date)),
        (NKG.endDate, Literal("2019-07-05", datatype=XSD.date)),
        (NKG.feedbackDate, Literal("2019-08-14", datatype=XSD.date)),
        (NKG.inNotice, NOTICE),
        (NKG.mentionedIn, mention_of(g, "根据市委部署,市委第一巡察组对甲市科技局进行了巡察。")),
    ):
        g.add((INSPECTION, p, o))
    for p, o in (
        (RDF.type, NKG.Problem),
        (RDFS.label, zh("项目推进不力")),
        (NKG.number, Literal(1)),
        (NKG.inNotice, NOTICE),
        (NKG.foundBy, INSPECTION),
        (NKG.mentionedIn, mention_of(g, "项目推进不力")),
    ):
        g.add((PROBLEM, p, o))
    for p, o in (
        (RDF.type, NKG.Measure),
        (RDFS.label, zh("加快项目建设")),
        (NKG.number, Literal(1)),
        (NKG.inNotice, NOTICE),
        (NKG.answers, PROBLEM),
        (NKG.agent, BUREAU),
        (NKG.involves, PROJECT),
        (NKG.involves, SYSTEM),
        (NKG.establishes, REGULATION),
        (NKG.reports, METRIC),
        (NKG.mentionedIn, mention_of(g, "加快项目建设")),
    ):
        g.add((MEASURE, p, o))
    for p, o in (
        (RDF.type, NKG.Metric),
        (RDFS.label, zh("8.7亿元")),
        (NKG.value, Literal(Decimal("8.7"))),
        (NKG.unitText, zh("亿元")),
        (NKG.normalisedValue, Literal(Decimal("870000000"))),
        (NKG.normalisedUnit, Literal("CNY")),
        (NKG.scale, Literal(Decimal("100000000"))),
        (NKG.counts, zh("落实资金")),
        (NKG.approximate, Literal(False)),
        (NKG.inNotice, NOTICE),
        (NKG.mentionedIn, mention_of(g, "8.7亿元")),
    ):
        g.add((METRIC, p, o))
    for iri, cls, name in ENTITIES:
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, zh(name)))
        g.add((iri, NKG.mentionedIn, mention_of(g, name)))
    g.add((BUREAU, SKOS.altLabel, zh("科技局")))
    g.add((PERSON, NKG.role, zh("院士")))
    g.add((PERSON, NKG.leads, BUREAU))
    g.add((TEAM, NKG.inspected, BUREAU))
    g.add((TEAM, NKG.subOrganizationOf, COMMITTEE))
    g.add((BUREAU, NKG.operates, SYSTEM))
    g.add((BUREAU, NKG.establishes, REGULATION))
    g.add((REGULATION, NKG.issuedBy, BUREAU))
    g.add((PROJECT, NKG.locatedIn, ZONE))
    return g


def violations(data: Graph, shapes: Graph, ontology: Graph | None) -> set[URIRef]:
    """The sh:resultPath of every violation pyshacl reports."""
    conforms, report, _ = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=False
    )
    paths = {p for p in report.objects(None, SH.resultPath) if isinstance(p, URIRef)}
    assert conforms == (not paths), "every violation names a property path"
    return paths


# --- shapes.ttl ---------------------------------------------------------------------------------


def test_shapes_refer_only_to_declared_terms(shapes: Graph) -> None:
    used = {
        o
        for p in (SH.path, SH.targetClass, SH["class"], SH.lessThan, SH.lessThanOrEquals)
        for o in shapes.objects(None, p)
    }
    unknown = {str(t) for t in used if str(t).startswith(NS) and str(t)[len(NS) :] not in TERMS}
    assert not unknown


@pytest.mark.parametrize(
    "cls",
    [
        "Notice",
        "Inspection",
        "Problem",
        "Measure",
        "Organization",
        "Platform",
        "Project",
        "Policy",
        "Person",
        "Place",
        "Metric",
        "Mention",
    ],
)
def test_every_main_class_has_a_node_shape(shapes: Graph, cls: str) -> None:
    targeting = set(shapes.subjects(SH.targetClass, term(cls)))
    assert len(targeting) == 1
    assert (targeting.pop(), RDF.type, SH.NodeShape) in shapes


def test_every_property_shape_has_a_name_and_message(shapes: Graph) -> None:
    for shape in set(shapes.subjects(SH.path, None)):
        assert shapes.value(shape, SH.name) is not None, shape
        message = shapes.value(shape, SH.message)
        assert message is not None and str(message)[0].isupper(), shape


def test_sample_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    assert violations(sample_graph(), shapes, ontology) == set()


def test_labels_in_other_languages_may_sit_beside_zh(shapes: Graph, ontology: Graph) -> None:
    g = sample_graph()
    g.add((BUREAU, RDFS.label, Literal("Science and Technology Bureau", lang="en")))
    g.add((ZONE, RDFS.label, Literal("温州高新区", lang="zh-Hans")))
    g.add((ZONE, SKOS.altLabel, Literal("Wenzhou High-tech Zone", lang="en")))
    assert violations(g, shapes, ontology) == set()


def test_subclass_targets_need_the_ontology(shapes: Graph, ontology: Graph) -> None:
    # A GovernmentBody is an Organization only through rdfs:subClassOf in the ontology.
    g = sample_graph()
    g.remove((BUREAU, RDFS.label, None))
    assert RDFS.label in violations(g, shapes, ontology)
    assert RDFS.label not in violations(g, shapes, None)


Mutation = Callable[[Graph], None]


def _short(node: object) -> str:
    """The last segment of an IRI (or a literal's text) for a readable test id."""
    text = str(node)
    return re.split(r"[#/]", text)[-1] if isinstance(node, URIRef) else text[:12]


def _named(mutate: Mutation, verb: str, s: URIRef | None, p: URIRef) -> Mutation:
    mutate.__name__ = f"{verb} {_short(s)} {_short(p)}"
    return mutate


def _replace(s: URIRef, p: URIRef, o: Literal | URIRef) -> Mutation:
    def mutate(g: Graph) -> None:
        g.set((s, p, o))

    return _named(mutate, f"set {_short(o)} as", s, p)


def _add(s: URIRef, p: URIRef, o: Literal | URIRef) -> Mutation:
    def mutate(g: Graph) -> None:
        g.add((s, p, o))

    return _named(mutate, f"add {_short(o)} as", s, p)


def _drop(s: URIRef | None, p: URIRef) -> Mutation:
    def mutate(g: Graph) -> None:
        g.remove((s, p, None))

    return _named(mutate, "drop", s, p)


def _selector(kind: URIRef) -> URIRef:
    mention = URIRef(f"{NOTICE}/mention/{TEXT.index('市委')}-{TEXT.index('市委') + 2}")
    return URIRef(f"{mention}/{'position' if kind == OA.TextPositionSelector else 'quote'}")


POSITION = _selector(OA.TextPositionSelector)
QUOTE = _selector(OA.TextQuoteSelector)
COMMITTEE_MENTION = URIRef(str(POSITION).rsplit("/", 1)[0])


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (_drop(NOTICE, NKG.contentHash), NKG.contentHash),
        (_add(NOTICE, NKG.contentHash, Literal("f" * 64)), NKG.contentHash),
        (_replace(NOTICE, NKG.contentHash, Literal("not-a-hash")), NKG.contentHash),
        (_drop(NOTICE, NKG.text), NKG.text),
        (_add(NOTICE, NKG.title, zh("另一个标题")), NKG.title),
        (_replace(NOTICE, NKG.title, Literal("A title", lang="en")), NKG.title),
        (_replace(NOTICE, NKG.published, Literal("2021-03-04")), NKG.published),
        (_add(NOTICE, NKG.signed, Literal("2020-12-08", datatype=XSD.date)), NKG.signed),
        (_add(NOTICE, NKG.indexNumber, Literal("OTHER/1")), NKG.indexNumber),
        (_replace(NOTICE, NKG.publisher, PROBLEM), NKG.publisher),
        (_drop(NOTICE, RDFS.label), RDFS.label),
        (
            _replace(INSPECTION, NKG.startDate, Literal("2019-09-01", datatype=XSD.date)),
            NKG.startDate,
        ),
        (
            _replace(
                INSPECTION, NKG.endDate, Literal("2019-07-05T00:00:00", datatype=XSD.dateTime)
            ),
            NKG.endDate,
        ),
        (_drop(INSPECTION, NKG.kind), NKG.kind),
        (_replace(INSPECTION, NKG.inspector, ZONE), NKG.inspector),
        (_replace(PROBLEM, NKG.number, Literal("1")), NKG.number),
        (_replace(PROBLEM, NKG.number, Literal(0)), NKG.number),
        (_drop(PROBLEM, NKG.inNotice), NKG.inNotice),
        (_drop(PROBLEM, NKG.mentionedIn), NKG.mentionedIn),
        (_drop(MEASURE, NKG.answers), NKG.answers),
        (_replace(MEASURE, NKG.answers, METRIC), NKG.answers),
        (_add(MEASURE, NKG.answers, URIRef(f"{NOTICE}/problem/2")), NKG.answers),
        (_add(MEASURE, NKG.number, Literal(2)), NKG.number),
        (_add(MEASURE, NKG.involves, Literal("创新大厦项目")), NKG.involves),
        (_replace(MEASURE, NKG.establishes, PROJECT), NKG.establishes),
        (_replace(METRIC, NKG.value, Literal(8.7)), NKG.value),
        (_drop(METRIC, NKG.value), NKG.value),
        (_drop(METRIC, NKG.unitText), NKG.unitText),
        (_replace(METRIC, NKG.normalisedValue, Literal("870000000")), NKG.normalisedValue),
        (_replace(METRIC, NKG.approximate, Literal("no")), NKG.approximate),
        (_drop(BUREAU, RDFS.label), RDFS.label),
        (_replace(COMMITTEE, RDFS.label, Literal("City committee", lang="en")), RDFS.label),
        (_add(BUREAU, SKOS.altLabel, Literal("科技局办")), SKOS.altLabel),
        (_add(PERSON, RDFS.label, Literal("王中林")), RDFS.label),
        (_drop(REGULATION, NKG.mentionedIn), NKG.mentionedIn),
        (_replace(ZONE, NKG.mentionedIn, NOTICE), NKG.mentionedIn),
        (_replace(REGULATION, NKG.issuedBy, ZONE), NKG.issuedBy),
        (_replace(PROJECT, NKG.locatedIn, SYSTEM), NKG.locatedIn),
        (_add(PERSON, NKG.role, Literal("academician")), NKG.role),
        (_drop(COMMITTEE_MENTION, OA.hasSource), OA.hasSource),
        (_drop(POSITION, OA.start), OA.start),
        (_replace(POSITION, OA.start, Literal(-1)), OA.start),
        (_replace(POSITION, OA.start, Literal(str(TEXT.index("市委")))), OA.start),
        (_replace(POSITION, OA.start, Literal(99, datatype=XSD.nonNegativeInteger)), OA.start),
        (_drop(QUOTE, OA.exact), OA.exact),
        (_drop(COMMITTEE_MENTION, OA.hasSelector), OA.hasSelector),
    ],
    ids=lambda value: value.__name__ if callable(value) else _short(value),
)
def test_shapes_reject(shapes: Graph, ontology: Graph, mutate: Mutation, path: URIRef) -> None:
    g = sample_graph()
    mutate(g)
    assert path in violations(g, shapes, ontology)


# --- context.jsonld -----------------------------------------------------------------------------


def test_context_maps_every_term_as_the_ontology_types_it(
    ontology: Graph, context: dict[str, object]
) -> None:
    ctx = context["@context"]
    assert isinstance(ctx, dict)
    by_iri = {}
    for key, value in ctx.items():
        iri = (
            value
            if isinstance(value, str)
            else value.get("@id")
            if isinstance(value, dict)
            else None
        )
        if isinstance(iri, str) and iri.startswith("nkg:"):
            by_iri[iri[4:]] = (key, value)
    assert set(by_iri) == set(TERMS)
    for name, (key, value) in by_iri.items():
        assert key == name
        kind = owl_types(ontology, term(name))
        rng = ontology.value(term(name), RDFS.range)
        if OWL.ObjectProperty in kind:
            assert value.get("@type") == "@id", name
        elif OWL.DatatypeProperty in kind and rng == RDF.langString:
            assert value.get("@language") == "zh", name
        elif OWL.DatatypeProperty in kind and rng != XSD.string:
            assert value.get("@type") == f"xsd:{str(rng)[len(str(XSD)) :]}", name


def test_context_round_trips_through_rdflib(context: dict[str, object]) -> None:
    g = sample_graph()
    g.add((BUREAU, RDFS.label, Literal("Science and Technology Bureau", lang="en")))
    g.add((ZONE, SKOS.altLabel, Literal("高新区", lang="zh-Hans")))
    g.add((PERSON, RDFS.comment, Literal("plain")))
    text = g.serialize(format="json-ld", context=context["@context"])
    back = Graph().parse(data=text, format="json-ld")
    if not isomorphic(g, back):
        _, only_in_g, only_in_back = graph_diff(to_isomorphic(g), to_isomorphic(back))
        pytest.fail(
            f"only written: {sorted(only_in_g)[:5]}; only read back: {sorted(only_in_back)[:5]}"
        )


def test_context_compacts_to_short_keys(context: dict[str, object]) -> None:
    text = sample_graph().serialize(format="json-ld", context=context["@context"])
    body = json.loads(text)
    body.pop("@context")
    flat = json.dumps(body, ensure_ascii=False)
    assert NS not in flat and "rdf-schema#" not in flat and "www.w3.org/ns/oa#" not in flat
    nodes = {node["id"]: node for node in body["@graph"]}
    assert nodes[str(BUREAU)]["label"] == "甲市科技局"
    assert nodes[str(METRIC)]["value"] == "8.7"
    assert nodes[str(NOTICE)]["published"] == "2021-03-04"
    assert nodes[str(MEASURE)]["answers"] == str(PROBLEM)


# --- docs/ontology.html -------------------------------------------------------------------------


def test_html_documentation_lists_every_term() -> None:
    html = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    missing = [name for name in TERMS if f"{NS}{name}" not in html and f"nkg:{name}" not in html]
    assert not missing


def test_html_documentation_is_up_to_date() -> None:
    pytest.importorskip("pylode", reason="pyLODE renders docs/ontology.html")
    gen_doc = _tools_module("gen_ontology_doc")
    committed = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    assert committed == gen_doc.render_html(gen_doc.DEFAULT_TTL), (
        "docs/ontology.html is stale: run python tools/gen_ontology_doc.py"
    )
