"""Records → triples as docs/graph-model.md lays them out."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib.namespace as ns
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from noticekg.extract import extract_file, extract_notice
from noticekg.extract.records import Entity, EntityType, Inspection, Notice, Span
from noticekg.graph import (
    OA,
    build_dataset,
    entity_iri,
    iris,
    notice_graph,
    notice_iri,
    notice_ntriples,
)
from noticekg.graph.classes import entity_class
from noticekg.graph.sentences import SENTENCE_END
from noticekg.ontology import NKG

ORG = EntityType.ORGANIZATION


def label_of(graph: Graph, node: URIRef) -> str:
    return str(graph.value(node, RDFS.label))


def test_one_named_graph_per_notice(notices: tuple[Notice, Notice]) -> None:
    dataset = build_dataset(notices)
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {notice_iri(n) for n in notices}
    # the default graph reads as the union, with shared entities merged
    committee = entity_iri(ORG, "市委")
    assert len(set(dataset.objects(committee, NKG.mentionedIn))) == 2


def test_notice_graph_identifier_is_the_notice_iri(notice_a: Notice) -> None:
    assert notice_graph(notice_a).identifier == notice_iri(notice_a)


def test_every_mention_quotes_its_offsets_exactly(notice_a: Notice) -> None:
    graph = notice_graph(notice_a)
    mentions = set(graph.subjects(RDF.type, NKG.Mention))
    assert len(mentions) >= 15
    for mention in mentions:
        assert graph.value(mention, OA.hasSource) == notice_iri(notice_a)
        selectors = set(graph.objects(mention, OA.hasSelector))
        (position,) = [s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph]
        (quote,) = [s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph]
        start, end = graph.value(position, OA.start), graph.value(position, OA.end)
        assert start.datatype == ns.XSD.nonNegativeInteger
        assert notice_a.text[start.toPython() : end.toPython()] == str(graph.value(quote, OA.exact))
        assert str(mention).endswith(f"/mention/{start}-{end}")


def test_prefix_and_suffix_are_the_sentence_next_to_the_quote(notice_a: Notice) -> None:
    graph = notice_graph(notice_a)
    text, found = notice_a.text, 0
    for mention in graph.subjects(RDF.type, NKG.Mention):
        position, quote = iris.position_iri(mention), iris.quote_iri(mention)
        start, end = (
            graph.value(position, OA.start).toPython(),
            graph.value(position, OA.end).toPython(),
        )
        prefix = str(graph.value(quote, OA.prefix, default=""))
        suffix = str(graph.value(quote, OA.suffix, default=""))
        assert (
            text[start - len(prefix) : start] == prefix and text[end : end + len(suffix)] == suffix
        )
        assert not SENTENCE_END.search(prefix) and not SENTENCE_END.search(suffix[:-1])
        found += bool(prefix or suffix)
    assert found >= 15


def test_entities_typed_labelled_and_aliased(notice_a: Notice) -> None:
    graph = notice_graph(notice_a)
    bureau = entity_iri(ORG, "甲市科技局")
    assert (bureau, RDF.type, NKG.GovernmentBody) in graph
    assert graph.value(bureau, RDFS.label) == Literal("甲市科技局", lang="zh")
    assert set(graph.objects(bureau, SKOS.altLabel)) == {Literal("科技局", lang="zh")}
    assert len(set(graph.objects(bureau, NKG.mentionedIn))) == 3
    assert (entity_iri(EntityType.PLATFORM, "科技服务平台"), RDF.type, NKG.Platform) in graph


@pytest.mark.parametrize(
    ("entity_type", "subtype", "expected"),
    [
        (EntityType.ORGANIZATION, "inspection_team", NKG.InspectionTeam),
        (EntityType.ORGANIZATION, "other", NKG.Organization),
        (EntityType.ORGANIZATION, None, NKG.Organization),
        (EntityType.ORGANIZATION, "park", NKG.Organization),  # a subtype of another type
        (EntityType.PLATFORM, "system", NKG.InformationSystem),
        (EntityType.PROJECT, "programme", NKG.Programme),
        (EntityType.POLICY, "regulation", NKG.Regulation),
        (EntityType.PLACE, "zone", NKG.DevelopmentZone),
        (EntityType.PERSON, "academician", NKG.Person),
    ],
)
def test_entity_class(entity_type: EntityType, subtype: str | None, expected: URIRef) -> None:
    assert entity_class(entity_type, subtype) == expected


def test_measures_link_problem_agent_entities_policies_metrics(notice_a: Notice) -> None:
    graph = notice_graph(notice_a)
    n = notice_iri(notice_a)
    m1 = URIRef(f"{n}/problem/1/measure/1")
    assert graph.value(m1, NKG.answers) == URIRef(f"{n}/problem/1")
    assert graph.value(m1, NKG.agent) == entity_iri(ORG, "甲市科技局")
    assert {label_of(graph, e) for e in graph.objects(m1, NKG.involves)} == {
        "甲市科技项目管理办法",
        "创新大厦项目",
    }
    assert {label_of(graph, e) for e in graph.objects(m1, NKG.establishes)} == {
        "甲市科技项目管理办法"
    }
    assert set(graph.objects(m1, NKG.reports)) == {
        URIRef(f"{n}/metric/{notice_a.text.index('8.7')}")
    }
    m2 = URIRef(f"{n}/problem/1/measure/2")
    assert not set(graph.objects(m2, NKG.establishes))  # its section states no 制定/出台
    assert entity_iri(ORG, "甲市科技局") in set(graph.objects(m2, NKG.involves))  # via alias


def test_metric_values_are_decimals(notice_a: Notice) -> None:
    graph = notice_graph(notice_a)
    metric = URIRef(f"{notice_iri(notice_a)}/metric/{notice_a.text.index('8.7')}")
    assert graph.value(metric, NKG.value) == Literal(Decimal("8.7"))
    assert graph.value(metric, NKG.value).datatype == ns.XSD.decimal
    assert graph.value(metric, NKG.normalisedValue).toPython() == Decimal("870000000")
    assert graph.value(metric, NKG.scale).toPython() == Decimal("100000000")
    assert graph.value(metric, RDFS.label) == Literal("8.7亿元", lang="zh")
    assert graph.value(metric, NKG.normalisedUnit) == Literal("CNY")
    assert graph.value(metric, NKG.approximate) == Literal(False)


def test_relations_become_properties(notice_a: Notice) -> None:
    graph = notice_graph(notice_a)
    team, bureau = entity_iri(ORG, "市委第一巡察组"), entity_iri(ORG, "甲市科技局")
    assert (team, NKG.inspected, bureau) in graph
    assert (team, NKG.subOrganizationOf, entity_iri(ORG, "市委")) in graph
    # an alias as subject resolves to the canonical entity
    assert (bureau, NKG.operates, entity_iri(EntityType.PLATFORM, "科技服务平台")) in graph


def test_inspection_and_notice_fields(notice_a: Notice) -> None:
    graph = notice_graph(notice_a)
    n = notice_iri(notice_a)
    inspection = graph.value(n, NKG.reportsOn)
    assert graph.value(inspection, NKG.inspector) == entity_iri(ORG, "市委第一巡察组")
    assert graph.value(inspection, NKG.startDate) == Literal("2019-04-04", datatype=ns.XSD.date)
    assert graph.value(inspection, NKG.kind) == Literal("巡察", lang="zh")
    assert graph.value(n, NKG.published) == Literal("2021-03-04", datatype=ns.XSD.date)
    assert graph.value(n, NKG.text) == Literal(notice_a.text)
    assert graph.value(URIRef(f"{n}/problem/2"), NKG.foundBy) == inspection
    assert graph.value(n, NKG.email) is None  # absent fields stay absent


def test_unknown_inspection_names_are_minted_as_organizations(notice_b: Notice) -> None:
    notice = dataclasses.replace(
        notice_b, inspection=Inspection(kind="巡视", inspector="省委第三巡视组")
    )
    graph = notice_graph(notice)
    team = graph.value(graph.value(notice_iri(notice), NKG.reportsOn), NKG.inspector)
    assert team == entity_iri(ORG, "省委第三巡视组")
    assert (team, RDF.type, NKG.Organization) in graph
    assert graph.value(team, RDFS.label) == Literal("省委第三巡视组", lang="zh")


@pytest.mark.parametrize(
    ("subtype", "role"), [("院士", "院士"), ("academician", None), (None, None)]
)
def test_person_role_only_as_written(
    notice_a: Notice, subtype: str | None, role: str | None
) -> None:
    person = Entity("王中林", EntityType.PERSON, subtype, (), ())
    graph = notice_graph(dataclasses.replace(notice_a, entities=(person,)))
    found = graph.value(entity_iri(EntityType.PERSON, "王中林"), NKG.role)
    assert found == (Literal(role, lang="zh") if role else None)


def test_relation_to_unknown_entity_becomes_a_warning(notice_a: Notice) -> None:
    from noticekg.extract.records import Predicate, Relation

    notice = dataclasses.replace(
        notice_a, relations=(Relation("甲市科技局", Predicate.GUIDES, "不存在的单位"),)
    )
    graph = notice_graph(notice)
    assert not set(graph.subject_objects(NKG.guides))
    assert any("不存在的单位" in w for w in graph.objects(notice_iri(notice), NKG.warning))


NASTY = 'a"b\\c<d>e\nf\rg\x00h\x1fi\u2028j"""k\'\'\''


