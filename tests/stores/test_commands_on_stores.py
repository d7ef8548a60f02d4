"""The graph-reading commands over a store give what they give over graph files: query output,
the SPARQL endpoint's rows, SHACL reports per notice and the network views."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from importlib.resources import as_file
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pytest
import store_servers as servers
from rdflib import Graph
from rdflib.namespace import RDFS
from SPARQLWrapper import JSON, SPARQLWrapper

from noticekg.cli import main
from noticekg.cli.viz import build_view
from noticekg.graph.stores import OxigraphStore
from noticekg.ontology import NKG
from noticekg.samples import sample_notice

FOCUS = "温州浙南科技城管理委员会"
GENRE = Path(__file__).parents[1] / "data" / "genre"

PROBLEMS = """PREFIX nkg: <https://w3id.org/noticekg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?n ?title WHERE { ?p a nkg:Problem ; nkg:number ?n ; rdfs:label ?title } ORDER BY ?n"""
NOTICES = "SELECT ?notice WHERE { ?notice a <https://w3id.org/noticekg/ontology#Notice> }"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sample as a Turtle file and in an Oxigraph store, both through the command line."""
    folder = tmp_path_factory.mktemp("filled")
    ttl, spec = folder / "sample.ttl", f"oxigraph:{folder / 'db'}"
    with as_file(sample_notice()) as notice:
        assert main(["extract", str(notice), "-o", str(ttl)]) == 0
        assert main(["extract", str(notice), "--store", spec]) == 0
    return ttl, spec


def triples(capsys: pytest.CaptureFixture[str], *args: str) -> Graph:
    assert main(["query", *args, "--format", "turtle"]) == 0
    return Graph().parse(data=capsys.readouterr().out, format="turtle")


def test_construct_as_turtle_from_store_and_files(
    filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ttl, spec = filled
    params = ["neighbourhood", "--param", f"label={FOCUS}", "--param", "hops=1"]
    from_store = triples(capsys, *params, "--store", spec)
    from_file = triples(capsys, *params, "--data", str(ttl))
    start = next(from_file.subjects(RDFS.label, None))
    assert (start, RDFS.label, None) in from_store
    assert set(from_store) == set(from_file) and len(from_store) > 20


# --- serve --------------------------------------------------------------------------------


@pytest.fixture
def served(request: pytest.FixtureRequest, filled: tuple[Path, str]) -> Iterator[str]:
    """``noticekg serve`` as a real process over the files or the store; its /sparql URL."""
    ttl, spec = filled
    source = ["--data", str(ttl)] if request.param == "data" else ["--store", spec]
    process, url = serve(source, stderr=subprocess.DEVNULL)
    try:
        servers.wait_until_answering(url, process, 60)
        yield url
    finally:
        servers.stop(process)


def serve(source: list[str], *, stderr: int) -> tuple[subprocess.Popen[str], str]:
    """``noticekg serve`` over ``source`` on a free port, and its /sparql URL."""
    port = servers.free_port()
    script = Path(sys.executable).with_name("noticekg")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "noticekg"]
    process = subprocess.Popen(
        [*command, "serve", *source, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
    )
    return process, f"http://127.0.0.1:{port}/sparql"


@pytest.mark.server
@pytest.mark.parametrize(("notices", "hinted"), [(50, False), (51, True)])
def test_serving_many_notices_from_memory_brings_a_hint_to_use_a_store(
    tmp_path: Path, notices: int, hinted: bool
) -> None:
    data = tmp_path / "many.trig"
    iris = [f"https://w3id.org/noticekg/notice/n{i}" for i in range(notices)]
    data.write_text("".join(f"<{n}> {{ <{n}> a <{NKG.Notice}> }}\n" for n in iris), "utf-8")
    process, url = serve(["--data", str(data)], stderr=subprocess.PIPE)
    try:
        servers.wait_until_answering(url, process, 60)
    finally:
        servers.stop(process)
    assert process.stderr is not None
    assert ("--store oxigraph:DIR" in process.stderr.read()) is hinted


@pytest.mark.server
def test_serving_a_store_names_its_notices(filled: tuple[Path, str]) -> None:
    _, spec = filled
    process, url = serve(["--store", spec], stderr=subprocess.PIPE)
    try:
        servers.wait_until_answering(url, process, 60)
    finally:
        servers.stop(process)
    assert process.stderr is not None
    banner = process.stderr.read()
    assert f"serving 1 notice from {spec.removeprefix('oxigraph:')} at " in banner


@pytest.mark.server
def test_serve_moves_on_to_each_run_once_it_ends(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    with as_file(sample_notice()) as notice:
        assert main(["extract", str(notice), "--store", spec]) == 0
    process, url = serve(["--store", spec], stderr=subprocess.DEVNULL)
    try:
        servers.wait_until_answering(url, process, 60)
        assert len(rows(url, NOTICES)) == 1
        assert main(["extract", str(GENRE / "hn-jtt-xunshi-zhenggai.txt"), "--store", spec]) == 0
        assert len(rows(url, NOTICES)) == 2  # no restart
    finally:
        servers.stop(process)


def rows(url: str, query: str) -> list[tuple[str, ...]]:
    wrapper = SPARQLWrapper(url)
    wrapper.setQuery(query)
    wrapper.setReturnFormat(JSON)
    data = wrapper.queryAndConvert()
    names = data["head"]["vars"]
    return [tuple(b[n]["value"] for n in names) for b in data["results"]["bindings"]]


@pytest.mark.server
@pytest.mark.parametrize("served", ["data"], indirect=True)
def test_serve_data_rows(served: str, sample) -> None:
    assert [r[1] for r in rows(served, PROBLEMS)] == [p.title for p in sample.problems]


@pytest.mark.server
@pytest.mark.parametrize("served", ["store"], indirect=True)
def test_serve_store_gives_the_rows_of_the_files(served: str, sample) -> None:
    answered = rows(served, PROBLEMS)
    assert [r[1] for r in answered] == [p.title for p in sample.problems]
    assert [int(r[0]) for r in answered] == sorted(p.n for p in sample.problems)
    status = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-d", "update=CLEAR ALL", served],
        capture_output=True,
        text=True,
        check=False,
    )
    if status.returncode == 0:
        assert status.stdout == "403"


@pytest.mark.server
def test_serve_proxies_a_remote_endpoint(oxigraph_server, loaded) -> None:
    """``serve --store URL``: the same rows through noticekg as from the endpoint itself."""
    from storecheck import holding

    from noticekg.graph.stores import RemoteStore
    from noticekg.server import make_server

    remote = RemoteStore(oxigraph_server.query, update_endpoint=oxigraph_server.update)
    holding(remote, loaded)
    server = make_server(remote, port=0)
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        assert sorted(rows(url, PROBLEMS)) == sorted(rows(oxigraph_server.query, PROBLEMS))
    finally:
        server.shutdown()
        server.server_close()


# --- validate -----------------------------------------------------------------------------


def test_validate_store_conforms(filled: tuple[Path, str], capsys) -> None:
    assert main(["validate", "--store", filled[1]]) == 0
    assert "1 notice graph(s) checked: 1 conform." in capsys.readouterr().out


def test_validate_store_reports_the_broken_notice(
    filled: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], sample
) -> None:
    """A measure stripped of ``nkg:answers`` (required): the report names the notice, the
    measure by its title and the sentence it was read from."""
    spec = f"oxigraph:{tmp_path / 'db'}"
    with as_file(sample_notice()) as notice:
        assert main(["extract", str(notice), "--store", spec]) == 0
    store = OxigraphStore(tmp_path / "db")
    measure = next(iter(store.query(f"SELECT ?m WHERE {{ ?m <{NKG.answers}> ?p }} LIMIT 1")))[0]
    store.store.update(f"DELETE WHERE {{ GRAPH ?g {{ <{measure}> <{NKG.answers}> ?p }} }}")
    label = str(next(iter(store.query(f"SELECT ?l WHERE {{ <{measure}> <{RDFS.label}> ?l }}")))[0])
    store.close()
    capsys.readouterr()
    assert main(["validate", "--store", spec]) == 5
    out, err = capsys.readouterr()
    assert out.startswith(sample.header.title) and f"“{label}”" in out and "nkg:answers" in out
    sentence = next(line for line in out.splitlines() if "sentence:" in line)
    assert label in sentence
    assert "1 violation(s)" in err and len(err.strip().splitlines()) == 1


# --- viz ----------------------------------------------------------------------------------


def view(source: list[str], **options: object) -> nx.MultiDiGraph:
    args = {
        "ontology": False,
        "query": None,
        "focus": None,
        "hops": 1,
        "param": [],
        "measures": False,
        "data": None,
        "store": None,
        "update_endpoint": None,
        "timeout": 30.0,
    }
    args.update(options)
    if source[0] == "--data":
        args["data"] = [Path(source[1])]
    else:
        args["store"] = source[1]
    network, _ = build_view(SimpleNamespace(**args))
    return network


VIEWS = [
    {},
    {"measures": True},
    {"focus": FOCUS},
    {"focus": FOCUS, "hops": 2, "measures": True},
    {"focus": "温州浙南 科技城管理委员会", "hops": 0},
    {"query": "entity-relations", "param": [f"label={FOCUS}"]},
]


@pytest.mark.parametrize("options", VIEWS, ids=lambda o: ",".join(map(str, o.values())) or "all")
def test_viz_from_store_equals_viz_from_files(filled: tuple[Path, str], options: dict) -> None:
    ttl, spec = filled
    files = view(["--data", str(ttl)], **options)
    store = view(["--store", spec], **options)
    assert dict(files.nodes(data=True)) == dict(store.nodes(data=True))
    assert sorted(files.edges(keys=True)) == sorted(store.edges(keys=True))
    assert files.number_of_nodes() > 0


def test_viz_focus_by_iri_on_store(filled: tuple[Path, str]) -> None:
    spec = filled[1]
    by_label = view(["--store", spec], focus=FOCUS)
    iri = next(n for n, d in by_label.nodes(data=True) if d.get("focus"))
    by_iri = view(["--store", spec], focus=iri)
    assert set(by_iri) == set(by_label) and by_iri.nodes[iri]["focus"]


@pytest.mark.parametrize(
    ("focus", "hops", "message"),
    [("没有这个机构", 1, "no node has this IRI"), (FOCUS, 4, "--hops 4")],
)
def test_viz_focus_on_store_refuses(filled: tuple[Path, str], focus: str, hops: int, message):
    from noticekg.errors import InputError

    with pytest.raises(InputError, match=message):
        view(["--store", filled[1]], focus=focus, hops=hops)


def test_whole_view_of_a_store_of_many_notices_equals_the_view_in_memory(
    sample, tmp_path: Path
) -> None:
    """Every notice of the genre folder and the sample: entities recur across publishers, so
    the tooltips' notice lists and first sentences are chosen among several notices."""
    from storecheck import fill

    from noticekg.cli.viz import whole_view
    from noticekg.extract import extract_file
    from noticekg.graph import build_dataset, to_networkx

    notices = [sample, *(extract_file(path) for path in sorted(GENRE.glob("*.txt")))]
    store = fill(OxigraphStore(tmp_path / "db"), notices)
    dataset = build_dataset(notices)
    try:
        for measures in (False, True):
            here, there = (
                to_networkx(dataset, measures=measures),
                whole_view(store, measures=measures),
            )
            assert dict(here.nodes(data=True)) == dict(there.nodes(data=True))
            assert sorted(here.edges(keys=True)) == sorted(there.edges(keys=True))
        assert max(len(data["notices"]) for _, data in there.nodes(data=True)) > 1
    finally:
        store.close()


def test_viz_of_a_big_store_asks_for_part_of_it(
    filled: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from noticekg.cli import viz
    from noticekg.errors import InputError

    monkeypatch.setattr(viz, "WHOLE_VIEW_NOTICES", 0)
    with pytest.raises(InputError, match=r"holds 1 notices, more than .* --focus"):
        view(["--store", filled[1]])
    assert view(["--store", filled[1]], focus=FOCUS).number_of_nodes() > 0


@pytest.mark.server
def test_viz_from_a_remote_endpoint_equals_the_embedded_store(
    oxigraph_server, embedded_sample, loaded
) -> None:
    from storecheck import holding

    from noticekg.cli.viz import focus_view, whole_view
    from noticekg.graph.stores import RemoteStore

    remote = holding(
        RemoteStore(oxigraph_server.query, update_endpoint=oxigraph_server.update), loaded
    )
    for draw in (
        lambda store: whole_view(store, measures=True),
        lambda store: focus_view(store, FOCUS, 2),
    ):
        here, there = draw(embedded_sample), draw(remote)
        assert dict(here.nodes(data=True)) == dict(there.nodes(data=True))
        assert sorted(here.edges(keys=True)) == sorted(there.edges(keys=True))
