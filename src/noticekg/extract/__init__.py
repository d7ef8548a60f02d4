"""Text → plain records. Nothing here knows RDF: :func:`extract_notice` returns a
:class:`Notice` whose every fact carries code-point offsets into the text it came from."""

from noticekg.extract.baseline import baseline_entities
from noticekg.extract.entities import canonical_name, find_entities
from noticekg.extract.evaluate import (
    Score,
    combine,
    evaluate,
    format_scores,
    load_gold,
    score_entities,
)
from noticekg.extract.gazetteer import admin_subtype
from noticekg.extract.home import find_home, full_names
from noticekg.extract.pipeline import extract_file, extract_notice
from noticekg.extract.reader import read_text
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
from noticekg.extract.relations import find_relations
from noticekg.extract.serialize import notice_as_dict

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
