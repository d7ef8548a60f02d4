"""``noticekg viz``: an interactive network page (or a GraphML/GEXF file) of graph files.

Four views: the whole entity network, one entity's neighbourhood (``--focus``), the graph a
CONSTRUCT query returns (``--query``) and the ontology itself (``--ontology``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import networkx as nx

from noticekg.cli.query import parse_params
from noticekg.errors import InputError, QueryError
from noticekg.graph.aggregate import STRATEGIES, aggregate
from noticekg.graph.gephi import GEPHI_FORMATS, write_gephi
from noticekg.graph.labels import LANGS
from noticekg.graph.load import load_graph
from noticekg.graph.network import graph_to_networkx, to_networkx
from noticekg.graph.render import SIZES, render_html
from noticekg.graph.views import neighbourhood, ontology_network
from noticekg.queries import get_query, run_query

# Nodes drawn before the view folds the network (see --aggregate).
DEFAULT_MAX_NODES = 400


def register(commands: argparse._SubParsersAction) -> None:
    viz = commands.add_parser(
        "viz",
        help="an interactive HTML network (or GraphML/GEXF) of the entities",
        description="Write a self-contained HTML page (works offline) showing how the entities "
        "of the graph files relate, or a GraphML/GEXF file for Gephi when OUT ends so.",
    )
    viz.add_argument("--data", nargs="+", type=Path, metavar="GRAPHFILE")
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
    if not args.data:
        raise InputError("--data: required unless --ontology")
    data = load_graph(args.data)
    if args.query:
        result = run_query(get_query(args.query), data, parse_params(args.param))
        if result.graph is None:
            raise QueryError(f"--query {args.query}: not a CONSTRUCT query, nothing to draw")
        return graph_to_networkx(result.graph, data), f"query {args.query}"
    if args.param:
        raise InputError("--param: only with --query")
    network = to_networkx(data, measures=args.measures)
    if args.focus:
        return neighbourhood(network, args.focus, args.hops), f"{args.focus} ({args.hops} hops)"
    return network, "noticekg"
