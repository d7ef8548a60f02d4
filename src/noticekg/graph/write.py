"""Writing a view's file atomically: a temp file beside the target, then a rename, so a failed
run never leaves half a page or half a GraphML file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from noticekg.errors import NoticekgError

__all__ = ["write_atomic", "write_text"]


def write_atomic(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Call ``write`` on a binary temp file (what it returns is ignored) and move it to
    ``path`` when it succeeds.

    :raises NoticekgError: when the file cannot be written.
    """
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise NoticekgError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())  # renamed only once the bytes are on disk
        os.chmod(name, 0o666 & ~_umask())  # mkstemp's 0600 would hide a page from a web server
        os.replace(name, path)
    except BaseException as error:
        Path(name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise NoticekgError(f"{path}: cannot write: {error.strerror or error}") from None
        raise


def write_text(path: Path, text: str) -> None:
    """:func:`write_atomic` for a UTF-8 text."""
    data = text.encode("utf-8")

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    write_atomic(path, write)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
