"""People: a name written before a title (王某某院士, 李某同志) or after a post (局长NAME).

Notices name their leaders by post first (局党组书记、局长NAME; 镇长NAME为副组长) and experts by
name first (NAME院士). A name is two to four Han characters opening with a surname from the shipped
surname list; the post that stands next to it becomes the person's role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from noticekg.extract import lexicon
from noticekg.extract.candidates import Candidate
from noticekg.extract.records import EntityType
from noticekg.extract.segment import OOV_TAG, Token, tag_of

POST = re.compile(
    r"(?:书记|局长|厅长|处长|科长|校长|院长|所长|镇长|乡长|县长|市长|区长|省长|州长|主任|主席"
    r"|董事长|总经理|经理|组长|部长|社长|行长|理事长|会长|秘书长|站长|队长|馆长|审计长|检察长)"
    r"(?![\u4e00-\u9fff]{0,1}(?:组|会|单位|职责|责任|办公|助理))"
)
"""A post written before its holder's name (局长, 党委书记, 管委会主任); not a post that names a
group or a duty (组长单位, 书记职责, 局长办公会)."""

HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
"""One Han character: a name is made of them only."""

AFTER_NAME_CHARS = frozenset("为任与和及在等同对是、")
"""Single characters that follow a name (马骁为组长, 王刚与班子成员) and so end it."""

VERB_TAGS = frozenset({"v", "vn", "vd", "p", "c", "d", "ad"})
"""Dictionary tags of a word that, right after two characters, shows the name has two."""

NAME_WORD_TAGS = frozenset({"nr", "nrfg", "nrt", OOV_TAG})
"""Tags a dictionary may give a personal name; any other tag makes a common word."""

POST_STOPS = frozenset("、,,。;;::()()“”《》 \u3000\n由以和及与为任")
"""What stands before a post and its body: a mark, or the preposition that introduces them."""

MAX_POST = 10
"""Longest post with its body, in characters (街道办事处主任)."""

PERSON_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
"""A Chinese personal name: two to four Han characters."""

PLACE_OPENINGS = frozenset({"ns"})
"""Tags of a surname and the next character that jieba reads as a place (龙海 in 龙海波): the
name stands, unlike a common word (单位 after 组长)."""

PERSON_TAGS = frozenset({"nr", "nrt", "nrfg", OOV_TAG, "r", "ng"})
"""Tags of the words a personal name splits into (王/nr 某某/r, 王中林/x)."""


def person_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Every person of ``text``: after a post (局长NAME) or before a title (NAME院士).

    A name after a post must not end inside a dictionary word (秘书长来科技城 names nobody).
    A name read before a title that starts where a name after a post ends (杜文昌任双组长) is the
    verb after that name, not a second person."""
    after = [c for c in _named_after_post(text) if not _splits_word(tokens, c.end)]
    ends = {candidate.end for candidate in after}
    yield from after
    for candidate in _named_before_title(tokens):
        if candidate.start not in ends:
            yield candidate


def _splits_word(tokens: Sequence[Token], end: int) -> bool:
    """Whether ``end`` falls inside a dictionary word; a word jieba guessed (邓丽为) may hold the
    end of a name."""
    for token in tokens:
        if token.start < end < token.end:
            return token.tag != OOV_TAG
        if token.start >= end:
            break
    return False


def _named_after_post(text: str) -> Iterable[Candidate]:
    """People written after their post (厅长NAME, 镇党委书记NAME为组长, 局长 NAME)."""
    for match in POST.finditer(text):
        start = match.end()
        if text[start : start + 1] in " \u3000":
            start += 1
        name = _name_at(text, start)
        if name is not None:
            yield Candidate(
                start,
                start + len(name),
                name,
                start,
                EntityType.PERSON,
                post_before(text, match.start(), match.end()),
                rule="post",
            )


def _name_at(text: str, start: int) -> str | None:
    """The personal name opening at ``start``: a surname and one or two more characters, two
    when the third begins a verb or a function word (马骁、 王刚主持 李华为组长)."""
    surnames = lexicon.words("surnames.txt")
    width = 2 if text[start : start + 2] in surnames else 1
    if text[start : start + width] not in surnames:
        return None
    given = 0
    while given < 2 and HAN_CHAR.match(text, start + width + given):
        given += 1
    if given == 2 and _ends_given_name(text, start + width + 1):
        given = 1
    name = text[start : start + width + given]
    if given == 0 or _is_common_word(name):
        return None
    if width == 1 and _is_common_word(name[:2]) and tag_of(name[:2]) not in PLACE_OPENINGS:
        return None
    return name


def _ends_given_name(text: str, position: int) -> bool:
    """Whether the character at ``position`` starts what follows a name rather than ending it."""
    if text[position] in AFTER_NAME_CHARS:
        return True
    return tag_of(text[position : position + 2]) in VERB_TAGS


def _is_common_word(word: str) -> bool:
    """A dictionary word that is not a name (单位 after 组长 is no person)."""
    return len(word) > 1 and tag_of(word) not in NAME_WORD_TAGS


def post_before(text: str, start: int, end: int) -> str:
    """The post ``text[start:end]`` with the body it belongs to (街道党工委书记), back to the last
    mark or preposition (成立由党委书记 → 党委书记)."""
    while start > 0 and end - start < MAX_POST and text[start - 1] not in POST_STOPS:
        start -= 1
    return text[start:end]


def _named_before_title(tokens: Sequence[Token]) -> Iterable[Candidate]:
    """People written before a title or post (王某某院士, 李某同志): two to four characters that
    open with a surname and are tagged as a name, unknown, or 某某."""
    posts = lexicon.words("persons.txt")
    for index, post in enumerate(tokens):
        if post.word not in posts:
            continue
        for width in (1, 2):
            words = tokens[max(index - width, 0) : index]
            name = "".join(token.word for token in words)
            if (
                len(words) == width
                and 2 <= len(name) <= 4
                and PERSON_NAME.match(name)
                and _surname(name)
                and (
                    all(token.tag in PERSON_TAGS for token in words)
                    or (words[0].tag == "nr" and words[0].word in lexicon.words("surnames.txt"))
                )
            ):
                yield Candidate(
                    words[0].start,
                    post.start,
                    name,
                    words[0].start,
                    EntityType.PERSON,
                    _person_role(post.word),
                    rule="person",
                )
                break


def _surname(name: str) -> bool:
    surnames = lexicon.words("surnames.txt")
    return name[:1] in surnames or name[:2] in surnames


def _person_role(post: str) -> str:
    return {"院士": "academician", "教授": "professor"}.get(post, "person")
