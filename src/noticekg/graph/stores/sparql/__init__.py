"""The SPARQL the stores run on themselves to keep their books (which notices they hold, in
which graph model, from which files), apart from the catalogue users query with."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["sparql"]


@cache
def sparql(name: str) -> str:
    """The text of ``name`` (``notice-hashes.rq`` …) in this package."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
