"""The networkx projection, the views, folding large networks, Gephi export and the page."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from noticekg.cli import main
from noticekg.errors import InputError, NoticekgError
from noticekg.extract.records import Entity, EntityType, Notice, Relation, Span
from noticekg.extract.records import Predicate as P
from noticekg.graph import build_dataset, entity_iri, render_html, to_networkx, write_dataset
from noticekg.graph.aggregate import aggregate
from noticekg.graph.gephi import write_gephi
from noticekg.graph.labels import term_label
from noticekg.graph.network import graph_to_networkx
from noticekg.graph.render import page_html
from noticekg.graph.sources import sentence_around
from noticekg.graph.views import find_nodes, neighbourhood, ontology_network
from noticekg.ontology import NKG

ORG = EntityType.ORGANIZATION
XSS = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"
PAYLOAD = re.compile(r'<script id="network-data" type="application/json">(.*?)</script>', re.S)


def payload(page: str) -> dict:
    found = PAYLOAD.search(page)
    assert found is not None
    return json.loads(found.group(1))


# --- the projection -------------------------------------------------------------------------


def test_entity_network(notices: tuple[Notice, Notice]) -> None:
    network = to_networkx(build_dataset(notices))
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert "市委" in labels and "创新大厦项目" in labels
    assert not any("整改" in label for label in labels)  # no notices, problems, measures
    bureau = network.nodes[str(entity_iri(ORG, "甲市科技局"))]
    assert bureau["class"] == "GovernmentBody" and bureau["base"] == "Organization"
    assert bureau["aliases"] == ["科技局"]
    assert bureau["degree"] == 5
    edges = {(network.nodes[s]["label"], k, network.nodes[o]["label"])
             for s, o, k in network.edges(keys=True)}  # fmt: skip
    assert ("市委第一巡察组", "subOrganizationOf", "市委") in edges
    assert ("甲市科技局", "operates", "科技服务平台") in edges
    assert all(data["property"] == k for _, _, k, data in network.edges(keys=True, data=True))


def test_node_sources_and_measures(notices: tuple[Notice, Notice]) -> None:
    network = to_networkx(build_dataset(notices))
    city = network.nodes[str(entity_iri(ORG, "市委"))]
    assert len(city["notices"]) == 2  # mentioned in both notices
    regulation = next(d for _, d in network.nodes(data=True) if d["label"] == "财务管理办法")
    assert regulation["sentence"] == "与乙区人民政府合作,出台《财务管理办法》。"
    assert regulation["measures"] == 1
    assert network.nodes[str(entity_iri(ORG, "市委第一巡察组"))]["measures"] == 0


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


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("甲。乙在丙办公。丁", "丙", "乙在丙办公。"),
        ("一、标题\n正文有丙；其后", "丙", "正文有丙；"),
        ("没有句号的丙", "丙", "没有句号的丙"),
        ("Ask? Yes 丙 costs 8.7 yuan. No", "丙", "Yes 丙 costs 8.7 yuan. No"),  # no ASCII full stop
        ("丙", "丙", "丙"),
    ],
)
def test_sentence_around(text: str, quote: str, expected: str) -> None:
    start = text.index(quote)
    assert sentence_around(text, start, start + len(quote)) == expected


def test_long_sentence_is_cut_around_the_quote() -> None:
    text = "甲" * 300 + "丙" + "乙" * 300 + "。"
    cut = sentence_around(text, 300, 301, limit=40)
    assert "丙" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) == 42


# --- views ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "labels"),
    [
        ("甲市科技局", {"甲市科技局"}),
        ("科技局", {"甲市科技局"}),  # an alias
        (" 甲市 科技局 ", {"甲市科技局"}),  # whitespace, as in IRIs
        (str(entity_iri(ORG, "市委")), {"市委"}),
    ],
)
def test_find_nodes(notice_a: Notice, key: str, labels: set[str]) -> None:
    network = to_networkx(build_dataset([notice_a]))
    assert {network.nodes[n]["label"] for n in find_nodes(network, key)} == labels


@pytest.mark.parametrize("key", ["甲市", "科技", "https://w3id.org/noticekg/organization/x", ""])
def test_find_nodes_refuses_partial_names(notice_a: Notice, key: str) -> None:
    with pytest.raises(InputError, match="--focus"):
        find_nodes(to_networkx(build_dataset([notice_a])), key)


def test_neighbourhood_grows_with_hops() -> None:
    network = nx.MultiDiGraph()
    for node in "abcde":
        network.add_node(node, label=node.upper(), aliases=[])
    network.add_edges_from([("a", "b"), ("c", "b"), ("c", "d")])  # e is alone
    assert set(neighbourhood(network, "B", 0)) == {"b"}
    assert set(neighbourhood(network, "B", 1)) == {"a", "b", "c"}
    two = neighbourhood(network, "B", 2)
    assert set(two) == {"a", "b", "c", "d"}
    assert two.nodes["b"]["focus"] and not two.nodes["a"].get("focus")
    with pytest.raises(InputError, match="--hops"):
        neighbourhood(network, "B", -1)


def test_query_result_network(notice_a: Notice) -> None:
    dataset = build_dataset([notice_a])
    bureau = entity_iri(ORG, "甲市科技局")
    platform = entity_iri(EntityType.PLATFORM, "科技服务平台")
    result = Graph()
    result.add((bureau, NKG.operates, platform))
    result.add((bureau, RDFS.label, Literal("甲市科技局")))
    network = graph_to_networkx(result, dataset)
    assert network.number_of_nodes() == 2 and network.number_of_edges() == 1
    assert network.nodes[str(bureau)]["class"] == "GovernmentBody"
    assert network.nodes[str(bureau)]["notices"]  # described from the data, not the result


def test_ontology_network() -> None:
    network = ontology_network("zh")
    labels = {d["label"] for _, d in network.nodes(data=True)}
    assert {"政府机关", "组织机构", "整改措施"} <= labels
    edges = {(network.nodes[s]["aliases"][0], k, network.nodes[o]["aliases"][0])
             for s, o, k in network.edges(keys=True)}  # fmt: skip
    assert ("GovernmentBody", "subClassOf", "Organization") in edges
    assert ("Measure", "answers", "Problem") in edges
    assert ("Organization", "operates", "Platform") in edges
    assert not any(k in {"text", "title"} for _, _, k in edges)  # datatype properties
    assert network.nodes[next(iter(find_nodes(network, "Park")))]["base"] == "Platform"


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [("operates", "zh", "运营"), ("GovernmentBody", "en", "government body"),
     ("NoSuchTerm", "zh", "NoSuchTerm")],
)  # fmt: skip
def test_term_label(name: str, lang: str, expected: str) -> None:
    assert term_label(name, lang) == expected


# --- folding ----------------------------------------------------------------------------------


def star_forest(stars: int, leaves: int, isolated: int = 0) -> nx.MultiDiGraph:
    network = nx.MultiDiGraph()
    for s in range(stars):
        network.add_node(f"h{s}", label=f"中心{s}", **{"class": "GovernmentBody"})
        for leaf in range(leaves):
            network.add_node(f"l{s}.{leaf}", label=f"叶{s}.{leaf}", **{"class": "Enterprise"})
            network.add_edge(f"h{s}", f"l{s}.{leaf}", key="operates", property="operates")
    for i in range(isolated):
        network.add_node(f"i{i}", label=f"孤{i}", **{"class": "Regulation"})
    return network


def test_small_network_is_not_folded() -> None:
    network = star_forest(2, 3)
    folded = aggregate(network, 8)
    assert folded.network is network and folded.note is None
    assert aggregate(network, 0).note is None  # 0: no budget


def test_communities_fold_into_the_budget() -> None:
    network = star_forest(20, 9, isolated=30)
    folded = aggregate(network, 40)
    assert folded.network.number_of_nodes() <= 40
    assert folded.note and "230 nodes" in folded.note
    members = sum(d.get("members", 1) for _, d in folded.network.nodes(data=True))
    assert members == 230  # every node is in exactly one drawn node
    isolated = [d for n, d in folded.network.nodes(data=True) if "孤0" in d.get("sentence", "")]
    assert isolated and isolated[0]["members"] == 30  # unconnected nodes grouped by class


def test_top_keeps_best_connected_and_says_what_was_left_out() -> None:
    network = star_forest(5, 10)
    folded = aggregate(network, 10, strategy="top")
    assert folded.network.number_of_nodes() == 10
    assert {f"h{s}" for s in range(5)} <= set(folded.network)
    assert folded.note and "left out 45 nodes (45 Enterprise)" in folded.note


@pytest.mark.parametrize(("budget", "strategy"), [(-1, "top"), (10, "random")])
def test_bad_folding_options(budget: int, strategy: str) -> None:
    with pytest.raises(InputError):
        aggregate(star_forest(1, 2), budget, strategy=strategy)


# --- Gephi ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_gephi_export_round_trips(tmp_path: Path, notice_a: Notice, suffix: str) -> None:
    network = to_networkx(build_dataset([xss_notice(notice_a)]), measures=True)
    path = tmp_path / f"net{suffix}"
    write_gephi(network, path)
    back = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    bureau = back.nodes[str(entity_iri(ORG, "甲市科技局"))]
    expected = network.nodes[str(entity_iri(ORG, "甲市科技局"))]["degree"]
    assert bureau["aliases"] == "科技局" and int(bureau["degree"]) == expected
    assert XSS in {d.get("label") for _, d in back.nodes(data=True)}


def test_gephi_refuses_other_suffixes(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.csv"):
        write_gephi(star_forest(1, 1), tmp_path / "net.csv")
    assert list(tmp_path.iterdir()) == []


# --- the page ---------------------------------------------------------------------------------


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
    data = payload(page)
    assert XSS in {node["name"] for node in data["nodes"]}
    assert {entry["cls"] for entry in data["legend"]} >= {"GovernmentBody", "Enterprise"}
    assert {entry["label"] for entry in data["legend"]} >= {"政府机关", "企业"}
    assert {edge["label"] for edge in data["edges"]} >= {"合作"}
    assert [p.name for p in tmp_path.iterdir()] == ["net.html"]


def test_page_sizes_shapes_and_tooltips(notice_a: Notice) -> None:
    network = to_networkx(build_dataset([notice_a]))
    by_degree = payload(page_html(network, title="t"))
    by_measures = payload(page_html(network, title="t", size="measures", lang="en"))
    bureau = str(entity_iri(ORG, "甲市科技局"))
    node = next(n for n in by_degree["nodes"] if n["id"] == bureau)
    assert node["value"] == 6 and node["shape"] == "dot"
    assert node["tooltip"][:3] == ["甲市科技局", "类别: 政府机关", "别名: 科技局"]
    assert any(line.startswith("原文: ") and "甲市科技局" in line for line in node["tooltip"])
    node_en = next(n for n in by_measures["nodes"] if n["id"] == bureau)
    assert node_en["tooltip"][1] == "class: government body"
    shapes = {e["cls"]: e["shape"] for e in by_degree["legend"]}
    assert shapes["Regulation"] == "diamond" and shapes["Platform"] == "square"
    assert by_degree["note"] == ""


def test_long_labels_are_shortened_on_the_canvas_only() -> None:
    network = nx.MultiDiGraph()
    network.add_node("x", label="很" * 40, **{"class": "Measure"})
    (node,) = payload(page_html(network, title="t"))["nodes"]
    assert len(node["label"]) == 16 and node["label"].endswith("…")
    assert node["name"] == "很" * 40 and node["tooltip"][0] == "很" * 40


@pytest.mark.parametrize(("option", "value"), [("size", "area"), ("lang", "fr")])
def test_page_refuses_unknown_options(option: str, value: str) -> None:
    with pytest.raises(InputError, match=f"--{option}"):
        page_html(star_forest(1, 1), title="t", **{option: value})


def test_render_failure_leaves_nothing(tmp_path: Path, notice_a: Notice) -> None:
    with pytest.raises(NoticekgError, match="cannot write"):
        render_html(to_networkx(build_dataset([notice_a])), tmp_path / "no" / "x.html", title="t")
    assert list(tmp_path.iterdir()) == []


# --- the command ------------------------------------------------------------------------------


@pytest.fixture
def graph_file(tmp_path: Path, notices: tuple[Notice, Notice]) -> Path:
    path = tmp_path / "graph.ttl"
    write_dataset(build_dataset(notices), path, "turtle")
    return path


@pytest.mark.parametrize(
    ("options", "nodes"),
    [
        ([], 8),
        (["--focus", "科技服务平台"], 2),
        (["--focus", "科技局", "--hops", "0"], 1),
        (["--measures", "--focus", "科技服务平台"], 3),
        (["--query", "entity-relations", "--param", "label=科技局"], 6),
        (["--max-nodes", "5", "--aggregate", "top"], 5),
    ],
)
def test_viz_views(graph_file: Path, tmp_path: Path, options: list[str], nodes: int) -> None:
    page = tmp_path / "view.html"
    assert main(["viz", "--data", str(graph_file), "-o", str(page), *options]) == 0
    assert len(payload(page.read_text(encoding="utf-8"))["nodes"]) == nodes


def test_viz_ontology_needs_no_data(tmp_path: Path) -> None:
    page = tmp_path / "onto.html"
    assert main(["viz", "--ontology", "--lang", "en", "-o", str(page)]) == 0
    labels = {n["name"] for n in payload(page.read_text(encoding="utf-8"))["nodes"]}
    assert {"government body", "rectification measure"} <= labels


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_viz_exports_for_gephi(graph_file: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"net{suffix}"
    assert main(["viz", "--data", str(graph_file), "-o", str(out)]) == 0
    assert "甲市科技局" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (["--focus", "不存在的单位"], 2, "--focus"),
        (["--query", "notice-summary"], 3, "not a CONSTRUCT"),
        (["--param", "label=x"], 2, "--param"),
        (["--max-nodes", "-3"], 2, "--max-nodes"),
    ],
)
def test_viz_errors(graph_file: Path, tmp_path: Path, capsys, options, code, message) -> None:
    out = tmp_path / "x.html"
    assert main(["viz", "--data", str(graph_file), "-o", str(out), *options]) == code
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_viz_needs_data_unless_ontology(tmp_path: Path, capsys) -> None:
    assert main(["viz", "-o", str(tmp_path / "x.html")]) == 2
    assert "--data" in capsys.readouterr().err
