"""Loading through the SPARQL 1.1 Graph Store Protocol (``--graph-store``): each notice graph is
PUT into a side graph and moved into place, and the server then answers exactly as after
loading through SPARQL Update."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import as_file
from pathlib import Path

import pytest
import store_servers as servers
from rdflib import URIRef
from storecheck import fill, normalise

from noticekg.cli import main
from noticekg.errors import StoreError
from noticekg.extract.records import Notice
from noticekg.graph import notice_graph
from noticekg.graph.stores import RemoteStore, open_store
from noticekg.graph.stores.remote import side_graph
from noticekg.queries import QueryResult, catalogue, run_query
from noticekg.samples import sample_notice

# Queries that run without arguments: each is compared between the two ways of loading.
UNPARAMETRISED = [named.name for named in catalogue() if not any(p.required for p in named.params)]


@pytest.fixture(params=["oxigraph_server", "virtuoso_server"])
def server(request: pytest.FixtureRequest) -> Iterator[servers.Server]:
    found: servers.Server = request.getfixturevalue(request.param)
    clear(RemoteStore(found.query, update_endpoint=found.update))
    yield found


def clear(store: RemoteStore) -> None:
    """Drop the notice graphs and their side graphs (not ``DROP ALL``: Virtuoso keeps its own
    system graphs and ignores it)."""
    for graph_iri in store.notice_hashes().values():
        side = side_graph(graph_iri)
        store.update(f"DROP SILENT GRAPH {graph_iri.n3()} ;\nDROP SILENT GRAPH {side.n3()}")


def stores(server: servers.Server) -> tuple[RemoteStore, RemoteStore]:
    """The server written through SPARQL Update, and through its graph store."""
    updates = RemoteStore(server.query, update_endpoint=server.update, timeout=30)
    puts = RemoteStore(
        server.query, update_endpoint=server.update, graph_store=server.store, timeout=30
    )
    return updates, puts


def answers(store: RemoteStore) -> dict[str, object]:
    """Every unparametrised catalogue query's rows and the count."""
    found: dict[str, object] = {"triples": store.triple_count()}
    for name in UNPARAMETRISED:
        named = next(n for n in catalogue() if n.name == name)
        result: QueryResult = run_query(named, store, {})
        found[name] = normalise(result.vars, result.rows, named.text)
    return found


def usable_graph_store(server: servers.Server, puts: RemoteStore) -> None:
    """Skip, with the server's answer as the reason, where its graph store refuses a PUT."""
    try:
        puts.put_graph(URIRef("http://example.org/probe"), "<urn:a> <urn:b> <urn:c> .\n")
    except StoreError as error:
        pytest.skip(f"{server.name}: graph store {server.store} refuses a PUT ({error})")
    puts.update("DROP SILENT GRAPH <http://example.org/probe>")


@pytest.mark.server
def test_rows_match_the_update_path(server: servers.Server, loaded: list[Notice]) -> None:
    updates, puts = stores(server)
    usable_graph_store(server, puts)
    expected = answers(fill(updates, loaded))  # type: ignore[arg-type]
    clear(updates)
    assert puts.notice_hashes() == {}
    got = answers(fill(puts, loaded))  # type: ignore[arg-type]
    assert got == expected
    assert any(rows for name, rows in got.items() if name != "triples")
    assert puts.notice_hashes() == {n.sha256: URIRef(notice_graph(n).identifier) for n in loaded}


@pytest.mark.server
def test_rerun_and_failed_load(server: servers.Server, loaded: list[Notice]) -> None:
    _, puts = stores(server)
    usable_graph_store(server, puts)
    fill(puts, loaded)
    before, hashes = puts.triple_count(), puts.notice_hashes()
    graph = notice_graph(loaded[0])
    iri = URIRef(graph.identifier)
    assert puts.replace_notice_graph(iri, graph) == len(graph)
    assert puts.triple_count() == before
    broken = f'{iri.n3()} <http://example.org/p> "unterminated .\n'
    with pytest.raises(StoreError, match="load refused"):
        puts.replace_notice_ntriples(iri, broken)
    assert puts.triple_count() == before
    assert puts.notice_hashes() == hashes


@pytest.mark.parametrize(
    ("spec", "graph_store", "message"),
    [
        ("oxigraph:db", "http://127.0.0.1/store", "only for an http"),
        ("memory", "http://127.0.0.1/store", "only for an http"),
        ("http://127.0.0.1/query", "127.0.0.1/store", "--graph-store '127.0.0.1/store'"),
    ],
)
def test_graph_store_needs_a_remote_store(spec: str, graph_store: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(spec, graph_store=graph_store)


@pytest.mark.server
def test_cli_extract_through_the_graph_store(
    oxigraph_server: servers.Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clear(RemoteStore(oxigraph_server.query, update_endpoint=oxigraph_server.update))
    with as_file(sample_notice()) as notice:
        argv = [
            "extract",
            str(notice),
            "--store",
            oxigraph_server.query,
            "--update-endpoint",
            oxigraph_server.update,
            "--graph-store",
            oxigraph_server.store,
        ]
        assert main(argv) == 0
        assert "1 written" in capsys.readouterr().err
        assert main(argv) == 0
        assert "0 written (0 triples), 1 unchanged" in capsys.readouterr().err
