"""``noticekg viz``: an interactive network page (or a GraphML/GEXF file) of graph files or a
store.

Four views: the whole entity network, one entity's neighbourhood (``--focus``), the graph a
CONSTRUCT query returns (``--query``) and the ontology itself (``--ontology``). Graph files are
read whole; a store (``--store``) is asked only for what the view draws: the whole network
through the ``network-view`` query, a neighbourhood through ``nodes-around`` and the
description of each node it finds (``entity-network``), a query's graph with the description of
its nodes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rdflib import Graph, URIRef

from noticekg.cli.common import add_store_options, open_graph_source
from noticekg.cli.query import parse_params
from noticekg.errors import InputError, QueryError
from noticekg.graph.aggregate import STRATEGIES, aggregate
from noticekg.graph.gephi import GEPHI_FORMATS, write_gephi
from noticekg.graph.labels import LANGS
from noticekg.graph.network import graph_to_networkx, rows_to_networkx, to_networkx
from noticekg.graph.render import SIZES, render_html
from noticekg.graph.stores import MemoryStore, Store
from noticekg.graph.views import neighbourhood, ontology_network
from noticekg.queries import get_query, run_query

if TYPE_CHECKING:
    import networkx as nx

# Nodes drawn before the view folds the network (see --aggregate).
DEFAULT_MAX_NODES = 400

# Steps the nodes-around query can take from --focus on a store.
MAX_STORE_HOPS = 3

# Notices in a store past which the whole network is not drawn: reading it grows with the
# corpus (generated notices: 9 s and 480 MiB at 1,000, 32 s and 1.05 GB at 3,000, most of
# it the store's join of every mention), and the page could only fold it into a few clusters;
# --focus and --query draw part of it instead.
WHOLE_VIEW_NOTICES = 2000


def register(commands: argparse._SubParsersAction) -> None:
    viz = commands.add_parser(
        "viz",
        help="an interactive HTML network (or GraphML/GEXF) of the entities",
        description="Write a self-contained HTML page (works offline) showing how the entities "
        "of the graph files relate, or a GraphML/GEXF file for Gephi when OUT ends so.",
    )
    add_store_options(viz)
    viz.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT.html|OUT.graphml|OUT.gexf"
    )
    viz.add_argument("--title", help="page title (default: what the view shows)")
    view = viz.add_mutually_exclusive_group()
    view.add_argument("--focus", metavar="LABEL_OR_IRI", help="only this entity's neighbourhood")
    view.add_argument("--query", metavar="NAME", help="the graph a CONSTRUCT query returns")
    view.add_argument("--ontology", action="store_true", help="the ontology's classes")
    viz.add_argument("--hops", type=int, default=1, help="links from --focus (default 1)")
    viz.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="for --query"
    )
    viz.add_argument(
        "--measures", action="store_true", help="draw problems and measures as nodes too"
    )
    viz.add_argument("--size", choices=SIZES, default="degree", help="what sizes a node")
    viz.add_argument("--lang", choices=LANGS, default="zh", help="language of class names")
    viz.add_argument(
        "--max-nodes",
        type=int,
        default=DEFAULT_MAX_NODES,
        help=f"fold larger networks (default {DEFAULT_MAX_NODES}; 0 = never)",
    )
    viz.add_argument(
        "--aggregate", choices=STRATEGIES, default="communities", help="how to fold them"
    )
    viz.set_defaults(run=run_viz)


def run_viz(args: argparse.Namespace) -> int:
    network, title = build_view(args)
    output: Path = args.output
    if output.suffix.lower() in GEPHI_FORMATS:
        write_gephi(network, output)
        note = None
    else:
        folded = aggregate(network, args.max_nodes, strategy=args.aggregate)
        render_html(
            folded.network,
            output,
            title=args.title or title,
            lang=args.lang,
            size=args.size,
            note=folded.note,
        )
        network, note = folded.network, folded.note
    print(
        f"{network.number_of_nodes()} nodes, {network.number_of_edges()} edges → {output}"
        + (f" ({note})" if note else ""),
        file=sys.stderr,
    )
    return 0


def build_view(args: argparse.Namespace) -> tuple[nx.MultiDiGraph, str]:
    """The network the options ask for, and a title saying what it shows."""
    if args.ontology:
        return ontology_network(args.lang), "noticekg ontology"
    if args.param and not args.query:
        raise InputError("--param: only with --query")
    source = open_graph_source(args)
    try:
        if args.query:
            return query_view(source, args.query, parse_params(args.param)), f"query {args.query}"
        if args.focus:
            title = f"{args.focus} ({args.hops} hops)"
            return focus_view(source, args.focus, args.hops, measures=args.measures), title
        return whole_view(source, measures=args.measures), "noticekg"
    finally:
        source.close()


def whole_view(source: Store, *, measures: bool = False) -> nx.MultiDiGraph:
    """The whole entity network: from memory as it is, from a store through the
    ``network-view`` query, which sends each fact the view draws once, and one
    ``notice-text`` query for each notice a first sentence is cut from."""
    if isinstance(source, MemoryStore):
        return to_networkx(source.dataset, measures=measures)
    notices = len(source.notice_hashes())
    if notices > WHOLE_VIEW_NOTICES:
        raise InputError(
            f"--store holds {notices:,} notices, more than the whole network is drawn for "
            f"({WHOLE_VIEW_NOTICES:,}): draw part of it with --focus LABEL_OR_IRI or --query NAME"
        )
    print(f"reading the network of {notices:,} notices from the store …", file=sys.stderr)
    result = run_query(get_query("network-view"), source, {"measures": str(measures).lower()})
    text_query = get_query("notice-text")

    def notice_text(notice: URIRef) -> str | None:
        rows = run_query(text_query, source, {"notice": str(notice)}).rows
        return str(rows[0][0]) if rows and rows[0][0] is not None else None

    rows = (dict(zip(result.vars, row, strict=True)) for row in result.rows)
    return rows_to_networkx(rows, notice_text=notice_text, measures=measures)


def focus_view(source: Store, key: str, hops: int, *, measures: bool = False) -> nx.MultiDiGraph:
    """The nodes within ``hops`` links of the entity ``key`` names. A store is asked for the
    nodes within reach (``nodes-around``) and their descriptions only; the network drawn from
    them is then cut exactly as from a whole graph.

    :raises InputError: for ``hops`` out of range or a ``key`` that matches nothing.
    """
    if isinstance(source, MemoryStore):
        return neighbourhood(to_networkx(source.dataset, measures=measures), key, hops)
    if not 0 <= hops <= MAX_STORE_HOPS:
        raise InputError(f"--hops {hops}: from 0 to {MAX_STORE_HOPS} with --store")
    parts = urlsplit(key)
    params = (
        {"iri": key, "hops": str(hops)}
        if parts.scheme in ("http", "https") and parts.netloc
        else {"label": "".join(key.split()), "hops": str(hops)}
    )
    found = run_query(get_query("nodes-around"), source, params)
    nodes = [row[0] for row in found.rows if isinstance(row[0], URIRef)]
    if not nodes:
        raise InputError(f"--focus {key!r}: no node has this IRI, label or alias")
    return neighbourhood(to_networkx(describe(source, nodes), measures=measures), key, hops)


def query_view(source: Store, name: str, params: dict[str, str]) -> nx.MultiDiGraph:
    """The graph a CONSTRUCT query returns, its nodes described from the source (a store
    describes just those nodes)."""
    result = run_query(get_query(name), source, params)
    if result.graph is None:
        raise QueryError(f"--query {name}: not a CONSTRUCT query, nothing to draw")
    if isinstance(source, MemoryStore):
        return graph_to_networkx(result.graph, source.dataset)
    ends = {t for s, _, o in result.graph for t in (s, o) if isinstance(t, URIRef)}
    return graph_to_networkx(result.graph, describe(source, sorted(ends)))


def describe(store: Store, nodes: Iterable[URIRef]) -> Graph:
    """What the network view needs of ``nodes``, fetched node by node with the
    ``entity-network`` query."""
    query = get_query("entity-network")
    graph = Graph()
    for node in nodes:
        result = run_query(query, store, {"node": str(node)})
        if result.graph is not None:
            graph += result.graph
    return graph
