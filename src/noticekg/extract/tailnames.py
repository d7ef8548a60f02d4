"""Names built backwards from a tail word: …管委会, …孵化器, …项目, …新区, 市委第二巡察组.

A tail word types the name; :func:`noticekg.extract.namewords.scan_back` finds its first word;
checks here drop names that only count a class (13个X项目), are generic, or hold two bodies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from noticekg.extract import gazetteer, lexicon
from noticekg.extract.candidates import Candidate, Tail, tail_ends, tail_of, tails
from noticekg.extract.namewords import (
    ADMIN_PREFIXES,
    CLASSIFIERS,
    DIGITS,
    FUNCTION_CHARS,
    JOINERS,
    boundary_words,
    ends_organisation,
    is_name_part,
    is_proper,
    is_zone,
    scan_back,
)
from noticekg.extract.records import EntityType
from noticekg.extract.segment import OOV_TAG, Token

PARTY_NAME = re.compile(
    r"^(?:中共|中国共产党)|^[省市区县州镇乡]委$|(?:党委|党工委|党组|工委|纪委|党支部|党总支)$"
)
"""Names of Party organisations: 中共X委员会, 市委, X党委, X党组 (X委 alone is a government
commission: 发改委, 国资委)."""

LEVEL_CLASS = re.compile(
    r"^(?:(?:国家|省|市|区|县|乡|镇|村)级[\u4e00-\u9fff]{0,6}|[省市区县]"
    r"(?=(?:重点|工程|技术)?(?:实验室|研究中心|孵化器|众创空间|基地|园区|工业园|产业园)$))"
)
"""A facility or lab named only by its level (村级工业园, 省级众创空间, 国家级科技企业孵化器,
省实验室): a class of facilities, never one of them. Bodies keep their level (市委, 区政府)."""

LEVEL_WORD = re.compile(r"^(?:国家|省|市|区|县|乡|镇|村)级$")
"""A level word jieba cuts off before a facility (国家级/科技企业孵化器): the same class."""

SELF_HEADS = frozenset({"校", "院", "厅", "局", "委", "所", "公司", "集团"})
"""A body's own short name written before one of its units (校纪委, 公司纪委, 厅机关党委)."""

UNIT_TAILS = frozenset({"纪委", "纪工委", "机关党委", "机关纪委"})
"""Units a body names after its own short name: with a :data:`SELF_HEADS` word they name one
unit of the notice's own body, not a class."""

BUILDING_VERBS = frozenset(
    {"建设", "打造", "创建", "新建", "培育", "建成", "升级", "启用", "改扩建", "扩建", "筹建"}
)
"""Verbs of building written between a place and the facility it builds (X市建设Y孵化器): they
end the facility's name; a body's name may hold them (X建设投资集团), so only facilities stop."""

WORKS_VERBS = frozenset({"提升", "改造", "整治", "扩建", "改扩建", "修缮", "升级"})
"""Verbs that end most names but name the works inside a project's name (X农贸市场改造提升项目,
X产业提升项目, X大道北段提升工程)."""

BUILT_TYPES = frozenset({EntityType.PLATFORM, EntityType.PROJECT})
"""Types whose names stop at a building verb."""

PARTY_PREFIXES = frozenset({"中共", "中国共产党"})

LOCAL_STEM_TAGS = frozenset({"n", "nz", "nr", "j", "x"})
"""Tags of a two-character word jieba leaves before a town's or township's bare tail (掌政/n 镇)."""

DIVISION_SUFFIXES = frozenset("区县市")
"""Suffixes of the divisions that open names of works and companies (X区Y项目, X县Z公司)."""

COMMON_AREAS = frozenset(
    {"城区", "市区", "辖区", "景区", "山区", "社区", "园区", "片区", "全区", "全县", "全市", "郊区"}
    | {
        "城市",
        "都市",
        "超市",
        "街区",
        "新区",
        "老区",
        "矿区",
        "厂区",
        "校区",
        "院区",
        "湖区",
        "库区",
    }
)
"""Two-character words ending with 区/县/市 that are common nouns, not the end of a division."""

HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
"""One Han character."""

DIGIT_CHARS = frozenset("一二三四五六七八九十两百千万各每本该全某")
"""Numerals and determiners: they open counts (一区), never a division's name."""
"""What opens a Party body's name and never a place's (中共四川省委 holds the place 四川省)."""


def tail_at(tokens: Sequence[Token], last: int) -> tuple[Tail, int] | None:
    """The tail ending at ``tokens[last]`` and the index of its first token: a tail may span
    words (专项/行动, 指导/目录) or end one (教育局)."""
    word = tokens[last].word
    if word[-1:] not in tail_ends():
        return None
    if (tokens[last].tag == OOV_TAG and word[0] in FUNCTION_CHARS) or word in boundary_words():
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


