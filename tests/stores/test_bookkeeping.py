"""The SPARQL the stores keep their books with: shipped as files with a header, parsed by
rdflib, and doing what the stores rely on."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery, prepareUpdate

from noticekg.errors import StoreError
from noticekg.graph.stores import OxigraphStore
from noticekg.graph.stores.sparql import sparql

NAMES = sorted(
    p.name for p in files("noticekg.graph.stores.sparql").iterdir() if p.name[-3:] in (".rq", ".ru")
)


def test_the_stores_ship_their_queries() -> None:
    assert {"notice-hashes.rq", "notice-locations.rq", "fill-union.ru"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_file_has_a_header_and_parses(name: str) -> None:
    text = sparql(name)
    assert text.startswith("# title: ") and "\n# description: " in text
    (prepareUpdate if name.endswith(".ru") else prepareQuery)(text)


def _older_store(directory: Path) -> None:
    """A store as written before the default graph was kept as the union: named graphs only."""
    store = ox.Store(str(directory))
    graph = ox.NamedNode("https://w3id.org/noticekg/notice/a")
    store.add(ox.Quad(graph, ox.NamedNode("http://example.org/p"), ox.Literal("x"), graph))
    store.flush()
    del store


def test_opening_an_older_store_fills_its_union(tmp_path: Path) -> None:
    _older_store(tmp_path)
    store = OxigraphStore(tmp_path)
    assert store.query("ASK { ?s <http://example.org/p> 'x' }").askAnswer
    store.close()


def test_an_older_store_opened_read_only_asks_for_a_run(tmp_path: Path) -> None:
    _older_store(tmp_path)
    with pytest.raises(StoreError, match="run extract --store on it once"):
        OxigraphStore(tmp_path, read_only=True)
