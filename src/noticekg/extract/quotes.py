"""Quoted labels as entities: “X”改革, “X”制度, ‘两个责任’, and labels a notice puts into practice.

The genre quotes the short names of reforms, mechanisms and campaigns (“最多跑一次”改革). The type
comes from the head noun after the closing quote, from the label's own tail word, from a numbered
pattern (两个维护, 一岗双责, 三重一大), or from the verb that puts it into practice (推行“X”,
落实“X”要求). Problem titles (关于“X”问题) and long sentences in quotes are not names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from noticekg.extract import lexicon
from noticekg.extract.candidates import Candidate, Tail, tail_of
from noticekg.extract.records import EntityType
from noticekg.extract.segment import Token

QUOTED = re.compile(r"“([^“”\n]{1,24})”|‘([^‘’\n]{1,24})’|\"([^\"\n]{1,24})\"")
"""A quoted label: curly double, curly single or straight quotes, short enough to be a name."""

SLOGAN = re.compile(r"^[一二两三四五六七八九十]个[\u4e00-\u9fff]{2,6}$")
"""Numbered doctrines written in quotes (两个责任, 四个意识), Policy/slogan even without a head."""

PAIRED_NUMBERS = re.compile(
    r"^[一二两三四五六七八九十百千万双][\u4e00-\u9fff]{1,3}、?"
    r"[一二两三四五六七八九十百千万双][\u4e00-\u9fff]{1,3}$"
)
"""A rule written with two numbers (一岗双责, 三重一大, 一园一策, 双随机、一公开)."""

NUMBERED_CLASS = re.compile(r"^[一二两三四五六七八九十][\u4e00-\u9fff]$")
"""A number and one character (“三资”, “两委”, “四风”): a class of things, never a name."""

INNER_QUOTED = re.compile(r"‘([^‘’\n]{1,24})’")
"""A label in single quotes, searched again inside a double-quoted text (“全面从严治党‘两个责任’
落实不到位”), whose outer match hides it."""

ADOPTING_VERB = re.compile(
    r"(?:推行|落实|实行|实施|运用|构建|健全|深化|履行|执行|坚持|贯彻|推广|建立|完善|做到|增强)$"
)
"""A verb right before the quote that puts a rule into practice (推行“揭榜挂帅”)."""

DEMAND_AFTER = re.compile(r"(?:要求|政策|原则|理念|精神|标准|制|体系)")
"""What follows a quoted rule and says it is one (“过紧日子”要求, “双减”政策)."""

QUESTION_AFTER = re.compile(r"(?:问题|方面|现象|情况|事项|场所)")
"""What follows a quoted problem or class (“X”问题, “三小场所”): not a name."""

ROLE_ENDS = frozenset("手人者员长师家")
"""Last characters of quoted roles (“一把手”, “带头人”): people, never a rule."""

SYSTEM_HEAD = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:平台|系统)")
"""A head phrase that ends with 平台/系统 (“X”项目管理平台, “X”工程监管系统): the label names a
system even when a shorter head (项目, 工程) opens the phrase."""

MAX_BARE = 12
"""Longest quoted label taken as a Policy without a head noun, in characters."""


def quote_candidates(text: str, tokens: Sequence[Token]) -> Iterable[Candidate]:
    """Quoted labels typed by their head noun (“X”改革, “X”制度) or by their own tail."""
    heads = lexicon.table("quote_heads.txt")
    longest_head = max(len(head) for head in heads)
    for match in _quotes(text):
        inner = next(group for group in match.groups() if group is not None)
        if any(mark in inner for mark in ",,。;;") or NUMBERED_CLASS.match(inner):
            continue
        follow = text[match.end() : match.end() + longest_head + 6]
        head, skip = _head_after(follow, heads)
        row = _head_row(head, heads) if head is not None else None
        if head is not None and row is not None:
            kind, subtype = row
            end = match.end() + skip + len(head)
            yield Candidate(
                match.start(),
                end,
                inner,
                match.start() + 1,
                EntityType(kind),
                subtype,
                form=text[match.start() : end],
                rule="quote",
            )
            continue
        own = tail_of(inner) or _quote_tail(inner, heads)
        if own is not None:
            yield Candidate(
                match.start(),
                match.end(),
                inner,
                match.start() + 1,
                own.type,
                own.subtype,
                rule="quote",
            )
        else:
            policy = _bare_policy(text, match.start(), match.end(), inner)
            if policy is not None:
                yield Candidate(
                    match.start(),
                    match.end(),
                    inner,
                    match.start() + 1,
                    EntityType.POLICY,
                    policy,
                    rule="quote",
                )


def _quotes(text: str) -> list[re.Match[str]]:
    """Every quoted label, with the single-quoted ones nested in a double-quoted text."""
    found = []
    for match in QUOTED.finditer(text):
        found.append(match)
        if match.group().startswith("“") and "‘" in match.group():
            found.extend(INNER_QUOTED.finditer(text, match.start() + 1, match.end() - 1))
    return found


def _bare_policy(text: str, start: int, end: int, inner: str) -> str | None:
    """The Policy subtype of a quoted label with no head noun, or None when it names nothing:
    a numbered slogan (两个维护), a paired-number rule (一岗双责, 三重一大), a label put into
    practice (推行“X”, 落实“X”), or a label followed by what it demands (“X”要求)."""
    if SLOGAN.match(inner):
        return "slogan"
    if len(inner) > MAX_BARE or QUESTION_AFTER.match(text, end) or inner[-1] in ROLE_ENDS:
        return None
    if PAIRED_NUMBERS.match(inner):
        return "mechanism"
    if ADOPTING_VERB.search(text, max(start - 4, 0), start) or DEMAND_AFTER.match(text, end):
        return "mechanism"
    return None


def _quote_tail(inner: str, heads: dict[str, tuple[str, ...]]) -> Tail | None:
    for size in range(min(len(inner) - 1, 4), 1, -1):
        found = heads.get(inner[-size:])
        if found is not None:
            return Tail(inner[-size:], EntityType(found[0]), found[1], proper=False)
    return None


def _head_after(follow: str, heads: dict[str, tuple[str, ...]]) -> tuple[str | None, int]:
    """The head noun right after a closing quote, allowing one space, 的 and a short modifier
    (“X”的引育模式, “X”动态管理模式); returns the head and how many characters precede it."""
    offset = 0
    while offset < len(follow) and follow[offset] in " 的":
        offset += 1
    for skip in range(offset, min(offset + 5, len(follow))):
        for size in range(min(6, len(follow) - skip), 1, -1):
            word = follow[skip : skip + size]
            if word in heads:
                between = follow[offset:skip]
                if all("\u4e00" <= char <= "\u9fff" for char in between):
                    return _system_head(follow, skip, word, heads), skip
        if not "\u4e00" <= follow[skip] <= "\u9fff":
            break
    return None, 0


def _system_head(follow: str, skip: int, word: str, heads: dict[str, tuple[str, ...]]) -> str:
    """``word``, or the longer head phrase ending with 平台/系统 that ``word`` opens, when that
    phrase is itself a listed head's form (项目管理平台 ends with the head 管理平台)."""
    if heads[word][0] == EntityType.PLATFORM.value:
        return word
    phrase = SYSTEM_HEAD.match(follow, skip)
    if phrase is None or len(phrase.group()) <= len(word):
        return word
    return phrase.group() if _head_row(phrase.group(), heads) is not None else word


def _head_row(head: str, heads: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The row of ``head``, or of the longest listed head it ends with (项目管理平台 → 管理平台)."""
    for size in range(len(head), 1, -1):
        row = heads.get(head[-size:])
        if row is not None:
            return row
    return None
