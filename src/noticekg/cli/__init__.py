"""The ``noticekg`` command line: ``main(argv) -> int``, one module per command group.

Every :class:`~noticekg.errors.NoticekgError` becomes one line on stderr and its class's exit
code; nothing the user can fix ends in a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from noticekg import __version__
from noticekg.errors import NoticekgError

# Each command and the module of this package that registers and runs it. Only the module of
# the command given is imported: importing them all (the extractor's rules, the SPARQL
# parser, the network views) took longer than a query answered from the store.
COMMANDS = {
    "extract": "extract",
    "demo": "extract",
    "query": "query",
    "queries": "query",
    "viz": "viz",
    "validate": "validate",
    "eval": "evaluate",
    "serve": "serve",
    "export": "export",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` alone when it is one."""
    parser = argparse.ArgumentParser(
        prog="noticekg",
        description="Chinese government rectification notices to an RDF knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"noticekg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        import_module(f"noticekg.cli.{name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # With an option before the command (-h, --version) every command is listed.
    args = build_parser(argv[0] if argv else None).parse_args(argv)
    try:
        return int(args.run(args))
    except NoticekgError as exc:
        print(f"noticekg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("noticekg: interrupted", file=sys.stderr)
        return 130
