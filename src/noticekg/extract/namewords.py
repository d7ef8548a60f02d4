"""Which words may belong to a name, and where a name built backwards from its last word starts.

jieba tags and the shipped word lists decide whether a token can sit inside a name (市委, 5G,
住房和城乡建设), is itself a proper name, or only describes (加快, 新型). :func:`scan_back` walks
from a tail word to the first word of its name; the tail rule and the list rules share it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from noticekg.extract import lexicon
from noticekg.extract.candidates import tail_of, tails
from noticekg.extract.gazetteer import LOCAL_TAILS
from noticekg.extract.records import EntityType
from noticekg.extract.segment import OOV_TAG, Token

ADMIN_PREFIXES = frozenset("省市区县镇乡州") | {"中共", "全国", "国家"}
"""Single administrative words that make what follows a specific body (市委, 区投促中心)."""

NAME_TAGS = frozenset(
    {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "vn", "b", "l", "a", "an", "ng", "s"}
    | {"g", "zg"}
)
"""jieba tags a word inside a name may carry; verbs are allowed too unless they are boundaries.
Morphemes (g, zg) are single characters jieba cuts off an unknown place name (渌/口区, 桂花/湾)."""

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

ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[届次轮批]?|\d+[A-Za-z]*|[A-Za-z]+\d*)$")
"""Numbers that may sit inside a name: ordinals (第二巡察组, 第十八届人民代表大会) and codes
(5G, A33)."""

PHASE = re.compile(r"^(?:[一二三四五六七八九十\d]+期|[东南西北中]?[段片]|标段|[东南西北]延)$")
"""Phases and sections of a works (狼山港区三期码头工程, X大道北段提升工程): jieba tags them as
time or place words, yet they sit inside a project's name."""

DIRECTION = re.compile(r"^(?:沿[江海河湖边]|[东南西北中][部区])$")
"""Direction words that sit inside names (南通沿江港务集团, 粤东西北): jieba tags them ``f``."""

DIRECTION_CHARS = frozenset("东南西北中")
"""One-character direction words (tag ``f``) inside a name after a proper word or abbreviation
(黔/中/医科大学): they end a name only when no such word precedes them."""

HAN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
"""A word that contains letters of a name (so an OOV tag is a name, not punctuation)."""


LOCAL_PLACE_WORDS = frozenset(LOCAL_TAILS)
"""Tails of local places, inside the names of their bodies (石坝/村/党支部): jieba tags 村 as a
morpheme, which would otherwise end the name."""

DIGITS = re.compile(r"^[\d.]+$")
"""A bare number (jieba leaves numbers out of its dictionary)."""

CAPACITY_UNITS = frozenset({"千伏", "千瓦", "兆瓦", "万千瓦", "万伏"})
"""Units of a grid or plant capacity written inside a works' name after its number
(X500千伏输变电工程): the number and unit belong to the name. Yearly outputs (年产N万吨…项目) are
the pattern rule's."""

FUNCTION_CHARS = frozenset("对在向把将从为与和及或被让给于以按受由经据自至同跟我到赴")
"""Prepositions and conjunctions: an unknown word starting with one (对原) is not a name."""

ROUTE_JOINER = "至"
"""The word between the two ends of a route (西安至延安)."""

ROUTE_TAGS = frozenset({"n", "ns", "nz", "j", OOV_TAG})
"""Tags of the words at either end of a route (合肥/n 至 安庆/ns)."""

JOINERS = {
    EntityType.ORGANIZATION: frozenset({"与", "和"}),
    EntityType.PLATFORM: frozenset({"与"}),
    EntityType.PROJECT: frozenset({ROUTE_JOINER}),
}
"""Conjunctions that may join two nouns inside a name of each type (住房和城乡建设局), and the
至 of a route between two places inside a works' name (A至B高速铁路项目, A至B道路提升工程)."""

JOINABLE_TAGS = frozenset({"n", "nz", "ns", "j", "vn", "l"})
"""Tags of the nouns a joiner may connect (自然资源/l 和 规划局: jieba tags some set phrases l)."""

SHORT_NAME_CUES = frozenset({"简称", "以下简称", "下称", "以下", "简称为"})
"""Words that make a bracket a declared short name (X(以下简称Y)党委), not part of a name."""

MAX_NAME = 30
"""Longest name built backwards from a tail word, in characters."""


@cache
def boundary_words() -> frozenset[str]:
    """Verbs of the user dictionary and of ``boundary_verbs.txt``: actions that end a name
    (印发, 落地, 会同, 赴 …)."""
    listed = frozenset(
        line.split()[0]
        for line in lexicon.user_dict_text().splitlines()
        if line.strip() and line.split()[-1] == "v"
    )
    return listed | lexicon.words("boundary_verbs.txt")


def is_name_part(token: Token) -> bool:
    if PHASE.match(token.word) or DIRECTION.match(token.word):
        return True
    if token.word in boundary_words() or token.word in CLASSIFIERS:
        return False
    if token.word in ADMIN_PREFIXES or token.word in LOCAL_PLACE_WORDS:
        return True
    if token.tag == OOV_TAG:
        return bool(HAN.search(token.word)) and token.word[0] not in FUNCTION_CHARS
    if token.tag == "m" or DIGITS.match(token.word):
        return bool(ORDINAL.match(token.word))
    return token.tag in NAME_TAGS or token.tag.startswith("v")


def is_proper(token: Token) -> bool:
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


