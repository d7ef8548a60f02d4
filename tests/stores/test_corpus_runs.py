"""Corpus runs into a store: parallel workers, skipping unchanged notices, carrying on past bad
files, and the command line around them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from noticekg.cli import main
from noticekg.corpus import load_corpus
from noticekg.graph.stores import MemoryStore, OxigraphStore

GENRE = Path(__file__).parents[1] / "data" / "genre"
NOTICES = ("qz-ljq-wjj-xuncha-zhenggai-gb18030.txt", "yc-nyncj-xuncha-zhenggai.txt")


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


def test_a_changed_notice_is_replaced(corpus: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "db")
    load_corpus([corpus], store, workers=1, progress=False)
    changed = corpus / "sub" / "b.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附:联系电话0951-1234567。\n")
    again = load_corpus([corpus], store, workers=1, progress=False)
    assert again.written == 1
    assert len(store.notice_hashes()) in (2, 3)  # 3 when the notice IRI is its text hash
    store.close()


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
