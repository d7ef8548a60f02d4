"""``noticekg extract`` and ``noticekg demo``: notices in, graph files out."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from importlib.resources import as_file
from pathlib import Path

from tqdm import tqdm

from noticekg.cli.common import add_store_options, open_store_option
from noticekg.cli.viz import WHOLE_VIEW_NOTICES
from noticekg.corpus import CorpusRun, extract_corpus, load_corpus
from noticekg.errors import InputError, NoticekgError
from noticekg.extract import Notice
from noticekg.graph import (
    DEFAULT_BASE,
    FORMATS,
    build_dataset,
    render_html,
    to_networkx,
    write_dataset,
)
from noticekg.graph import validate as shacl_validate
from noticekg.graph.stores import MemoryStore, OxigraphStore
from noticekg.queries import catalogue, query_form, run_query
from noticekg.samples import sample_notice


def register(commands: argparse._SubParsersAction) -> None:
    extract = commands.add_parser(
        "extract",
        help="notices (files or folders) to RDF",
        description="Extract notices (.txt, .html, .htm, .docx, .pdf; folders recursively) into "
        "one RDF file (-o) or a store (--store), one named graph per notice. With --store, "
        "notices whose text is already stored are skipped and the rest run in parallel. "
        "Unreadable files are reported and skipped.",
    )
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    extract.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="graph file (optional with --store)"
    )
    extract.add_argument(
        "--format",
        choices=sorted(FORMATS),
        help="output format (default: from the suffix of OUT, else turtle); "
        "trig keeps each notice in its own named graph",
    )
    extract.add_argument("--base", default=DEFAULT_BASE, help="base IRI of the resources")
    add_store_options(extract, data=False)
    extract.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes for --store runs (default: the number of cores)",
    )
    extract.add_argument(
        "--keep-answers",
        action="store_true",
        help="with --store oxigraph:DIR: after the run, ask every catalogue query that needs no "
        "parameter once, so its answer is kept and the first user to ask it waits no longer "
        "(the slow queries users asked before the run are asked again in any case)",
    )
    extract.add_argument(
        "--prune",
        action="store_true",
        help="with --store: remove the graphs of notices whose files are gone from the folders "
        "given (notices stored from elsewhere are kept)",
    )
    extract.set_defaults(run=run_extract)

    demo = commands.add_parser(
        "demo",
        help="the main job on the bundled sample notice",
        description="Extract the bundled sample notice, write graph.ttl and graph.html into DIR, "
        "validate the graph and print a summary.",
    )
    demo.add_argument("-o", "--output", type=Path, default=Path("noticekg-demo"), metavar="DIR")
    demo.set_defaults(run=run_demo)


def run_extract(args: argparse.Namespace) -> int:
    if args.store is not None:
        return run_extract_into_store(args)
    if args.prune:
        raise InputError("--prune removes notices from a store: add --store STORE")
    if args.output is None:
        raise InputError("extract: give -o OUT, --store STORE, or both")
    fmt = args.format or format_for(args.output)
    corpus = extract_corpus(args.paths)
    if not corpus.notices:
        if len(corpus.skipped) == 1:
            raise InputError(corpus.skipped[0].message)
        report_skipped(corpus)
        raise InputError(f"none of {len(corpus.skipped)} inputs could be read; nothing written")
    report_skipped(corpus)
    dataset = build_dataset(corpus.notices, base=args.base, locations=corpus.locations)
    write_dataset(dataset, args.output, fmt)
    print(
        f"{len(corpus.notices)} notice(s) → {args.output} ({fmt})"
        + (f"; {len(corpus.skipped)} skipped" if corpus.skipped else ""),
        file=sys.stderr,
    )
    return 0


def run_extract_into_store(args: argparse.Namespace) -> int:
    """A corpus run: stream notice graphs into the store, then (with ``-o``) export it."""
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers {args.workers}: give at least 1")
    if args.store == "memory" and args.output is None:
        raise InputError("--store memory keeps nothing after the run: add -o OUT")
    if args.output is not None and args.store != "memory":
        raise InputError("-o with --store works only with --store memory; query the store instead")
    if args.keep_answers and not args.store.startswith("oxigraph:"):
        raise InputError(
            "--keep-answers: only with --store oxigraph:DIR, beside which they are kept"
        )
    store = open_store_option(args, writes=True)
    assert store is not None
    try:
        summary = load_corpus(
            args.paths, store, workers=args.workers, base=args.base, prune=args.prune
        )
        for line in summary.lines():
            print(f"noticekg: {line}", file=sys.stderr)
        if summary.read and summary.written + summary.unchanged == 0:
            raise InputError(f"none of {summary.read} inputs could be read; nothing written")
        if not summary.read and not summary.pruned:
            messages = [failure.message for failure in summary.failed]
            raise InputError(messages[0] if len(messages) == 1 else "no notice files found")
        if isinstance(store, MemoryStore) and args.output is not None:
            fmt = args.format or format_for(args.output)
            write_dataset(store.dataset, args.output, fmt)
            print(f"noticekg: {summary.written} notice(s) → {args.output} ({fmt})", file=sys.stderr)
    finally:
        store.close()
    if isinstance(store, OxigraphStore):
        keep_answers(store.directory, whole_catalogue=args.keep_answers)
    return 0


def keep_answers(directory: Path, *, whole_catalogue: bool) -> None:
    """Ask the store, as closed after the run, the queries whose answers were kept before the
    run changed its data (what users asked, most recently first, up to ``MAX_ASKED``) and, with
    ``whole_catalogue``, every catalogue query that needs no parameter (whole-corpus lists and
    counts: seconds each at 10,000 notices), keeping every answer.

    The whole network view is asked only of a store ``viz`` draws whole: at 10,000 notices it
    ran past five minutes, for an answer no command would read."""
    started = time.perf_counter()
    store = OxigraphStore(directory, read_only=True, keep_after=0.0)
    try:
        asked = store.answers.asked()
        queries = []
        if whole_catalogue:
            drawn_whole = len(store.notice_hashes()) <= WHOLE_VIEW_NOTICES
            queries = [
                query
                for query in catalogue()
                if query_form(query) == "SELECT"
                and not any(param.required for param in query.params)
                and (drawn_whole or query.name != "network-view")
            ]
        if not asked and not queries:
            return
        show = sys.stderr.isatty()
        failed = 0
        with tqdm(
            total=len(asked) + len(queries),
            desc="keeping answers",
            file=sys.stderr,
            disable=not show,
        ) as bar:
            bar.set_postfix_str("asked before the run")
            for text in asked:
                try:
                    store.query(text)
                except NoticekgError:
                    failed += 1  # a query the store no longer answers is not asked again
                store.answers.asked_again(text)
                bar.update()
            for query in queries:
                bar.set_postfix_str(query.name)
                run_query(query, store, {})
                bar.update()
    finally:
        store.close()
    seconds = time.perf_counter() - started
    kept = len(asked) + len(queries) - failed
    notes = [f"{len(asked)} asked before the run"] if asked else []
    if failed:
        notes.append(f"{failed} no longer answered")
    detail = f" ({'; '.join(notes)})" if notes else ""
    print(f"noticekg: answers of {kept} queries kept in {seconds:.1f} s{detail}", file=sys.stderr)


def run_demo(args: argparse.Namespace) -> int:
    out: Path = args.output
    out.mkdir(parents=True, exist_ok=True)
    with as_file(sample_notice()) as path:
        corpus = extract_corpus([path], progress=False)
    report_skipped(corpus)
    (notice,) = corpus.notices
    dataset = build_dataset(corpus.notices)
    write_dataset(dataset, out / "graph.ttl", "turtle")
    render_html(to_networkx(dataset), out / "graph.html", title=notice.header.title or "noticekg")
    report = shacl_validate(dataset)
    print(summary(notice, triples=len(dataset), conforms=report.conforms, out=out))
    return 0 if report.conforms else 5


def summary(notice: Notice, *, triples: int, conforms: bool, out: Path) -> str:
    """What a user wants to see first: the notice, the inspection, counts, the problems."""
    h, i = notice.header, notice.inspection
    lines = [
        f"notice      {h.title}",
        f"publisher   {h.publisher} · published {h.published} · 索引号 {h.index_no}",
    ]
    if i is not None:
        lines.append(
            f"inspection  {i.inspector or i.kind} → {i.target} "
            f"({i.start} – {i.end}, feedback {i.feedback}; ordered by {i.authority})"
        )
    types = Counter(e.type.value for e in notice.entities)
    lines.append(
        f"extracted   {len(notice.problems)} problems, {len(notice.measures)} measures, "
        f"{len(notice.metrics)} metrics, {len(notice.relations)} relations, "
        + ", ".join(f"{n} {t}" for t, n in sorted(types.items()))
    )
    lines.append(
        f"graph       {triples} triples · SHACL {'conforms' if conforms else 'VIOLATIONS'}"
    )
    lines.append("problems")
    lines += [f"  {p.n:>2}. {p.title}" for p in notice.problems]
    lines.append(f"written     {out / 'graph.ttl'}, {out / 'graph.html'}")
    return "\n".join(lines)


def format_for(path: Path) -> str:
    """The output format a file name asks for, Turtle when it says nothing."""
    by_suffix = {suffix: fmt for fmt, suffix in FORMATS.items()}
    return by_suffix.get(path.suffix.lower(), "turtle")


def report_skipped(corpus: CorpusRun) -> None:
    for skipped in corpus.skipped:
        print(f"noticekg: skipped: {skipped.message}", file=sys.stderr)
