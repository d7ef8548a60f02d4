"""Corpus runs into a store: parallel workers, skipping unchanged notices, carrying on past bad
files, and the command line around them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from noticekg.cli import main
from noticekg.corpus import load_corpus
from noticekg.graph import GRAPH_VERSION
from noticekg.graph.iris import source_location
from noticekg.graph.stores import MemoryStore, OxigraphStore, RemoteStore, Store
from noticekg.ontology import NKG

GENRE = Path(__file__).parents[1] / "data" / "genre"
NOTICES = ("qz-ljq-wjj-xuncha-zhenggai-gb18030.txt", "yc-nyncj-xuncha-zhenggai.txt")
# Two notices without a 索引号, so their IRIs are hashes of their text and change with it.
UNNUMBERED = ("hn-jtt-xunshi-zhenggai.txt", "bj-sw-xunshi-zhenggai-jinzhan.txt")
# A sentence appended to a notice to change its text (and so its hash and IRI).
ADDENDUM = "\n附:联系电话0731-1234567。\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two real notices (one in a subfolder), a binary file and a copy of the first notice."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(GENRE / NOTICES[0], folder / "a.txt")
    shutil.copy(GENRE / NOTICES[1], folder / "sub" / "b.txt")
    shutil.copy(GENRE / NOTICES[0], folder / "sub" / "a-again.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_writes_each_notice_once_and_reports_the_rest(corpus: Path, workers: int) -> None:
    store = MemoryStore()
    summary = load_corpus([corpus], store, workers=workers, progress=False)
    assert (summary.read, summary.written, summary.unchanged) == (4, 2, 0)
    reasons = sorted(f.message for f in summary.failed)
    assert len(reasons) == 2
    assert "broken.txt" in reasons[0] or "broken.txt" in reasons[1]
    assert any("same notice as" in reason for reason in reasons)
    assert summary.triples == store.triple_count()
    assert len(store.notice_hashes()) == 2


def test_a_second_run_skips_unchanged_notices(corpus: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "db")
    first = load_corpus([corpus], store, workers=2, progress=False)
    count = store.triple_count()
    second = load_corpus([corpus], store, workers=2, progress=False)
    assert (second.written, second.unchanged, second.triples) == (0, 3, 0)
    assert store.triple_count() == count == first.triples
    store.close()


def test_a_run_that_doubles_the_store_compacts_it(tmp_path: Path) -> None:
    """A first run compacts what it wrote; a run adding fewer notices than the store holds, or
    writing none, leaves that to the next large run. The graph is the same either way."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, names in ((first, NOTICES), (second, UNNUMBERED[:1])):
        folder.mkdir()
        for name in names:
            shutil.copy(GENRE / name, folder / name)
    store = OxigraphStore(tmp_path / "db")
    runs = [load_corpus([folder], store, progress=False) for folder in (first, first, second)]
    assert [run.written for run in runs] == [2, 0, 1]
    assert runs[0].compacted is not None and runs[0].compacted >= 0
    assert [run.compacted for run in runs[1:]] == [None, None]
    assert "store compacted in" in runs[0].lines()[0]
    assert "compacted" not in runs[2].lines()[0]
    assert store.triple_count() == runs[0].triples + runs[2].triples
    store.close()


def test_a_memory_store_has_nothing_to_compact(corpus: Path) -> None:
    assert load_corpus([corpus], MemoryStore(), progress=False).compacted is None


@pytest.mark.parametrize("version", [None, Literal(GRAPH_VERSION - 1), Literal(GRAPH_VERSION + 1)])
def test_a_graph_of_another_graph_version_is_written_again(
    corpus: Path, tmp_path: Path, version: Literal | None
) -> None:
    """A store written by another noticekg (no version: before graphs carried one): its graphs
    are not skipped as unchanged, or queries would read two graph models at once."""
    store = OxigraphStore(tmp_path / "db")
    load_corpus([corpus], store, workers=1, progress=False)
    count = store.triple_count()
    for quad in list(store.store.quads_for_pattern(None, ox.NamedNode(NKG.graphVersion), None)):
        store.store.remove(quad)
        if version is not None:
            literal = ox.Literal(str(version), datatype=ox.NamedNode(XSD.integer))
            store.store.add(ox.Quad(quad.subject, quad.predicate, literal, quad.graph_name))
    assert store.notice_hashes() == {}
    again = load_corpus([corpus], store, workers=1, progress=False)
    assert (again.written, again.unchanged) == (2, 0)
    assert store.triple_count() == count
    assert len(store.notice_hashes()) == 2
    store.close()


