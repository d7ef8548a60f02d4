"""What users bring that is broken, through the real command line in a subprocess.

Each case: a one-line error naming the file (or parameter), the exit code of its error class,
no traceback and no output file — or, where the input is odd but usable, a clean success.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import as_file
from pathlib import Path

import pytest
from rdflib import Graph

from noticekg.ontology import NKG
from noticekg.samples import sample_notice

with as_file(sample_notice()) as _path:
    SAMPLE = _path.read_text(encoding="utf-8")

OPENING = (
    "某县卫生健康局党组关于巡察整改情况的通报\n"
    "根据县委统一部署,2021年3月1日至4月30日,县委第二巡察组对县卫生健康局党组进行了常规巡察。\n"
)


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes inputs under the folder, returns CLI arguments
    exit_code: int
    message: str = ""  # must appear in the one-line error


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def extract_args(*paths: Path) -> list[str]:
    return ["extract", *map(str, paths), "-o"]  # the output path is appended by the test


def truncated_utf8(folder: Path) -> list[str]:
    """Cut inside the last character: the tail of the notice (signature, date) is lost too,
    so the user is told to fetch the file again rather than given a graph that looks whole."""
    data = (OPENING * 3).rstrip().encode("utf-8")
    return extract_args(write(folder, "truncated.txt", data[:-1]))


def gbk_page_declared_utf8(folder: Path) -> list[str]:
    html = (
        '<html><head><meta charset="utf-8"><title>巡察整改情况的通报</title></head><body>'
        "<div class='nav'>您现在的位置:首页 > 通知公告</div><div class='content'>"
        + "".join(f"<p>{line}</p>" for line in (OPENING * 4).splitlines())
        + "</div></body></html>"
    )
    return extract_args(write(folder, "page.html", html.encode("gbk")))


def huge(folder: Path) -> list[str]:
    return extract_args(write(folder, "huge.txt", OPENING.encode("utf-8") * 260_000))


def no_headings(folder: Path) -> list[str]:
    return extract_args(write(folder, "plain.txt", (OPENING * 2).encode("utf-8")))


def folder_with_one_bad_file(folder: Path) -> list[str]:
    write(folder, "good.txt", SAMPLE.encode("utf-8"))
    write(folder, "empty.txt", b"")
    return extract_args(folder)


def empty_folder(folder: Path) -> list[str]:
    (folder / "nothing").mkdir()
    return extract_args(folder / "nothing")


def malformed_query(folder: Path) -> list[str]:
    graph = write(folder, "g.ttl", b"<http://example.org/a> <http://example.org/b> 1 .\n")
    query = write(folder, "broken.rq", b"# title: broken\nSELECT ?x WHERE { ?x ?y \n")
    return ["query", str(query), "--data", str(graph)]


def unknown_parameter(folder: Path) -> list[str]:
    graph = write(folder, "g.ttl", b"<http://example.org/a> <http://example.org/b> 1 .\n")
    return ["query", "problems-and-measures", "--data", str(graph), "--param", "colour=red"]


def unreachable_endpoint(folder: Path) -> list[str]:
    return ["query", "problems-and-measures", "--store", "http://127.0.0.1:9/sparql"]


# Stores held open by this process while a case runs, so the command finds them locked.
HELD: list[object] = []


def locked_store(folder: Path) -> list[str]:
    from noticekg.graph.stores import OxigraphStore

    HELD.append(OxigraphStore(folder / "db"))
    notice = write(folder, "good.txt", SAMPLE.encode("utf-8"))
    return ["extract", str(notice), "--store", f"oxigraph:{folder / 'db'}"]


def select_as_turtle(folder: Path) -> list[str]:
    graph = write(folder, "g.ttl", b"<http://example.org/a> <http://example.org/b> 1 .\n")
    return ["query", "problems-and-measures", "--data", str(graph), "--format", "turtle"]


def construct_as_csv(folder: Path) -> list[str]:
    graph = write(folder, "g.ttl", b"<http://example.org/a> <http://example.org/b> 1 .\n")
    return ["query", "neighbourhood", "--data", str(graph), "--param", "label=x", "--format", "csv"]


def serve_files_and_store(folder: Path) -> list[str]:
    graph = write(folder, "g.ttl", b"<http://example.org/a> <http://example.org/b> 1 .\n")
    return ["serve", "--data", str(graph), "--store", f"oxigraph:{folder / 'db'}", "--port", "0"]


def empty_store(folder: Path) -> list[str]:
    from noticekg.graph.stores import OxigraphStore

    OxigraphStore(folder / "e").close()
    return ["validate", "--store", f"oxigraph:{folder / 'e'}"]


# Commands that only read, each given an Oxigraph directory that is not there.
MISSING_STORE = {
    "query": ["query", "notice-summary"],
    "viz": ["viz", "-o", "{out}"],
    "validate": ["validate"],
    "serve": ["serve", "--port", "0"],
}


def missing_store(command: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        args = [a.format(out=folder / "g.html") for a in MISSING_STORE[command]]
        return [*args, "--store", f"oxigraph:{folder / 'missing.db'}"]

    return make


def viz_store_too_many_hops(folder: Path) -> list[str]:
    from noticekg.graph.stores import OxigraphStore

    OxigraphStore(folder / "db").close()
    store = f"oxigraph:{folder / 'db'}"
    return ["viz", "--store", store, "--focus", "市委", "--hops", "5", "-o"]


CASES = [
    Case("missing path", lambda d: extract_args(d / "nope.txt"), 2, "nope.txt"),
    Case("folder with no notices", empty_folder, 2, "nothing"),
    Case("empty file", lambda d: extract_args(write(d, "e.txt", b"")), 2, "e.txt"),
    Case("only whitespace", lambda d: extract_args(write(d, "w.txt", b" \n\t\r\n")), 2, "w.txt"),
    Case(
        "binary file",
        lambda d: extract_args(write(d, "b.txt", bytes(range(256)) * 40)),
        2,
        "b.txt",
    ),
    Case(
        "neither UTF-8 nor GB18030",
        lambda d: extract_args(write(d, "x.txt", "巡察整改".encode("utf-16-le") * 200)),
        2,
        "x.txt",
    ),
    Case("50 MB file", huge, 2, "huge.txt"),
    Case("truncated UTF-8", truncated_utf8, 2, "truncated.txt"),
    Case("malformed .rq", malformed_query, 3, "broken.rq"),
    Case("unknown query parameter", unknown_parameter, 3, "colour"),
    Case("unreachable SPARQL endpoint", unreachable_endpoint, 4, "127.0.0.1:9"),
    Case("extract into a locked store", locked_store, 4, "locked"),
    Case("validate nothing", lambda d: ["validate"], 2, "GRAPHFILE"),
    Case("validate a store with no notice", empty_store, 2, "no notice graph"),
    *(
        Case(f"{command} a missing oxigraph:DIR", missing_store(command), 4, "missing.db")
        for command in MISSING_STORE
    ),
    Case("SELECT asked for Turtle", select_as_turtle, 3, "problems-and-measures"),
    Case("CONSTRUCT asked for CSV", construct_as_csv, 3, "neighbourhood"),
    Case("serve files and a store", serve_files_and_store, 2, "not both"),
    Case("viz --focus on a store, too many hops", viz_store_too_many_hops, 2, "--hops 5"),
]

USABLE = [
    Case("GBK page declaring UTF-8", gbk_page_declared_utf8, 0),
    Case("notice with no headings", no_headings, 0),
    Case("one bad file in a folder", folder_with_one_bad_file, 0),
]


def noticekg(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("noticekg")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "noticekg"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
        timeout=300,
    )


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_fails_in_one_line(case: Case, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    out = tmp_path / "out.ttl"
    args = case.make(inputs)
    done = noticekg(*args, str(out)) if args[-1] == "-o" else noticekg(*args)
    assert done.returncode == case.exit_code, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("noticekg: error:") and case.message in lines[0], lines[0]
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.ttl")]


@pytest.mark.slow
@pytest.mark.parametrize("case", USABLE, ids=lambda c: c.name)
def test_odd_but_usable_input_gives_a_graph(case: Case, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    out = tmp_path / "out.ttl"
    done = noticekg(*case.make(inputs), str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    graph = Graph().parse(out, format="turtle")
    assert len(list(graph.subjects(None, NKG.Notice))) >= 1


@pytest.mark.slow
def test_the_same_text_twice_is_one_notice(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out.ttl"
    done = noticekg("extract", str(tmp_path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "same text as" in done.stderr
    graph = Graph().parse(out, format="turtle")
    assert len(set(graph.subjects(None, NKG.Notice))) == 1


@pytest.mark.slow
def test_hostile_labels_stay_text(tmp_path: Path) -> None:
    hostile = '《关于"引号"\\反斜杠<script>alert(1)</script>和<img src=x onerror=alert(2)>的办法》'
    notice = tmp_path / "hostile.txt"
    notice.write_text(
        OPENING + "一、关于“问题”问题的整改情况\n(一)完善制度。制定" + hostile + "。\n"
    )
    ttl, html = tmp_path / "out.ttl", tmp_path / "out.html"
    assert noticekg("extract", str(notice), "-o", str(ttl)).returncode == 0
    labels = {str(o) for o in Graph().parse(ttl, format="turtle").objects()}
    assert any("<script>alert(1)</script>" in label for label in labels)
    assert noticekg("viz", "--data", str(ttl), "-o", str(html)).returncode == 0
    page = html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page


@pytest.mark.parametrize("command", sorted(MISSING_STORE))
def test_reading_a_missing_store_creates_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from noticekg.cli import main

    assert main(missing_store(command)(tmp_path)) == 4
    message = capsys.readouterr().err.strip()
    assert message == f"noticekg: error: {tmp_path / 'missing.db'}: no Oxigraph store there " + (
        "(extract --store creates one)"
    )
    assert not (tmp_path / "missing.db").exists()


def test_extract_still_creates_the_store(tmp_path: Path) -> None:
    from noticekg.cli import main

    notice = write(tmp_path, "n.txt", "关于巡察整改情况的通报\n一、存在的问题\n".encode())
    assert main(["extract", str(notice), "--store", f"oxigraph:{tmp_path / 'new.db'}"]) == 0
    assert (tmp_path / "new.db").is_dir()