def nasty_notice(notice: Notice) -> Notice:
    text = notice.text + NASTY
    start = len(notice.text)
    entity = Entity(NASTY, ORG, "enterprise", (NASTY + "x",), (Span(start, len(text), NASTY),))
    return dataclasses.replace(notice, text=text, entities=(*notice.entities, entity))


@pytest.mark.parametrize("fmt", ["turtle", "nt", "trig", "json-ld"])
def test_labels_with_quotes_and_control_characters_round_trip(notice_a: Notice, fmt: str) -> None:
    dataset = build_dataset([nasty_notice(notice_a)])
    text = dataset.serialize(format=fmt)
    back = Dataset(default_union=True)
    back.parse(data=text, format=fmt)
    assert Literal(NASTY, lang="zh") in set(back.objects(None, RDFS.label))
    assert Literal(NASTY) in set(back.objects(None, OA.exact))


GENRE = sorted((Path(__file__).parents[1] / "data" / "genre").glob("*.txt"))

# The counts as a query would take them from the graph itself, independently of the builder.
COUNTED = """
PREFIX nkg: <https://w3id.org/noticekg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT (COUNT(DISTINCT ?p) AS ?problems) (COUNT(DISTINCT ?m) AS ?measures)
       (COUNT(DISTINCT ?x) AS ?figures) (COUNT(DISTINCT ?e) AS ?entities)
WHERE {
  { ?p a nkg:Problem ; nkg:inNotice ?notice }
  UNION { ?m a nkg:Measure ; nkg:inNotice ?notice }
  UNION { ?x a nkg:Metric ; nkg:inNotice ?notice }
  UNION { ?e nkg:mentionedIn/oa:hasSource ?notice FILTER NOT EXISTS { ?e nkg:inNotice ?notice } }
}
"""
COUNT_PROPERTIES = {
    "problems": NKG.problemCount,
    "measures": NKG.measureCount,
    "figures": NKG.figureCount,
    "entities": NKG.entityCount,
}


