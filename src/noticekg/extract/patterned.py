"""Names found by their shape rather than a tail word: 《》 titles and their issuers, coordinated
names with a shared head, doctrines, parcel codes, dated plans and gazetteer places and systems."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from noticekg.extract import lexicon
from noticekg.extract.candidates import Candidate, tail_of
from noticekg.extract.namewords import (
    ADMIN_PREFIXES,
    BOUNDARY_TAGS,
    HAN,
    MAX_NAME,
    boundary_words,
    is_name_part,
    scan_back,
)
from noticekg.extract.quotes import QUOTED
from noticekg.extract.records import EntityType
from noticekg.extract.segment import Token

TITLE = re.compile(r"《([^《》\n]{1,120})》")
"""A document title in 《》; the name is the inner text, kept exactly (inner quotes, spaces)."""


DATED_PLAN = re.compile(r"(?:计划|规划|方案|纲要)(?P<period>[((]\d{4}\s*[-—–~至]\s*\d{4}年?[))])")
"""An untitled plan carrying its period (…三年工作计划(2019-2021年)): a title-like name."""

COORDINATED = re.compile(r"等(?P<head>[\u4e00-\u9fff]{0,4}?(?:计划|行动))")
"""The shared head after coordinated names (瞪羚、雏鹰等培育计划): one Policy per conjunct."""

COUNTED_FIRMS = re.compile(r"等\s*\d+\s*家[\u4e00-\u9fff]{0,8}?(?:企业|公司)")
"""Firms listed before a count (A、B等2家领军企业): each conjunct is an enterprise."""

DOCTRINE = re.compile(r"习近平[\u4e00-\u9fff]{0,16}?思想|毛泽东思想|邓小平理论|科学发展观")
"""Doctrines cited by name: Policy/slogan."""

PARCEL = re.compile(r"单元[A-Z]{1,4}\d{0,3}(?:-[0-9A-Z]{1,4}){1,4}")
"""A planning unit with its parcel code (X单元YB-04-A-02); the unit name precedes it."""

PLACE_SUFFIXES = frozenset("市州盟县区")
"""Administrative suffixes a gazetteer name may carry as one word (阿坝州, 湛江市)."""


def title_candidates(text: str) -> Iterable[Candidate]:
    """Every 《…》 title is a Policy/regulation named by its inner text."""
    for match in TITLE.finditer(text):
        inner = match.group(1)
        if inner.strip():
            yield Candidate(
                match.start(),
                match.end(),
                inner,
                match.start(1),
                EntityType.POLICY,
                "regulation",
                rule="title",
            )


def issuer_candidates(
    text: str, tokens: Sequence[Token], titles: Sequence[Candidate]
) -> Iterable[Candidate]:
    """Organisations that open a title (X关于…的通知, X…办法), each issuer separately."""
    starts = {token.start: index for index, token in enumerate(tokens)}
    for title in titles:
        index = starts.get(title.name_start)
        while index is not None and index < len(tokens):
            end_index = _issuer_end(tokens, index, title.end - 1)
            if end_index is None:
                break
            start, end = tokens[index].start, tokens[end_index].end
            tail = tail_of(tokens[end_index].word)
            if tail is not None and end - start > len(tail.word):
                yield Candidate(
                    start,
                    end,
                    text[start:end],
                    start,
                    EntityType.ORGANIZATION,
                    tail.subtype,
                    rule="issuer",
                )
            index = end_index + 1


def _issuer_end(tokens: Sequence[Token], first: int, limit: int) -> int | None:
    """Last token of the organisation name opening at ``tokens[first]``, or None."""
    best = None
    index = first
    while index < len(tokens) and tokens[index].end <= limit and is_name_part(tokens[index]):
        tail = tail_of(tokens[index].word)
        if tail is not None and tail.type is EntityType.ORGANIZATION:
            best = index
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.word[0] in ADMIN_PREFIXES:
                break
        index += 1
    return best


def _conjuncts(text: str, tokens: Sequence[Token], end: int) -> list[tuple[int, int]]:
    """Spans of the 、-separated names that end at ``end`` (A、B、C等…), first to last."""
    ends = {token.end: index for index, token in enumerate(tokens)}
    spans: list[tuple[int, int]] = []
    while end in ends:
        last = ends[end]
        first = scan_back(tokens, last, trim_verbs=False)
        if first == last and not HAN.search(tokens[last].word):
            break
        start = tokens[first].start
        if not 2 <= end - start <= 10:
            break
        spans.insert(0, (start, end))
        if start == 0 or text[start - 1] != "、":
            break
        end = start - 1
    return spans if len(spans) > 1 else []


def coordinated_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """瞪羚、雏鹰等培育计划 → one Policy/plan per conjunct; A、B等2家企业 → enterprises."""
    generic = lexicon.words("generic.txt")
    for pattern, kind, subtype in (
        (COORDINATED, EntityType.POLICY, "plan"),
        (COUNTED_FIRMS, EntityType.ORGANIZATION, "enterprise"),
    ):
        for match in pattern.finditer(text):
            for start, end in _conjuncts(text, tokens, match.start()):
                name = text[start:end]
                if name not in generic:
                    yield Candidate(start, end, name, start, kind, subtype, rule="coordinated")


def pattern_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Doctrines (习近平…思想) and planning units with parcel codes (X单元YB-04-A-02)."""
    for match in DOCTRINE.finditer(text):
        yield Candidate(
            match.start(),
            match.end(),
            match.group(),
            match.start(),
            EntityType.POLICY,
            "slogan",
            rule="doctrine",
        )
    ends = {token.end: index for index, token in enumerate(tokens)}
    for match in PARCEL.finditer(text):
        index = ends.get(match.start())
        if index is None:
            continue
        start = tokens[scan_back(tokens, index)].start
        if start < match.start():
            yield Candidate(
                start,
                match.end(),
                text[start : match.end()],
                start,
                EntityType.PLACE,
                "parcel",
                rule="parcel",
            )


def dated_plan_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Untitled plans with a period (科技城做地三年工作计划(2019-2021年))."""
    ends = {token.end: index for index, token in enumerate(tokens)}
    for match in DATED_PLAN.finditer(text):
        head_end = match.start("period")
        index = ends.get(head_end)
        if index is None:
            continue
        first = index
        while first > 0 and head_end - tokens[first - 1].start <= MAX_NAME:
            before = tokens[first - 1]
            if (
                before.word in boundary_words()
                or before.tag in BOUNDARY_TAGS - {"ud", "uv"}
                or not HAN.search(before.word)
            ):
                break
            first -= 1
        start = tokens[first].start
        if head_end - start > 2:
            yield Candidate(
                start,
                match.end(),
                text[start : match.end()],
                start,
                EntityType.POLICY,
                "plan",
                rule="dated",
            )


def gazetteer_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Places and systems named without a tail (上海, 钉钉), when they stand as a word outside
    a quoted slogan (“智汇X” names an event, not the place)."""
    quoted = [match.span() for match in QUOTED.finditer(text)]
    for table, kind in (("places.txt", EntityType.PLACE), ("platforms.txt", EntityType.PLATFORM)):
        names = lexicon.table(table)
        for token in tokens:
            found = names.get(token.word)
            if found is None and kind is EntityType.PLACE and token.word[-1:] in PLACE_SUFFIXES:
                found = names.get(token.word[:-1])
            if found is not None and not any(s < token.start < e for s, e in quoted):
                yield Candidate(
                    token.start,
                    token.end,
                    token.word,
                    token.start,
                    kind,
                    found[0],
                    rule="gazetteer",
                )
