"""What the extractor finds in a sentence or two, in the forms the genre tests compare."""

from __future__ import annotations

from noticekg.extract.entities import find_entities
from noticekg.extract.records import EntityType
from noticekg.extract.relations import find_relations

Found = set[tuple[EntityType, str]]
Triple = tuple[str, str, str]


def entities_in(text: str, publisher: str | None = None) -> Found:
    """(type, name) of every entity found in ``text``."""
    return {(entity.type, entity.name) for entity in find_entities(text, publisher=publisher)}


def relations_in(text: str, publisher: str) -> set[Triple]:
    """(subject, predicate, object) of every relation found in ``text`` (predicates compare
    equal to their string values)."""
    entities = find_entities(text, publisher=publisher)
    stated = find_relations(
        text, entities, publisher=publisher, inspector=None, target=None, authority=None
    )
    return {(r.subject, r.predicate, r.object) for r in stated}
