"""A remote SPARQL 1.1 endpoint: queries through SPARQLWrapper, loading through SPARQL 1.1
Update or the Graph Store Protocol. Each notice is replaced by one update request (drop, then
insert), which servers run as one transaction, or loaded into a side graph first (in chunks of
updates, or with one HTTP PUT to the graph store) and moved over the old graph by one last
update; either way a failed or timed-out load leaves the previous graph as it was.

Credentials come from the environment (``NOTICEKG_SPARQL_USER``, ``NOTICEKG_SPARQL_PASSWORD``),
never from the command line, where other users of the machine could read them.
"""

from __future__ import annotations

import ast
import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Collection, Mapping
from email.message import Message

import pyoxigraph as ox
from rdflib import URIRef, Variable
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier
from SPARQLWrapper import JSON, N3, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from noticekg.errors import StoreError
from noticekg.graph.stores.base import (
    NTriplesLoading,
    by_location,
    hashes_query,
    project_namespaces,
)
from noticekg.graph.stores.ordering import ordered
from noticekg.graph.stores.portable import PortableQuery, portable
from noticekg.graph.stores.rows import RowResult, TripleResult, rows_in_bulk, triple_rows
from noticekg.graph.stores.sparql import sparql
from noticekg.graph.stores.substitute import substitute
from noticekg.graph.stores.terms import from_json
from noticekg.sparqltext import form_of

__all__ = ["DEFAULT_TIMEOUT", "RemoteStore", "credentials"]

DEFAULT_TIMEOUT = 60.0
USER_VARIABLE = "NOTICEKG_SPARQL_USER"
PASSWORD_VARIABLE = "NOTICEKG_SPARQL_PASSWORD"

# Triples per update request; Virtuoso turns each update into SQL and refuses very long ones.
CHUNK = 400


def credentials() -> tuple[str, str] | None:
    """User and password from the environment, or ``None`` when no user is set."""
    user = os.environ.get(USER_VARIABLE)
    if not user:
        return None
    return user, os.environ.get(PASSWORD_VARIABLE, "")


class RemoteStore(NTriplesLoading):
    """:class:`~noticekg.graph.stores.base.Store` over HTTP. The endpoint must read its default
    graph as the union of the named graphs (Virtuoso and GraphDB do; Oxigraph server with
    ``--union-default-graph``; Fuseki with ``tdb2:unionDefaultGraph true``)."""

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        graph_store: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        #: the Graph Store Protocol URL notice graphs are PUT to, ``None`` to load by updates
        self.graph_store = graph_store
        self.timeout = timeout
        self.auth = credentials()
        self.namespace_manager = project_namespaces()

    # --- loading -------------------------------------------------------------------------

    def replace_notice_ntriples(
        self, graph_iri: URIRef, ntriples: str, *, replaces: Collection[URIRef] = ()
    ) -> int:
        """One request when the graph is small; otherwise staged into a side graph (one PUT to
        the graph store, or updates in chunks: servers such as Virtuoso refuse very long
        updates) and moved over the old one in one last request. Either way the old graph, and
        the graphs in ``replaces``, stay whole until the last request drops them."""
        lines = [line for line in ntriples.splitlines() if line.strip()]
        name = graph_iri.n3()
        drops = "".join(f" ;\nDROP SILENT GRAPH {old.n3()}" for old in replaces if old != graph_iri)
        if self.graph_store is None and len(lines) <= CHUNK:
            self.update(f"DROP SILENT GRAPH {name} ;\n{_insert(name, lines)}{drops}")
            return len(lines)
        side = side_graph(graph_iri)
        if self.graph_store is not None:
            self.put_graph(side, "\n".join(lines) + "\n")
        else:
            self.update(f"DROP SILENT GRAPH {side.n3()}")
            for start in range(0, len(lines), CHUNK):
                self.update(_insert(side.n3(), lines[start : start + CHUNK]))
        self.update(f"MOVE SILENT {side.n3()} TO {name}{drops}")
        return len(lines)

    def drop_notice_graphs(self, graphs: Collection[URIRef]) -> None:
        if graphs:
            self.update(" ;\n".join(f"DROP SILENT GRAPH {old.n3()}" for old in graphs))

    def update(self, text: str) -> None:
        """POST one SPARQL 1.1 Update request (form-encoded, the form every server takes)."""
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        self._send(
            self.update_endpoint,
            body,
            "POST",
            "application/x-www-form-urlencoded; charset=utf-8",
            "update",
        )

    def put_graph(self, graph_iri: URIRef, ntriples: str) -> None:
        """Replace the named graph ``graph_iri`` with ``ntriples`` through the Graph Store
        Protocol (HTTP PUT ``?graph=``), one request whatever its size."""
        assert self.graph_store is not None
        separator = "&" if "?" in self.graph_store else "?"
        url = f"{self.graph_store}{separator}{urllib.parse.urlencode({'graph': str(graph_iri)})}"
        self._send(url, ntriples.encode("utf-8"), "PUT", "application/n-triples", "load")

    def _send(self, url: str, body: bytes, method: str, content_type: str, what: str) -> None:
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Content-Type", content_type)
        if self.auth is not None:
            token = base64.b64encode(":".join(self.auth).encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        where = url.split("?", 1)[0]
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip().splitlines()
            reason = detail[0][:200] if detail else error.reason
            raise StoreError(f"{where}: {what} refused (HTTP {error.code}: {reason})") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise StoreError(self._unreachable(where, error)) from None

    # --- reading -------------------------------------------------------------------------

    def notice_hashes(self) -> dict[str, URIRef]:
        result = self.query(*hashes_query())
        return {str(row[1]): URIRef(row[0]) for row in result if isinstance(row, ResultRow)}

    def notice_locations(self) -> dict[str, tuple[URIRef, ...]]:
        result = self.query(sparql("notice-locations.rq"))
        return by_location(
            (str(row[1]), URIRef(str(row[0]))) for row in result if isinstance(row, ResultRow)
        )

    def triple_count(self) -> int:
        result = self.query(sparql("named-triple-count.rq"))
        (row,) = [row for row in result if isinstance(row, ResultRow)]
        return int(row[0])

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """The answer, with a final plain ``ORDER BY`` applied here (:mod:`.ordering`): a
        server sorts no faster, and Virtuoso cannot sort rows holding long values."""
        return ordered(substitute(text, bindings or {}), self._answer)

    def _answer(self, text: str) -> Result:
        form = form_of(text)
        sent = portable(text)
        wrapper = SPARQLWrapper(self.endpoint)
        wrapper.setQuery(sent.text)
        wrapper.setOnlyConneg(True)  # Virtuoso refuses ``format=n3`` beside the Accept header
        wrapper.setMethod(POST)  # long queries and long bound values never hit URL limits
        wrapper.setTimeout(int(max(1, self.timeout)))
        if self.auth is not None:
            wrapper.setCredentials(*self.auth)
        wrapper.setReturnFormat(N3 if form in ("CONSTRUCT", "DESCRIBE") else JSON)
        if form in ("CONSTRUCT", "DESCRIBE"):
            wrapper.addCustomHttpHeader("Accept", "text/turtle, application/n-triples;q=0.9")
        try:
            response = wrapper.query().response
            payload = response.read()
            kind = response.headers.get("Content-Type", "")
        except SPARQLWrapperException as error:
            message = _server_reason(error) or str(error).strip().splitlines()[0][:200]
            raise StoreError(f"{self.endpoint}: query refused ({message})") from None
        except urllib.error.HTTPError as error:
            raise StoreError(f"{self.endpoint}: query refused (HTTP {error.code})") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise StoreError(self._unreachable(self.endpoint, error)) from None
        cut = _cut_short(response.headers)
        if cut is not None:
            raise StoreError(f"{self.endpoint}: incomplete answer ({cut})")
        return _result(form, payload, kind, self.endpoint, sent)

    def compact(self) -> bool:
        """The server compacts its own files."""
        return False

    def close(self) -> None:
        """Nothing held open between requests."""

    def _unreachable(self, url: str, error: BaseException) -> str:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            return f"{url}: no answer within {self.timeout:g} s (--timeout)"
        return f"{url}: endpoint unreachable ({reason})"


def side_graph(graph_iri: URIRef) -> URIRef:
    """Where a notice graph is loaded before it is moved into place; never a notice graph
    itself, so the hash and location queries do not see a half-loaded one."""
    return URIRef(f"{graph_iri}#loading")


def _insert(graph: str, lines: list[str]) -> str:
    return f"INSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(lines) + "\n} }"


