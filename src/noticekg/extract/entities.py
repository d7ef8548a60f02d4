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
from functools import cache

from noticekg.extract import lexicon
from noticekg.extract.aliases import build_entities, normalise
from noticekg.extract.candidates import Candidate, Tail, longest_first, tail_ends, tail_of, tails
from noticekg.extract.persons import person_candidates
from noticekg.extract.quotes import QUOTED, quote_candidates
from noticekg.extract.records import Entity, EntityType
from noticekg.extract.segment import OOV_TAG, Token, tokenize

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

OUT_OF_SCOPE = re.compile(
    r"(?:邮政信箱|通讯地址|联系地址|地址)[::][^\n;;。]*"
    r"|Produced\s+By[^\n]*|版权所有[^\n]*|主办单位[::][^\n]*|技术支持[::][^\n]*"
)
"""Postal addresses and CMS footers: their streets, buildings and vendors are not entities."""

ADMIN_PREFIXES = frozenset("省市区县镇乡州") | {"中共", "全国", "国家"}

PARTY_NAME = re.compile(
    r"^(?:中共|中国共产党)|^[省市区县州镇乡]委$|(?:党委|党工委|党组|工委|纪委|党支部|党总支)$"
)
"""Names of Party organisations: 中共X委员会, 市委, X党委, X党组 (X委 alone is a government
commission: 发改委, 国资委)."""
"""Single administrative words that make what follows a specific body (市委, 区投促中心)."""

NAME_TAGS = frozenset(
    {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "vn", "b", "l", "a", "an", "ng", "s"}
)
"""jieba tags a word inside a name may carry; verbs are allowed too unless they are boundaries."""

PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "eng"})
"""jieba tags of words that are themselves names (places, people, organisations, brands)."""

LEAD_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "d", "b", "l", "i"})
"""Tags of words that describe an action or quality and so cannot start a name."""

BOUNDARY_TAGS = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d", "f", "t", "y"}
)
"""Function words, pronouns and adverbs: a name never runs across them."""

CLASSIFIERS = frozenset("个家项批类种处支名")
"""Measure words: ``N个X项目`` counts a class of things, it names none of them."""

ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十\d]+|\d+[A-Za-z]*|[A-Za-z]+\d*)$")
"""Numbers that may sit inside a name: ordinals (第二巡察组) and codes (5G, A33)."""

HAN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
"""A word that contains letters of a name (so an OOV tag is a name, not punctuation)."""


DIGITS = re.compile(r"^[\d.]+$")
"""A bare number (jieba leaves numbers out of its dictionary)."""

FUNCTION_CHARS = frozenset("对在向把将从为与和及或被让给于以按受由经据自至同跟我")
"""Prepositions and conjunctions: an unknown word starting with one (对原) is not a name."""

JOINERS = {
    EntityType.ORGANIZATION: frozenset({"与", "和"}),
    EntityType.PLATFORM: frozenset({"与"}),
}
"""Conjunctions that may join two nouns inside a name of each type (住房和城乡建设局)."""

JOINABLE_TAGS = frozenset({"n", "nz", "ns", "j"})
"""Tags of the nouns a joiner may connect."""

BUILDING_VERBS = frozenset({"建设", "打造", "创建", "新建", "培育", "建成", "升级", "启用"})
"""Verbs of building written between a place and the facility it builds (X市建设Y孵化器): they
end the facility's name; a body's name may hold them (X建设投资集团), so only facilities stop."""

BUILT_TYPES = frozenset({EntityType.PLATFORM, EntityType.PROJECT})
"""Types whose names stop at a building verb."""

PARTY_PREFIXES = frozenset({"中共", "中国共产党"})
"""What opens a Party body's name and never a place's (中共四川省委 holds the place 四川省)."""

PLACE_SUFFIXES = frozenset("市州盟县区")
"""Administrative suffixes a gazetteer name may carry as one word (阿坝州, 湛江市)."""

