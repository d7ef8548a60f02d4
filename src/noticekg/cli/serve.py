"""``noticekg serve``: a read-only SPARQL endpoint over graph files or a store."""

from __future__ import annotations

import argparse
import sys

from noticekg.cli.common import add_store_options, hint_memory_size, open_graph_source
from noticekg.graph.stores import MemoryStore, OxigraphStore, Store
from noticekg.server import ServerLimits, serve

# A public endpoint answers quickly or not at all; the shared --timeout default (a minute, for
# long loads) is too generous for one query.
QUERY_TIMEOUT = 10.0


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "serve",
        help="serve graph files or a store as a read-only SPARQL 1.1 endpoint",
        description="A SPARQL 1.1 Protocol endpoint at /sparql (GET and POST) with a query "
        "page at /, over graph files (--data) or a store (--store oxigraph:DIR, or the URL of "
        "an endpoint, which is then proxied read-only). Updates are refused; each query has a "
        "time limit and a result cap.",
    )
    add_store_options(
        command,
        timeout=QUERY_TIMEOUT,
        timeout_help="seconds each query may run, also the limit for each request to a --store "
        "endpoint",
    )
    command.add_argument("--host", default="127.0.0.1")
    command.add_argument("--port", type=int, default=7878)
    command.add_argument("--max-results", type=int, default=10_000, metavar="N")
    command.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    source = open_graph_source(args)
    if isinstance(source, OxigraphStore):
        source.follow_runs()  # an endpoint outlives runs: each answers from the newest data
    hint_memory_size(source)
    limits = ServerLimits(timeout=args.timeout, max_results=args.max_results)
    what = describe(source, args)
    try:
        serve(
            source,
            args.host,
            args.port,
            limits,
            ready=lambda url: print(f"serving {what} at {url}", file=sys.stderr),
        )
    finally:
        source.close()
    return 0


def describe(source: Store, args: argparse.Namespace) -> str:
    """What the banner names: the triple count of graph files, the notice count of a store
    (counting its triples reads every one: 17–22 s at 10,000 notices, where its notices take
    under a second), else the endpoint itself (a remote count may take longer than the time
    limit on a large endpoint)."""
    if isinstance(source, MemoryStore):
        return f"{source.triple_count()} triples"
    if isinstance(source, OxigraphStore):
        notices = len(source.notice_hashes())
        return f"{notices} notice{'' if notices == 1 else 's'} from {source.directory}"
    return f"{args.store} (read-only)"