def tail_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Names ending with a tail word, built backwards over name words (市委第二巡察组)."""
    for index in range(len(tokens)):
        found = tail_at(tokens, index)
        if found is None:
            continue
        tail, tail_first = found
        first = scan_back(
            tokens,
            tail_first,
            trim_verbs=tail.proper,
            joiners=JOINERS.get(tail.type, frozenset()),
            stops=BUILDING_VERBS if tail.type in BUILT_TYPES else frozenset(),
            keeps=WORKS_VERBS if tail.type is EntityType.PROJECT else frozenset(),
        )
        if tail.type is EntityType.PLACE:
            first = _place_start(tokens, first, tail_first)
            if first == tail_first and _split_local_name(tokens, tail_first, tail):
                first -= 1
        for segment_first, segment_last in _split_bodies(tokens, first, index):
            candidate = _tail_candidate(text, tokens, segment_first, segment_last)
            if candidate is not None:
                yield candidate


def _split_local_name(tokens: Sequence[Token], tail_first: int, tail: Tail) -> bool:
    """掌政/镇: jieba cut an unknown town's one-character tail off a two-character noun; the noun
    is the town's name when it is no describing or generic word and no word of a name precedes
    it (农村/n 改厕 is no town)."""
    if tail.word not in gazetteer.LOCAL_TAILS or tokens[tail_first].word != tail.word:
        return False
    if tail_first < 1:
        return False
    stem = tokens[tail_first - 1]
    return (
        len(stem.word) == 2
        and stem.tag in LOCAL_STEM_TAGS
        and stem.word not in lexicon.words("generic.txt")
        and stem.word not in lexicon.words("modifiers.txt")
        and (tail_first < 2 or not is_name_part(tokens[tail_first - 2]))
    )


def _place_start(tokens: Sequence[Token], first: int, tail_first: int) -> int:
    """A place name starts with a proper word and holds no body (省委X组对省 is no place)."""
    for index in range(first, tail_first):
        if ends_organisation(tokens[index].word):
            first = index + 1
    while first < tail_first and (
        not is_proper(tokens[first]) or tokens[first].word in PARTY_PREFIXES
    ):
        first += 1
    return first


def _split_bodies(tokens: Sequence[Token], first: int, last: int) -> list[tuple[int, int]]:
    """市委市政府 is two bodies: split after an organisation tail followed by 市/区/省…; a body
    followed by a building verb (市教育局新建X学校) is the subject of the works, not their name."""
    segments = []
    for index in range(first, last):
        tail = tail_of(tokens[index].word)
        following = tokens[index + 1].word
        if (
            tail is not None
            and tail.type is EntityType.ORGANIZATION
            and (following[0] in ADMIN_PREFIXES or following in BUILDING_VERBS)
        ):
            segments.append((first, index))
            first = index + 1
    segments.append((first, last))
    return segments


def _tail_candidate(text: str, tokens: Sequence[Token], first: int, last: int) -> Candidate | None:
    generic = lexicon.words("generic.txt")
    token = tokens[last]
    found = tail_at(tokens, last)
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
    if tail.type is EntityType.PROJECT and _works_on_generic(stem, generic):
        return None
    if tail.type is not EntityType.ORGANIZATION or tail.subtype == "research":
        level_before = first > 0 and LEVEL_WORD.match(tokens[first - 1].word)
        if LEVEL_CLASS.match(name) or level_before:
            return None
    if tail.type in BUILT_TYPES and (
        _counted(tokens, first)
        or (tail_first > first and LEVEL_WORD.match(tokens[tail_first - 1].word))
    ):
        return None
    weak = not glued and not _specific(tokens[first:tail_first], tokens[tail_first], tail)
    if tail.type is EntityType.PLACE and tail.word in gazetteer.LOCAL_TAILS:
        weak = False  # the local place's shape is checked by _place_subtype below
    subtype = tail.subtype
    if tail.type is EntityType.PLACE:
        place = _place_subtype(name, tail)
        if place is None:
            return None
        subtype = place
    if subtype == "government" and PARTY_NAME.search(name):
        subtype = "party"
    return Candidate(start, token.end, name, start, tail.type, subtype, rule="tail", weak=weak)


def _works_on_generic(stem: str, generic: frozenset[str]) -> bool:
    """老旧小区改造项目: works named only by a generic class of things and a works verb name a
    class of projects, not one."""
    for verb in sorted(WORKS_VERBS, key=len, reverse=True):
        if stem.endswith(verb) and len(stem) > len(verb):
            return stem[: -len(verb)] in generic
    return False


def _place_subtype(name: str, tail: Tail) -> str | None:
    """The subtype of a place built from an administrative or local tail, or None when the name
    is no real division (交通强市, 县区) or has not the shape of a local place (11个行政村)."""
    if tail.word in gazetteer.ADMIN_TAILS:
        return gazetteer.admin_subtype(name)
    if tail.word in gazetteer.LOCAL_TAILS and not gazetteer.is_local_place(name, tail.word):
        return None
    return tail.subtype


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
    if tail.word in UNIT_TAILS and "".join(part.word for part in parts) in SELF_HEADS:
        return True
    stem = last.word[: -len(tail.word)] if len(last.word) > len(tail.word) else ""
    if stem and (last.tag == "nt" or is_proper(last)):
        return True
    if stem and len(tail.word) == 1 and len(last.word) >= 3:
        return True
    if any(is_proper(part) for part in parts) or _division_opening(parts):
        return True
    if tail.type is EntityType.ORGANIZATION and any(is_zone(part) for part in parts):
        return True
    if tail.type in BUILT_TYPES and any(_is_road(part) for part in parts[1:]):
        return True
    if tail.proper:
        return False
    modifiers = lexicon.words("modifiers.txt")
    return any(part.word not in modifiers for part in parts) or bool(stem and stem not in modifiers)


def _division_opening(parts: Sequence[Token]) -> bool:
    """A name opening with a county, district or city that jieba cut in two (龙/海区, 渌/口区):
    one character, then a two-character word ending with a division suffix that is no common
    word (城区, 辖区, 社区)."""
    if len(parts) < 2:
        return False
    first, second = parts[0].word, parts[1].word
    return (
        len(first) == 1
        and HAN_CHAR.match(first) is not None
        and first not in FUNCTION_CHARS
        and first not in DIGIT_CHARS
        and len(second) == 2
        and second[-1] in DIVISION_SUFFIXES
        and second not in COMMON_AREAS
    )


def _is_road(token: Token) -> bool:
    """A road word after another word (X大道, X路): the road is named, so the works are too."""
    road = tails().get(token.word)
    return road is not None and road.subtype == "road"


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
