"""Answers kept beside the embedded store: read back alike, never across a change of the data;
readers that follow runs move on to each run's data once it ends."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from noticekg.cli import extract as extract_command
from noticekg.cli import main
from noticekg.errors import InputError
from noticekg.extract.records import Notice
from noticekg.graph import notice_graph
from noticekg.graph.stores import OxigraphStore, answers, oxigraph
from noticekg.graph.stores.answers import KEPT_FOLDER, KeptAnswers
from noticekg.queries import catalogue, format_csv, get_query, query_form, run_query
from noticekg.samples import sample_notice

SUMMARY = get_query("notice-summary")
OTHER = Path(__file__).parents[1] / "data" / "genre" / "hn-jtt-xunshi-zhenggai.txt"
# Queries a user runs over the whole store: every parameter has a default or may be left out.
WHOLE_STORE = sorted(
    query.name for query in catalogue() if not any(p.required for p in query.params)
)


def write(directory: Path, *notices: Notice, close: bool = True) -> OxigraphStore:
    """A corpus run in small: open, write, close (which sets the revision); with ``close``
    false, the writer still open, its writes flushed."""
    store = OxigraphStore(directory)
    for notice in notices:
        graph: Graph = notice_graph(notice)
        store.replace_notice_graph(URIRef(graph.identifier), graph)
    if close:
        store.close()
    else:
        store.store.flush()
    return store


def reader(directory: Path) -> OxigraphStore:
    return OxigraphStore(directory, read_only=True, keep_after=0.0)


def kept_files(directory: Path) -> list[Path]:
    return sorted((directory / KEPT_FOLDER).glob("*/*.answer"))


def notices_listed(store: OxigraphStore) -> int:
    return len(run_query(SUMMARY, store, {}).rows)


def refuse_engine(store: OxigraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(text: str) -> None:
        raise AssertionError("answered by the engine, not from the kept answer")

    monkeypatch.setattr(store, "_evaluated", refused)


@pytest.mark.parametrize("name", WHOLE_STORE)
def test_a_kept_answer_is_read_back_as_the_engine_gave_it(
    name: str, tmp_path: Path, notices: tuple[Notice, Notice], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, *notices)
    store = reader(tmp_path)
    query = get_query(name)
    computed = run_query(query, store, {})
    refuse_engine(store, monkeypatch)
    again = run_query(query, store, {})
    assert again.vars == computed.vars
    assert again.rows == computed.rows
    assert again.boolean == computed.boolean
    if computed.graph is not None:
        assert again.graph is not None and set(again.graph) == set(computed.graph)


def test_an_answer_is_kept_under_the_revision_of_the_data(
    tmp_path: Path, notice_a: Notice, notice_b: Notice
) -> None:
    write(tmp_path, notice_a)
    first = reader(tmp_path)
    assert notices_listed(first) == 1
    (kept,) = kept_files(tmp_path)
    assert kept.parent.name == first.revision()
    first.close()
    write(tmp_path, notice_b)
    second = reader(tmp_path)
    assert second.revision() not in (None, kept.parent.name)
    assert notices_listed(second) == 2
    assert not kept.parent.exists()  # the writer removed the answers of the old revision


def test_a_reader_keeps_to_its_snapshot(tmp_path: Path, notice_a: Notice, notice_b: Notice) -> None:
    write(tmp_path, notice_a)
    early = reader(tmp_path)
    write(tmp_path, notice_b)
    assert notices_listed(early) == 1  # opened before the second notice
    late = reader(tmp_path)
    assert notices_listed(late) == 2
    assert notices_listed(early) == 1
    assert {path.parent.name for path in kept_files(tmp_path)} == {
        early.revision(),
        late.revision(),
    }


def test_nothing_is_kept_while_a_writer_changes_the_store(
    tmp_path: Path, notice_a: Notice, notice_b: Notice
) -> None:
    write(tmp_path, notice_a)
    writer = write(tmp_path, notice_b, close=False)
    during = reader(tmp_path)
    assert during.revision() is None
    assert notices_listed(during) == 2
    assert kept_files(tmp_path) == []
    writer.close()
    assert reader(tmp_path).revision() is not None


def test_a_run_cut_off_leaves_no_revision_until_the_next_writer_closes(
    tmp_path: Path, notice_a: Notice, notice_b: Notice
) -> None:
    write(tmp_path, notice_a)
    cut_off = write(tmp_path, notice_b, close=False)
    del cut_off.store  # the process ends without closing the store
    assert reader(tmp_path).revision() is None
    OxigraphStore(tmp_path).close()  # a run with nothing to write
    assert reader(tmp_path).revision() is not None


def test_an_unchanged_store_keeps_its_revision_and_answers(
    tmp_path: Path, notice_a: Notice, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, notice_a)
    before = reader(tmp_path)
    notices_listed(before)
    OxigraphStore(tmp_path).close()  # opened for writing, nothing written
    after = reader(tmp_path)
    assert after.revision() == before.revision()
    refuse_engine(after, monkeypatch)
    assert notices_listed(after) == 1


def test_a_reader_that_follows_runs_answers_from_the_last_run_ended(
    tmp_path: Path, notice_a: Notice, notice_b: Notice
) -> None:
    write(tmp_path, notice_a)
    snapshot, follower = reader(tmp_path), reader(tmp_path)
    follower.follow_runs()
    writer = write(tmp_path, notice_b, close=False)
    assert notices_listed(follower) == 1  # the run has not ended
    writer.close()
    assert notices_listed(follower) == 2  # not the answer kept before the run
    assert follower.revision() == reader(tmp_path).revision()
    assert notices_listed(snapshot) == 1


def test_a_follower_that_cannot_reopen_answers_from_its_snapshot(
    tmp_path: Path, notice_a: Notice, notice_b: Notice, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, notice_a)
    follower = reader(tmp_path)
    follower.follow_runs()
    write(tmp_path, notice_b)

    def cannot_open(directory: Path) -> None:
        raise OSError(f"{directory}: too many open files")

    with monkeypatch.context() as patched:
        patched.setattr(oxigraph, "_opened_read_only", cannot_open)
        assert notices_listed(follower) == 1
    assert notices_listed(follower) == 2  # tried again at the next query


def test_a_run_asks_again_what_users_asked_before_it(
    tmp_path: Path,
    notice_a: Notice,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write(tmp_path, notice_a)
    before = reader(tmp_path)
    notices_listed(before)  # a user's question, slow enough to keep
    revision = before.revision()
    before.close()
    assert main(["extract", str(OTHER), "--store", f"oxigraph:{tmp_path}"]) == 0
    assert "answers of 1 queries kept in" in capsys.readouterr().err
    after = reader(tmp_path)
    assert after.revision() != revision
    assert [path.parent.name for path in kept_files(tmp_path)] == [after.revision()]
    assert after.answers.asked() == []  # asked again, so no longer set aside
    refuse_engine(after, monkeypatch)
    assert notices_listed(after) == 2  # the answer kept after the run, with the new notice


def test_a_run_that_changes_nothing_asks_nothing_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = f"oxigraph:{tmp_path}"
    assert main(["extract", str(OTHER), "--store", spec]) == 0
    notices_listed(reader(tmp_path))
    capsys.readouterr()
    assert main(["extract", str(OTHER), "--store", spec]) == 0
    assert "answers of" not in capsys.readouterr().err
    assert len(kept_files(tmp_path)) == 1


def test_queries_asked_before_a_change_are_set_aside_most_recent_first(
    tmp_path: Path, notice_a: Notice, notice_b: Notice, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(answers, "MAX_ASKED", 2)
    write(tmp_path, notice_a)
    store = reader(tmp_path)
    texts = [f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {n}" for n in (1, 2, 3)]
    for text in reversed(texts):  # the first text kept last
        store.query(text)
        for kept in kept_files(tmp_path):
            query_text = kept.with_suffix(".rq")
            os.utime(query_text, ns=(query_text.stat().st_mtime_ns - 10**9,) * 2)
    store.query(texts[2])  # read back from what was kept: asked most recently
    store.close()
    write(tmp_path, notice_b)
    assert KeptAnswers(tmp_path).asked() == [texts[2], texts[0]]
    assert kept_files(tmp_path) == []


def test_a_query_the_store_no_longer_answers_is_dropped(
    tmp_path: Path, notice_a: Notice, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, notice_a)
    store = reader(tmp_path)
    notices_listed(store)
    revision = store.revision()
    assert revision is not None
    # kept from a text an earlier release wrote, which this one refuses
    store.answers.keep(revision, "SELECT ?s WHERE { ?s", store.query("SELECT ?s {} LIMIT 0"))
    store.close()
    assert main(["extract", str(OTHER), "--store", f"oxigraph:{tmp_path}"]) == 0
    err = capsys.readouterr().err
    assert "answers of 2 queries kept in" in err  # the two that answer; the other is dropped
    assert "(3 asked before the run; 1 no longer answered)" in err
    assert KeptAnswers(tmp_path).asked() == []


EVERY_KIND = """
SELECT ?term ?other WHERE {
  VALUES (?term ?other) {
    (<http://example.org/a> "plain") ("中文"@zh 42) ("2024-03-01"^^xsd:date "x"^^<http://example.org/t>)
    (UNDEF "只有一个") (UNDEF UNDEF) ("3.50"^^xsd:decimal <http://example.org/a>)
  }
}"""


@pytest.mark.parametrize(
    "text",
    [
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n" + EVERY_KIND,
        "SELECT ?b ?label WHERE { BIND(BNODE() AS ?b) BIND('标签' AS ?label) }",
        "SELECT * WHERE { }",
        "SELECT ?x WHERE { FILTER(false) }",
        "ASK { ?s ?p ?o }",
        "ASK { ?s <http://example.org/never> ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { FILTER(false) }",
        "DESCRIBE ?s WHERE { ?s a ?type } LIMIT 1",
    ],
    ids=[
        "every-kind",
        "blank-node",
        "no-variables",
        "no-rows",
        "ask-true",
        "ask-false",
        "graph",
        "empty-graph",
        "describe",
    ],
)
def test_every_kind_of_term_and_answer_is_read_back(
    text: str, tmp_path: Path, notice_a: Notice, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, notice_a)
    store = reader(tmp_path)
    computed = store.query(text)
    refuse_engine(store, monkeypatch)
    again = store.query(text)
    assert (again.type, again.vars, again.askAnswer) == (
        computed.type,
        computed.vars,
        computed.askAnswer,
    )
    if computed.graph is not None:
        assert again.graph is not None and set(again.graph) == set(computed.graph)
    if computed.type == "SELECT":
        assert again.bindings == computed.bindings
        assert len(again) == len(computed)
        assert again.serialize(format="json") == computed.serialize(format="json")


def cut_header(data: bytes) -> bytes:
    return data[:20]


def cut_cells(data: bytes) -> bytes:
    return data[:-4]


def index_past_the_terms(data: bytes) -> bytes:
    return data[:-4] + b"\xff\xff\xff\x7f"


@pytest.mark.parametrize("damage", [cut_header, cut_cells, index_past_the_terms])
def test_an_unreadable_kept_answer_is_answered_again(
    damage: Callable[[bytes], bytes], tmp_path: Path, notice_a: Notice
) -> None:
    write(tmp_path, notice_a)
    store = reader(tmp_path)
    notices_listed(store)
    (kept,) = kept_files(tmp_path)
    kept.write_bytes(damage(kept.read_bytes()))
    assert notices_listed(store) == 1
    assert kept_files(tmp_path) == [kept]
    assert notices_listed(reader(tmp_path)) == 1


def test_a_folder_that_cannot_be_written_only_means_nothing_is_kept(
    tmp_path: Path, notice_a: Notice
) -> None:
    write(tmp_path, notice_a)
    (tmp_path / KEPT_FOLDER).write_text("not a folder")
    store = reader(tmp_path)
    assert notices_listed(store) == 1
    assert notices_listed(store) == 1


def test_quick_answers_and_disabled_stores_keep_nothing(tmp_path: Path, notice_a: Notice) -> None:
    write(tmp_path, notice_a)
    OxigraphStore(tmp_path, read_only=True).query("ASK { ?s ?p ?o }")  # well under a second
    store = OxigraphStore(tmp_path, read_only=True, keep_after=None)
    run_query(SUMMARY, store, {})
    assert kept_files(tmp_path) == []


def test_the_revision_is_no_triple_of_the_notices(tmp_path: Path, notice_a: Notice) -> None:
    writer = write(tmp_path, notice_a, close=False)
    count = writer.triple_count()
    writer.close()
    store = OxigraphStore(tmp_path)
    assert store.revision() is not None
    assert store.triple_count() == count == len(notice_graph(notice_a))
    rows = store.query("SELECT ?o WHERE { ?s <urn:noticekg:revision> ?o }", {})
    assert list(rows) == []  # queries read the union of the notice graphs only
    store.close()


def test_answers_past_the_row_limit_are_not_kept(
    tmp_path: Path, notice_a: Notice, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, notice_a)
    monkeypatch.setattr(answers, "MAX_ROWS", 0)
    store = reader(tmp_path)
    assert notices_listed(store) == 1
    assert kept_files(tmp_path) == []


@pytest.mark.parametrize("drawn_whole", [True, False])
def test_extract_can_keep_the_answers_of_every_whole_store_query(
    drawn_whole: bool,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not drawn_whole:  # viz would not ask for the whole view of this store
        monkeypatch.setattr(extract_command, "WHOLE_VIEW_NOTICES", 1)
    spec = f"oxigraph:{tmp_path / 'db'}"
    with as_file(sample_notice()) as sample:
        assert main(["extract", str(sample), str(OTHER), "--store", spec, "--keep-answers"]) == 0
    whole = [
        name
        for name in WHOLE_STORE
        if query_form(get_query(name)) == "SELECT" and (drawn_whole or name != "network-view")
    ]
    assert len(kept_files(tmp_path / "db")) == len(whole)
    assert f"answers of {len(whole)} queries kept" in capsys.readouterr().err
    for name in ("recurring-problems", "entities-in-several-notices"):
        assert main(["query", name, "--store", spec, "--format", "csv"]) == 0
        engine = OxigraphStore(tmp_path / "db", read_only=True, keep_after=None)
        assert capsys.readouterr().out == format_csv(run_query(get_query(name), engine, {})) + "\n"


def test_answers_are_kept_only_beside_an_oxigraph_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = [str(OTHER), "--store", "memory", "-o", str(tmp_path / "g.ttl"), "--keep-answers"]
    assert main(["extract", *arguments]) == InputError.exit_code
    assert "--keep-answers: only with --store oxigraph:DIR" in capsys.readouterr().err
    assert not (tmp_path / "g.ttl").exists()
