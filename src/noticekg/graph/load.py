"""Reading graph files back, with the file and line of any syntax error in one message."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset

from noticekg.errors import InputError
from noticekg.graph.build import bind_prefixes

__all__ = ["PARSE_FORMATS", "load_graph"]

# File suffix → rdflib parser name.
PARSE_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}

# Formats with one statement per line, where a failing line can be found by parsing lines alone.
LINE_FORMATS = frozenset({"nt", "nquads"})


def load_graph(paths: Sequence[Path]) -> Dataset:
    """One dataset holding every file: quads keep their named graph, triples go to the default
    graph; the default graph reads as the union so queries see everything.

    :raises InputError: for a missing, unreadable or malformed file, or an unknown suffix.
    """
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for path in map(Path, paths):
        _parse_into(dataset, path)
    return dataset


def _parse_into(dataset: Dataset, path: Path) -> None:
    fmt = PARSE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(PARSE_FORMATS))
        raise InputError(f"{path}: unknown graph file suffix {path.suffix!r} (known: {known})")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        data = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read as UTF-8: {error}") from None
    try:
        dataset.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except Exception as error:  # every rdflib parser raises its own kind
        raise InputError(f"{path}:{_describe(error, data, fmt)}") from None


def _describe(error: Exception, data: str, fmt: str) -> str:
    """`` line N: reason`` as far as the parser tells (or the line can be found)."""
    line: int | None = None
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if isinstance(error, json.JSONDecodeError):
        line, reason = error.lineno, error.msg
    elif hasattr(error, "lines") and hasattr(error, "_why"):  # notation3.BadSyntax
        line, reason = error.lines + 1, str(error._why)
    elif fmt in LINE_FORMATS:
        line = _first_bad_line(data, fmt)
    return f" line {line}: {reason}" if line is not None else f" {reason}"


def _first_bad_line(data: str, fmt: str) -> int | None:
    for number, text in enumerate(data.splitlines(), start=1):
        try:
            Dataset().parse(data=text, format=fmt)
        except Exception:
            return number
    return None
