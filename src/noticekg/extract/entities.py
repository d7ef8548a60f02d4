"""Named entities of a notice: organisations, platforms, projects, policies, people, places.

Candidates come from a few independent rules — 《》 titles and their issuers, quoted labels with
a head noun, names built backwards from a tail word (…管委会, …孵化器, …项目, …新区), people
before a title, and short gazetteers — and overlapping candidates are resolved by keeping the
longest span, as a span ruler does. :mod:`noticekg.extract.aliases` then folds the surface forms
of one referent into one :class:`Entity`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from noticekg.extract.aliases import build_entities, normalise
from noticekg.extract.bodies import party_key
from noticekg.extract.candidates import Candidate, longest_first, tail_of
from noticekg.extract.coordination import share_heads
from noticekg.extract.patterned import (
    coordinated_candidates,
    dated_plan_candidates,
    gazetteer_candidates,
    issuer_candidates,
    listed_candidates,
    pattern_candidates,
    title_candidates,
    village_candidates,
)
from noticekg.extract.persons import person_candidates
from noticekg.extract.quotes import quote_candidates
from noticekg.extract.records import Entity, EntityType
from noticekg.extract.segment import tokenize
from noticekg.extract.tailnames import tail_candidates

__all__ = ["Candidate", "canonical_name", "find_candidates", "find_entities", "longest_first"]

OUT_OF_SCOPE = re.compile(
    r"(?:邮政信箱|通讯地址|联系地址|地址)[::][^\n;;。]*"
    r"|Produced\s+By[^\n]*|版权所有[^\n]*|主办单位[::][^\n]*|技术支持[::][^\n]*"
)
"""Postal addresses and CMS footers: their streets, buildings and vendors are not entities."""


QUOTE_OPENERS = frozenset('“‘"')
"""Opening quotation marks (curly double, curly single, straight)."""

QUOTE_CLOSERS = frozenset('”’"')
"""Closing quotation marks."""


def _outside(
    candidates: Iterable[Candidate], regions: Sequence[tuple[int, int]]
) -> list[Candidate]:
    return [c for c in candidates if not any(s <= c.start < e for s, e in regions)]


def find_candidates(text: str) -> list[Candidate]:
    """Resolved candidates of ``text`` in text order (issuers inside titles included)."""
    tokens = tokenize(text)
    titles = list(title_candidates(text))
    found = longest_first(
        [
            *titles,
            *quote_candidates(text, tokens),
            *tail_candidates(text, tokens),
            *coordinated_candidates(text, tokens),
            *listed_candidates(text, tokens),
            *pattern_candidates(text, tokens),
            *dated_plan_candidates(text, tokens),
            *person_candidates(text, tokens),
            *gazetteer_candidates(text, tokens),
            *village_candidates(text, tokens),
        ]
    )
    found.extend(issuer_candidates(text, tokens, titles))
    regions = [match.span() for match in OUT_OF_SCOPE.finditer(text)]
    found = [c for c in _outside(found, regions) if not _quoted_place(text, c)]
    return share_heads(text, sorted(found, key=lambda c: c.start))


def _quoted_place(text: str, candidate: Candidate) -> bool:
    """A place-shaped label that fills a pair of quotes (“空壳村”, “四好农村路”) names a kind of
    thing or a campaign, not a place."""
    start, end = candidate.name_start, candidate.name_start + len(candidate.name)
    return (
        candidate.type is EntityType.PLACE
        and start > 0
        and text[start - 1] in QUOTE_OPENERS
        and text[end : end + 1] in QUOTE_CLOSERS
    )


def find_entities(
    text: str,
    *,
    publisher: str | None = None,
    target: str | None = None,
    bodies: Sequence[str | None] = (),
) -> tuple[Entity, ...]:
    """Every named entity of ``text`` with its aliases and mentions, in order of first mention.

    ``publisher`` and ``target`` are surface forms from the header and opening sentence; bare
    self-references (管委会, 局党组, 集团公司) resolve to them. ``bodies`` are other bodies the
    opening names (the inspection's authority and team): organisations even when no rule
    found them (集团党组 and its 集团党组第二巡视组).
    """
    return build_entities(
        text,
        find_candidates(text),
        publisher=publisher,
        target=target,
        bodies=bodies,
        subtype_of=_subtype_of,
    )


def _subtype_of(name: str) -> str:
    tail = tail_of(name)
    return tail.subtype if tail is not None else "other"


def canonical_name(entities: Sequence[Entity], surface: str) -> str | None:
    """The name of the entity ``surface`` denotes: an exact name or alias, else the entity whose
    normalised name ends with the normalised surface (温州X管委会 → 温州X管理委员会)."""
    for entity in entities:
        if surface == entity.name or surface in entity.aliases:
            return entity.name
    party = _party_name(entities, surface)
    if party is not None:
        return party
    key = normalise(surface)
    if not key:
        return None
    matches = [
        entity
        for entity in entities
        if any(
            normalise(form).endswith(key) or key.endswith(normalise(form))
            for form in (entity.name, *entity.aliases)
            if len(normalise(form)) > 1
        )
        and entity.type is EntityType.ORGANIZATION
    ]
    return matches[0].name if len(matches) == 1 else None


def _party_name(entities: Sequence[Entity], surface: str) -> str | None:
    """The Party body ``surface`` names through its body's short name: Y党委, where Y is declared
    short for X, is the committee 中共X委员会."""
    key = party_key(surface)
    if key is None:
        return None
    body, kind = key
    owners = {
        form
        for entity in entities
        if entity.type is EntityType.ORGANIZATION and body in (entity.name, *entity.aliases)
        for form in (entity.name, *entity.aliases)
    }
    matches = [
        entity.name
        for entity in entities
        if entity.type is EntityType.ORGANIZATION
        and any(
            (found := party_key(form)) and found[1] == kind and found[0] in owners
            for form in (entity.name, *entity.aliases)
        )
    ]
    return matches[0] if len(set(matches)) == 1 else None
