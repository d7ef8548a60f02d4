"""Running every named query on the fixture, binding parameters safely, and printing rows."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from noticekg.errors import QueryError
from noticekg.extract.records import Entity, EntityType, Notice, Span
from noticekg.graph import build_dataset
from noticekg.ontology import NKG
from noticekg.queries import format_csv, format_json, format_table, get_query, run_query
from noticekg.queries.run import (
    QueryResult,
    check_format,
    display_width,
    format_graph,
    query_form,
)

A_IRI = "https://w3id.org/noticekg/notice/TEST%2F2021-001"


@pytest.fixture
def dataset(notices: tuple[Notice, Notice]) -> Dataset:
    return build_dataset(notices)


def column(result, name: str) -> list:
    index = result.vars.index(name)
    return [None if row[index] is None else row[index].toPython() for row in result.rows]


# (query, params, column, expected values in row order)
EXPECTED = [
    ("problems-and-measures", {}, "measure", ["加快项目建设", "完善平台管理", "健全制度"]),
    ("problems-and-measures", {"notice": A_IRI}, "problemNumber", [1, 1, 2]),
    ("problems-and-measures", {"notice": "https://example.org/none"}, "measure", []),
    ("regulations-by-body", {}, "bodyLabel", ["甲市科技局"]),
    ("regulations-by-body", {}, "regulations", [2]),
    ("figures-by-unit", {}, "unit", ["CNY", "家"]),
    ("figures-by-unit", {}, "total", [Decimal("900000000"), Decimal("12")]),
    ("figures-by-unit", {"unit": "CNY", "notice": A_IRI}, "total", [Decimal("870000000")]),
    ("figures-by-unit", {"unit": "USD"}, "total", []),
    ("organisations-by-measures", {}, "label", ["乙区人民政府", "甲市科技局"]),
    ("organisations-by-measures", {"min": "2"}, "label", []),
    ("platforms-projects-by-problem", {}, "label", ["科技服务平台", "创新大厦项目"]),
    ("platforms-projects-by-problem", {}, "kind", ["Platform", "Project"]),
    ("inspection-timeline", {}, "kind", ["巡察", "审计"]),
    ("inspection-timeline", {"after": "2020-01-01"}, "targetLabel", ["乙区人民政府"]),
    ("inspection-timeline", {"after": "2030-01-01"}, "kind", []),
    ("entity-mentions", {"label": "科技局"}, "quote", ["甲市科技局", "甲市科技局", "科技局"]),
    ("entity-mentions", {"label": "甲市科技局"}, "sentence", [
        "甲市科技局关于巡察整改情况的通报",
        "根据市委部署,2019年4月4日至7月5日,市委第一巡察组对甲市科技局进行了巡察。",
        "由科技局运营科技服务平台,新增企业12家。",
    ]),
    ("entity-mentions", {"label": "不存在"}, "quote", []),
    ("entities-in-several-notices", {}, "label", ["乙区人民政府", "市委", "甲市科技项目管理办法"]),
    ("entities-in-several-notices", {"min": "3"}, "label", []),
    ("measures-involving", {"label": "科技局"}, "measure", ["完善平台管理"]),
    ("measures-involving", {"label": "市委"}, "measure", []),
    ("notice-summary", {}, "measures", [3, 0]),
    ("notice-summary", {}, "entities", [8, 3]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "params", "var", "expected"), EXPECTED)
def test_query_rows(dataset: Dataset, name: str, params: dict, var: str, expected: list) -> None:
    result = run_query(get_query(name), dataset, params)
    assert column(result, var) == expected


def test_construct_query_returns_a_graph(dataset: Dataset) -> None:
    result = run_query(get_query("entity-relations"), dataset, {"label": "市委第一巡察组"})
    assert result.graph is not None and len(result.graph) == len(result.rows)
    assert result.vars == ["subject", "predicate", "object"]
    props = {str(p).rsplit("#", 1)[-1] for _, p, _ in result.graph}
    assert props == {"inspected", "subOrganizationOf", "label"}


def test_every_shipped_query_runs_with_its_defaults(dataset: Dataset) -> None:
    from noticekg.queries import catalogue

    for query in catalogue():
        params = {
            p.name: A_IRI if p.type == "iri" else "甲市科技局" for p in query.params if p.required
        }
        run_query(query, dataset, params)


def test_a_store_skips_empty_solutions_as_rdflib_does(tmp_path: Path) -> None:
    from noticekg.graph.stores import OxigraphStore

    unbound = "SELECT ?x ?y WHERE { VALUES (?x ?y) { (UNDEF UNDEF) (1 UNDEF) (UNDEF 2) } }"
    query = dataclasses.replace(get_query("notice-graphs"), text=unbound)
    store = OxigraphStore(tmp_path / "db")
    from_store = run_query(query, store, {}).rows
    store.close()
    expected = [(Literal(1), None), (None, Literal(2))]
    assert from_store == run_query(query, Graph(), {}).rows == expected


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        (
            "problems-and-measures",
            {"notce": A_IRI},
            "unknown parameter 'notce' \\(known: notice\\)",
        ),
        ("entity-mentions", {}, "parameter label is required"),
        ("organisations-by-measures", {"min": "two"}, "parameter min: 'two' is not an integer"),
        ("organisations-by-measures", {"min": "1.5"}, "not an integer"),
        ("inspection-timeline", {"after": "2020-13-01"}, "not a date"),
        ("inspection-timeline", {"after": "20200101x"}, "not a date"),
        ("problems-and-measures", {"notice": "not an iri"}, "not an absolute IRI"),
        ("problems-and-measures", {"notice": "http://x/> } ?s ?p ?o {"}, "not an absolute IRI"),
        ("network-view", {"measures": "yes"}, "parameter measures: 'yes' is not true or false"),
    ],
)
def test_bad_parameters_rejected(dataset: Dataset, name: str, params: dict, expected: str) -> None:
    with pytest.raises(QueryError, match=expected):
        run_query(get_query(name), dataset, params)


INJECTIONS = [
    '" } ?s ?p ?o . FILTER("1" = "1',
    "\\u0022) || true || (\\u0022",
    "'} UNION { ?entity ?p ?o } #",
    '科技局"',
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_values_are_bound_not_spliced(dataset: Dataset, value: str) -> None:
    query = get_query("entity-mentions")
    assert run_query(query, dataset, {"label": value}).rows == []
    assert value not in query.text


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_label_full_of_syntax_is_found_exactly(notice_a: Notice, value: str) -> None:
    text = notice_a.text + value
    odd = Entity(
        value, EntityType.ORGANIZATION, None, (), (Span(len(notice_a.text), len(text), value),)
    )
    notice = dataclasses.replace(notice_a, text=text, entities=(*notice_a.entities, odd))
    result = run_query(get_query("entity-mentions"), build_dataset([notice]), {"label": value})
    assert column(result, "quote") == [value]


def test_decimal_parameter_bound_as_decimal(tmp_path: Path, dataset: Dataset) -> None:
    path = tmp_path / "big.rq"
    path.write_text(
        "# title: Big figures\n# description: figures above a threshold\n"
        "# param: over decimal — threshold\n"
        "PREFIX nkg: <https://w3id.org/noticekg/ontology#>\n"
        "SELECT ?v WHERE { ?m nkg:normalisedValue ?v FILTER(?v > ?over) } ORDER BY ?v\n",
        encoding="utf-8",
    )
    query = get_query(path)
    assert column(run_query(query, dataset, {"over": "1e7"}), "v") == [
        Decimal("30000000"),
        Decimal("870000000"),
    ]
    with pytest.raises(QueryError, match="not a finite decimal"):
        run_query(query, dataset, {"over": "NaN"})


def test_table_aligns_chinese_by_display_width(dataset: Dataset) -> None:
    result = run_query(get_query("problems-and-measures"), dataset, {})
    lines = format_table(result).splitlines()
    header, rule, rows = lines[0], lines[1], lines[2:-1]
    assert lines[-1] == "(3 rows)"
    starts = [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]
    assert len(starts) == len(result.vars)
    for line in [header, *rows]:
        for start in starts[1:]:
            # the text before each column takes exactly as many columns as the rule does
            cut = next(i for i in range(len(line) + 1) if display_width(line[:i]) >= start)
            assert display_width(line[:cut]) == start
            assert line[cut - 2 : cut] == "  " or line[cut - 1] == " "
    assert "项目推进不力" in format_table(result)


@pytest.mark.parametrize(
    ("text", "width"), [("abc", 3), ("科技局", 6), ("ＡＢ", 4), ("e\u0301", 1), ("", 0)]
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_table_cuts_long_cells_and_escapes_newlines(dataset: Dataset) -> None:
    result = run_query(get_query("entity-mentions"), dataset, {"label": "市委"})
    table = format_table(result, max_width=20)
    assert all(display_width(cell) <= 20 for line in table.splitlines() for cell in line.split())
    assert "…" in table
    odd = QueryResult(["x", "y"], [(Literal("a\nb\tc"), Literal("科技局"))])
    lines = format_table(odd).splitlines()
    assert lines[2] == "a\\nb\\tc  科技局"
    assert len(lines) == 4


def test_csv_and_json(dataset: Dataset) -> None:
    result = run_query(get_query("figures-by-unit"), dataset, {})
    rows = list(csv.reader(io.StringIO(format_csv(result))))
    assert rows[0] == result.vars and rows[1][0] == "CNY"
    document = json.loads(format_json(result))
    assert document["head"]["vars"] == result.vars
    first = document["results"]["bindings"][0]
    assert first["unit"] == {"type": "literal", "value": "CNY"}
    assert first["total"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"
    mentions = run_query(get_query("entity-mentions"), dataset, {"label": "市委"})
    binding = json.loads(format_json(mentions))["results"]["bindings"][0]
    assert binding["entity"]["type"] == "uri"


def test_ask_output(tmp_path: Path, dataset: Dataset) -> None:
    path = tmp_path / "ask.rq"
    path.write_text("# title: any\n# description: d\nASK { ?s ?p ?o }\n", encoding="utf-8")
    result = run_query(get_query(path), dataset, {})
    assert result.boolean is True
    assert format_table(result) == "true"
    assert json.loads(format_json(result)) == {"head": {}, "boolean": True}


# (query, format, allowed): a graph prints only as RDF, rows only as rows.
FORMATS = [
    ("entity-relations", "turtle", True),
    ("entity-relations", "nt", True),
    ("entity-relations", "jsonld", True),
    ("entity-relations", "table", False),
    ("entity-relations", "json", False),
    ("problems-and-measures", "table", True),
    ("problems-and-measures", "csv", True),
    ("problems-and-measures", "turtle", False),
    ("problems-and-measures", "nt", False),
]


@pytest.mark.parametrize(("name", "fmt", "allowed"), FORMATS)
def test_check_format(name: str, fmt: str, allowed: bool) -> None:
    if allowed:
        check_format(get_query(name), fmt)
    else:
        with pytest.raises(QueryError, match=f"query {name}: .* cannot print as {fmt}"):
            check_format(get_query(name), fmt)


@pytest.mark.parametrize(
    ("fmt", "parser"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_format_graph_round_trips(dataset: Dataset, fmt: str, parser: str) -> None:
    result = run_query(get_query("entity-relations"), dataset, {"label": "市委第一巡察组"})
    text = format_graph(result, fmt)
    assert result.graph is not None
    assert set(Graph().parse(data=text, format=parser)) == set(result.graph)
    if fmt == "turtle":
        assert "@prefix nkg: <https://w3id.org/noticekg/ontology#>" in text
    if fmt == "jsonld":
        assert json.loads(text)["@context"]["nkg"] == "https://w3id.org/noticekg/ontology#"


TRICKY = """
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:text "line one\\nline \\"two\\"\\t\\\\ end"@zh ;
     ex:date "2024-03-01"^^xsd:date ;
     ex:odd "x"^^ex:type ;
     ex:amount 3.50 ;
     ex:node [ ex:label "空白节点" ] ;
     ex:iri <http://example.org/with%20escape#frag> .
