"""``noticekg query`` and ``noticekg queries``: the named SPARQL catalogue over graph files or a
store; rows print as a table, CSV or JSON, CONSTRUCT/DESCRIBE graphs as Turtle, N-Triples or
JSON-LD."""

from __future__ import annotations

import argparse

from noticekg.cli.common import add_store_options, hint_memory_size, open_graph_source
from noticekg.errors import QueryError
from noticekg.queries import catalogue, format_csv, format_json, format_table, get_query, run_query
from noticekg.queries.catalogue import NamedQuery
from noticekg.queries.run import GRAPH_FORMATS, check_format, format_graph, query_form

OUTPUTS = {"table": format_table, "csv": format_csv, "json": format_json}


def register(commands: argparse._SubParsersAction) -> None:
    query = commands.add_parser(
        "query",
        help="run a named query (or a .rq file) over graph files or a store",
        description="Run a query from the catalogue (see `noticekg queries`) or a .rq file over "
        "graph files (--data) or a store (--store). Parameters are bound as RDF terms, never "
        "pasted into the query text.",
    )
    query.add_argument("name", metavar="NAME|FILE.rq")
    add_store_options(query)
    query.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="repeatable"
    )
    query.add_argument(
        "--format",
        choices=[*OUTPUTS, *GRAPH_FORMATS],
        help="table, csv or json for SELECT/ASK (default table); turtle, nt or jsonld for "
        "CONSTRUCT/DESCRIBE (default turtle)",
    )
    query.set_defaults(run=run_query_command)

    listing = commands.add_parser("queries", help="list the named queries and their parameters")
    listing.set_defaults(run=run_catalogue)


def run_query_command(args: argparse.Namespace) -> int:
    named = get_query(args.name)
    fmt = args.format or default_format(named)
    check_format(named, fmt)
    params = parse_params(args.param)
    source = open_graph_source(args)
    hint_memory_size(source)
    try:
        result = run_query(named, source, params)
    finally:
        source.close()
    print(format_graph(result, fmt) if fmt in GRAPH_FORMATS else OUTPUTS[fmt](result))
    return 0


def default_format(named: NamedQuery) -> str:
    """Turtle for a query that builds a graph, a table for one that returns rows."""
    return "turtle" if query_form(named) in ("CONSTRUCT", "DESCRIBE") else "table"


def run_catalogue(args: argparse.Namespace) -> int:
    for named in catalogue():
        print(f"{named.name}\n    {named.title}")
        for param in named.params:
            print(f"    --param {param.name}=<{param.type}>  {param.description}")
    return 0


def parse_params(values: list[str]) -> dict[str, str]:
    """``["label=管委会"]`` → ``{"label": "管委会"}``; a value may itself contain ``=``."""
    params: dict[str, str] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {value!r}: expected NAME=VALUE")
        if name in params:
            raise QueryError(f"--param {name}: given twice")
        params[name.strip()] = text
    return params
