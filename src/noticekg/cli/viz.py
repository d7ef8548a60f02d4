"""``noticekg viz``: an interactive network page of the entities in graph files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticekg.graph import load_graph, render_html, to_networkx


def register(commands: argparse._SubParsersAction) -> None:
    viz = commands.add_parser(
        "viz",
        help="an interactive HTML network of the entities",
        description="Write a self-contained HTML page (works offline) showing how the entities "
        "of the graph files relate.",
    )
    viz.add_argument("--data", nargs="+", type=Path, required=True, metavar="GRAPHFILE")
    viz.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.html")
    viz.add_argument("--title", default="noticekg", help="page title")
    viz.set_defaults(run=run_viz)


def run_viz(args: argparse.Namespace) -> int:
    network = to_networkx(load_graph(args.data))
    render_html(network, args.output, title=args.title)
    print(
        f"{network.number_of_nodes()} nodes, {network.number_of_edges()} edges → {args.output}",
        file=sys.stderr,
    )
    return 0