SHORT_NAME_CUES = frozenset({"简称", "以下简称", "下称", "以下", "简称为"})
"""Words that make a bracket a declared short name (X(以下简称Y)党委), not part of a name."""

MAX_NAME = 30
"""Longest name built backwards from a tail word, in characters."""


@cache
def _boundary_words() -> frozenset[str]:
    """Verbs of the user dictionary and of ``boundary_verbs.txt``: actions that end a name
    (印发, 落地, 会同, 赴 …)."""
    listed = frozenset(
        line.split()[0]
        for line in lexicon.user_dict_text().splitlines()
        if line.strip() and line.split()[-1] == "v"
    )
    return listed | lexicon.words("boundary_verbs.txt")


def _tail_at(tokens: Sequence[Token], last: int) -> tuple[Tail, int] | None:
    """The tail ending at ``tokens[last]`` and the index of its first token: a tail may span
    words (专项/行动, 指导/目录) or end one (教育局)."""
    word = tokens[last].word
    if word[-1:] not in tail_ends():
        return None
    if (tokens[last].tag == OOV_TAG and word[0] in FUNCTION_CHARS) or word in _boundary_words():
        return None
    table = tails()
    for width in (2, 1):
        if last - width < 0:
            continue
        joined = "".join(token.word for token in tokens[last - width : last + 1])
        if joined in table:
            return table[joined], last - width
    tail = tail_of(tokens[last].word)
    if tail is None and tokens[last].tag == "ns" and len(word) > 2:
        tail = table.get(word[-1])
    return (tail, last) if tail is not None else None


def _is_name_part(token: Token) -> bool:
    if token.word in _boundary_words() or token.word in CLASSIFIERS:
        return False
    if token.word in ADMIN_PREFIXES:
        return True
    if token.tag == OOV_TAG:
        return bool(HAN.search(token.word)) and token.word[0] not in FUNCTION_CHARS
    if token.tag == "m" or DIGITS.match(token.word):
        return bool(ORDINAL.match(token.word))
    return token.tag in NAME_TAGS or token.tag.startswith("v")


def _is_proper(token: Token) -> bool:
    word = token.word
    if word in lexicon.words("generic.txt") or word in lexicon.words("modifiers.txt"):
        return False
    if word in ADMIN_PREFIXES or (word[0] in ADMIN_PREFIXES and word[1:] in tails()):
        return True
    if token.tag == OOV_TAG:
        return len(word) > 1 and bool(HAN.search(word)) and word[0] not in FUNCTION_CHARS
    if token.tag in {"nr", "nrt", "nrfg"}:
        return len(word) <= 3
    return token.tag in PROPER_TAGS


def _is_zone(token: Token) -> bool:
    """A bare zone word (科技城, 高新区): in a body's name it means the notice's own zone."""
    zone = tails().get(token.word)
    return zone is not None and zone.type is EntityType.PLACE and len(token.word) > 1


def _is_lead_word(token: Token, *, trim_verbs: bool = True) -> bool:
    if token.word in lexicon.words("modifiers.txt"):
        return True
    if token.word in ADMIN_PREFIXES or (not trim_verbs and token.tag in {"v", "vn"}):
        return False
    return token.tag in LEAD_TAGS


def _scan_back(
    tokens: Sequence[Token],
    last: int,
    *,
    trim_verbs: bool = True,
    joiners: frozenset[str] = frozenset(),
    stops: frozenset[str] = frozenset(),
) -> int:
    """Index of the first token of the name whose last word is ``tokens[last]``; a descriptive
    name keeps a leading verb when it is one of a list (…信息库、孵化空间供给信息库)."""
    first = last
    end = tokens[last].end
    while first > 0:
        before = tokens[first - 1]
        if end - before.start > MAX_NAME:
            break
        if before.word in ")）":
            opening = _bracket_start(tokens, first - 1)
            if opening is None or opening == 0 or not _is_name_part(tokens[opening - 1]):
                break
            first = opening
            continue
        if before.word in joiners and first > 1 and _joins(tokens[first - 2], tokens[first]):
            first -= 2
            continue
        if not _is_name_part(before) or before.word in stops:
            break
        first -= 1
    listed = first > 0 and tokens[first - 1].word == "、"
    while first < last and _is_lead_word(tokens[first], trim_verbs=trim_verbs or not listed):
        first += 1
    return first


