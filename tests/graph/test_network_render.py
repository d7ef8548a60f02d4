"""The networkx projection and the offline HTML page."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from noticekg.extract.records import Entity, EntityType, Notice, Relation, Span
from noticekg.extract.records import Predicate as P
from noticekg.graph import build_dataset, entity_iri, render_html, to_networkx

ORG = EntityType.ORGANIZATION
XSS = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"


def test_entity_network(notices: tuple[Notice, Notice]) -> None:
    network = to_networkx(build_dataset(notices))
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert "市委" in labels and "创新大厦项目" in labels
    assert not any("整改" in label for label in labels)  # no notices, problems, measures
    bureau = network.nodes[str(entity_iri(ORG, "甲市科技局"))]
    assert bureau["class"] == "GovernmentBody"
    assert bureau["aliases"] == ["科技局"]
    assert bureau["degree"] == 5
    edges = {(network.nodes[s]["label"], k, network.nodes[o]["label"])
             for s, o, k in network.edges(keys=True)}  # fmt: skip
    assert ("市委第一巡察组", "subOrganizationOf", "市委") in edges
    assert ("甲市科技局", "operates", "科技服务平台") in edges
    assert all(data["property"] == k for _, _, k, data in network.edges(keys=True, data=True))


def test_network_with_measures(notice_a: Notice) -> None:
    network = to_networkx(build_dataset([notice_a]), measures=True)
    classes = {data["class"] for _, data in network.nodes(data=True)}
    assert {"Problem", "Measure"} <= classes
    keys = {k for _, _, k in network.edges(keys=True)}
    assert {"involves", "answers", "establishes"} <= keys


def test_duplicate_triples_across_notices_make_one_edge(notice_a: Notice) -> None:
    twin = dataclasses.replace(notice_a, source="twin.txt", sha256="0" * 64)
    twin = dataclasses.replace(twin, header=dataclasses.replace(twin.header, index_no="OTHER"))
    network = to_networkx(build_dataset([notice_a, twin]))
    assert network.number_of_edges() == to_networkx(build_dataset([notice_a])).number_of_edges()


def xss_notice(notice: Notice) -> Notice:
    text = notice.text + XSS
    start = len(notice.text)
    entity = Entity(XSS, ORG, "enterprise", (), (Span(start, len(text), XSS),))
    relation = Relation("甲市科技局", P.COOPERATES_WITH, XSS)
    return dataclasses.replace(
        notice,
        text=text,
        entities=(*notice.entities, entity),
        relations=(*notice.relations, relation),
    )


def test_html_is_offline_and_escapes_labels(tmp_path: Path, notice_a: Notice) -> None:
    path = tmp_path / "net.html"
    render_html(to_networkx(build_dataset([xss_notice(notice_a)])), path, title=f"网络 {XSS}")
    page = path.read_text(encoding="utf-8")
    assert "<img" not in page and "onerror=alert(1)></script>" not in page
    assert page.count("</script>") == 3  # vis-network, data, app: no label closed a block
    assert "<!--" not in page  # which would put a script block in double-escaped state
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the title, escaped
    assert "甲市科技局" in page  # Chinese kept as is
    assert not re.search(r"""<(?:script|link)[^>]+(?:src|href)=["']?https?:""", page)
    assert "vis.Network" in page and "physics: false" in page
    data = re.search(
        r'<script id="network-data" type="application/json">(.*?)</script>', page, re.S
    )
    assert data is not None
    payload = json.loads(data.group(1))
    assert XSS in {node["label"] for node in payload["nodes"]}
    assert {entry["name"] for entry in payload["legend"]} >= {"GovernmentBody", "Enterprise"}
    assert {edge["label"] for edge in payload["edges"]} >= {"cooperatesWith"}
    assert [p.name for p in tmp_path.iterdir()] == ["net.html"]


def test_render_failure_leaves_nothing(tmp_path: Path, notice_a: Notice) -> None:
    from noticekg.errors import NoticekgError

    with pytest.raises(NoticekgError, match="cannot write"):
        render_html(to_networkx(build_dataset([notice_a])), tmp_path / "no" / "x.html", title="t")
    assert list(tmp_path.iterdir()) == []
