"""Answers kept beside an Oxigraph store, so that a query over the whole corpus, which takes
the engine seconds at 10,000 notices, answers in milliseconds when it is asked again of the
same data.

Each answer is kept under the store's revision: a mark the writer removes before its first
change and sets anew, to a random value, when it closes the store. A reader takes the revision
from its own snapshot, so it only ever reads answers computed from the same data; while a run
is writing, or after one was cut off, the store has no revision and nothing is kept or read.
Answers of other revisions are removed when a writer sets a new one.

An answer is a JSON document: the variables, each distinct term once (as a cell of
SPARQL 1.1 Query Results JSON) and the rows as indexes into the terms, so a term repeated row
after row is decoded once. Keeping is best effort: a folder that cannot be written or a file
that cannot be read only means the engine answers.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Identifier

from noticekg.errors import NoticekgError
from noticekg.graph.stores.terms import from_json
from noticekg.graph.write import write_atomic

__all__ = ["KEPT_FOLDER", "MAX_ROWS", "KeptAnswers"]

#: The folder inside the store directory that holds kept answers, a folder per revision.
KEPT_FOLDER = "noticekg-answers"
# Raised whenever the encoding below changes, so answers written before are not misread.
ENCODING = 1
#: Larger answers are not kept: one of a million rows would take hundreds of megabytes, and
#: one query typed into ``serve`` (``SELECT * { ?s ?p ?o }``) could fill the disk. The
#: catalogue's largest at 10,000 notices, every figure, has 430,121.
MAX_ROWS = 500_000


class KeptAnswers:
    """SELECT and ASK answers by revision and query text, in ``store_directory``."""

    def __init__(self, store_directory: Path) -> None:
        self.folder = Path(store_directory) / KEPT_FOLDER

    def get(self, revision: str, query: str) -> Result | None:
        """The answer kept for ``query`` at ``revision``, or None."""
        path = self._path(revision, query)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            return _decoded(json.loads(data))
        except (ValueError, KeyError, IndexError, TypeError):
            with suppress(OSError):
                path.unlink()  # unreadable: the engine answers and keeps it again
            return None

    def keep(self, revision: str, query: str, result: Result) -> bool:
        """Keep ``result`` (SELECT or ASK) as the answer to ``query`` at ``revision``; False
        when it cannot be written."""
        if result.type not in ("SELECT", "ASK") or len(result.bindings) > MAX_ROWS:
            return False
        path = self._path(revision, query)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, lambda handle: _encode(result, handle))
        except (OSError, NoticekgError):
            return False
        return True

    def forget_all_but(self, revision: str) -> None:
        """Remove the answers of every other revision (called by the writer that set it)."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name != revision:
                shutil.rmtree(entry, ignore_errors=True)

    def _path(self, revision: str, query: str) -> Path:
        key = hashlib.sha256(f"{ENCODING}\n{query}".encode()).hexdigest()
        return self.folder / revision / f"{key}.json"


def _encode(result: Result, handle: IO[bytes]) -> None:
    if result.type == "ASK":
        document: dict[str, Any] = {"boolean": bool(result.askAnswer)}
    else:
        variables = list(result.vars or ())
        index: dict[Identifier, int] = {}
        terms: list[dict[str, str]] = []
        rows = []
        for solution in result.bindings:
            row = []
            for variable in variables:
                term = solution.get(variable)
                if term is None:
                    row.append(-1)
                    continue
                number = index.get(term)
                if number is None:
                    number = index[term] = len(terms)
                    terms.append(_cell(term))
                row.append(number)
            rows.append(row)
        document = {"vars": [str(v) for v in variables], "terms": terms, "rows": rows}
    handle.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode())


def _decoded(document: Mapping[str, Any]) -> Result:
    if "boolean" in document:
        result = Result("ASK")
        result.askAnswer = bool(document["boolean"])
        return result
    variables = [Variable(name) for name in document["vars"]]
    terms = [from_json(cell) for cell in document["terms"]]
    result = Result("SELECT")
    result.vars = variables
    result.bindings = [
        {variable: terms[n] for variable, n in zip(variables, row, strict=True) if n >= 0}
        for row in document["rows"]
    ]
    return result


def _cell(term: Identifier) -> dict[str, str]:
    """``term`` as SPARQL 1.1 Query Results JSON, which :func:`from_json` reads back."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if not isinstance(term, Literal):
        raise TypeError(f"not an RDF term: {term!r}")
    cell = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype is not None:
        cell["datatype"] = str(term.datatype)
    return cell