def test_a_notice_cut_off_before_its_hash_is_written_again(corpus: Path, tmp_path: Path) -> None:
    """New notices are written in bulk and their content hashes after: a run stopped between
    the two leaves graphs without a hash, which the next run must not take as stored."""
    store = OxigraphStore(tmp_path / "db")
    load_corpus([corpus], store, workers=1, progress=False)
    quads = set(store.store)
    for quad in list(store.store.quads_for_pattern(None, ox.NamedNode(NKG.contentHash), None)):
        store.store.remove(quad)
    assert store.notice_hashes() == {}
    again = load_corpus([corpus], store, workers=1, progress=False)
    assert (again.written, again.unchanged) == (2, 0)
    assert set(store.store) == quads
    store.close()


def test_a_changed_notice_is_replaced(corpus: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "db")
    load_corpus([corpus], store, workers=1, progress=False)
    changed = corpus / "sub" / "b.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附:联系电话0951-1234567。\n")
    again = load_corpus([corpus], store, workers=1, progress=False)
    assert (again.written, again.dropped) == (1, 0)  # its 索引号 IRI is replaced in place
    assert len(store.notice_hashes()) == 2
    store.close()


@pytest.fixture
def twins(tmp_path: Path) -> Path:
    """Two different notices, both called notice.txt, in two folders."""
    folder = tmp_path / "twins"
    for name, source in zip(("x", "y"), UNNUMBERED, strict=True):
        (folder / name).mkdir(parents=True)
        shutil.copy(GENRE / source, folder / name / "notice.txt")
    return folder


