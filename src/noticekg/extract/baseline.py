"""A baseline for the score table: jieba's own part-of-speech tags, no rules.

Organisation (nt), place (ns), person (nr) and other proper-noun (nz) words become entities, and
every 《》 title a Policy. Scoring the rule-based extractor against this shows what the lexicon and
rules add over a plain tagger.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from noticekg.extract.records import Entity, EntityType, Span
from noticekg.extract.segment import tokenizer

if TYPE_CHECKING:
    import jieba.posseg

TITLE = re.compile(r"《([^《》\n]{1,120})》")
"""A document title in 《》, named by its inner text."""

TAG_TYPES = {
    "nt": EntityType.ORGANIZATION,
    "ns": EntityType.PLACE,
    "nr": EntityType.PERSON,
    "nz": EntityType.POLICY,
}
"""jieba tags mapped to entity types."""


@cache
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """A private POS tokenizer over the private word tokenizer (jieba's globals untouched)."""
    import jieba.posseg  # imported late: 0.4 s, and only the baseline needs it

    return jieba.posseg.POSTokenizer(tokenizer())


def baseline_entities(text: str) -> tuple[Entity, ...]:
    """Entities from jieba's tags alone, one per distinct (type, word), in order of first use."""
    spans: dict[tuple[EntityType, str], list[Span]] = {}
    titles = [(m.start(), m.end()) for m in TITLE.finditer(text)]
    for match in TITLE.finditer(text):
        key = (EntityType.POLICY, match.group(1))
        spans.setdefault(key, []).append(Span(match.start(1), match.end(1), match.group(1)))
    position = 0
    for pair in _pos_tokenizer().cut(text):
        start, position = position, position + len(pair.word)
        kind = TAG_TYPES.get(pair.flag)
        if kind is None or len(pair.word) < 2:
            continue
        if any(s <= start < e for s, e in titles):
            continue
        spans.setdefault((kind, pair.word), []).append(Span(start, position, pair.word))
    ordered = sorted(spans.items(), key=lambda item: item[1][0].start)
    return tuple(
        Entity(name=name, type=kind, subtype=None, mentions=tuple(found))
        for (kind, name), found in ordered
    )
