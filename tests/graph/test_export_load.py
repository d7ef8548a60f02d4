"""Export in every format, load back, and never leave half a file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from noticekg.errors import InputError, NoticekgError
from noticekg.extract.records import Notice
from noticekg.graph import (
    FORMATS,
    NAMED_GRAPH_FORMATS,
    build_dataset,
    load_graph,
    notice_iri,
    union_graph,
    write_dataset,
)
from noticekg.ontology import resource


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_is_isomorphic(tmp_path: Path, notices: tuple[Notice, Notice], fmt: str) -> None:
    dataset = build_dataset(notices)
    path = tmp_path / f"kg{FORMATS[fmt]}"
    write_dataset(dataset, path, fmt)
    loaded = load_graph([path])
    assert isomorphic(union_graph(loaded), union_graph(dataset))
    named = {g.identifier for g in loaded.graphs() if len(g)}
    if fmt in NAMED_GRAPH_FORMATS:
        assert named == {notice_iri(n) for n in notices}
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_prefixes_are_bound(tmp_path: Path, notice_a: Notice, fmt: str) -> None:
    path = tmp_path / "kg.out"
    write_dataset(build_dataset([notice_a]), path, fmt)
    text = path.read_text(encoding="utf-8")
    for prefix in ("nkg", "oa", "rdfs", "xsd"):
        assert f"@prefix {prefix}:" in text


def test_jsonld_uses_the_shipped_context(tmp_path: Path, notice_a: Notice) -> None:
    if not resource("context.jsonld").is_file():
        pytest.skip("the ontology package ships no context.jsonld yet")
    path = tmp_path / "kg.jsonld"
    write_dataset(build_dataset([notice_a]), path, "json-ld")
    text = path.read_text(encoding="utf-8")
    assert '"@context"' in text
    assert "https://w3id.org/noticekg/ontology#Notice" not in text  # compacted


def test_plain_graph_exports_as_trig(tmp_path: Path, notice_a: Notice) -> None:
    graph = union_graph(build_dataset([notice_a]))
    assert type(graph) is Graph
    write_dataset(graph, tmp_path / "kg.trig", "trig")
    assert len(union_graph(load_graph([tmp_path / "kg.trig"]))) == len(graph)


def test_unknown_format_lists_the_formats(tmp_path: Path, notice_a: Notice) -> None:
    with pytest.raises(ValueError, match="turtle, trig"):
        write_dataset(build_dataset([notice_a]), tmp_path / "x", "rdfxml")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_nothing(
    tmp_path: Path, notice_a: Notice, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kg.ttl"
    target.write_text("old", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(NoticekgError, match=r"kg\.ttl: cannot write"):
        write_dataset(build_dataset([notice_a]), target, "turtle")
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]
    assert target.read_text(encoding="utf-8") == "old"


def test_unwritable_directory(tmp_path: Path, notice_a: Notice) -> None:
    with pytest.raises(NoticekgError, match="cannot write"):
        write_dataset(build_dataset([notice_a]), tmp_path / "missing" / "kg.ttl", "turtle")


BAD_FILES = [
    ("bad.ttl", '@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', "line 3"),
    ("bad.trig", "@prefix ex: <http://ex/> .\nex:g {\n ex:a ex:b .\n}\n", "line 3"),
    ("bad.nt", "<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/a> <http://ex/b> x .\n",
     "line 2"),
    ("bad.nq", "<http://ex/a> <http://ex/b> <http://ex/c> <http://ex/g> .\n\nfoo\n", "line 3"),
    ("bad.jsonld", '{"@id": "http://ex/a",\n "x": }', "line 2"),
    ("empty.xyz", "", "unknown graph file suffix"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "expected"), BAD_FILES)
def test_malformed_file_names_file_and_line(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected) as caught:
        load_graph([path])
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_graph([tmp_path / "absent.ttl"])
    binary = tmp_path / "binary.ttl"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(InputError, match="UTF-8"):
        load_graph([binary])


@pytest.mark.parametrize("content", ["", "# only a comment\n"])
def test_empty_graph_files_load_empty(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.ttl"
    path.write_text(content, encoding="utf-8")
    assert len(union_graph(load_graph([path]))) == 0
