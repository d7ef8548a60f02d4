"""Options every graph-reading command shares: ``--store`` (with ``--update-endpoint``,
``--graph-store`` and ``--timeout``) or ``--data`` files, and opening whichever the user chose."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import RDF

from noticekg.errors import InputError, StoreError
from noticekg.graph.stores import DEFAULT_TIMEOUT, MemoryStore, Store, open_store
from noticekg.ontology import NKG

__all__ = ["add_store_options", "hint_memory_size", "open_graph_source", "open_store_option"]

STORE_HELP = (
    "where the graph lives: memory, oxigraph:DIR (a persistent embedded store) or the "
    "http(s):// URL of a SPARQL 1.1 endpoint; credentials from NOTICEKG_SPARQL_USER and "
    "NOTICEKG_SPARQL_PASSWORD"
)

# Past a few dozen notices rdflib takes minutes over some catalogue queries that Oxigraph
# answers in milliseconds (README, Stores and servers: 10 of 38 past 30 s at 100 notices).
MEMORY_NOTICES = 50


def add_store_options(
    parser: argparse.ArgumentParser,
    *,
    data: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    timeout_help: str | None = None,
) -> None:
    """``--store``, ``--update-endpoint``, ``--graph-store``, ``--timeout`` (default
    ``timeout``; ``timeout_help`` where the limit means more than a request's) and, unless
    ``data=False``, ``--data``."""
    parser.add_argument("--store", metavar="STORE", help=STORE_HELP)
    parser.add_argument(
        "--update-endpoint",
        metavar="URL",
        help="where SPARQL updates go when the server splits them from queries "
        "(Oxigraph server: /update, Fuseki: /ds/update)",
    )
    parser.add_argument(
        "--graph-store",
        metavar="URL",
        help="load notice graphs with HTTP PUT to this SPARQL 1.1 Graph Store Protocol URL "
        "instead of updates, one request per notice (Oxigraph server: /store, Fuseki: "
        "/ds/data)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=timeout,
        metavar="SECONDS",
        help=(timeout_help or "time limit for each request to a SPARQL endpoint")
        + f" (default {timeout:g})",
    )
    if data:
        parser.add_argument(
            "--data", nargs="+", type=Path, metavar="GRAPHFILE", help="graph files to read"
        )


def open_store_option(
    args: argparse.Namespace, default: str | None = None, *, writes: bool = False
) -> Store | None:
    """The store ``--store`` names (or ``default``), ``None`` when there is neither. Only a
    command that writes passes ``writes=True``; the others open an Oxigraph store read-only.
    """
    spec = getattr(args, "store", None) or default
    if spec is None:
        return None
    return open_store(
        spec,
        update_endpoint=getattr(args, "update_endpoint", None),
        graph_store=getattr(args, "graph_store", None),
        timeout=getattr(args, "timeout", DEFAULT_TIMEOUT),
        read_only=not writes,
    )


def open_graph_source(args: argparse.Namespace) -> Store:
    """The graph to read: ``--data`` files loaded into memory, or the ``--store``; exactly one.

    :raises InputError: when neither or both are given.
    :raises StoreError: when the store cannot be opened (a missing Oxigraph directory too).
    """
    data = getattr(args, "data", None)
    spec = getattr(args, "store", None)
    if data and spec and spec != "memory":
        raise InputError("give either --data GRAPHFILE… or --store STORE, not both")
    if data:
        return MemoryStore.from_files(data)
    if not spec or spec == "memory":
        raise InputError("nothing to read: give --data GRAPHFILE… or --store oxigraph:DIR|URL")
    store = open_store_option(args)
    if store is None:  # pragma: no cover - spec is set here
        raise StoreError("--store: nothing to open")
    return store


def hint_memory_size(source: Store) -> None:
    """One line on stderr when ``--data`` holds more notices than the memory store suits, for
    commands that run SPARQL over it."""
    if not isinstance(source, MemoryStore):
        return
    notices = len(set(source.dataset.subjects(RDF.type, NKG.Notice)))
    if notices > MEMORY_NOTICES:
        print(
            f"noticekg: {notices:,} notices read into memory, where some queries take minutes; "
            "`noticekg extract FILES --store oxigraph:DIR` keeps them in a store that answers "
            "in milliseconds",
            file=sys.stderr,
        )
