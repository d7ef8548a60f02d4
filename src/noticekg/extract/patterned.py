"""Names found by their shape rather than a tail word: 《》 titles and their issuers, coordinated
names with a shared head, doctrines, parcel codes, dated plans and gazetteer places and systems."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from noticekg.extract import gazetteer, lexicon
from noticekg.extract.candidates import Candidate, tail_of
from noticekg.extract.namewords import (
    ADMIN_PREFIXES,
    BOUNDARY_TAGS,
    FUNCTION_CHARS,
    HAN,
    LEAD_TAGS,
    MAX_NAME,
    PHASE,
    boundary_words,
    is_name_part,
    scan_back,
)
from noticekg.extract.quotes import QUOTED
from noticekg.extract.records import EntityType
from noticekg.extract.segment import Token
from noticekg.extract.text import SHORT_NAME

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

NATIONAL_RULE = re.compile(r"中央八项规定")
"""The central rule every notice cites by name without quotes or 《》 (落实中央八项规定精神):
Policy/regulation, the name without the 精神 that follows it."""

OUTPUT_PROJECT = re.compile(
    r"年(?:产|产能|处理|加工)\d+(?:\.\d+)?[万亿千]?"
    r"(?:吨|台|套|件|辆|片|只|条|块|平方米|立方米|千瓦|兆瓦|瓦)"
    r"[\u4e00-\u9fffA-Za-z0-9]{2,24}?(?:项目|工程)"
)
"""A project named by its yearly output (年产50万台新能源电机项目, 年处理10万吨…工程): the
number belongs to the name, so the tail rule, which stops at numbers, cannot build it."""

TEAM_PROGRAMME = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=入选)|(?<=获批)|(?<=获评)|(?<=申报))"
    r"(?:[省市区县]|国家)[\u4e00-\u9fff]{2,14}?(?:团队|人才|计划)[((]项目[))]"
)
"""A talent or team programme with its bracketed 项目 (市高水平创新团队(项目)): a Project of the
programme kind."""

TYPED_LIST = re.compile(r"等(?:[\u4e00-\u9fff、]{0,10}?)(?P<head>项目|平台|载体)")
"""The head noun after a list of names (A、B、C等产业、文旅配套项目; A、B等产业平台): it types the
names that carry no tail of their own (A33泰古控股) or only a phase (X新天地一期)."""

LIST_TYPES = {
    "项目": (EntityType.PROJECT, "industrial"),
    "平台": (EntityType.PLATFORM, "other"),
    "载体": (EntityType.PLATFORM, "other"),
}
"""Entity type and subtype given by each head of :data:`TYPED_LIST`."""

PARCEL = re.compile(r"单元[A-Z]{1,4}\d{0,3}(?:-[0-9A-Z]{1,4}){1,4}")
"""A planning unit with its parcel code (X单元YB-04-A-02); the unit name precedes it."""

PLACE_SUFFIXES = frozenset("市州盟县区")
"""Administrative suffixes a gazetteer name may carry as one word (阿坝州, 湛江市)."""

VILLAGE = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[在对向与和及至到从赴]))"
    r"(?![在对向与和及至到从赴])(?P<name>[\u4e00-\u9fff]{2,5}?(?:村|社区))",
    re.MULTILINE,
)
"""A village or community named after a boundary (在X村、Y村, 对X社区): jieba often splits an
unknown village name across the preposition before it (对白/雀园/村), so it is found in the text.
The stem is bounded by :func:`noticekg.extract.gazetteer.is_local_place`."""

NOT_PLACE_START = LEAD_TAGS | BOUNDARY_TAGS
"""Tags of a first word that make X村 an action on villages (调整村两委, 清理村级债务)."""

PLACE_TAGS = frozenset({"ns", "x"})
"""Tags of a word that may end a village name: a place name or an unknown word (桥头村 is
桥头/村, but 乡村 and 农村 are dictionary nouns)."""


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
    """Organisations that open a title (X关于…的通知, X…办法), each issuer separately; a short
    name the notice declared (以下简称Y) that opens a title is its issuer whole (Y公立医院…方案
    is issued by Y, not by a Y公立医院)."""
    starts = {token.start: index for index, token in enumerate(tokens)}
    declared = _declared_bodies(text) if titles else {}
    for title in titles:
        short = next((name for name in declared if title.name.startswith(name)), None)
        if short is not None:
            yield Candidate(
                title.name_start,
                title.name_start + len(short),
                short,
                title.name_start,
                EntityType.ORGANIZATION,
                declared[short],
                rule="issuer",
            )
            continue
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


def _declared_bodies(text: str) -> dict[str, str]:
    """Short names declared for organisations (X医院(以下简称Y)) with the subtype of X's tail."""
    found = {}
    for match in SHORT_NAME.finditer(text):
        tail = tail_of(text[max(match.start() - 6, 0) : match.start()])
        if tail is not None and tail.type is EntityType.ORGANIZATION:
            found[match.group("short")] = tail.subtype
    return found


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