@pytest.mark.parametrize("path", GENRE, ids=lambda p: p.stem)
def test_written_counts_agree_with_the_graph(path: Path) -> None:
    notice = extract_file(path)
    graph = notice_graph(notice)
    iri = notice_iri(notice)
    (row,) = graph.query(COUNTED, initBindings={"notice": iri})
    for name, prop in COUNT_PROPERTIES.items():
        (written,) = graph.objects(iri, prop)
        assert written.datatype == ns.XSD.integer
        assert written.toPython() == row[name].toPython(), name
    assert graph.value(iri, NKG.problemCount).toPython() == len(notice.problems)


def test_written_counts_of_a_notice_with_nothing_found() -> None:
    notice = extract_notice("关于某事项的通知\n\n请各单位知悉。")
    graph = notice_graph(notice)
    counts = {prop: graph.value(notice_iri(notice), prop) for prop in COUNT_PROPERTIES.values()}
    assert {prop: c.toPython() for prop, c in counts.items()} == dict.fromkeys(counts, 0)


DISTRICT_NOTICE = """中共{publisher}党组关于区委第二巡察组巡察反馈意见整改情况的通报

根据区委统一部署，2023年3月1日至4月30日，区委第二巡察组对{publisher}党组开展了常规巡察。
一、关于“资金管理不规范”问题
整改措施：会同{finance}开展专项检查，已完成整改。
"""


