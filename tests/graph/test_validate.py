"""SHACL: the fixture conforms, a broken graph does not, and the report names labels."""

from __future__ import annotations

import pytest
from rdflib import Literal, namespace
from rdflib.namespace import RDFS

from noticekg.errors import ValidationFailed
from noticekg.extract.records import EntityType, Notice
from noticekg.graph import build_dataset, check, entity_iri, notice_iri, validate
from noticekg.graph.validate import (
    format_notice_reports,
    validate_by_notice,
    validate_notice,
)
from noticekg.ontology import NKG


def test_fixture_conforms(notices: tuple[Notice, Notice]) -> None:
    report = validate(build_dataset(notices))
    assert report.conforms, report.text
    assert report.results == []


def test_violation_report_shows_the_label(notice_a: Notice) -> None:
    dataset = build_dataset([notice_a])
    graph = dataset.graph(notice_iri(notice_a))
    bureau = entity_iri(EntityType.ORGANIZATION, "甲市科技局")
    graph.remove((bureau, RDFS.label, None))
    graph.add((bureau, RDFS.label, Literal("甲市科技局")))  # no @zh
    graph.add((bureau, RDFS.label, Literal("另一个名字", lang="zh")))
    measure = next(graph.subjects(NKG.answers, None))
    graph.remove((measure, NKG.answers, None))
    report = validate(dataset)
    assert not report.conforms
    assert report.results
    assert any(r.focus == measure for r in report.results), report.text
    labelled = [r for r in report.results if r.label]
    assert labelled and all(r.label in report.text for r in labelled)
    with pytest.raises(ValidationFailed, match="does not conform"):
        check(dataset)


def test_results_are_filed_under_their_notice_with_the_sentence(
    notices: tuple[Notice, Notice],
) -> None:
    dataset = build_dataset(notices)
    a, b = (notice_iri(n) for n in notices)
    graph = dataset.graph(a)
    measure = next(graph.subjects(NKG.answers, None))
    graph.remove((measure, NKG.answers, None))
    blocks = {block.notice: block for block in validate_by_notice(dataset)}
    assert set(blocks) == {a, b}
    assert blocks[b].conforms and not blocks[b].results
    failing = blocks[a]
    assert not failing.conforms and failing.title == notices[0].header.title
    (result,) = [r for r in failing.results if r.focus == measure]
    sentence = failing.sentences[failing.results.index(result)]
    assert result.label == "加快项目建设" and sentence == "(一)加快项目建设。"
    text = format_notice_reports(list(blocks.values()))
    assert text.startswith(f"{notices[0].header.title} <{a}>")
    assert "“加快项目建设”" in text and "sentence: (一)加快项目建设。" in text
    assert text.endswith(
        "2 notice graph(s) checked: 1 conform; 1 violation(s), 0 other result(s) "
        "in 1 notice graph(s)."
    )


def test_one_notice_graph_alone(notice_a: Notice) -> None:
    dataset = build_dataset([notice_a])
    block = validate_notice(dataset.graph(notice_iri(notice_a)), notice_iri(notice_a))
    assert block.conforms and block.results == ()


def test_node_of_no_notice_gets_its_own_block() -> None:
    from rdflib import Graph, URIRef

    graph = Graph().parse(
        data="<https://example.org/p> a <https://w3id.org/noticekg/ontology#Problem> .",
        format="turtle",
    )
    (block,) = validate_by_notice(graph)
    assert block.notice is None and block.results
    assert all(r.focus == URIRef("https://example.org/p") for r in block.results)


# (offset datatype, value, conforms): stores that keep only a literal's value (Oxigraph) give
# xsd:nonNegativeInteger offsets back as xsd:integer, which the shapes accept when non-negative.
# XSD is reached through its module: pytest warns on a DefinedNamespace among a module's globals.
OFFSETS = [
    (namespace.XSD.nonNegativeInteger, "12", True),
    (namespace.XSD.integer, "12", True),
    (namespace.XSD.integer, "0", True),
    (namespace.XSD.integer, "-3", False),
    (namespace.XSD.decimal, "12", False),
    (namespace.XSD.string, "12", False),
]


@pytest.mark.parametrize(("datatype", "value", "conforms"), OFFSETS)
def test_offsets_as_stores_give_them_back(
    notices: tuple[Notice, Notice], datatype, value: str, conforms: bool
) -> None:
    from rdflib import Graph
    from rdflib.namespace import RDF

    from noticekg.graph.build import OA

    graph = Graph()
    for named in build_dataset(notices[:1]).graphs():
        graph += named
    selector = next(graph.subjects(RDF.type, OA.TextPositionSelector))
    graph.set((selector, OA.start, Literal(value, datatype=datatype)))
    graph.set((selector, OA.end, Literal("5000", datatype=datatype)))
    assert validate(graph).conforms is conforms


def test_a_node_without_mentions_is_filed_under_its_named_graph(
    notices: tuple[Notice, Notice],
) -> None:
    dataset = build_dataset(notices)
    a = notice_iri(notices[0])
    team = entity_iri(EntityType.ORGANIZATION, "市委第一巡察组")
    dataset.graph(a).remove((team, NKG.mentionedIn, None))
    blocks = {block.notice: block for block in validate_by_notice(dataset)}
    assert None not in blocks
    assert [r.label for r in blocks[a].results] == ["市委第一巡察组"]
    assert blocks[a].sentences == (None,)  # no mention left to cut a sentence from
