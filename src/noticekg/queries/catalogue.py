"""The named queries: ``.rq`` files shipped in this package, each with a small comment header.

Header grammar (the first comment lines of the file)::

    # title: One line naming the question
    # description: What the rows mean
    # param: NAME TYPE[?] [= DEFAULT] — description

``TYPE`` is one of ``iri string integer decimal date boolean``; ``?`` marks an optional
parameter that is left unbound when not given (the query then ranges over every value), and
``= DEFAULT`` gives the value used when the caller gives none. Each parameter is the SPARQL
variable ``?NAME``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from noticekg.errors import QueryError

if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query

__all__ = ["PARAM_TYPES", "NamedQuery", "QueryParam", "catalogue", "get_query", "parse_query"]

PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")

# "# key: value" header line; the header ends at the first line that is not a comment.
HEADER_LINE = re.compile(r"^#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*?)\s*$")

# "NAME TYPE[?] [= DEFAULT] — description" (an em dash, or "--"/"-" for ASCII-only editors).
PARAM_SPEC = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)(?P<optional>\?)?"
    r"(?:\s*=\s*(?P<default>\S+))?\s+(?:—|--?)\s*(?P<description>.+)$"
)

# A SPARQL variable ``?name`` or ``$name``, to check every declared parameter is used.
VARIABLE = r"[?$]{name}\b"


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: str
    description: str
    required: bool = True
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    source: str = ""

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)

    @cached_property
    def prepared(self) -> Query:
        """The query as rdflib parses it, once, when first needed: preparing every shipped
        query took 1.2 s, which each command paid for the one it ran.

        :raises QueryError: for malformed SPARQL (with the line and column).
        """
        # rdflib's SPARQL parser takes a sixth of a second to import: a query run on a store
        # never needs it.
        from rdflib.plugins.sparql import prepareQuery

        try:
            return prepareQuery(self.text)
        except Exception as error:  # pyparsing's ParseException, or rdflib's algebra's own
            lineno, column = getattr(error, "lineno", None), getattr(error, "col", None)
            where = f" line {lineno} column {column}:" if lineno is not None else ""
            reason = str(getattr(error, "msg", None) or error).splitlines()[0]
            raise QueryError(f"{self.source}:{where} malformed SPARQL ({reason})") from None


def parse_query(text: str, *, name: str, source: str) -> NamedQuery:
    """A :class:`NamedQuery` from the text of an ``.rq`` file, its SPARQL parsed at once.

    :raises QueryError: for a bad header or malformed SPARQL (with the line and column).
    """
    query = _with_header(text, name=name, source=source)
    query.prepared  # noqa: B018 (malformed SPARQL is reported here, not when first run)
    return query


def _with_header(text: str, *, name: str, source: str) -> NamedQuery:
    """A :class:`NamedQuery` from its header; the SPARQL is parsed when first run."""
    header: dict[str, str] = {}
    params: list[QueryParam] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = HEADER_LINE.match(line)
        if match is None:
            continue
        key, value = match["key"], match["value"]
        if key == "param":
            params.append(_param(value, source, number))
        else:
            header[key] = value
    for key in ("title", "description"):
        if not header.get(key):
            raise QueryError(f"{source}: header line '# {key}: …' is missing")
    for param in params:
        if not re.search(VARIABLE.format(name=re.escape(param.name)), text):
            raise QueryError(f"{source}: parameter {param.name} is not used as ?{param.name}")
    return NamedQuery(
        name=name,
        title=header["title"],
        description=header["description"],
        params=tuple(params),
        text=text,
        source=source,
    )


def _param(spec: str, source: str, line: int) -> QueryParam:
    match = PARAM_SPEC.match(spec)
    if match is None:
        raise QueryError(f"{source}: line {line}: bad '# param:' line (want NAME TYPE — text)")
    if match["type"] not in PARAM_TYPES:
        raise QueryError(
            f"{source}: line {line}: parameter type {match['type']!r} is not one of "
            + ", ".join(PARAM_TYPES)
        )
    default = match["default"]
    return QueryParam(
        name=match["name"],
        type=match["type"],
        description=match["description"],
        required=match["optional"] is None and default is None,
        default=default,
    )


@cache
def _shipped() -> tuple[NamedQuery, ...]:
    found = []
    for entry in sorted(files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq") and entry.is_file():
            name = entry.name.removesuffix(".rq")
            text = entry.read_text(encoding="utf-8")
            found.append(_with_header(text, name=name, source=f"queries/{entry.name}"))
    return tuple(found)


def catalogue() -> list[NamedQuery]:
    """Every shipped query, sorted by name."""
    return list(_shipped())


def get_query(name_or_path: str | Path) -> NamedQuery:
    """A shipped query by name, or any ``.rq`` file by path.

    :raises QueryError: for an unknown name (listing close matches) or an unreadable file.
    """
    text = str(name_or_path)
    if text.endswith(".rq") or "/" in text or isinstance(name_or_path, Path):
        return _from_file(Path(name_or_path))
    for query in _shipped():
        if query.name == text:
            return query
    names = [q.name for q in _shipped()]
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(names)}"
    raise QueryError(f"unknown query {text!r}; {hint}")


def _from_file(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: no such query file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"{path}: cannot read query file: {error}") from None
    return parse_query(text, name=path.stem, source=str(path))
