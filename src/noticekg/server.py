"""A read-only SPARQL 1.1 Protocol endpoint over an in-memory graph or any store.

The graph may be an rdflib graph (``--data`` files) or a :class:`~noticekg.graph.stores.Store`:
an embedded Oxigraph directory, or a remote endpoint, which the server then proxies read-only
(every query is parsed here first, so an update never reaches the store).

Built on the standard library's :class:`~http.server.ThreadingHTTPServer`: the endpoint serves
one analyst or a small team, so a web framework would add a dependency and nothing needed.
Each query runs in a worker thread and is abandoned after the time limit (Python cannot stop a
thread; the abandoned worker finishes in the background and its result is dropped).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from rdflib import Graph
from rdflib.namespace import NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result

from noticekg.errors import QueryError, StoreError
from noticekg.graph.stores import Store
from noticekg.queries import catalogue

__all__ = ["GraphSource", "ServerLimits", "make_server", "serve"]

#: What the endpoint answers over: an rdflib graph or dataset, or a store.
GraphSource = Graph | Store

# Media types by query form, the first being the default when the client accepts anything.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
}


@dataclass(frozen=True)
class ServerLimits:
    timeout: float = 10.0  # seconds a query may run
    max_results: int = 10_000  # rows (SELECT) or triples (CONSTRUCT/DESCRIBE)
    max_body: int = 1_000_000  # bytes of a POSTed query


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def negotiate(accept: str, offered: dict[str, str]) -> str:
    """The offered media type the ``Accept`` header ranks highest (``q`` honoured; ``*/*`` or
    an empty header gives the first offered)."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for extra in fields[1:]:
            if extra.startswith("q="):
                try:
                    quality = float(extra[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, index, fields[0].lower()))
    for quality, _, media in sorted(ranked):
        if quality == 0:
            break
        if media in offered:
            return media
        if media in ("*/*", "") or (media.endswith("/*") and media[:-1] in "".join(offered)):
            return next(t for t in offered if media in ("*/*", "") or t.startswith(media[:-1]))
    if not accept.strip():
        return next(iter(offered))
    raise _Refused(
        HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept}; offered: " + ", ".join(offered)
    )


