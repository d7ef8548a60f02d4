"""Many notices at once: which files to read, extracting them in parallel into a store, and
carrying on past the ones that are broken."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rdflib import URIRef
from tqdm import tqdm

from noticekg.errors import InputError
from noticekg.extract import Notice, extract_file, extract_notice, read_text
from noticekg.graph import DEFAULT_BASE, notice_ntriples
from noticekg.graph.iris import file_at, source_location
from noticekg.graph.stores import Store

NOTICE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
PROGRESS_LABEL = "notices"

# New notices handed to the store at a time (Store.add_notices). Oxigraph's bulk loader needs
# about 10 MB of memory per notice of a batch: 400 notices into a new store took 37 s of
# writes one by one (peak 172 MiB), 18 s in batches of 10 (215 MiB), 16 s in batches of 20
# (331 MiB) and 17 s in batches of 50 (635 MiB).
BATCH = 20


@dataclass(frozen=True)
class Skipped:
    """A file that yielded no notice; ``message`` is the one-line reason, naming the file."""

    path: Path
    message: str


@dataclass(frozen=True)
class CorpusRun:
    """The notices read, the files skipped, and each notice's source file as a file: URI
    (content hash → :func:`~noticekg.graph.iris.source_location`)."""

    notices: tuple[Notice, ...]
    skipped: tuple[Skipped, ...]
    locations: dict[str, str] = field(default_factory=dict)


def notice_files(paths: Sequence[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files named directly, plus notice files found recursively under directories."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if _is_notice_file(p))
            if not inside:
                suffixes = ", ".join(NOTICE_SUFFIXES)
                skipped.append(Skipped(path, f"{path}: no notices ({suffixes}) in this folder"))
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            skipped.append(Skipped(path, f"{path}: no such file or directory"))
    return found, skipped


def extract_corpus(paths: Sequence[Path], *, progress: bool | None = None) -> CorpusRun:
    """Extract every notice under ``paths``; unreadable files and repeated texts are skipped.

    ``progress=None`` shows a bar only when stderr is a terminal.
    """
    files, skipped = notice_files(paths)
    notices: list[Notice] = []
    seen: dict[str, Path] = {}
    locations: dict[str, str] = {}
    show = sys.stderr.isatty() if progress is None else progress
    for path in _progress(files, show):
        try:
            notice = extract_file(path)
        except InputError as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        if notice.sha256 in seen:
            skipped.append(Skipped(path, f"{path}: same text as {seen[notice.sha256]}"))
            continue
        seen[notice.sha256] = path
        locations[notice.sha256] = source_location(path)
        notices.append(notice)
    return CorpusRun(tuple(notices), tuple(skipped), locations)


def _is_notice_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in NOTICE_SUFFIXES


def _progress(files: list[Path], show: bool) -> Iterator[Path]:
    if not show or len(files) < 2:
        yield from files
        return
    yield from tqdm(files, desc=PROGRESS_LABEL, unit="notice", file=sys.stderr)


# --- corpus runs into a store -------------------------------------------------------------


@dataclass(frozen=True)
class LoadSummary:
    """What a corpus run did: files read, notices written (and their triples), notices skipped
    because their text is already stored, earlier graphs of changed files dropped, failures
    with their one-line reasons, and the seconds spent compacting the store, if it was."""

    read: int
    written: int
    triples: int
    unchanged: int
    failed: tuple[Skipped, ...]
    seconds: float
    dropped: int = 0
    pruned: int = 0
    compacted: float | None = None

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        head = (
            f"{self.read} notice file(s) read in {self.seconds:.1f} s ({rate:.1f} notices/s): "
            f"{self.written} written ({self.triples} triples), {self.unchanged} unchanged "
            f"(skipped), {len(self.failed)} failed"
        )
        if self.dropped:
            head += f"; {self.dropped} earlier graph(s) of changed files dropped"
        if self.pruned:
            head += f"; {self.pruned} graph(s) of deleted files pruned"
        if self.compacted is not None:
            head += f"; store compacted in {self.compacted:.1f} s"
        return [head, *(f"  failed: {failure.message}" for failure in self.failed)]


@dataclass(frozen=True)
class _Outcome:
    """A worker's answer for one file; ``ntriples`` travels instead of a graph because text
    pickles fast and the store can load it without rebuilding rdflib objects."""

    path: Path
    sha256: str = ""
    location: str = ""
    graph_iri: str = ""
    ntriples: str = ""
    triples: int = 0
    error: str = ""


# Set once in each worker process by :func:`_start_worker`.
_KNOWN: frozenset[str] = frozenset()
_BASE: str = DEFAULT_BASE


def load_corpus(
    paths: Sequence[Path],
    store: Store,
    *,
    workers: int | None = None,
    base: str = DEFAULT_BASE,
    progress: bool | None = None,
    prune: bool = False,
) -> LoadSummary:
    """Extract every notice under ``paths`` into ``store``, one named graph each.

    Notices whose text is already stored are skipped; the rest are extracted in ``workers``
    processes (default: one per core) and written as they arrive, so memory holds only the few
    graphs in flight. A file that comes back with other text replaces its earlier graph, which
    goes in the same step even when the notice IRI (a text hash) changed with the text. A file
    that cannot be read or extracted is reported and the others go on. With ``prune``, the
    graphs of files that were read from the folders in ``paths`` and are gone from them now
    are removed, unless a file of this run has the same text. A run that at least doubles the
    store ends by compacting it (:meth:`~noticekg.graph.stores.Store.compact`).

    :raises StoreError: when the store refuses a write (the run stops; stored notices stay).
    """
    started = time.perf_counter()
    files, failed = notice_files(paths)
    known = store.notice_hashes()
    writer = _Writer(store, known, store.notice_locations(), failed)
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(
        total=len(files), desc=PROGRESS_LABEL, unit="notice", file=sys.stderr, disable=not show
    )
    try:
        for outcome in _outcomes(files, frozenset(known), workers, base):
            bar.update(1)
            writer.take(outcome)
        # Files skipped as unchanged whose stored graph went with another (changed) file of
        # the same text: they are extracted after all, so their text stays in the store.
        for outcome in _outcomes(writer.orphans, frozenset(), workers, base):
            writer.unchanged -= 1
            writer.take(outcome)
        writer.write_batch()
        pruned = writer.deleted([path for path in paths if path.is_dir()]) if prune else []
        store.drop_notice_graphs(pruned)
        compacted = _compact(store, written=writer.written, held=len(known), bar=bar)
    finally:
        bar.close()
    return LoadSummary(
        read=len(files),
        written=writer.written,
        triples=writer.triples,
        unchanged=writer.unchanged,
        failed=tuple(failed),
        seconds=time.perf_counter() - started,
        dropped=len(writer.dropped),
        pruned=len(pruned),
        compacted=compacted,
    )


def _compact(store: Store, *, written: int, held: int, bar: tqdm) -> float | None:
    """Compact a store the run has at least doubled (a first run, a re-run of everything), in
    seconds, or ``None``. Compacting costs about 10 ms per stored notice against 70–100 ms for
    writing one, so such a run spends a tenth more (a first run) to a third more (one that
    adds as many notices as the store held); runs adding a few notices to a large store leave
    it to the next large one."""
    if written == 0 or written < held:
        return None
    bar.set_description("compacting the store")
    started = time.perf_counter()
    compacted = store.compact()
    bar.set_description(PROGRESS_LABEL)
    return time.perf_counter() - started if compacted else None


@dataclass
class _Writer:
    """Writes outcomes into the store as they arrive and keeps the run's counts.

    New notices wait in a batch of up to :data:`BATCH`, written together; a notice replacing
    earlier graphs is written at once, after the batch before it.

    A changed file's earlier graphs (found by its ``nkg:sourceLocation``) are dropped in the
    step that writes its new graph, except a graph another file of the run still claims:
    one this run has just written, or one whose text another file, skipped as unchanged, has.
    """

    store: Store
    known: dict[str, URIRef]
    earlier: dict[str, tuple[URIRef, ...]]
    failed: list[Skipped]
    written: int = 0
    triples: int = 0
    unchanged: int = 0
    seen: dict[str, Path] = field(default_factory=dict)
    claimed: set[str] = field(default_factory=set)
    dropped: set[URIRef] = field(default_factory=set)
    orphans: list[Path] = field(default_factory=list)
    batch: list[_Outcome] = field(default_factory=list)
    hash_of: dict[URIRef, str] = field(init=False)

    def __post_init__(self) -> None:
        self.hash_of = {graph_iri: sha256 for sha256, graph_iri in self.known.items()}

    def take(self, outcome: _Outcome) -> None:
        if outcome.error:
            self.failed.append(Skipped(outcome.path, outcome.error))
        elif not outcome.ntriples:
            self.unchanged += 1
            self.claimed.add(outcome.sha256)
            if self.known.get(outcome.sha256) in self.dropped:
                self.orphans.append(outcome.path)
        elif outcome.sha256 in self.seen or outcome.graph_iri in self.seen:
            first = self.seen.get(outcome.sha256) or self.seen[outcome.graph_iri]
            message = f"{outcome.path}: same notice as {first}; kept the first"
            self.failed.append(Skipped(outcome.path, message))
        else:
            self.seen[outcome.sha256] = self.seen[outcome.graph_iri] = outcome.path
            stale = self._stale(outcome)
            if stale:
                self.write_batch()
                self.triples += self.store.replace_notice_ntriples(
                    URIRef(outcome.graph_iri), outcome.ntriples, replaces=stale
                )
                self.written += 1
                self.dropped.update(stale)
            else:
                self.batch.append(outcome)
                if len(self.batch) >= BATCH:
                    self.write_batch()

    def write_batch(self) -> None:
        """Write the new notices waiting in the batch."""
        if self.batch:
            notices = [(URIRef(outcome.graph_iri), outcome.ntriples) for outcome in self.batch]
            self.triples += self.store.add_notices(notices)
            self.written += len(self.batch)
            self.batch.clear()

    def deleted(self, folders: Sequence[Path]) -> list[URIRef]:
        """Graphs read from a file under ``folders`` that is no longer there, and that no file
        of this run wrote or claims by its text."""
        inside = tuple(folder.resolve().as_uri().rstrip("/") + "/" for folder in folders)
        return [
            graph_iri
            for location, graphs in self.earlier.items()
            if location.startswith(inside) and not file_at(location).exists()
            for graph_iri in graphs
            if str(graph_iri) not in self.seen
            and graph_iri not in self.dropped
            and self.hash_of.get(graph_iri) not in self.claimed
        ]

    def _stale(self, outcome: _Outcome) -> list[URIRef]:
        return [
            graph_iri
            for graph_iri in self.earlier.get(outcome.location, ())
            if str(graph_iri) != outcome.graph_iri
            and str(graph_iri) not in self.seen
            and self.hash_of.get(graph_iri) not in self.claimed
        ]


def _outcomes(
    files: list[Path], known: frozenset[str], workers: int, base: str
) -> Iterator[_Outcome]:
    """Outcomes in completion order, with a bounded number of tasks in flight."""
    if workers == 1 or len(files) < 2:
        _start_worker(known, base)
        yield from map(_process, files)
        return
    # A batch's worth more than a few per worker, so workers go on extracting while the writer
    # writes a batch (1,000 notices, two workers: 46-48 s against 49-50 s, 57 MiB more).
    window = workers * 4 + BATCH
    pending = iter(files)
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(known, base)) as pool:
        running = {pool.submit(_process, path): path for path in islice(pending, window)}
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                path = running.pop(future)
                try:
                    yield future.result()
                except Exception as error:  # a worker that died (memory, signal) takes one file
                    yield _Outcome(path, error=f"{path}: worker failed ({error!r})")
            for path in islice(pending, len(done)):
                running[pool.submit(_process, path)] = path


def _start_worker(known: frozenset[str], base: str) -> None:
    global _KNOWN, _BASE
    _KNOWN, _BASE = known, base


def _process(path: Path) -> _Outcome:
    """Read, hash, and (when the text is new) extract one file into N-Triples."""
    try:
        text = read_text(path)
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if sha256 in _KNOWN:
            return _Outcome(path, sha256=sha256)
        notice = extract_notice(text, source=path.name)
        location = source_location(path)
        iri, data, count = notice_ntriples(notice, base=_BASE, location=location)
        return _Outcome(path, sha256, location, str(iri), data, count)
    except InputError as error:
        return _Outcome(path, error=str(error))
    except Exception as error:  # an extractor bug on one odd file must not stop the corpus
        return _Outcome(path, error=f"{path}: extraction failed ({type(error).__name__}: {error})")
