"""Many notices at once: which files to read, and carrying on past the ones that are broken."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from noticekg.errors import InputError
from noticekg.extract import Notice, extract_file

NOTICE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class Skipped:
    """A file that yielded no notice; ``message`` is the one-line reason, naming the file."""

    path: Path
    message: str


@dataclass(frozen=True)
class CorpusRun:
    notices: tuple[Notice, ...]
    skipped: tuple[Skipped, ...]


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
        notices.append(notice)
    return CorpusRun(tuple(notices), tuple(skipped))


def _is_notice_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in NOTICE_SUFFIXES


def _progress(files: list[Path], show: bool) -> Iterator[Path]:
    if not show or len(files) < 2:
        yield from files
        return
    yield from tqdm(files, desc="notices", unit="notice", file=sys.stderr)