def is_zone(token: Token) -> bool:
    """A bare zone word (科技城, 高新区): in a body's name it means the notice's own zone."""
    zone = tails().get(token.word)
    return zone is not None and zone.type is EntityType.PLACE and len(token.word) > 1


def is_lead_word(token: Token, *, trim_verbs: bool = True) -> bool:
    if token.word in lexicon.words("modifiers.txt"):
        return True
    if token.word in ADMIN_PREFIXES or (not trim_verbs and token.tag in {"v", "vn"}):
        return False
    return token.tag in LEAD_TAGS


def scan_back(
    tokens: Sequence[Token],
    last: int,
    *,
    trim_verbs: bool = True,
    joiners: frozenset[str] = frozenset(),
    stops: frozenset[str] = frozenset(),
    keeps: frozenset[str] = frozenset(),
) -> int:
    """Index of the first token of the name whose last word is ``tokens[last]``; a descriptive
    name keeps a leading verb when it is one of a list (…信息库、孵化空间供给信息库) or follows
    a verb that ends names (启用创新创业新天地一期), and
    ``keeps`` are verbs that end other names but belong inside this one (X改造提升项目)."""
    first = last
    end = tokens[last].end
    if _verb_before_char_tail(tokens, last):
        first -= 1
    while first > 0:
        before = tokens[first - 1]
        if end - before.start > MAX_NAME:
            break
        if before.word in ")）":
            opening = bracket_start(tokens, first - 1)
            if opening is None or opening == 0 or not is_name_part(tokens[opening - 1]):
                break
            first = opening
            continue
        if before.word in joiners and first > 1 and joins(tokens[first - 2], tokens[first], before):
            first -= 2
            continue
        if (
            before.word in DIRECTION_CHARS
            and first > 1
            and (is_proper(tokens[first - 2]) or tokens[first - 2].tag == "j")
        ):
            first -= 1
            continue
        if before.word in keeps and first - 1 > 0:
            first -= 1
            continue
        if before.word in CAPACITY_UNITS and first > 1 and DIGITS.match(tokens[first - 2].word):
            first -= 2
            continue
        if not is_name_part(before) or before.word in stops:
            break
        first -= 1
    listed = first > 0 and (
        tokens[first - 1].word == "、" or tokens[first - 1].word in boundary_words()
    )
    while (
        first < last
        and is_lead_word(tokens[first], trim_verbs=trim_verbs or not listed)
        and not _brand_start(tokens, first, last)
    ):
        first += 1
    return first


def _brand_start(tokens: Sequence[Token], first: int, last: int) -> bool:
    """宏远/a 能建/x: an adjective jieba knows opening a word it does not know is the first half
    of a brand or trade name (a describing adjective precedes dictionary nouns: 新/a 材料)."""
    following = tokens[first + 1] if first + 1 < last else None
    return (
        tokens[first].tag == "a"
        and len(tokens[first].word) >= 2
        and following is not None
        and following.tag == OOV_TAG
        and bool(HAN.search(following.word))
    )


def _verb_before_char_tail(tokens: Sequence[Token], last: int) -> bool:
    """投资/促进/局: jieba cut a one-character tail off the verb that ends the body's function
    (投资促进局 stays whole when a name word precedes the verb); cue verbs written between two
    bodies (财政厅/会同/厅机关党委) never belong to a name."""
    return (
        len(tokens[last].word) == 1
        and last >= 2
        and len(tokens[last - 1].word) == 2
        and tokens[last - 1].word in boundary_words()
        and tokens[last - 1].word not in lexicon.words("boundary_verbs.txt")
        and tokens[last - 2].word not in boundary_words()
        and tokens[last - 2].tag in NAME_TAGS
        and not ends_organisation(tokens[last - 2].word)
    )


def ends_organisation(word: str) -> bool:
    tail = tail_of(word)
    return tail is not None and tail.type is EntityType.ORGANIZATION


def joins(left: Token, right: Token, joiner: Token | None = None) -> bool:
    """与/和 join two nouns inside one name (激光与光电孵化器, 住房和城乡建设局), never two
    names (X办和Y局), a phrase and the proper name that opens the next body (团队与江南/ns
    农业大学) nor a phrase and a whole body (党中央决策部署和省委); 至 joins two proper names,
    the ends of a route (槐店至砖桥)."""
    if joiner is not None and joiner.word == ROUTE_JOINER:
        return _route_end(left) and _route_end(right)
    return (
        left.tag in JOINABLE_TAGS
        and right.tag in JOINABLE_TAGS
        and not ends_organisation(left.word)
        and right.word not in tails()
        and right.word not in ADMIN_PREFIXES
        and right.tag not in PROPER_TAGS
        and not (right.word[0] in ADMIN_PREFIXES and ends_organisation(right.word))
    )


def _route_end(token: Token) -> bool:
    """An end of a route: a name or a noun of two or more characters (jieba tags some cities and
    towns as common nouns: 合肥/n, 石门/n)."""
    return is_proper(token) or (token.tag in ROUTE_TAGS and len(token.word) >= 2)


def bracket_start(tokens: Sequence[Token], close: int) -> int | None:
    """Index of the ``(`` matching ``tokens[close]`` when only name words lie between."""
    index = close - 1
    while index >= 0 and close - index <= 6:
        if tokens[index].word in "(（":
            return index if index < close - 1 else None
        if not is_name_part(tokens[index]) or tokens[index].word in SHORT_NAME_CUES:
            return None
        index -= 1
    return None
