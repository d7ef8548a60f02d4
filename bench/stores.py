"""Corpus runs and stores at scale: extraction throughput, load time, peak memory, query latency.

    python -m bench.stores [--sizes 100 1000] [--big] [--no-servers] [--repeat 5]

For each corpus size N (100 and 1,000; 10,000 with ``--big``) it generates N varied notices
(bench/corpus.py), then prints: extraction throughput with 1 and 2 worker processes against
``jieba.lcut`` over the same text; the time to load the notice graphs into each store; the peak
resident memory of the run; and the median latency of every catalogue query on each store, with
the rdflib/Oxigraph ratio. Servers (Oxigraph server, Virtuoso) are started as in the tests when
available. Figures, not assertions: run it on the machine you care about.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from functools import partial
from pathlib import Path

import jieba
from rdflib import URIRef

from bench.corpus import generate
from noticekg.corpus import load_corpus
from noticekg.errors import NoticekgError
from noticekg.extract import extract_notice
from noticekg.graph import notice_graph
from noticekg.graph.stores import MemoryStore, OxigraphStore, RemoteStore, Store
from noticekg.queries import NamedQuery, catalogue, run_query

TESTS = Path(__file__).parents[1] / "tests" / "stores"
# rdflib in memory is left out above this many notices: loading alone takes minutes there.
MEMORY_LIMIT = 1000


def peak_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def write_corpus(texts: list[str], directory: Path) -> list[Path]:
    paths = []
    for number, text in enumerate(texts):
        path = directory / f"notice-{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def jieba_rate(texts: list[str]) -> float:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    sample = texts[: min(len(texts), 100)]
    started = time.perf_counter()
    for text in sample:
        tokenizer.lcut(text)
    return sum(map(len, sample)) / (time.perf_counter() - started)


def extraction(directory: Path, workers: int, chars: int, jieba_cps: float) -> list[str]:
    """A full corpus run (extract + load) into a fresh Oxigraph store."""
    with tempfile.TemporaryDirectory() as db:
        store = OxigraphStore(Path(db) / "db")
        summary = load_corpus([directory], store, workers=workers, progress=False)
        store.close()
    cps = chars / summary.seconds
    return [
        f"workers={workers}",
        f"{summary.read / summary.seconds:.1f} notices/s",
        f"{cps:,.0f} chars/s",
        f"{jieba_cps / cps:.1f}× jieba.lcut time",
        f"{summary.triples:,} triples",
        f"{len(summary.failed)} failed",
    ]


def graphs(texts: list[str]) -> Iterator[tuple[URIRef, str]]:
    for text in texts:
        graph = notice_graph(extract_notice(text))
        yield URIRef(graph.identifier), graph.serialize(format="nt")


def load_time(store: Store, data: list[tuple[URIRef, str]]) -> float:
    started = time.perf_counter()
    for iri, ntriples in data:
        store.replace_notice_ntriples(iri, ntriples)
    return time.perf_counter() - started


def params_for(named: NamedQuery, label: str) -> dict[str, str]:
    """Values for required parameters: a label every generated notice has; IRIs left out."""
    values: dict[str, str] = {}
    for param in named.params:
        if not param.required:
            continue
        if param.type == "string":
            values[param.name] = label
        elif param.type in ("integer", "decimal"):
            values[param.name] = "1"
        elif param.type == "date":
            values[param.name] = "2000-01-01"
    return values


def median_latency(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


_FORKED_RUN: Callable[[], object] | None = None


def _forked_latency(repeat: int) -> float:
    assert _FORKED_RUN is not None
    return median_latency(_FORKED_RUN, repeat)


def bounded_latency(run: Callable[[], object], repeat: int, budget: float) -> float | None:
    """:func:`median_latency` in a forked process, ``None`` past ``budget`` seconds (rdflib
    takes minutes on some property-path queries)."""
    global _FORKED_RUN
    _FORKED_RUN = run  # inherited by the fork, never pickled (the store can be big)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        job = pool.apply_async(_forked_latency, (repeat,))
        try:
            return float(job.get(timeout=budget))
        except multiprocessing.TimeoutError:
            return None


def servers_for(stack: ExitStack) -> dict[str, RemoteStore]:
    """Oxigraph server and Virtuoso as the tests start them, where they can run."""
    sys.path.insert(0, str(TESTS))
    import store_servers as servers

    found: dict[str, RemoteStore] = {}
    if servers.oxigraph_binary() is not None:
        directory = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        server = stack.enter_context(servers.oxigraph_server(directory))
        found["oxigraph-server"] = RemoteStore(server.query, update_endpoint=server.update)
    if Path(servers.VIRTUOSO).is_file():
        directory = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        server = stack.enter_context(servers.virtuoso_server(directory))
        found["virtuoso"] = RemoteStore(server.query, update_endpoint=server.update, timeout=600)
    return found


def bench(n: int, *, use_servers: bool, repeat: int, budget: float) -> None:
    texts = list(generate(n))
    chars = sum(map(len, texts))
    print(f"\n## N = {n} notices, {chars:,} characters")
    jieba_cps = jieba_rate(texts)
    print(f"jieba.lcut: {jieba_cps:,.0f} chars/s")
    with tempfile.TemporaryDirectory() as corpus:
        write_corpus(texts, Path(corpus))
        for workers in (1, 2):
            print(
                "extract+load (oxigraph): "
                + " · ".join(extraction(Path(corpus), workers, chars, jieba_cps))
            )
    own, children = peak_mib()
    print(f"peak RSS so far: this process {own:.0f} MiB, largest worker {children:.0f} MiB")

    data = list(graphs(texts))
    with ExitStack() as stack:
        db = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        stores: dict[str, Store] = {}
        if n <= MEMORY_LIMIT:
            stores["memory"] = MemoryStore()
        stores["oxigraph"] = OxigraphStore(db / "db")
        if use_servers:
            stores.update(servers_for(stack))
        for name, store in stores.items():
            seconds = load_time(store, data)
            print(f"load {name:<16} {seconds:8.2f} s  ({store.triple_count():,} triples)")
        own, _ = peak_mib()
        print(f"peak RSS after loading: {own:.0f} MiB")

        label = extract_notice(texts[0]).entities[0].name
        names = list(stores)
        print("\nmedian query latency (ms)")
        print(f"{'query':<32}" + "".join(f"{s:>17}" for s in names) + f"{'rdflib/oxigraph':>17}")
        for named in catalogue():
            params = params_for(named, label)
            cells: dict[str, float] = {}
            for name, store in stores.items():
                run = partial(run_query, named, store, params)
                try:
                    if name == "memory":
                        took = bounded_latency(run, repeat, budget)
                    else:
                        took = median_latency(run, repeat)
                except NoticekgError:
                    took = None  # refused by this server (see the tests for which)
                if took is not None:
                    cells[name] = took
            row = "".join(
                f"{cells[s] * 1000:>17.1f}" if s in cells else f"{'—':>17}" for s in names
            )
            ratio = (
                f"{cells['memory'] / cells['oxigraph']:>17.2f}"
                if "memory" in cells and cells["oxigraph"] > 0
                else f"{'':>17}"
            )
            print(f"{named.name:<32}{row}{ratio}")
            sys.stdout.flush()
        for store in stores.values():
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--big", action="store_true", help="add N = 10,000")
    parser.add_argument("--no-servers", action="store_true", help="embedded stores only")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="give up timing a query on rdflib after this long (shown as —)",
    )
    args = parser.parse_args()
    sizes = [*args.sizes, *([10000] if args.big else [])]
    for n in sizes:
        bench(n, use_servers=not args.no_servers, repeat=args.repeat, budget=args.budget)


if __name__ == "__main__":
    main()
