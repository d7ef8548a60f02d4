"""``noticekg validate``: SHACL validation of graph files or a store, reported per notice.

Files are read whole and checked in one pass. A store is checked notice graph by notice graph
(each with the types of the IRIs it points at, see the ``notice-graph`` query), so memory
stays that of one notice however large the store.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from rdflib import URIRef

from noticekg.cli.common import add_store_options, open_store_option
from noticekg.errors import InputError, ValidationFailed
from noticekg.graph import load_graph
from noticekg.graph.stores import Store
from noticekg.graph.validate import (
    NoticeValidation,
    format_notice_block,
    format_notice_reports,
    summary,
    validate_by_notice,
    validate_notice,
)
from noticekg.queries import get_query, run_query


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "validate",
        help="check graph files or a store against the noticekg SHACL shapes",
        description="Validate graph files, or every notice graph of a store (--store), with the "
        "shapes shipped in noticekg.ontology. Results are grouped per notice, each naming the "
        "node by its label, the property, what to fix and the sentence the node was read from. "
        "Exits 5 when anything does not conform.",
    )
    command.add_argument("paths", nargs="*", type=Path, metavar="GRAPHFILE")
    add_store_options(command, data=False)
    command.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    if args.paths and args.store:
        raise InputError("give either GRAPHFILE… or --store STORE, not both")
    if args.paths:
        graph = load_graph(args.paths)
        blocks = validate_by_notice(graph)
        print(format_notice_reports(blocks, graph.namespace_manager))
    elif args.store and args.store != "memory":
        store = open_store_option(args)
        assert store is not None  # --store is set
        try:
            blocks = []
            for block in validate_store(store):
                blocks.append(_summary_only(block))
                if block.results:
                    print(format_notice_block(block, store.namespace_manager) + "\n", flush=True)
            if not blocks:
                raise InputError(f"--store {args.store}: holds no notice graph to validate")
            print(summary(blocks))
        finally:
            store.close()
    else:
        raise InputError("nothing to validate: give GRAPHFILE… or --store oxigraph:DIR|URL")
    if not all(block.conforms for block in blocks):
        raise ValidationFailed(summary(blocks).removesuffix("."))
    return 0


def validate_store(store: Store) -> Iterator[NoticeValidation]:
    """Each notice graph of ``store`` validated on its own, one at a time."""
    notices = run_query(get_query("notice-graphs"), store, {})
    checked = get_query("notice-graph")
    for row in notices.rows:
        notice = row[0]
        if not isinstance(notice, URIRef):
            continue
        result = run_query(checked, store, {"notice": str(notice)})
        if result.graph is not None:
            yield validate_notice(result.graph, notice)


def _summary_only(block: NoticeValidation) -> NoticeValidation:
    """What the summary needs of a block already printed: its results, not the sentences."""
    return NoticeValidation(block.notice, block.title, block.conforms, block.results)
