"""``noticekg validate``: SHACL validation of graph files against the shipped shapes."""

from __future__ import annotations

import argparse
from pathlib import Path

from noticekg.errors import ValidationFailed
from noticekg.graph import load_graph, validate


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "validate",
        help="check graph files against the noticekg SHACL shapes",
        description="Validate graph files with the shapes shipped in noticekg.ontology; exits "
        "non-zero when the graph does not conform.",
    )
    command.add_argument("paths", nargs="+", type=Path, metavar="GRAPHFILE")
    command.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    report = validate(load_graph(args.paths))
    print(report.text)
    if not report.conforms:
        raise ValidationFailed(
            f"{len(report.results)} SHACL violation(s) in {len(args.paths)} file(s)"
        )
    return 0
