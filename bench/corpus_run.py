"""One corpus run (extract + load into a fresh Oxigraph store) in a process of its own, so its
peak memory is its own: ``python -m bench.corpus_run CORPUS DB --workers N [--limit K]``.

Prints one JSON object: files read, seconds, triples, failures, the seconds spent writing to
the store and compacting it at the end, and the peak resident memory of the run's main process
and of its largest worker.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Sequence
from pathlib import Path

from rdflib import URIRef

from noticekg.corpus import load_corpus, notice_files
from noticekg.graph.stores import OxigraphStore


class TimedStore(OxigraphStore):
    """An Oxigraph store that adds up the time its writes take, and can keep what it wrote."""

    def __init__(self, directory: Path, dump: Path | None) -> None:
        super().__init__(directory)
        self.write_seconds = 0.0
        self.dump = dump

    def add_notices(self, notices: Sequence[tuple[URIRef, str]]) -> int:
        # A corpus run writes every notice through here, except one replacing graphs of
        # earlier runs, which a run into a fresh store never meets.
        started = time.perf_counter()
        count = super().add_notices(notices)
        self.write_seconds += time.perf_counter() - started
        if self.dump is not None:
            with self.dump.open("a", encoding="utf-8") as out:
                for graph_iri, ntriples in notices:
                    out.write(json.dumps({"iri": str(graph_iri), "nt": ntriples}) + "\n")
        return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, help="only the first K files")
    parser.add_argument("--dump", type=Path, help="keep the graphs written (JSON lines)")
    args = parser.parse_args()
    files, _ = notice_files([args.corpus])
    if args.limit is not None:
        files = files[: args.limit]
    chars = sum(len(path.read_text(encoding="utf-8")) for path in files)
    store = TimedStore(args.db, args.dump)
    summary = load_corpus(files, store, workers=args.workers, progress=False)
    store.close()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = {
        "read": summary.read,
        "chars": chars,
        "seconds": summary.seconds,
        "triples": summary.triples,
        "failed": len(summary.failed),
        "write_seconds": store.write_seconds,
        "compact_seconds": summary.compacted or 0.0,
        "peak_mib": own,
        "worker_peak_mib": children,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
