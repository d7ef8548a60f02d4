"""Stores filled with the same notices (the extracted sample and the two hand-made ones), one per
kind: the in-memory reference, an Oxigraph directory, and real servers where they can run."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import store_servers as servers
from storecheck import fill

from noticekg.extract import extract_file, extract_notice
from noticekg.extract.records import Notice
from noticekg.graph.stores import OxigraphStore, RemoteStore, Store

# A second real notice, of another publisher, so cross-notice queries have something to find.
OTHER = Path(__file__).parents[1] / "data" / "genre" / "hn-jtt-xunshi-zhenggai.txt"


@pytest.fixture(scope="session")
def loaded(sample: Notice) -> list[Notice]:
    """The sample notice and one more real one, both through the extractor."""
    return [sample, extract_file(OTHER)]


@pytest.fixture(scope="session")
def twin(sample: Notice) -> Notice:
    """The sample as the same body of another city would publish it: other bodies, named from
    their city, establishing the same regulations (as generated corpora have by the hundred)."""
    text = sample.text.replace("温州", "台州").replace("2021-00113", "2021-00999")
    return extract_notice(text, source="taizhou-xuncha-zhenggai.txt")


@pytest.fixture(scope="session")
def embedded_sample(loaded: list[Notice]) -> Iterator[OxigraphStore]:
    """The embedded Oxigraph store holding ``loaded``: what the servers must agree with."""
    with tempfile.TemporaryDirectory() as directory:
        store = fill(OxigraphStore(Path(directory) / "db"), loaded)
        yield store  # type: ignore[misc]
        store.close()


@pytest.fixture(scope="session")
def oxigraph_server() -> Iterator[servers.Server]:
    if servers.oxigraph_binary() is None:
        pytest.skip("no `oxigraph` command: pip install oxigraph")
    with (
        tempfile.TemporaryDirectory() as directory,
        servers.oxigraph_server(Path(directory)) as server,
    ):
        yield server


@pytest.fixture(scope="session")
def virtuoso_server() -> Iterator[servers.Server]:
    if not Path(servers.VIRTUOSO).is_file() or not Path(servers.VIRTUOSO_ISQL).is_file():
        pytest.skip(f"no Virtuoso ({servers.VIRTUOSO}): apt-get install virtuoso-opensource")
    with (
        tempfile.TemporaryDirectory() as directory,
        servers.virtuoso_server(Path(directory)) as server,
    ):
        yield server


SERVER_FIXTURES = {"oxigraph-server": "oxigraph_server", "virtuoso": "virtuoso_server"}


@pytest.fixture(
    params=[
        "oxigraph",
        pytest.param("oxigraph-server", marks=pytest.mark.server),
        pytest.param("virtuoso", marks=pytest.mark.server),
    ]
)
def found_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each store kind under test as a test finds it: a fresh Oxigraph directory, or a running
    server holding what the tests before left there."""
    if request.param == "oxigraph":
        store = OxigraphStore(tmp_path / "db")
        yield store
        store.close()
        return
    server = request.getfixturevalue(SERVER_FIXTURES[request.param])
    yield RemoteStore(server.query, update_endpoint=server.update, timeout=30)


@pytest.fixture
def empty_store(found_store: Store) -> Store:
    """Each store kind under test, holding no notice graph (a server's are dropped first)."""
    found_store.drop_notice_graphs(list(found_store.notice_hashes().values()))
    return found_store
