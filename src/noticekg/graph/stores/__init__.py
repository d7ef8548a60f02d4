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
    spec: str, *, update_endpoint: str | None = None, timeout: float = DEFAULT_TIMEOUT
) -> Store:
    """The store ``spec`` names: ``memory``, ``oxigraph:DIR`` or an ``http(s)://`` endpoint.

    :raises StoreError: for any other spec, a locked directory or a bad update endpoint.
    """
    if update_endpoint is not None and not update_endpoint.startswith(("http://", "https://")):
        raise StoreError(f"--update-endpoint {update_endpoint!r}: not an http(s):// URL")
    if spec == "memory":
        return MemoryStore()
    if spec.startswith("oxigraph:"):
        directory = spec.removeprefix("oxigraph:")
        if not directory:
            raise StoreError("--store oxigraph:: give a directory, e.g. oxigraph:graph.db")
        return OxigraphStore(Path(directory))
    if spec.startswith(("http://", "https://")):
        return RemoteStore(spec, update_endpoint=update_endpoint, timeout=timeout)
    raise StoreError(f"--store {spec!r}: expected {STORE_FORMS}")