def _ends_organisation(word: str) -> bool:
    tail = tail_of(word)
    return tail is not None and tail.type is EntityType.ORGANIZATION


def _joins(left: Token, right: Token) -> bool:
    """与/和 join two nouns inside one name (激光与光电孵化器, 住房和城乡建设局), never two
    names (X办和Y局)."""
    return (
        left.tag in JOINABLE_TAGS
        and right.tag in JOINABLE_TAGS
        and not _ends_organisation(left.word)
        and right.word not in tails()
        and right.word not in ADMIN_PREFIXES
    )


def _bracket_start(tokens: Sequence[Token], close: int) -> int | None:
    """Index of the ``(`` matching ``tokens[close]`` when only name words lie between."""
    index = close - 1
    while index >= 0 and close - index <= 6:
        if tokens[index].word in "(（":
            return index if index < close - 1 else None
        if not _is_name_part(tokens[index]) or tokens[index].word in SHORT_NAME_CUES:
            return None
        index -= 1
    return None


def _tail_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Names ending with a tail word, built backwards over name words (市委第二巡察组)."""
    for index in range(len(tokens)):
        found = _tail_at(tokens, index)
        if found is None:
            continue
        tail, tail_first = found
        first = _scan_back(
            tokens,
            tail_first,
            trim_verbs=tail.proper,
            joiners=JOINERS.get(tail.type, frozenset()),
            stops=BUILDING_VERBS if tail.type in BUILT_TYPES else frozenset(),
        )
        if tail.type is EntityType.PLACE:
            first = _place_start(tokens, first, tail_first)
        for segment_first, segment_last in _split_bodies(tokens, first, index):
            candidate = _tail_candidate(text, tokens, segment_first, segment_last)
            if candidate is not None:
                yield candidate


def _place_start(tokens: Sequence[Token], first: int, tail_first: int) -> int:
    """A place name starts with a proper word and holds no body (省委X组对省 is no place)."""
    for index in range(first, tail_first):
        if _ends_organisation(tokens[index].word):
            first = index + 1
    while first < tail_first and (
        not _is_proper(tokens[first]) or tokens[first].word in PARTY_PREFIXES
    ):
        first += 1
    return first


def _split_bodies(tokens: Sequence[Token], first: int, last: int) -> list[tuple[int, int]]:
    """市委市政府 is two bodies: split after an organisation tail followed by 市/区/省…"""
    segments = []
    for index in range(first, last):
        tail = tail_of(tokens[index].word)
        if (
            tail is not None
            and tail.type is EntityType.ORGANIZATION
            and tokens[index + 1].word[0] in ADMIN_PREFIXES
        ):
            segments.append((first, index))
            first = index + 1
    segments.append((first, last))
    return segments


def _tail_candidate(text: str, tokens: Sequence[Token], first: int, last: int) -> Candidate | None:
    generic = lexicon.words("generic.txt")
    token = tokens[last]
    found = _tail_at(tokens, last)
    if found is None:
        return None
    tail, tail_first = found
    if tail_first < first:
        return None
    rest = text[tokens[first + 1].start : token.end] if first < last else ""
    if (
        (tokens[first].tag == OOV_TAG or len(tokens[first].word) == 1)
        and rest in generic
        and rest != tail.word
    ):
        return None
    start = tokens[first].start
    glued = first > 0 and _admin_after_function_char(tokens[first - 1])
    if glued:
        start -= 1
    name = text[start : token.end]
    if name == tail.word or name in generic or name in lexicon.words("self_refs.txt"):
        return None
    stem = name[: -len(tail.word)]
    if len(stem) > 1 and all(char in ADMIN_PREFIXES for char in stem):
        return None
    if tail.type in (EntityType.PROJECT, EntityType.PLATFORM) and _counted(tokens, first):
        return None
    weak = not glued and not _specific(tokens[first:tail_first], tokens[tail_first], tail)
    subtype = tail.subtype
    if subtype == "government" and PARTY_NAME.search(name):
        subtype = "party"
    return Candidate(start, token.end, name, start, tail.type, subtype, rule="tail", weak=weak)


def _admin_after_function_char(token: Token) -> bool:
    """对县 / 向市: jieba glued a preposition to the administrative word that opens a name."""
    return (
        token.tag == OOV_TAG
        and len(token.word) == 2
        and token.word[0] in FUNCTION_CHARS
        and token.word[1] in ADMIN_PREFIXES
    )


def _specific(parts: Sequence[Token], last: Token, tail: Tail) -> bool:
    """Whether the words before the tail make the name specific enough for ``tail``."""
    stem = last.word[: -len(tail.word)] if len(last.word) > len(tail.word) else ""
    if stem and (last.tag == "nt" or _is_proper(last)):
        return True
    if stem and len(tail.word) == 1 and len(last.word) >= 3:
        return True
    if any(_is_proper(part) for part in parts):
        return True
    if tail.type is EntityType.ORGANIZATION and any(_is_zone(part) for part in parts):
        return True
    if tail.proper:
        return False
    modifiers = lexicon.words("modifiers.txt")
    return any(part.word not in modifiers for part in parts) or bool(stem and stem not in modifiers)


def _counted(tokens: Sequence[Token], first: int) -> bool:
    """Whether the name is preceded by a count (13个北斗产业项目), so it names a class."""
    if first == 0:
        return False
    before = tokens[first - 1]
    if before.word[-1:] not in CLASSIFIERS:
        return False
    if len(before.word) > 1:
        return True
    return first > 1 and (
        tokens[first - 2].tag == "m" or bool(DIGITS.match(tokens[first - 2].word))
    )


def _title_candidates(text: str) -> Iterable[Candidate]:
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


def _issuer_candidates(
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
    while index < len(tokens) and tokens[index].end <= limit and _is_name_part(tokens[index]):
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
        first = _scan_back(tokens, last, trim_verbs=False)
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


def _coordinated_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
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


def _pattern_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
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
        start = tokens[_scan_back(tokens, index)].start
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


def _dated_plan_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
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
                before.word in _boundary_words()
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


def _gazetteer_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
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


def _outside(
    candidates: Iterable[Candidate], regions: Sequence[tuple[int, int]]
) -> list[Candidate]:
    return [c for c in candidates if not any(s <= c.start < e for s, e in regions)]


def find_candidates(text: str) -> list[Candidate]:
    """Resolved candidates of ``text`` in text order (issuers inside titles included)."""
    tokens = tokenize(text)
    titles = list(_title_candidates(text))
    found = longest_first(
        [
            *titles,
            *quote_candidates(text, tokens),
            *_tail_candidates(text, tokens),
            *_coordinated_candidates(text, tokens),
            *_pattern_candidates(text, tokens),
            *_dated_plan_candidates(text, tokens),
            *person_candidates(text, tokens),
            *_gazetteer_candidates(text, tokens),
        ]
    )
    found.extend(_issuer_candidates(text, tokens, titles))
    regions = [match.span() for match in OUT_OF_SCOPE.finditer(text)]
    return sorted(_outside(found, regions), key=lambda c: c.start)


def find_entities(
    text: str, *, publisher: str | None = None, target: str | None = None
) -> tuple[Entity, ...]:
    """Every named entity of ``text`` with its aliases and mentions, in order of first mention.

    ``publisher`` and ``target`` are surface forms from the header and opening sentence; bare
    self-references (管委会, 局党组, 集团公司) resolve to them.
    """
    return build_entities(
        text,
        find_candidates(text),
        publisher=publisher,
        target=target,
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
