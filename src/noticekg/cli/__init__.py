"""The ``noticekg`` command line: ``main(argv) -> int``, one module per command group.

Every :class:`~noticekg.errors.NoticekgError` becomes one line on stderr and its class's exit
code; nothing the user can fix ends in a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from noticekg import __version__
from noticekg.cli import evaluate, export, extract, query, serve, validate, viz
from noticekg.errors import NoticekgError

COMMANDS = (extract, query, viz, validate, evaluate, serve, export)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="noticekg",
        description="Chinese government rectification notices to an RDF knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"noticekg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except NoticekgError as exc:
        print(f"noticekg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("noticekg: interrupted", file=sys.stderr)
        return 130