"""


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("nt", "nt")])
@pytest.mark.parametrize("source", ["notice-graph", "tricky"])
def test_format_graph_keeps_every_kind_of_term(
    dataset: Dataset, source: str, fmt: str, parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written by Oxigraph, not rdflib, and read back as the same graph."""
    if source == "tricky":
        graph = Graph().parse(data=TRICKY, format="turtle")
        rows = sorted(graph)
        result = QueryResult(
            ["subject", "predicate", "object"], rows, graph, None, graph.namespace_manager
        )  # type: ignore[arg-type]
    else:
        notice = next(dataset.subjects(RDF.type, NKG.Notice))
        result = run_query(get_query("notice-graph"), dataset, {"notice": str(notice)})
    assert result.graph is not None and len(result.graph) > 5
    with monkeypatch.context() as patched:
        patched.setattr(Graph, "serialize", None)
        text = format_graph(result, fmt)
    assert isomorphic(Graph().parse(data=text, format=parser), result.graph)


def test_format_graph_refuses_rows(dataset: Dataset) -> None:
    result = run_query(get_query("problems-and-measures"), dataset, {})
    with pytest.raises(QueryError, match="--format turtle"):
        format_graph(result, "turtle")


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("problems-and-measures", "SELECT"),
        ("neighbourhood", "CONSTRUCT"),
        ("notice-graph", "CONSTRUCT"),
    ],
)
def test_query_form(name: str, form: str) -> None:
    assert query_form(get_query(name)) == form