def listed_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Names listed before a typing head (A、B等…项目 / …平台), each typed by the head unless its
    own tail says otherwise (中国眼谷 stays a park, X中心 an organisation)."""
    generic = lexicon.words("generic.txt")
    for match in TYPED_LIST.finditer(text):
        kind, subtype = LIST_TYPES[match.group("head")]
        for start, end in _conjuncts(text, tokens, match.start()):
            name = text[start:end]
            tail = tail_of(name)
            if name in generic or (
                tail is not None and tail.type is not kind and not PHASE.match(tail.word)
            ):
                continue
            yield Candidate(start, end, name, start, kind, subtype, rule="listed")


def pattern_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Doctrines (习近平…思想), the central rule, projects named by their output, talent
    programmes and planning units with parcel codes (X单元YB-04-A-02)."""
    for pattern, cue, kind, subtype, rule in (
        (DOCTRINE, ("",), EntityType.POLICY, "slogan", "doctrine"),
        (NATIONAL_RULE, ("八项规定",), EntityType.POLICY, "regulation", "doctrine"),
        (OUTPUT_PROJECT, ("年",), EntityType.PROJECT, "industrial", "output"),
        (TEAM_PROGRAMME, ("项目)", "项目）"), EntityType.PROJECT, "programme", "programme"),
    ):
        if not any(word in text for word in cue):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            yield Candidate(start, end, match.group(), start, kind, subtype, rule=rule)
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


def village_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Villages and communities (王湾村, 澜石社区) whose name is cut at word boundaries, or
    after a preposition jieba glued to it."""
    starts = {token.start: token for token in tokens}
    ends = {token.end: token for token in tokens}
    for match in VILLAGE.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        tail = "社区" if name.endswith("社区") else "村"
        last = ends.get(end)
        if last is None or not gazetteer.is_local_place(name, tail):
            continue
        glued = start - 1 in starts and text[start - 1] in FUNCTION_CHARS
        if start not in starts and not glued:
            continue
        if start in starts and (
            starts[start].tag in NOT_PLACE_START or starts[start].word in boundary_words()
        ):
            continue
        if len(last.word) > len(tail) and last.tag not in PLACE_TAGS:
            continue
        yield Candidate(start, end, name, start, EntityType.PLACE, "area", rule="village")


def gazetteer_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Places and systems named without a tail (上海, 钉钉), when they stand as a word outside
    a quoted slogan (“智汇X” names an event, not the place; “学习强国” alone is the app).
    Provinces and cities come from the administrative gazetteer when jieba tags them as places."""
    quoted = [match.span() for match in QUOTED.finditer(text)]
    places, platforms = lexicon.table("places.txt"), lexicon.table("platforms.txt")
    for token in tokens:
        word = token.word
        kind, subtype = EntityType.PLACE, None
        if word in places:
            subtype = places[word][0]
        elif word in platforms:
            kind, subtype = EntityType.PLATFORM, platforms[word][0]
        elif word[-1] in PLACE_SUFFIXES and word[:-1] in places:
            subtype = places[word[:-1]][0]
        elif token.tag == "ns":
            subtype = gazetteer.city_subtype(word)
            if subtype is None and word[-1] in PLACE_SUFFIXES:
                subtype = gazetteer.admin_subtype(word)
        if subtype is not None and not _inside_slogan(token, quoted):
            yield Candidate(
                token.start, token.end, word, token.start, kind, subtype, rule="gazetteer"
            )


def _inside_slogan(token: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether ``token`` is part of a longer quoted text (its span lies strictly inside)."""
    return any(
        start < token.start < end and not (token.start == start + 1 and token.end == end - 1)
        for start, end in quoted
    )