class QueryThreads:
    """Each query in a daemon thread, at most ``workers`` running at once.

    Unlike ThreadPoolExecutor, whose threads are joined when the interpreter exits, a query
    abandoned at its time limit never keeps the process alive after the server stops.
    """

    def __init__(self, workers: int) -> None:
        self._slots = threading.BoundedSemaphore(workers)

    def submit(self, work: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()

        def run() -> None:
            with self._slots:
                if not future.set_running_or_notify_cancel():
                    return
                try:
                    future.set_result(work(*args))
                except BaseException as error:
                    future.set_exception(error)

        threading.Thread(target=run, name="sparql", daemon=True).start()
        return future


def run_protocol_query(
    graph: GraphSource, text: str, accept: str, limits: ServerLimits, pool: QueryThreads
) -> tuple[str, bytes]:
    """The media type and body answering ``text``.

    :raises _Refused: for an update, a malformed query, a timeout or too large a result.
    """
    try:
        prepared = prepareQuery(text)
    except Exception as error:  # pyparsing errors carry a line and column
        if _is_update(text):
            raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only") from None
        where = (
            f" at line {error.lineno} column {error.col}"
            if hasattr(error, "lineno") and hasattr(error, "col")
            else ""
        )
        reason = str(getattr(error, "msg", None) or error).splitlines()[0]
        raise _Refused(HTTPStatus.BAD_REQUEST, f"malformed query{where}: {reason}") from None
    form = prepared.algebra.name
    offered = GRAPH_TYPES if form in ("ConstructQuery", "DescribeQuery") else RESULT_TYPES
    media = negotiate(accept, offered)
    future = pool.submit(_evaluate, graph, prepared, text, offered[media], limits.max_results)
    try:
        body = future.result(timeout=limits.timeout)
    except FutureTimeout:
        future.cancel()
        raise _Refused(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"query ran longer than {limits.timeout:g} s and was abandoned",
        ) from None
    except StoreError as error:  # the store behind the endpoint failed, not the query
        raise _Refused(HTTPStatus.BAD_GATEWAY, str(error)) from None
    except Exception as error:  # an evaluation error is the query's fault, not the server's
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise _Refused(HTTPStatus.BAD_REQUEST, f"query failed: {reason}") from None
    if isinstance(body, _Refused):
        raise body
    charset = "; charset=utf-8" if not media.endswith("json") else ""
    return media + charset, body


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _evaluate(
    graph: GraphSource, prepared: Query, text: str, fmt: str, cap: int
) -> bytes | _Refused:
    """The serialised result, or the refusal of one too large (returned, not raised, so it
    crosses the worker boundary as a value)."""
    result: Result
    namespaces: NamespaceManager
    if isinstance(graph, Graph):
        result, namespaces = graph.query(prepared), graph.namespace_manager
    else:
        result, namespaces = graph.query(text), graph.namespace_manager
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        built = result.graph if result.graph is not None else Graph()
        if len(built) > cap:
            return _Refused(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"result has {len(built)} triples, more than the cap of {cap}",
            )
        for prefix, namespace in namespaces.namespaces():
            built.bind(prefix, namespace, override=False)
        return built.serialize(format=fmt, encoding="utf-8")
    if result.type == "SELECT" and len(result) > cap:
        return _Refused(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            f"result has {len(result)} rows, more than the cap of {cap}; add a LIMIT",
        )
    if result.type == "ASK" and fmt in ("csv", "tsv"):
        # rdflib writes CSV/TSV for SELECT only; a one-cell table is the common reading.
        return f"_askResult\r\n{'true' if result.askAnswer else 'false'}\r\n".encode()
    # With no destination rdflib returns the bytes; its annotation also allows None.
    return cast(bytes, result.serialize(format=fmt, encoding="utf-8"))


def home_page(endpoint: str = "/sparql") -> bytes:
    """A form for typing queries and the named catalogue, every text escaped."""
    items = "\n".join(
        f"<li><details><summary><b>{html.escape(q.name)}</b> — {html.escape(q.title)}</summary>"
        f"<p>{html.escape(q.description)}</p><pre>{html.escape(q.text)}</pre></details></li>"
        for q in catalogue()
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>noticekg SPARQL endpoint</title></head>
<body><h1>noticekg SPARQL endpoint</h1>
<form action="{html.escape(endpoint)}" method="get">
<textarea name="query" rows="12" cols="100">SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10</textarea><br>
<select name="format"><option>application/sparql-results+json</option><option>text/csv</option>
<option>text/turtle</option></select> <button>Run</button></form>
<p>Named queries bind parameters as variables; paste one and replace <code>?name</code>.</p>
<h2>Catalogue</h2><ul>{items}</ul></body></html>"""
    return page.encode("utf-8")


def make_server(
    graph: GraphSource, host: str = "127.0.0.1", port: int = 0, limits: ServerLimits | None = None
) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (0 picks a free port), not yet serving."""
    chosen = limits or ServerLimits()
    pool = QueryThreads(workers=4)
    handler = _handler(graph, chosen, pool)
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise QueryError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    server.daemon_threads = True
    return server


def serve(
    graph: GraphSource,
    host: str,
    port: int,
    limits: ServerLimits | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted; ``ready`` receives the endpoint URL once listening."""
    server = make_server(graph, host, port, limits)
    if ready is not None:
        ready(f"http://{host}:{server.server_address[1]}/sparql")
    try:
        server.serve_forever()
    finally:
        server.server_close()


def _handler(graph: GraphSource, limits: ServerLimits, pool: QueryThreads) -> type:
    class Handler(BaseHTTPRequestHandler):
        server_version = "noticekg"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", home_page())
            elif parts.path == "/sparql":
                self._answer(parse_qs(parts.query))
            else:
                self._fail(HTTPStatus.NOT_FOUND, f"no such page {parts.path}")

        def do_POST(self) -> None:
            if urlsplit(self.path).path != "/sparql":
                return self._fail(HTTPStatus.NOT_FOUND, "POST queries to /sparql")
            length = int(self.headers.get("Content-Length") or 0)
            if length > limits.max_body:
                return self._fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query text too long")
            body = self.rfile.read(length).decode("utf-8", "replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                return self._fail(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            if kind == "application/sparql-query":
                return self._answer({"query": [body]})
            return self._answer(parse_qs(body))

        def _answer(self, form: dict[str, list[str]]) -> None:
            if "update" in form:
                return self._fail(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            texts = form.get("query", [])
            if len(texts) != 1:
                return self._fail(HTTPStatus.BAD_REQUEST, "give exactly one query= parameter")
            # The page's format= names a media type; SPARQLWrapper's format=json is a hint
            # its Accept header already states.
            chosen = [f for f in form.get("format", []) if "/" in f]
            accept = chosen[0] if chosen else self.headers.get("Accept") or ""
            try:
                media, body = run_protocol_query(graph, texts[0], accept, limits, pool)
            except _Refused as refused:
                return self._fail(refused.status, refused.message)
            self._send(HTTPStatus.OK, media, body)

        def _fail(self, status: HTTPStatus, message: str) -> None:
            self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

        def _send(self, status: HTTPStatus, media: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

    return Handler
