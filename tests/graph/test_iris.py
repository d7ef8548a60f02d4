"""IRIs: stable, escaped, shared across notices."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import URIRef

from noticekg.errors import InputError
from noticekg.extract.records import EntityType, Header, Notice
from noticekg.graph.iris import (
    DEFAULT_BASE,
    entity_iri,
    label_segment,
    measure_iri,
    mention_iri,
    notice_iri,
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("市委", "%E5%B8%82%E5%A7%94"),
        ("科技城机关党委各支部“三会一课”管理实施 方案",  # stray space removed
         label_segment("科技城机关党委各支部“三会一课”管理实施方案")),
        ("ＡＢＣ１２３", "ABC123"),  # full-width → NFKC
        ("3+3", "3%2B3"),
        ("a/b?c#d", "a%2Fb%3Fc%23d"),
        ('<img src="x">', "%3Cimgsrc%3D%22x%22%3E"),
        ("line\nbreak\ttab", "linebreaktab"),
        ("高新区(浙南科技城)管委会", label_segment("高新区(浙南科技城)管委会")),
    ],
)  # fmt: skip
def test_label_segment(label: str, expected: str) -> None:
    assert label_segment(label) == expected


@pytest.mark.parametrize("label", ["市委", "<x>", 'a"b', "a b", "\\", "%", "{}|^`"])
def test_label_segment_has_only_unreserved_or_escapes(label: str) -> None:
    segment = label_segment(label)
    assert all(c.isascii() and (c.isalnum() or c in "-._~%") for c in segment)


def test_entity_iri_same_name_same_node() -> None:
    assert entity_iri(EntityType.ORGANIZATION, "市委") == entity_iri(
        EntityType.ORGANIZATION, "市委 "
    )
    assert entity_iri(EntityType.ORGANIZATION, "市委") != entity_iri(EntityType.PLACE, "市委")
    assert entity_iri(EntityType.POLICY, "x") == URIRef(f"{DEFAULT_BASE}policy/x")


def test_notice_iri_from_index_number_else_hash(notice_a: Notice, notice_b: Notice) -> None:
    assert notice_iri(notice_a) == URIRef(f"{DEFAULT_BASE}notice/TEST%2F2021-001")
    assert notice_iri(notice_b) == URIRef(f"{DEFAULT_BASE}notice/sha256-{notice_b.sha256[:16]}")
    blank = dataclasses.replace(notice_a, header=Header(index_no="  "))
    assert notice_iri(blank) == URIRef(f"{DEFAULT_BASE}notice/sha256-{notice_a.sha256[:16]}")


def test_child_iris_hang_under_the_notice(notice_a: Notice) -> None:
    n = notice_iri(notice_a, "http://example.org/kg/")
    assert measure_iri(n, 2, 3) == URIRef(
        "http://example.org/kg/notice/TEST%2F2021-001/problem/2/measure/3"
    )
    assert mention_iri(n, 10, 14).endswith("/mention/10-14")


@pytest.mark.parametrize("base", ["no-scheme/", "http://example.org/kg", "http://ex ample.org/"])
def test_bad_base_refused(base: str, notice_a: Notice) -> None:
    with pytest.raises(InputError, match="base IRI"):
        notice_iri(notice_a, base)