def test_notice_graphs_lists_each_notice_graph(dataset: Dataset) -> None:
    result = run_query(get_query("notice-graphs"), dataset, {})
    # ordered by IRI: the 索引号 IRI (…/TEST%2F…) sorts before the hash one (…/sha256-…)
    assert column(result, "label") == [
        "甲市科技局关于巡察整改情况的通报",
        "乙区人民政府关于审计整改情况的通报",
    ]
    assert column(result, "notice")[0] == A_IRI


def test_notice_graph_is_the_named_graph_and_the_types_it_points_at(dataset: Dataset) -> None:
    result = run_query(get_query("notice-graph"), dataset, {"notice": A_IRI})
    assert result.graph is not None
    named = set(dataset.graph(URIRef(A_IRI)))
    assert named <= set(result.graph)
    assert all(p == RDF.type for _, p, _ in set(result.graph) - named)
    assert (
        run_query(get_query("notice-graph"), dataset, {"notice": "https://example.org/x"}).rows
        == []
    )


@pytest.mark.parametrize(
    ("params", "expected", "absent"),
    [
        ({"label": "市委第一巡察组", "hops": "0"}, {"市委第一巡察组"}, {"市委"}),
        ({"label": "市委第一巡察组", "hops": "1"}, {"市委第一巡察组", "市委", "甲市科技局"}, set()),
        ({"label": "市委 第一巡察组", "hops": "0"}, {"市委第一巡察组"}, set()),
        ({"label": "科技局", "hops": "0"}, {"甲市科技局"}, {"科技局"}),
        ({"label": "不存在的机构", "hops": "2"}, set(), {"市委"}),
    ],
)
def test_nodes_around(dataset: Dataset, params: dict, expected: set, absent: set) -> None:
    params = {**params, "label": "".join(params["label"].split())}
    result = run_query(get_query("nodes-around"), dataset, params)
    labels = {str(dataset.value(row[0], RDFS.label)) for row in result.rows}
    assert expected <= labels and not absent & labels


