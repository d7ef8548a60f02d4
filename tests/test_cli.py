"""The command line, in-process through ``main(argv)``, and once as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDF, RDFS

from noticekg.cli import main
from noticekg.ontology import NKG
from noticekg.samples import sample_notice

GOLD = Path(__file__).parent / "data" / "gold" / "wzkjc-xuncha-zhenggai.json"


@pytest.fixture
def notice_file(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(sample_notice().read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_extract_writes_turtle_by_default(notice_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    assert main(["extract", str(notice_file), "-o", str(out)]) == 0
    graph = Graph().parse(out, format="turtle")
    assert len(list(graph.subjects(predicate=None, object=NKG.Problem))) == 13


def test_extract_trig_has_one_named_graph_per_notice(notice_file: Path, tmp_path: Path) -> None:
    second = tmp_path / "other.txt"
    second.write_text(notice_file.read_text(encoding="utf-8").replace("2021-00113", "2021-00999"))
    out = tmp_path / "graph.trig"
    assert main(["extract", str(notice_file), str(second), "-o", str(out)]) == 0
    dataset = Dataset()
    dataset.parse(out, format="trig")
    named = [
        g for g in dataset.graphs() if len(g) and g.identifier != dataset.default_graph.identifier
    ]
    assert len(named) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out.ttl"
    assert main(["extract", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert str(path) in err and message in err
    assert not out.exists()


def test_a_bad_file_in_a_folder_is_skipped(
    notice_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "graph.ttl"
    assert main(["extract", str(tmp_path), "-o", str(out)]) == 0
    assert "empty.txt" in capsys.readouterr().err
    assert len(Graph().parse(out)) > 1000


def test_query_over_extracted_graph(notice_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "graph.ttl"
    main(["extract", str(notice_file), "-o", str(out)])
    capsys.readouterr()
    assert main(["query", "problems-and-measures", "--data", str(out), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert len(rows) >= 25


@pytest.mark.parametrize(("notices", "hinted"), [(50, False), (51, True)])
def test_many_notices_in_memory_bring_a_hint_to_use_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], notices: int, hinted: bool
) -> None:
    data = tmp_path / "many.trig"
    iris = [f"https://w3id.org/noticekg/notice/n{i}" for i in range(notices)]
    data.write_text("".join(f"<{n}> {{ <{n}> a <{NKG.Notice}> }}\n" for n in iris), "utf-8")
    assert main(["query", "notice-graphs", "--data", str(data), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert sum(line.startswith("https://") for line in out.splitlines()) == notices
    assert ("--store oxigraph:DIR" in err) is hinted
    assert len(err.splitlines()) == int(hinted)


def test_unknown_query_parameter(notice_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "graph.ttl"
    main(["extract", str(notice_file), "-o", str(out)])
    code = main(["query", "problems-and-measures", "--data", str(out), "--param", "nope=1"])
    assert code == 3
    assert "nope" in capsys.readouterr().err


def test_queries_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queries"]) == 0
    assert "problems-and-measures" in capsys.readouterr().out


def test_eval_reports_the_table(capsys: pytest.CaptureFixture[str], notice_file: Path) -> None:
    assert main(["eval", str(GOLD), str(notice_file)]) == 0
    out = capsys.readouterr().out
    for row in ("header", "inspection", "problems", "measures", "metrics", "entities"):
        assert row in out


def test_demo_writes_graph_and_page_that_validate(tmp_path: Path, capsys) -> None:
    assert main(["demo", "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "SHACL conforms" in out
    assert (tmp_path / "graph.html").stat().st_size > 10_000
    assert main(["validate", str(tmp_path / "graph.ttl")]) == 0


def test_viz_writes_an_offline_page(notice_file: Path, tmp_path: Path) -> None:
    graph = tmp_path / "graph.ttl"
    main(["extract", str(notice_file), "-o", str(graph)])
    page = tmp_path / "graph.html"
    assert main(["viz", "--data", str(graph), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "温州浙南科技城管理委员会" in html
    assert "https://cdn" not in html and "unpkg.com" not in html


def test_validate_fails_on_a_broken_graph(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix nkg: <https://w3id.org/noticekg/ontology#> .\n"
        "<https://example.org/p> a nkg:Problem .\n",
        encoding="utf-8",
    )
    assert main(["validate", str(broken)]) == 5
    assert "violation" in capsys.readouterr().err


def test_console_script_as_a_subprocess(notice_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.nt"
    script = Path(sys.executable).with_name("noticekg")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "noticekg"]
    done = subprocess.run(
        [*command, "extract", str(notice_file), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:noticekg"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(Graph().parse(out, format="nt")) > 1000
    missing = subprocess.run(
        [*command, "extract", str(tmp_path / "nope.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


# Run in a fresh interpreter: a query of the store, then the modules it had to import.
QUERY_AND_LIST_MODULES = """
import sys
from noticekg.cli import main
code = main(["query", "notice-summary", "--store", "oxigraph:" + sys.argv[1], "--format", "csv"])
print("exit", code, *sorted(sys.modules), sep="\\n")
"""


def test_a_query_of_a_store_loads_neither_the_rules_nor_the_sparql_parser(
    notice_file: Path, tmp_path: Path
) -> None:
    store = tmp_path / "db"
    assert main(["extract", str(notice_file), "--store", f"oxigraph:{store}"]) == 0
    done = subprocess.run(
        [sys.executable, "-c", QUERY_AND_LIST_MODULES, str(store)],
        capture_output=True,
        text=True,
        check=True,
    )
    answer, modules_listed = done.stdout.split("\nexit\n")
    code, *rest = modules_listed.splitlines()
    assert code == "0" and answer.startswith("notice,title,")
    modules = set(rest)
    assert "rdflib" in modules and "noticekg.graph.stores.oxigraph" in modules
    loaded = modules & {"noticekg.extract.pipeline", "jieba", "rdflib.plugins.sparql.parser"}
    assert not loaded


@pytest.fixture
def sample_graph(notice_file: Path, tmp_path: Path, capsys) -> Path:
    out = tmp_path / "graph.ttl"
    assert main(["extract", str(notice_file), "-o", str(out)]) == 0
    capsys.readouterr()
    return out


@pytest.mark.parametrize(
    ("fmt", "parser"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), (None, "turtle")]
)
def test_query_construct_prints_a_graph(
    sample_graph: Path, capsys: pytest.CaptureFixture[str], fmt: str | None, parser: str
) -> None:
    name = "温州浙南科技城管理委员会"
    args = ["query", "neighbourhood", "--data", str(sample_graph), "--param", f"label={name}"]
    assert main([*args, *(["--format", fmt] if fmt else [])]) == 0
    out = capsys.readouterr().out
    graph = Graph().parse(data=out, format=parser)
    (start,) = set(graph.subjects(RDFS.label, Literal(name, lang="zh")))
    assert (None, NKG.involves, start) in graph and (start, RDF.type, None) in graph
    if parser == "turtle":
        assert "@prefix nkg: <https://w3id.org/noticekg/ontology#>" in out


@pytest.mark.parametrize(
    ("query", "fmt", "allowed"),
    [
        ("problems-and-measures", "turtle", "table, csv, json"),
        ("problems-and-measures", "jsonld", "table, csv, json"),
        ("neighbourhood", "table", "turtle, nt, jsonld"),
        ("neighbourhood", "csv", "turtle, nt, jsonld"),
    ],
)
def test_query_format_that_does_not_fit_is_one_line(
    sample_graph: Path, capsys: pytest.CaptureFixture[str], query: str, fmt: str, allowed: str
) -> None:
    args = ["query", query, "--data", str(sample_graph), "--param", "label=x", "--format", fmt]
    if query == "problems-and-measures":
        args = args[:4] + args[6:]
    assert main(args) == 3
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and query in err and allowed in err and fmt in err


def test_validate_reports_per_notice_with_label_and_sentence(
    sample_graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = Graph().parse(sample_graph, format="turtle")
    measure = next(graph.subjects(NKG.answers, None))
    graph.remove((measure, NKG.answers, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    assert main(["validate", str(broken)]) == 5
    out, err = capsys.readouterr()
    notice = next(graph.subjects(RDF.type, NKG.Notice))
    title, label = str(graph.value(notice, RDFS.label)), str(graph.value(measure, RDFS.label))
    assert out.splitlines()[0] == f"{title} <{notice}>"
    assert f"“{label}”" in out and "nkg:answers" in out
    assert any(label in line for line in out.splitlines() if "sentence:" in line)
    assert out.strip().endswith("in 1 notice graph(s).")
    assert "1 violation(s)" in err


def test_validate_needs_files_or_a_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert "GRAPHFILE" in capsys.readouterr().err


def test_extract_records_the_file_each_notice_came_from(notice_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    assert main(["extract", str(notice_file), "-o", str(out)]) == 0
    graph = Graph().parse(out, format="turtle")
    (location,) = graph.objects(predicate=NKG.sourceLocation)
    assert str(location) == notice_file.resolve().as_uri()
    assert list(graph.objects(predicate=NKG.sourceFile)) == [Literal("notice.txt")]


def _options(command: str) -> dict[str, object]:
    """Each option of ``command`` with its default and help, as argparse holds them."""
    from noticekg.cli import build_parser

    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command" or a.choices]
    sub = commands.choices[command]  # type: ignore[index]
    return {a.dest: (a.default, a.help) for a in sub._actions}


@pytest.mark.parametrize(
    ("command", "timeout"), [("extract", 60.0), ("query", 60.0), ("serve", 10.0)]
)
def test_store_options_on_every_command(command: str, timeout: float) -> None:
    options = _options(command)
    assert options["timeout"][0] == timeout
    assert f"(default {timeout:g})" in str(options["timeout"][1])
    gsp_help = str(options["graph_store"][1])
    assert "/store" in gsp_help and "/ds/data" in gsp_help