@pytest.fixture(
    params=[
        "memory",
        "oxigraph",
        pytest.param("oxigraph-server", marks=pytest.mark.server),
        pytest.param("oxigraph-server-gsp", marks=pytest.mark.server),
    ]
)
def run_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each kind a corpus run writes to (the server through SPARQL Update,
    and through the Graph Store Protocol)."""
    if request.param == "memory":
        yield MemoryStore()
        return
    if request.param == "oxigraph":
        store = OxigraphStore(tmp_path / "db")
        yield store
        store.close()
        return
    server = request.getfixturevalue("oxigraph_server")
    gsp = server.store if request.param.endswith("-gsp") else None
    remote = RemoteStore(server.query, update_endpoint=server.update, graph_store=gsp)
    remote.update("DROP ALL")
    yield remote


def _holds(store: Store, iri: URIRef) -> bool:
    """Whether any triple of the store, in a notice graph or the union, mentions ``iri``."""
    ask = f"ASK {{ {{ GRAPH ?g {{ {iri.n3()} ?p ?o }} }} UNION {{ {iri.n3()} ?p ?o }} }}"
    return bool(store.query(ask).askAnswer)


def test_a_changed_file_drops_its_earlier_graph(run_store: Store, twins: Path) -> None:
    first = load_corpus([twins], run_store, workers=1, progress=False)
    assert (first.written, first.dropped) == (2, 0)
    changed, kept = twins / "x" / "notice.txt", twins / "y" / "notice.txt"
    before = run_store.notice_locations()
    (old,) = before[source_location(changed)]
    changed.write_text(changed.read_text(encoding="utf-8") + ADDENDUM, encoding="utf-8")
    again = load_corpus([twins], run_store, workers=1, progress=False)
    assert (again.written, again.unchanged, again.dropped) == (1, 1, 1)
    assert "1 earlier graph(s) of changed files dropped" in again.lines()[0]
    fresh = MemoryStore()
    load_corpus([twins], fresh, workers=1, progress=False)
    assert run_store.triple_count() == fresh.triple_count()
    assert not _holds(run_store, old)
    after = run_store.notice_locations()
    assert after[source_location(kept)] == before[source_location(kept)]
    (new,) = after[source_location(changed)]
    assert new != old and _holds(run_store, new)
    assert len(run_store.notice_hashes()) == 2


def test_two_files_of_one_name_in_two_folders_both_stay(run_store: Store, twins: Path) -> None:
    load_corpus([twins / "x"], run_store, workers=1, progress=False)
    load_corpus([twins / "y"], run_store, workers=1, progress=False)
    locations = run_store.notice_locations()
    assert sorted(locations) == sorted(
        source_location(twins / name / "notice.txt") for name in ("x", "y")
    )
    assert len(run_store.notice_hashes()) == 2


def test_prune_removes_the_graphs_of_deleted_files(run_store: Store, twins: Path) -> None:
    load_corpus([twins], run_store, workers=1, progress=False)
    gone, kept = twins / "x" / "notice.txt", twins / "y" / "notice.txt"
    (old,) = run_store.notice_locations()[source_location(gone)]
    gone.unlink()
    plain = load_corpus([twins], run_store, workers=1, progress=False)
    assert plain.pruned == 0 and _holds(run_store, old)  # only when asked
    pruned = load_corpus([twins], run_store, workers=1, progress=False, prune=True)
    assert (pruned.unchanged, pruned.pruned) == (1, 1)
    assert "1 graph(s) of deleted files pruned" in pruned.lines()[0]
    assert not _holds(run_store, old)
    assert list(run_store.notice_locations()) == [source_location(kept)]
    fresh = MemoryStore()
    load_corpus([twins], fresh, workers=1, progress=False)
    assert run_store.triple_count() == fresh.triple_count()


def test_prune_keeps_what_the_run_did_not_walk(tmp_path: Path, twins: Path) -> None:
    """A notice stored from another folder, or whose text a file of the run still has, stays."""
    store = MemoryStore()
    load_corpus([twins], store, workers=1, progress=False)
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(twins / "x" / "notice.txt", moved / "notice.txt")  # same text, another file
    summary = load_corpus([twins / "y"], store, workers=1, progress=False, prune=True)
    assert summary.pruned == 0  # x/ was not walked
    summary = load_corpus([twins, moved], store, workers=1, progress=False, prune=True)
    assert summary.pruned == 0  # its text is still read, from the moved file
    assert len(store.notice_hashes()) == 2


def test_cli_summary_names_the_dropped_graphs(
    twins: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert main(["extract", str(twins), "--store", spec]) == 0
    assert "earlier graph" not in capsys.readouterr().err
    changed = twins / "y" / "notice.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + ADDENDUM, encoding="utf-8")
    assert main(["extract", str(twins), "--store", spec]) == 0
    err = capsys.readouterr().err
    assert "1 written" in err and "1 earlier graph(s) of changed files dropped" in err


@pytest.mark.parametrize("copy", ["copy.txt", "0-copy.txt"])
def test_a_copy_keeps_the_old_text_when_the_original_changes(tmp_path: Path, copy: str) -> None:
    """The first run stores the text once (from the original); when the original changes, the
    copy still holds the old text, so the old graph stays or is written again from the copy,
    whichever of the two files the run reaches first."""
    folder = tmp_path / "copies"
    folder.mkdir()
    shutil.copy(GENRE / UNNUMBERED[0], folder / "a.txt")
    store = MemoryStore()
    load_corpus([folder], store, workers=1, progress=False)
    shutil.copy(GENRE / UNNUMBERED[0], folder / copy)
    (folder / "a.txt").write_text(
        (GENRE / UNNUMBERED[0]).read_text(encoding="utf-8") + ADDENDUM, encoding="utf-8"
    )
    again = load_corpus([folder], store, workers=1, progress=False)
    assert (again.read, again.written + again.unchanged) == (2, 2)
    assert len(store.notice_hashes()) == 2
    assert again.dropped == (0 if copy < "a.txt" else 1)


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("a/notice.txt", "a/notice.txt", True),
        ("a/notice.txt", "a/./notice.txt", True),
        ("a/notice.txt", "b/notice.txt", False),
        ("a/notice.txt", "a/notice.htm", False),
    ],
)
def test_source_location_names_one_file(tmp_path: Path, one: str, other: str, same: bool) -> None:
    assert (source_location(tmp_path / one) == source_location(tmp_path / other)) is same
    assert source_location(tmp_path / one).startswith("file:///")


def test_source_location_follows_links(tmp_path: Path) -> None:
    target = tmp_path / "notice.txt"
    target.write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(target)
    assert source_location(tmp_path / "link.txt") == source_location(target)


def test_cli_extract_into_a_store_and_query_it(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert main(["extract", str(corpus), "--store", spec, "--workers", "2"]) == 0
    err = capsys.readouterr().err
    assert "4 notice file(s) read" in err and "2 written" in err and "2 failed" in err
    assert main(["extract", str(corpus), "--store", spec, "--workers", "1"]) == 0
    assert "0 written (0 triples), 3 unchanged" in capsys.readouterr().err
    assert main(["query", "notice-summary", "--store", spec, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert len(rows) == 3  # header and one row per notice


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "{corpus}"], "give -o OUT, --store STORE, or both"),
        (["extract", "{corpus}", "--store", "memory"], "--store memory keeps nothing"),
        (["extract", "{corpus}", "--store", "oxigraph:{tmp}/db", "--workers", "0"], "--workers 0"),
        (["extract", "{corpus}", "--store", "oxigraph:{tmp}/db", "-o", "{tmp}/g.ttl"], "-o with"),
        (["extract", "{corpus}", "--store", "sqlite:x.db"], "expected memory, oxigraph:DIR"),
        (["extract", "{corpus}", "-o", "{tmp}/g.ttl", "--prune"], "add --store STORE"),
        (["query", "notice-summary"], "nothing to read"),
        (["query", "notice-summary", "--data", "{tmp}/g.ttl", "--store", "oxigraph:x"], "either"),
    ],
)
def test_cli_refuses_with_one_line(
    argv: list[str], message: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(corpus=corpus, tmp=tmp_path) for a in argv]
    assert main(args) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1]


def test_cli_store_memory_with_output_writes_the_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.trig"
    assert main(["extract", str(corpus), "--store", "memory", "-o", str(out)]) == 0
    assert out.stat().st_size > 0
