"""Corpus runs and stores at scale: extraction throughput, load time, peak memory, query latency.

    python -m bench.stores [--sizes 100 1000] [--big] [--no-servers] [--repeat 5]
    python -m bench.stores --on DIR [--repeat 5]     # only the latency, on a store made before

For each corpus size N (100 and 1,000; 10,000 with ``--big``) it generates N varied notices
(bench/corpus.py), then prints: extraction throughput with 1 and 2 worker processes against
``jieba.lcut`` over the same text; the time to load the notice graphs into each store; the peak
resident memory of the run; and the median latency of every catalogue query on each store, with
the rows it answers and the rdflib/Oxigraph ratio, and on the Oxigraph store once the answer is
kept beside it (noticekg/graph/stores/answers.py). Entity lookups run for a typical organisation
and for the most mentioned one; a query past ``--budget`` is stopped and shown as —. Servers
(Oxigraph server, Virtuoso) are started as in the tests when available. Figures, not
assertions: run it on the machine you care about.
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
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

import jieba
from rdflib import URIRef

from bench.corpus import generate
from noticekg.corpus import BATCH
from noticekg.errors import NoticekgError
from noticekg.graph.stores import MemoryStore, OxigraphStore, RemoteStore, Store
from noticekg.graph.stores.oxigraph import KEEP_AFTER
from noticekg.queries import NamedQuery, QueryResult, catalogue, get_query, run_query

ROOT = Path(__file__).parents[1]
TESTS = ROOT / "tests" / "stores"
# A one-worker run reads at most this many files; its rate does not depend on the corpus size.
ONE_WORKER_LIMIT = 1000
# Organisation labels by their mentions: entity parameters for a typical lookup (the median
# label) and the hardest one (the most mentioned).
LABELS_BY_MENTIONS = Path(__file__).with_name("labels-by-mentions.rq")
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
    """Seconds to write the graphs of ``dump`` as a corpus run does, :data:`BATCH` at a time."""
    seconds = 0.0
    notices = graphs(dump)
    while batch := list(islice(notices, BATCH)):
        started = time.perf_counter()
        store.add_notices(batch)
        seconds += time.perf_counter() - started
    return seconds


def params_for(named: NamedQuery, label: str, notice: str) -> dict[str, str]:
    """Values for required parameters, and for an optional entity name (nodes-around takes a
    name or an IRI): a label the corpus has, a notice IRI where one is required; optional IRIs
    left out, so lists cover every notice."""
    values: dict[str, str] = {}
    for param in named.params:
        if param.type == "string" and param.name == "label":
            values[param.name] = label
        elif not param.required:
            continue
        elif param.type == "iri":
            values[param.name] = notice
        elif param.type in ("integer", "decimal"):
            values[param.name] = "1"
        elif param.type == "date":
            values[param.name] = "2000-01-01"
    return values


def variants(
    named: NamedQuery, typical: str, most: str, notice: str
) -> list[tuple[str, dict[str, str]]]:
    """The runs a query is timed in: an entity lookup for a typical and for the most mentioned
    organisation; a list over the corpus, and over one notice where it takes a notice."""
    names = {p.name for p in named.params}
    if "label" in names:
        return [
            (f"{named.name} (typical)", params_for(named, typical, notice)),
            (f"{named.name} (most mentioned)", params_for(named, most, notice)),
        ]
    params = params_for(named, typical, notice)
    if "notice" in names and "notice" not in params:
        return [(named.name, params), (f"{named.name} (one notice)", {**params, "notice": notice})]
    return [(named.name, params)]


@dataclass
class Timing:
    """Median seconds of the timed runs, or ``None`` past the budget or when the store refused
    the query (``refused`` then holds its reason); rows of the answer."""

    seconds: float | None
    rows: int | None = None
    refused: str = ""


def timed(run: Callable[[], QueryResult], repeat: int) -> Timing:
    rows = len(run().rows)  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return Timing(statistics.median(times), rows)


_FORKED_RUN: Callable[[], QueryResult] | None = None


def _forked_timing(repeat: int) -> Timing:
    assert _FORKED_RUN is not None
    return timed(_FORKED_RUN, repeat)


def _oxigraph_timing(
    db: str, name: str, params: dict[str, str], repeat: int, keep: bool = False
) -> Timing:
    """The engine's time, or with ``keep`` what a command takes once the answer is kept (the
    warm-up run keeps it; answers the engine gives within ``KEEP_AFTER`` are not kept)."""
    store = OxigraphStore(Path(db), read_only=True, keep_after=KEEP_AFTER if keep else None)
    return timed(partial(run_query, get_query(name), store, params), repeat)


def bounded(job: Callable[..., Timing], args: tuple, context: str, budget: float) -> Timing:
    """``job(*args)`` in a process of its own, given up past ``budget`` seconds: a whole-corpus
    query can run for many minutes, and a thread cannot be stopped."""
    with multiprocessing.get_context(context).Pool(1) as pool:
        try:
            return pool.apply_async(job, args).get(timeout=budget)
        except multiprocessing.TimeoutError:
            return Timing(None)


def timing(
    store: Store,
    named: NamedQuery,
    params: dict[str, str],
    repeat: int,
    budget: float,
    *,
    kept: bool = False,
) -> Timing:
    """Oxigraph in a fresh process on the store opened read-only (``kept``: reading answers
    kept beside it); rdflib in a fork of this one (the store lives here and is never pickled);
    servers here, under their own timeout."""
    global _FORKED_RUN
    if isinstance(store, OxigraphStore):
        job = (str(store.directory), named.name, params, repeat, kept)
        return bounded(_oxigraph_timing, job, "spawn", budget)
    run = partial(run_query, named, store, params)
    if isinstance(store, MemoryStore):
        _FORKED_RUN = run  # inherited by the fork
        return bounded(_forked_timing, (repeat,), "fork", budget)
    return timed(run, repeat)


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
            "store writes | compaction | peak RSS main | peak RSS worker |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        runs = {}
        for workers in (1, 2):
            # One worker over a tenth of the big corpus: the rate is the same, the wait is not.
            limit = ONE_WORKER_LIMIT if workers == 1 and n > ONE_WORKER_LIMIT else None
            db = work / f"db{workers}"
            run = corpus_run(corpus, db, workers, limit=limit, dump=dump if workers == 2 else None)
            runs[workers] = run
            cps = run["chars"] / run["seconds"]
            # One worker extracts in the main process: no worker process, no peak of its own.
            worker_peak = f"{run['worker_peak_mib']:.0f} MiB" if run["worker_peak_mib"] else "—"
            print(
                f"| {workers} | {run['read']:,} | {run['read'] / run['seconds']:.1f} | "
                f"{cps:,.0f} | {jieba_cps / cps:.1f} | {run['triples']:,} | "
                f"{run['write_seconds']:.1f} s | {run['compact_seconds']:.1f} s | "
                f"{run['peak_mib']:.0f} MiB | {worker_peak} |"
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

        print_latencies(stores, repeat, budget)
        for store in stores.values():
            store.close()


def print_latencies(stores: dict[str, Store], repeat: int, budget: float) -> None:
    """The latency table of every catalogue query; parameters are taken from the Oxigraph
    store, which every store of a run holds the same notices as."""
    embedded = stores["oxigraph"]
    assert isinstance(embedded, OxigraphStore)
    typical, most = entity_labels(embedded)
    notice = str(run_query(get_query("notice-graphs"), embedded, {}).rows[0][0])
    names = list(stores)
    if embedded.revision() is None:
        print(
            "\nthe Oxigraph store has no revision yet (a run of this noticekg sets one): "
            "no answers kept"
        )
    else:
        names.insert(1, "oxigraph, kept")
    print(
        f"\nmedian query latency (ms; — past {budget:g} s; refused: the store's error is on "
        f"stderr); an entity query runs for a "
        f"typical organisation ({typical}) and for the most mentioned one ({most}); "
        f"'oxigraph' is the engine, 'kept' reads answers kept from the warm-up run\n"
    )
    print("| query | rows | " + " | ".join(names) + " | rdflib/oxigraph |")
    print("|---" * (len(names) + 3) + "|")
    for named in catalogue():
        for title, params in variants(named, typical, most, notice):
            cells: dict[str, Timing] = {}
            for name in names:
                store = stores.get(name, embedded)
                try:
                    cells[name] = timing(
                        store, named, params, repeat, budget, kept=name == "oxigraph, kept"
                    )
                except NoticekgError as error:
                    cells[name] = Timing(None, refused=str(error))
                    print(f"{title} on {name}: {error}", file=sys.stderr)
            print(latency_row(title, cells))
            sys.stdout.flush()


def entity_labels(store: Store) -> tuple[str, str]:
    """The median and the most mentioned organisation labels."""
    query = LABELS_BY_MENTIONS.read_text(encoding="utf-8")
    labels = [str(row[0]) for row in store.query(query)]  # type: ignore[index]
    return labels[len(labels) // 2], labels[0]


def latency_row(title: str, cells: dict[str, Timing]) -> str:
    """A row of the table; a store that answers with other row counts than the first says how
    many (a server can cut answers short)."""
    rows = next((t.rows for t in cells.values() if t.rows is not None), None)
    times = " | ".join(_latency_cell(t, rows) for t in cells.values())
    memory, oxigraph = cells.get("memory"), cells.get("oxigraph")
    ratio = ""
    if memory and oxigraph and memory.seconds and oxigraph.seconds:
        ratio = f"{memory.seconds / oxigraph.seconds:.2f}"
    return f"| {title} | {'—' if rows is None else f'{rows:,}'} | {times} | {ratio} |"


def _latency_cell(timing: Timing, rows: int | None) -> str:
    if timing.seconds is None:
        return "refused" if timing.refused else "—"
    shown = f"{timing.seconds * 1000:.1f}"
    return shown if timing.rows == rows else f"{shown} ({timing.rows:,} rows)"


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
        help="give up timing a query after this long (shown as —)",
    )
    parser.add_argument(
        "--on",
        type=Path,
        metavar="DIR",
        help="only time the queries, on the Oxigraph store in DIR (a corpus run's result)",
    )
    args = parser.parse_args()
    if args.on is not None:
        store = OxigraphStore(args.on, read_only=True)
        print_latencies({"oxigraph": store}, args.repeat, args.budget)
        store.close()
        return
    sizes = [*args.sizes, *([10000] if args.big else [])]
    for n in sizes:
        bench(n, use_servers=not args.no_servers, repeat=args.repeat, budget=args.budget)


if __name__ == "__main__":
    main()
