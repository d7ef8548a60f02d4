"""IRIs for everything the graph names, minted only here so every part agrees on them.

A label segment is NFKC-normalised, stripped of whitespace and percent-encoded as UTF-8, so the
same name written with full-width letters or a stray space in two notices gives one IRI, and no
label can break out of its IRI.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import quote, urlsplit
from urllib.request import url2pathname

from rdflib import URIRef

from noticekg.errors import InputError
from noticekg.extract.records import EntityType, Notice

__all__ = [
    "DEFAULT_BASE",
    "check_base",
    "entity_iri",
    "file_at",
    "inspection_iri",
    "label_segment",
    "local_entity_iri",
    "measure_iri",
    "mention_iri",
    "metric_iri",
    "notice_id",
    "notice_iri",
    "position_iri",
    "problem_iri",
    "quote_iri",
    "source_location",
]

DEFAULT_BASE = "https://w3id.org/noticekg/"

# Number of hex digits of the text hash used when a notice has no 索引号.
HASH_ID_LENGTH = 16


def check_base(base: str) -> str:
    """The base as given when it is an absolute IRI ending in ``/`` or ``#``; a base without a
    separator would glue ``notice`` onto its last segment, so it is refused rather than guessed."""
    parts = urlsplit(base)
    if not parts.scheme or not (parts.netloc or parts.path) or base[-1:] not in ("/", "#"):
        raise InputError(f"base IRI {base!r} must be absolute and end with '/' or '#'")
    if any(ch.isspace() or ch in '<>"{}|\\^`' for ch in base):
        raise InputError(f"base IRI {base!r} contains a character not allowed in an IRI")
    return base


def label_segment(label: str) -> str:
    """``label`` as one IRI path segment: NFKC, no whitespace, percent-encoded UTF-8."""
    normalised = "".join(unicodedata.normalize("NFKC", label).split())
    return quote(normalised, safe="")


def notice_id(notice: Notice) -> str:
    """The 索引号 when the header has one, else a prefix of the text hash."""
    index_no = notice.header.index_no
    if index_no and index_no.strip():
        return label_segment(index_no)
    return "sha256-" + notice.sha256[:HASH_ID_LENGTH]


def notice_iri(notice: Notice, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{check_base(base)}notice/{notice_id(notice)}")


def source_location(path: Path) -> str:
    """The file: URI of ``path`` resolved (symbolic links followed): the one name of a source
    file that two files called ``notice.txt`` in different folders, or two runs started from
    different folders, never share."""
    return Path(path).resolve().as_uri()


def file_at(location: str) -> Path:
    """The path a :func:`source_location` URI names."""
    return Path(url2pathname(urlsplit(location).path))


def entity_iri(entity_type: EntityType, name: str, base: str = DEFAULT_BASE) -> URIRef:
    """One IRI per (type, normalised name) across all notices, so the union graph merges them."""
    return URIRef(f"{check_base(base)}{entity_type.value.lower()}/{label_segment(name)}")


def local_entity_iri(notice: URIRef, entity_type: EntityType, name: str) -> URIRef:
    """An entity only its own notice can identify (区委 in a notice that never says which
    district it speaks from), so it is minted under the notice and merges with nothing."""
    return URIRef(f"{notice}/{entity_type.value.lower()}/{label_segment(name)}")


def inspection_iri(notice: URIRef) -> URIRef:
    return URIRef(f"{notice}/inspection")


def problem_iri(notice: URIRef, n: int) -> URIRef:
    return URIRef(f"{notice}/problem/{n}")


def measure_iri(notice: URIRef, problem: int, n: int) -> URIRef:
    return URIRef(f"{notice}/problem/{problem}/measure/{n}")


def metric_iri(notice: URIRef, start: int) -> URIRef:
    return URIRef(f"{notice}/metric/{start}")


def mention_iri(notice: URIRef, start: int, end: int) -> URIRef:
    return URIRef(f"{notice}/mention/{start}-{end}")


def position_iri(mention: URIRef) -> URIRef:
    return URIRef(f"{mention}/position")


def quote_iri(mention: URIRef) -> URIRef:
    return URIRef(f"{mention}/quote")