def _result(
    form: str, payload: bytes, content_type: str, endpoint: str, sent: PortableQuery
) -> Result:
    if form in ("CONSTRUCT", "DESCRIBE"):
        # Read by Oxigraph's parser into rows, as the embedded store answers: rdflib's parser
        # and graph took about 20 µs a triple.
        plain = "n-triples" in content_type or "text/plain" in content_type
        fmt = ox.RdfFormat.N_TRIPLES if plain else ox.RdfFormat.TURTLE
        try:
            return TripleResult(form, triple_rows(ox.parse(payload, format=fmt)))
        except (SyntaxError, ValueError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise StoreError(f"{endpoint}: unreadable {form} answer ({reason})") from None
    try:
        document = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(f"{endpoint}: unreadable query answer ({error})") from None
    if form == "ASK" or "boolean" in document:
        result = Result("ASK")
        result.askAnswer = bool(document.get("boolean"))
        return result
    names = document.get("head", {}).get("vars", [])
    solutions = document.get("results", {}).get("bindings", [])
    if sent.separators:
        solutions = [{name: _restored(cell, sent) for name, cell in s.items()} for s in solutions]
    with rows_in_bulk():
        rows = [tuple(from_json(s.get(name)) for name in names) for s in solutions]
    return RowResult([Variable(name) for name in names], rows)


def _cut_short(headers: Message) -> str | None:
    """Why the server sent only part of the answer, from the headers Virtuoso sets then (an
    answer with the status of a whole one, which would otherwise pass for it). Virtuoso sets
    none when it cuts a CONSTRUCT answer (README, Stores and servers)."""
    if headers.get("X-SQL-State", "").strip() == "S1TAT":
        return "the server's time limit stopped the query and it sent the rows found so far"
    rows = headers.get("X-SPARQL-MaxRows")
    if rows is not None:
        return f"it reached the server's limit of {rows.strip()} rows an answer (ResultSetMaxRows)"
    return None


def _server_reason(error: SPARQLWrapperException) -> str:
    """The first line of the server's own answer, which SPARQLWrapper keeps only inside its
    message (as the repr of the bytes): it names what to fix, such as Virtuoso's cost limit."""
    _, found, shown = str(error).partition("\n\nResponse:\n")
    try:
        body = ast.literal_eval(shown) if found else b""
    except (ValueError, SyntaxError):
        return ""
    lines = body.decode("utf-8", "replace").strip().splitlines() if isinstance(body, bytes) else []
    return lines[0][:200] if lines else ""


def _restored(cell: dict[str, str], sent: PortableQuery) -> dict[str, str]:
    if cell.get("type") in ("uri", "bnode"):
        return cell
    return {**cell, "value": sent.restore(cell.get("value", ""))}
