"""Text → plain records. Nothing here knows RDF: :func:`extract_notice` returns a
:class:`Notice` whose every fact carries code-point offsets into the text it came from.

The rules (readers, segmentation, patterns) are imported when one of their names is first
used (PEP 562): :mod:`noticekg.graph` reads the record types, and importing the rules with
them took a quarter of a second of every command that only queries a store.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from noticekg.extract.evaluate import (
    Score,
    combine,
    evaluate,
    format_scores,
    load_gold,
    score_entities,
)
from noticekg.extract.records import (
    Contact,
    Entity,
    EntityType,
    Header,
    Home,
    Inspection,
    Measure,
    Metric,
    Notice,
    Predicate,
    Problem,
    Relation,
    Span,
)
from noticekg.extract.serialize import notice_as_dict

if TYPE_CHECKING:
    from noticekg.extract.baseline import baseline_entities
    from noticekg.extract.entities import canonical_name, find_entities
    from noticekg.extract.gazetteer import admin_subtype
    from noticekg.extract.home import find_home, full_names
    from noticekg.extract.pipeline import extract_file, extract_notice
    from noticekg.extract.reader import read_text
    from noticekg.extract.relations import find_relations

# The module that defines each name imported on first use (none is named as a module).
_RULES = {
    "admin_subtype": "gazetteer",
    "baseline_entities": "baseline",
    "canonical_name": "entities",
    "extract_file": "pipeline",
    "extract_notice": "pipeline",
    "find_entities": "entities",
    "find_home": "home",
    "find_relations": "relations",
    "full_names": "home",
    "read_text": "reader",
}

__all__ = [
    "Contact",
    "Entity",
    "EntityType",
    "Header",
    "Home",
    "Inspection",
    "Measure",
    "Metric",
    "Notice",
    "Predicate",
    "Problem",
    "Relation",
    "Score",
    "Span",
    "admin_subtype",
    "baseline_entities",
    "canonical_name",
    "combine",
    "evaluate",
    "extract_file",
    "extract_notice",
    "find_entities",
    "find_home",
    "find_relations",
    "format_scores",
    "full_names",
    "load_gold",
    "notice_as_dict",
    "read_text",
    "score_entities",
]


def __getattr__(name: str) -> Any:
    module = _RULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
