"""``noticekg export``: graph files to one dump per format plus a ``void.ttl`` describing them,
the layout a linked-data portal harvests."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticekg.errors import InputError, NoticekgError
from noticekg.graph.describe import describe_dataset
from noticekg.graph.export import FORMATS, serialize, write_dataset
from noticekg.graph.iris import DEFAULT_BASE
from noticekg.graph.load import load_graph
from noticekg.graph.write import write_atomic
from noticekg.ontology import NKG

__all__ = ["DEFAULT_FORMATS", "DUMP_STEM", "parse_formats", "register", "run_export"]

DEFAULT_FORMATS = ("turtle", "trig", "json-ld", "nt")
DUMP_STEM = "noticekg"
DESCRIPTION_FILE = "void.ttl"


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help="dump files in several RDF formats plus a VoID/DCAT description",
        description="Write DIR/noticekg.<suffix> for each format and DIR/void.ttl describing "
        "the dataset (counts, licence, publishers) and each dump.",
    )
    export.add_argument("--data", nargs="+", type=Path, required=True, metavar="GRAPHFILE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    export.add_argument(
        "--formats",
        default=",".join(DEFAULT_FORMATS),
        help=f"comma-separated, from {', '.join(FORMATS)} (default {','.join(DEFAULT_FORMATS)})",
    )
    export.add_argument(
        "--base", default=DEFAULT_BASE, help=f"IRI base of the dataset (default {DEFAULT_BASE})"
    )
    export.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint serving the data")
    export.add_argument("--title", default="noticekg knowledge graph", help="dataset title")
    export.add_argument(
        "--keep-locations",
        action="store_true",
        help="keep nkg:sourceLocation, the file: URI each notice was read from on this machine "
        "(left out by default: a published dump should not show local paths)",
    )
    export.set_defaults(run=run_export)


def parse_formats(value: str) -> list[str]:
    """The formats named in ``--formats``, in order, without repeats.

    :raises InputError: for an empty list or an unknown name.
    """
    formats = list(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    if not formats:
        raise InputError("--formats: no format given")
    for name in formats:
        if name not in FORMATS:
            raise InputError(f"--formats: unknown format {name}; choose from {', '.join(FORMATS)}")
    return formats


def run_export(args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats)
    dataset = load_graph(args.data)
    if not args.keep_locations:
        # None is a wildcard here, as in Graph.remove; rdflib's annotation omits it.
        dataset.remove((None, NKG.sourceLocation, None))  # type: ignore[arg-type]
    output: Path = args.output
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NoticekgError(f"{output}: cannot create: {error.strerror or error}") from None
    dumps = [output / f"{DUMP_STEM}{FORMATS[name]}" for name in formats]
    for name, path in zip(formats, dumps, strict=True):
        write_dataset(dataset, path, name)
    description = describe_dataset(
        dataset, dumps=dumps, base=args.base, title=args.title, endpoint=args.endpoint
    )
    data = serialize(description, "turtle")
    write_atomic(output / DESCRIPTION_FILE, lambda handle: handle.write(data))
    print(f"{len(dumps)} dumps and {DESCRIPTION_FILE} → {output}", file=sys.stderr)
    return 0