def test_entity_network_draws_what_the_whole_graph_draws(dataset: Dataset) -> None:
    from noticekg.graph import to_networkx

    result = run_query(get_query("entity-network"), dataset, {})
    assert result.graph is not None and len(result.graph) < len(dataset)
    for measures in (False, True):
        whole, fetched = (
            to_networkx(dataset, measures=measures),
            to_networkx(result.graph, measures=measures),
        )
        assert dict(whole.nodes(data=True)) == dict(fetched.nodes(data=True))
        assert sorted(whole.edges(keys=True)) == sorted(fetched.edges(keys=True))


@pytest.mark.parametrize("measures", ["false", "true"])
def test_network_view_and_notice_text_draw_what_the_whole_graph_draws(
    dataset: Dataset, measures: str
) -> None:
    from noticekg.graph import rows_to_networkx, to_networkx

    result = run_query(get_query("network-view"), dataset, {"measures": measures})
    rows = [dict(zip(result.vars, row, strict=True)) for row in result.rows]
    texts: list[URIRef] = []

    def notice_text(notice: URIRef) -> str | None:
        texts.append(notice)
        (text,) = column(run_query(get_query("notice-text"), dataset, {"notice": notice}), "text")
        return text

    drawn = rows_to_networkx(rows, notice_text=notice_text, measures=measures == "true")
    whole = to_networkx(dataset, measures=measures == "true")
    assert dict(whole.nodes(data=True)) == dict(drawn.nodes(data=True))
    assert sorted(whole.edges(keys=True)) == sorted(drawn.edges(keys=True))
    assert any(data["sentence"] for _, data in drawn.nodes(data=True))
    assert len(texts) == len(set(texts)), "each notice text is fetched once"


def test_a_graph_given_as_a_function_is_made_only_when_read(dataset: Dataset) -> None:
    built = run_query(get_query("entity-relations"), dataset, {"label": "市委第一巡察组"})
    made: list[Graph] = []

    def make() -> Graph:
        assert built.graph is not None
        made.append(built.graph)
        return built.graph

    lazy = QueryResult(built.vars, built.rows, make, None, built.namespaces)
    assert lazy.is_graph and format_graph(lazy, "turtle") and format_graph(lazy, "nt")
    assert made == []
    assert json.loads(format_graph(lazy, "jsonld"))["@context"]
    assert lazy.graph is lazy.graph is built.graph and len(made) == 1
