"""Coordinated bodies that share one head: A镇、B镇人民政府 names two governments.

Guidelines §3.2 split a coordination with a shared head into one entity per conjunct, each named by
the part that tells it apart. The tail rule sees only the last conjunct as a body (B镇人民政府) and
the others as bare places (A镇); this module gives them the body's type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from noticekg.extract.candidates import Candidate, tail_of
from noticekg.extract.records import EntityType

SHARED_HEADS = ("人民政府", "政府", "党委", "办事处", "党工委", "管委会")
"""Heads a list of administrative areas may share (A镇、B镇人民政府, A街道、B街道办事处)."""

LIST_MARK = "、"
"""The only mark between conjuncts that share a head."""


def share_heads(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` (in text order) with each place that opens a coordinated body retyped as
    that body: in A镇、B镇人民政府 the place A镇 becomes an Organization like B镇人民政府."""
    found = list(candidates)
    for index in range(len(found) - 2, -1, -1):
        place, following = found[index], found[index + 1]
        if place.type is not EntityType.PLACE or text[place.end : following.start] != LIST_MARK:
            continue
        if following.type is not EntityType.ORGANIZATION:
            continue
        head = next((h for h in SHARED_HEADS if following.name.endswith(h)), None)
        if head is None:
            continue
        area = following.name[: -len(head)]
        if len(area) < 2 or area[-1] != place.name[-1] or tail_of(area) is None:
            continue
        found[index] = replace(place, type=EntityType.ORGANIZATION, subtype=following.subtype)
    return found
