"""Real SPARQL servers for the store tests: started on 127.0.0.1 on free ports in a temporary
directory, waited for until they answer, stopped by their process id."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO = "/usr/bin/virtuoso-t"
VIRTUOSO_ISQL = "/usr/bin/isql-vt"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


@dataclass(frozen=True)
class Server:
    name: str
    query: str
    update: str
    #: the SPARQL 1.1 Graph Store Protocol URL
    store: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command of the ``oxigraph`` package, next to this Python or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float) -> None:
    query = urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}?{query}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def oxigraph_server(directory: Path) -> Iterator[Server]:
    binary = oxigraph_binary()
    assert binary is not None
    port = free_port()
    process = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(directory),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/query", process, 30)
        yield Server("oxigraph-server", f"{base}/query", f"{base}/update", f"{base}/store")
    finally:
        stop(process)


def virtuoso_ini(
    directory: Path, sql_port: int, http_port: int, *, max_rows: int, max_seconds: int
) -> str:
    """Debian's virtuoso.ini with every file in ``directory``, both ports our own, and room for
    the catalogue's answers unless ``max_rows`` and ``max_seconds`` say otherwise."""
    lines = []
    section = ""
    for line in VIRTUOSO_INI.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        key = stripped.split("=", 1)[0].strip()
        value = stripped.split("=", 1)[1].strip() if "=" in stripped else ""
        if key in (
            "DatabaseFile",
            "ErrorLogFile",
            "LockFile",
            "TransactionFile",
            "xa_persistent_file",
        ):
            line = f"{key} = {directory / Path(value.split(';')[0].strip()).name}"
        elif key == "ServerPort" and section == "[Parameters]":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif key == "ServerPort" and section == "[HTTPServer]":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif key == "ServerRoot" and section == "[HTTPServer]":
            line = f"ServerRoot = {directory}"
        elif key == "DirsAllowed":
            line = f"DirsAllowed = ., {directory}, /usr/share/virtuoso-opensource-7/vad"
        elif key == "DefaultHost":
            line = f"DefaultHost = 127.0.0.1:{http_port}"
        elif key == "MaxQueryCostEstimationTime":
            # Its estimates of the catalogue's queries run to days over two notices (README).
            line = "MaxQueryCostEstimationTime = 0"
        elif key == "ResultSetMaxRows":
            # Debian's 10,000 cuts the benchmark's answers, which run to 430,000 rows.
            line = f"ResultSetMaxRows = {max_rows}"
        elif key == "MaxQueryExecutionTime":
            line = f"MaxQueryExecutionTime = {max_seconds}"
        elif stripped.startswith("Load") and section == "[Plugins]":
            line = ";" + line
        lines.append(line)
    return "\n".join(lines) + "\n"


@contextmanager
def virtuoso_server(
    directory: Path, *, max_rows: int = 10_000_000, max_seconds: int = 60
) -> Iterator[Server]:
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    settings = virtuoso_ini(
        directory, sql_port, http_port, max_rows=max_rows, max_seconds=max_seconds
    )
    ini.write_text(settings, encoding="utf-8")
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        wait_until_answering(url, process, 90)
        grant = 'GRANT SPARQL_UPDATE TO "SPARQL";'
        subprocess.run(
            [VIRTUOSO_ISQL, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield Server("virtuoso", url, url, f"http://127.0.0.1:{http_port}/sparql-graph-crud")
    finally:
        stop(process)
