"""Where the graph lives: in memory, in an Oxigraph directory, or behind a SPARQL endpoint, all
behind one :class:`Store` protocol and chosen by one string (``--store``)."""

from __future__ import annotations

from pathlib import Path

from noticekg.errors import StoreError
from noticekg.graph.stores.base import Store
from noticekg.graph.stores.memory import MemoryStore
from noticekg.graph.stores.oxigraph import OxigraphStore
from noticekg.graph.stores.remote import DEFAULT_TIMEOUT, RemoteStore, credentials
from noticekg.graph.stores.substitute import substitute

__all__ = [
    "DEFAULT_TIMEOUT",
    "MemoryStore",
    "OxigraphStore",
    "RemoteStore",
    "Store",
    "StoreError",
    "credentials",
    "open_store",
    "substitute",
]

STORE_FORMS = "memory, oxigraph:DIR or http(s)://…"


def open_store(
    spec: str,
    *,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    read_only: bool = False,
) -> Store:
    """The store ``spec`` names: ``memory``, ``oxigraph:DIR`` or an ``http(s)://`` endpoint.
    ``read_only=True`` (commands that only read) opens an Oxigraph directory without locking
    it and refuses one that is not there, rather than creating an empty store the user would
    then query in vain.

    :raises StoreError: for any other spec, a locked or missing directory, or a bad URL.
    """
    for option, url in (("--update-endpoint", update_endpoint), ("--graph-store", graph_store)):
        if url is not None and not url.startswith(("http://", "https://")):
            raise StoreError(f"{option} {url!r}: not an http(s):// URL")
    remote = spec.startswith(("http://", "https://"))
    if graph_store is not None and not remote:
        raise StoreError(f"--graph-store: only for an http(s):// --store, not {spec!r}")
    if spec == "memory":
        return MemoryStore()
    if spec.startswith("oxigraph:"):
        directory = spec.removeprefix("oxigraph:")
        if not directory:
            raise StoreError("--store oxigraph:: give a directory, e.g. oxigraph:graph.db")
        return OxigraphStore(Path(directory), read_only=read_only)
    if remote:
        return RemoteStore(
            spec, update_endpoint=update_endpoint, graph_store=graph_store, timeout=timeout
        )
    raise StoreError(f"--store {spec!r}: expected {STORE_FORMS}")
