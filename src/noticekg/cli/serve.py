"""``noticekg serve``: a read-only SPARQL endpoint over graph files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticekg.graph import load_graph
from noticekg.server import ServerLimits, serve


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "serve",
        help="serve graph files as a read-only SPARQL 1.1 endpoint",
        description="A SPARQL 1.1 Protocol endpoint at /sparql (GET and POST) with a query "
        "page at /. Updates are refused; each query has a time limit and a result cap.",
    )
    command.add_argument("--data", nargs="+", type=Path, required=True, metavar="GRAPHFILE")
    command.add_argument("--host", default="127.0.0.1")
    command.add_argument("--port", type=int, default=7878)
    command.add_argument("--timeout", type=float, default=10.0, help="seconds per query")
    command.add_argument("--max-results", type=int, default=10_000, metavar="N")
    command.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    graph = load_graph(args.data)
    limits = ServerLimits(timeout=args.timeout, max_results=args.max_results)
    serve(
        graph,
        args.host,
        args.port,
        limits,
        ready=lambda url: print(f"serving {len(graph)} triples at {url}", file=sys.stderr),
    )
    return 0
