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
import json
import multiprocessing
import statistics
import subprocess
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
from noticekg.errors import NoticekgError
from noticekg.graph.stores import MemoryStore, OxigraphStore, RemoteStore, Store
from noticekg.queries import NamedQuery, catalogue, run_query

ROOT = Path(__file__).parents[1]
TESTS = ROOT / "tests" / "stores"
# A one-worker run reads at most this many files; its rate does not depend on the corpus size.
ONE_WORKER_LIMIT = 1000
MOST_MENTIONED = """PREFIX nkg: <https://w3id.org/noticekg/ontology#>
SELECT ?label WHERE {
  ?org a nkg:GovernmentBody ; <http://www.w3.org/2000/01/rdf-schema#label> ?label ;
       nkg:mentionedIn ?mention .
}
GROUP BY ?org ?label ORDER BY DESC(COUNT(?mention)) ?label LIMIT 1"""
# rdflib in memory is left out above this many notices: loading alone takes minutes there.
MEMORY_LIMIT = 1000


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


def corpus_run(
    corpus: Path, db: Path, workers: int, *, limit: int | None = None, dump: Path | None = None
) -> dict[str, float]:
    """:mod:`bench.corpus_run` in a process of its own (its peak memory is the run's)."""
    command = [sys.executable, "-m", "bench.corpus_run", str(corpus), str(db)]
    command += ["--workers", str(workers)]
    if limit is not None:
        command += ["--limit", str(limit)]
    if dump is not None:
        command += ["--dump", str(dump)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"corpus run failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def graphs(dump: Path) -> Iterator[tuple[URIRef, str]]:
    """The notice graphs a corpus run wrote, one at a time."""
    with dump.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield URIRef(record["iri"]), record["nt"]


def load_time(store: Store, dump: Path) -> float:
    seconds = 0.0
    for iri, ntriples in graphs(dump):
        started = time.perf_counter()
        store.replace_notice_ntriples(iri, ntriples)
        seconds += time.perf_counter() - started
    return seconds


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
    print(f"\n## N = {n:,} notices, {chars:,} characters\n")
    jieba_cps = jieba_rate(texts)
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        corpus, dump = work / "corpus", work / "graphs.jsonl"
        corpus.mkdir()
        write_corpus(texts, corpus)
        del texts
        print(f"jieba.lcut alone: {jieba_cps:,.0f} chars/s\n")
        print(
            "| workers | notices | notices/s | chars/s | × jieba.lcut time | triples | "
            "store writes | peak RSS main | peak RSS worker |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        runs = {}
        for workers in (1, 2):
            # One worker over a tenth of the big corpus: the rate is the same, the wait is not.
            limit = ONE_WORKER_LIMIT if workers == 1 and n > ONE_WORKER_LIMIT else None
            db = work / f"db{workers}"
            run = corpus_run(corpus, db, workers, limit=limit, dump=dump if workers == 2 else None)
            runs[workers] = run
            cps = run["chars"] / run["seconds"]
            print(
                f"| {workers} | {run['read']:,} | {run['read'] / run['seconds']:.1f} | "
                f"{cps:,.0f} | {jieba_cps / cps:.1f} | {run['triples']:,} | "
                f"{run['write_seconds']:.1f} s | {run['peak_mib']:.0f} MiB | "
                f"{run['worker_peak_mib']:.0f} MiB |"
            )
            sys.stdout.flush()

        stores: dict[str, Store] = {"oxigraph": OxigraphStore(work / "db2")}
        loads = {"oxigraph": runs[2]["write_seconds"]}
        if n <= MEMORY_LIMIT:
            stores["memory"] = MemoryStore()
        if use_servers:
            stores.update(servers_for(stack))
        for name, store in stores.items():
            if name != "oxigraph":
                loads[name] = load_time(store, dump)
        print("\n| store | load (s) | triples |\n|---|---|---|")
        for name, store in stores.items():
            print(f"| {name} | {loads[name]:.1f} | {store.triple_count():,} |")
        sys.stdout.flush()

        label = most_mentioned_label(stores["oxigraph"])
        names = list(stores)
        print(f"\nmedian query latency (ms), entity parameters = {label}\n")
        print("| query | " + " | ".join(names) + " | rdflib/oxigraph |")
        print("|---" * (len(names) + 2) + "|")
        for named in catalogue():
            params = params_for(named, label)
            cells: dict[str, float] = {}
            for name, store in stores.items():
                run_once = partial(run_query, named, store, params)
                try:
                    if name == "memory":
                        took = bounded_latency(run_once, repeat, budget)
                    else:
                        took = median_latency(run_once, repeat)
                except NoticekgError:
                    took = None  # refused by this server, or a parameter the bench cannot fill
                if took is not None:
                    cells[name] = took
            row = " | ".join(f"{cells[s] * 1000:.1f}" if s in cells else "—" for s in names)
            ratio = (
                f"{cells['memory'] / cells['oxigraph']:.2f}"
                if "memory" in cells and cells.get("oxigraph")
                else ""
            )
            print(f"| {named.name} | {row} | {ratio} |")
            sys.stdout.flush()
        for store in stores.values():
            store.close()


def most_mentioned_label(store: Store) -> str:
    """The label of the organisation mentioned in most notices: the hardest entity parameter."""
    result = store.query(MOST_MENTIONED)
    return str(next(iter(result))[0])  # type: ignore[index]


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
