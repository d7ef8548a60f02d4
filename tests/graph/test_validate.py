"""SHACL: the fixture conforms, a broken graph does not, and the report names labels."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS

from noticekg.errors import ValidationFailed
from noticekg.extract.records import EntityType, Notice
from noticekg.graph import build_dataset, check, entity_iri, notice_iri, validate
from noticekg.ontology import NKG, resource

pytestmark = pytest.mark.skipif(
    not resource("shapes.ttl").is_file(), reason="the ontology package ships no shapes.ttl yet"
)


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
