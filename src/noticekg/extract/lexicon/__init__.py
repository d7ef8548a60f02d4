"""The extractor's word lists, shipped as package data so an installed wheel finds them.

Each ``*.txt`` file holds one entry a line, tab-separated fields, ``#`` comments. Loading goes
through :mod:`importlib.resources` so no path on disk is assumed.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from noticekg.errors import InputError

USER_DICT = "user.dict"


def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of the lexicon file ``name``, comments and blank lines skipped."""
    try:
        raw = files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise InputError(f"lexicon file {name}: cannot be read ({exc})") from exc
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


@cache
def words(name: str) -> frozenset[str]:
    """The first field of every row of ``name`` as a set."""
    return frozenset(row[0] for row in read_rows(name))


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """``name`` as a mapping from the first field to the remaining fields."""
    return {row[0]: row[1:] for row in read_rows(name)}


def user_dict_text() -> str:
    """The jieba user dictionary (``word freq tag`` lines)."""
    return files(__name__).joinpath(USER_DICT).read_text(encoding="utf-8")