def _district_notice(publisher: str, finance: str = "区财政局") -> Notice:
    return extract_notice(DISTRICT_NOTICE.format(publisher=publisher, finance=finance))


def _iri_labelled(graph: Graph, label: str) -> URIRef:
    (node,) = {s for s in graph.subjects(RDFS.label, Literal(label, lang="zh"))}
    return node


def test_relative_names_are_told_apart_by_district() -> None:
    one, other = _district_notice("红塔区卫生健康局"), _district_notice("南海区卫生健康局")
    dataset = build_dataset([one, other])
    assert _iri_labelled(dataset, "红塔区财政局") == entity_iri(ORG, "红塔区财政局")
    assert _iri_labelled(dataset, "南海区委第二巡察组") == entity_iri(ORG, "南海区委第二巡察组")
    assert not set(dataset.subjects(RDFS.label, Literal("区财政局", lang="zh")))
    written = set(dataset.subjects(SKOS.altLabel, Literal("区财政局", lang="zh")))
    assert len(written) == 2  # two bodies, each also labelled as its notice writes it


def test_relative_and_full_name_are_one_node() -> None:
    relative = _district_notice("红塔区卫生健康局")
    full = _district_notice("红塔区教育体育局", finance="红塔区财政局")
    dataset = build_dataset([relative, full])
    bureau = entity_iri(ORG, "红塔区财政局")
    notices = {m.split("/mention/")[0] for m in dataset.objects(bureau, NKG.mentionedIn)}
    assert notices == {str(notice_iri(relative)), str(notice_iri(full))}


def test_relative_name_of_an_unknown_district_stays_in_its_notice() -> None:
    one, other = _district_notice("某某中学"), _district_notice("某某小学")
    dataset = build_dataset([one, other])
    nodes = set(dataset.subjects(RDFS.label, Literal("区财政局", lang="zh")))
    assert nodes == {iris.local_entity_iri(notice_iri(n), ORG, "区财政局") for n in (one, other)}


def test_inspection_label_names_the_team_in_full() -> None:
    notice = _district_notice("红塔区卫生健康局")
    label = label_of(notice_graph(notice), iris.inspection_iri(notice_iri(notice)))
    assert label.startswith("红塔区委第二巡察组对") and label.endswith("的巡察")


DEV_NOTICES = sorted(Path(__file__).parents[1].glob("data/dev*/*.txt"))


@pytest.mark.parametrize("path", DEV_NOTICES[::3], ids=lambda p: p.stem)
def test_ntriples_of_a_notice_are_its_graph_serialised(path: Path) -> None:
    """The corpus run writes N-Triples without an rdflib graph; they must say exactly what
    the graph says, escapes (quotes, backslashes, line breaks in the notice text) included."""
    notice = extract_file(path)
    location = path.as_uri()
    graph = notice_graph(notice, location=location)
    iri, text, count = notice_ntriples(notice, location=location)
    assert iri == graph.identifier
    assert count == len(graph)
    lines = text.splitlines()
    assert len(lines) == count
    assert set(lines) == set(graph.serialize(format="nt").splitlines()) - {""}


def test_ntriples_escape_what_n_triples_must() -> None:
    text = '甲"乙\\丙\n丁\r戊'
    notice = dataclasses.replace(extract_notice(text, source="x.txt"), text=text)
    parsed = Graph().parse(data=notice_ntriples(notice)[1], format="nt")
    assert Literal(text) in set(parsed.objects(None, NKG.text))
