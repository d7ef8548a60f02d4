"""Answers kept beside an Oxigraph store, so that a query over the whole corpus, which takes
the engine seconds at 10,000 notices, answers in milliseconds when it is asked again of the
same data.

Each answer is kept under the store's revision: a mark the writer removes before its first
change and sets anew, to a random value, when it closes the store. A reader takes the revision
from its own snapshot, so it only ever reads answers computed from the same data; while a run
is writing, or after one was cut off, the store has no revision and nothing is kept or read.
Answers of other revisions are removed when a writer sets a new one.

An answer is a line of JSON, the variables and each distinct term once (grouped by kind:
IRIs, literals of one datatype or language), followed by a column of 32-bit indexes into the
terms per variable; a graph is kept as rows of subject, predicate and object. A term repeated
row after row is made once, and rows are made by zipping columns, with no Python code run per
cell. Keeping is best effort: a folder that cannot be written or a file that cannot be read
only means the engine answers.

Beside each answer lies the query's text. When a writer sets a new revision, the texts of the
answers it drops are kept aside as the queries asked before the change (:meth:`KeptAnswers.asked`),
so that a corpus run can ask them again and the next user to ask one waits no longer than
before the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from array import array
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Identifier

from noticekg.errors import NoticekgError
from noticekg.graph.stores.rows import Row, RowResult, TripleResult, rows_in_bulk
from noticekg.graph.stores.terms import iri, literal
from noticekg.graph.write import write_atomic, write_text

__all__ = ["KEPT_FOLDER", "MAX_ASKED", "MAX_ROWS", "KeptAnswers"]

#: The folder inside the store directory that holds kept answers, a folder per revision.
KEPT_FOLDER = "noticekg-answers"
# Raised whenever the encoding below changes, so answers written before are not misread.
ENCODING = 3
#: Larger answers are not kept: one of a million rows would take hundreds of megabytes, and
#: one query typed into ``serve`` (``SELECT * { ?s ?p ?o }``) could fill the disk. The
#: catalogue's largest at 10,000 notices, every figure, has 430,121.
MAX_ROWS = 500_000
#: At most this many queries asked before a change are kept aside to be asked again, the most
#: recently asked first: a public ``serve`` endpoint may have answered thousands of slow queries
#: since the last run, and asking each again would hold up the next run for hours.
MAX_ASKED = 100
# The folder, beside the revisions' folders, of the texts of queries asked before a change.
ASKED = "asked"
# Beside each answer, the text of its query.
QUERY_SUFFIX = ".rq"
# The columns of a graph answer, a row per triple.
TRIPLE = [Variable("subject"), Variable("predicate"), Variable("object")]


class KeptAnswers:
    """Answers (rows, a boolean or a graph) by revision and query text, in
    ``store_directory``."""

    def __init__(self, store_directory: Path) -> None:
        self.folder = Path(store_directory) / KEPT_FOLDER

    def get(self, revision: str, query: str) -> Result | None:
        """The answer kept for ``query`` at ``revision``, or None."""
        path = self._path(revision, query)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with suppress(OSError):
            os.utime(path.with_suffix(QUERY_SUFFIX))  # asked now: among the first asked again
        try:
            return _decoded(data)
        except (ValueError, KeyError, IndexError, TypeError):
            with suppress(OSError):
                path.unlink()  # unreadable: the engine answers and keeps it again
            return None

    def keep(self, revision: str, query: str, result: Result) -> bool:
        """Keep ``result`` as the answer to ``query`` at ``revision``; False when it is too
        large or cannot be written."""
        if len(result) > MAX_ROWS:
            return False
        path = self._path(revision, query)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text(path.with_suffix(QUERY_SUFFIX), query)
            write_atomic(path, lambda handle: _encode(result, handle))
        except (OSError, NoticekgError):
            return False
        return True

    def retire_all_but(self, revision: str) -> None:
        """Remove the answers of every other revision (called by the writer that set it),
        setting aside the texts of the queries they answered, up to :data:`MAX_ASKED`."""
        if not self.folder.is_dir():
            return
        asked = self.folder / ASKED
        with suppress(OSError):
            asked.mkdir(exist_ok=True)
            for text in self.folder.glob(f"*/*{QUERY_SUFFIX}"):
                if text.parent.name not in (revision, ASKED):
                    os.replace(text, asked / text.name)
            for text in _newest_first(asked)[MAX_ASKED:]:
                text.unlink()
        for entry in self.folder.iterdir():
            if entry.name not in (revision, ASKED):
                shutil.rmtree(entry, ignore_errors=True)

    def asked(self) -> list[str]:
        """The texts of queries answered before the data last changed and not asked again
        since (:meth:`asked_again`), the most recently asked first."""
        texts = []
        for path in _newest_first(self.folder / ASKED):
            with suppress(OSError, UnicodeDecodeError):
                texts.append(path.read_text(encoding="utf-8"))
        return texts

    def asked_again(self, query: str) -> None:
        """Take ``query`` off the queries asked before the change."""
        with suppress(OSError):
            (self.folder / ASKED / f"{_key(query)}{QUERY_SUFFIX}").unlink()

    def _path(self, revision: str, query: str) -> Path:
        return self.folder / revision / f"{_key(query)}.answer"


def _key(query: str) -> str:
    return hashlib.sha256(f"{ENCODING}\n{query}".encode()).hexdigest()


def _newest_first(folder: Path) -> list[Path]:
    """The query texts in ``folder``, the most recently asked (or kept) first."""
    dated = []
    for path in folder.glob(f"*{QUERY_SUFFIX}"):
        with suppress(OSError):
            dated.append((path.stat().st_mtime_ns, path))
    return [path for _, path in sorted(dated, reverse=True)]


def _encode(result: Result, handle: IO[bytes]) -> None:
    if result.type == "ASK":
        handle.write(_header({"boolean": bool(result.askAnswer)}))
        return
    variables = TRIPLE if isinstance(result, TripleResult) else list(result.vars or ())
    index: dict[Identifier, int] = {}
    terms: list[Identifier] = []
    columns = [array("i") for _ in variables]
    for row in _rows(result):
        for column, term in zip(columns, row, strict=True):
            if term is None:
                column.append(-1)
                continue
            number = index.get(term)
            if number is None:
                number = index[term] = len(terms)
                terms.append(term)
            column.append(number)
    # Terms of one kind (IRIs, literals of one datatype or language) go together, so reading
    # them back makes each kind in one pass; -1 (unbound) becomes the index past the last term.
    groups: dict[tuple[str, str | None, str | None], list[int]] = {}
    for number, term in enumerate(terms):
        groups.setdefault(_kind(term), []).append(number)
    renumbered = [0] * (len(terms) + 1)
    listed = []
    position = 0
    for (kind, language, datatype), members in groups.items():
        group: dict[str, Any] = {"type": kind, "values": [str(terms[n]) for n in members]}
        if language is not None:
            group["xml:lang"] = language
        if datatype is not None:
            group["datatype"] = datatype
        listed.append(group)
        for number in members:
            renumbered[number] = position
            position += 1
    renumbered[-1] = len(terms)
    count = len(columns[0]) if columns else len(result)
    header = {"form": result.type, "vars": [str(v) for v in variables], "rows": count}
    handle.write(_header({**header, "terms": listed}))
    for column in columns:
        column = array("I", map(renumbered.__getitem__, column))
        if sys.byteorder != "little":
            column.byteswap()
        handle.write(column.tobytes())


def _decoded(data: bytes) -> Result:
    end = data.index(b"\n")
    header = json.loads(data[:end])
    if "boolean" in header:
        result = Result("ASK")
        result.askAnswer = bool(header["boolean"])
        return result
    terms: list[Identifier | None] = []
    for group in header["terms"]:
        kind, values = group["type"], group["values"]
        if kind == "uri":
            terms.extend(map(iri, values))
        elif kind == "bnode":
            terms.extend(map(BNode, values))
        elif kind == "literal":
            language, datatype = group.get("xml:lang"), group.get("datatype")
            terms.extend([literal(value, language, datatype) for value in values])
        else:
            raise ValueError(f"unknown term type {kind!r}")
    terms.append(None)
    variables = [Variable(name) for name in header["vars"]]
    count = header["rows"]
    cells = array("I")  # unsigned: an index past the terms is an IndexError, none is negative
    cells.frombytes(memoryview(data)[end + 1 :])
    if sys.byteorder != "little":
        cells.byteswap()
    if len(cells) != count * len(variables):
        raise ValueError("cells do not match the header")
    # A column of terms at a time, then rows by zipping them: no Python code runs per cell.
    columns = [
        map(terms.__getitem__, cells[n * count : (n + 1) * count]) for n in range(len(variables))
    ]
    with rows_in_bulk():
        rows: list[Row] = list(zip(*columns, strict=True)) if columns else [()] * count
    form = header["form"]
    if form == "SELECT":
        return RowResult(variables, rows)
    if form not in ("CONSTRUCT", "DESCRIBE") or variables != TRIPLE:
        raise ValueError(f"unknown answer form {form!r}")
    if cells and max(cells) == len(terms) - 1:
        raise ValueError("a triple with an unbound term")
    return TripleResult(form, rows)


def _header(document: Mapping[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _rows(result: Result) -> list[Row]:
    if not isinstance(result, RowResult | TripleResult):
        raise TypeError("an answer is kept from the rows the store made")
    return result.rows


def _kind(term: Identifier) -> tuple[str, str | None, str | None]:
    if isinstance(term, URIRef):
        return ("uri", None, None)
    if isinstance(term, BNode):
        return ("bnode", None, None)
    if not isinstance(term, Literal):
        raise TypeError(f"not an RDF term: {term!r}")
    if term.language:
        return ("literal", term.language, None)
    return ("literal", None, None if term.datatype is None else str(term.datatype))
