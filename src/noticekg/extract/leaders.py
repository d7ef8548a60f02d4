"""People leading bodies, read off the posts written before their names.

The genre names a leader by post (厅党组书记、厅长NAME; 党委书记、董事长NAME): each post of the
chain says which body the person leads. A secretary (书记) leads the Party body the post names
(厅党组 → 中共X厅党组, 党委 → 中共X委员会 alias 学校党委); a head (厅长, 校长, 董事长, 管委会主任)
leads the administrative body of that kind. Where several bodies fit, the notice's own publisher or
target decides, as a leader named without a body is one of the publisher's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from noticekg.extract.aliases import normalise
from noticekg.extract.persons import POST, post_before
from noticekg.extract.records import Entity, EntityType, Predicate, Relation, Span

POST_CHAIN_GAP = re.compile(r"[、,,\s]?$")
"""What may stand between two posts of one person (党委书记、董事长)."""

HEAD_BODIES = {
    "厅长": r"厅$",
    "局长": r"局$",
    "处长": r"处$",
    "校长": r"(?:学校|学院|大学|中学|小学|校)$",
    "院长": r"院$",
    "所长": r"所$",
    "镇长": r"镇(?:人民)?政府$",
    "乡长": r"乡(?:人民)?政府$",
    "县长": r"县(?:人民)?政府$",
    "市长": r"市(?:人民)?政府$",
    "区长": r"区(?:人民)?政府$",
    "省长": r"省(?:人民)?政府$",
    "董事长": r"(?:公司|集团)$",
    "总经理": r"(?:公司|集团)$",
    "社长": r"社$",
    "会长": r"会$",
}
"""The kind of body each head post leads, as a pattern on the body's name."""

BRANCH = re.compile(r"分(?:院|公司|局|所|校|行|中心)$|支行$")
"""Branches (X分院, X分公司): a head post written without its body (院长, 董事长) names the
principal body, never one of its branches."""

PARTY_FORM = re.compile(r"(?:党委|党组|党工委|党总支|党支部|工委|委员会)$")
"""Names and short forms of Party bodies, which a secretary leads."""

GOVERNMENT_TAILS = re.compile(r"(?:人民政府|政府|管理委员会|管委会|办事处)$")
"""Tails left off when matching a body's stem against the publisher (金桂镇人民政府 → 金桂镇)."""


def find_leaders(
    text: str,
    entities: Sequence[Entity],
    evidence: Sequence[Span],
    preferred: Sequence[str],
) -> Iterator[Relation]:
    """``leads`` relations for every person written after a chain of posts.

    ``evidence`` are the sentences of ``text``; ``preferred`` the names of the publisher and
    target, which win when several bodies fit a post."""
    organisations = [e for e in entities if e.type is EntityType.ORGANIZATION]
    for person in (e for e in entities if e.type is EntityType.PERSON):
        for mention in person.mentions:
            sentence = next((s for s in evidence if s.start <= mention.start < s.end), None)
            for post in _posts_before(text, mention.start):
                body = _body_of(post, organisations, preferred)
                if body is not None:
                    yield Relation(person.name, Predicate.LEADS, body.name, sentence)


def _posts_before(text: str, start: int) -> list[str]:
    """The posts right before ``start``, last first (厅党组书记、厅长 → 厅长, 厅党组书记)."""
    posts: list[str] = []
    end = start - 1 if text[start - 1 : start] in " \u3000" else start
    while True:
        match = next((m for m in POST.finditer(text, max(end - 6, 0), end) if m.end() == end), None)
        if match is None:
            return posts
        post = post_before(text, match.start(), match.end())
        posts.append(post)
        gap = POST_CHAIN_GAP.search(text, max(end - len(post) - 1, 0), end - len(post))
        if gap is None or not gap.group():
            return posts
        end = gap.start()


def _body_of(post: str, organisations: Sequence[Entity], preferred: Sequence[str]) -> Entity | None:
    if post.endswith("书记"):
        return _secretary_body(post[: -len("书记")].removeprefix("副"), organisations, preferred)
    head = next((h for h in HEAD_BODIES if post.endswith(h)), None)
    if head is None:
        prefix = post[:-2]
        return _choose(
            [o for o in organisations if prefix and _has_form_ending(o, prefix)], preferred
        )
    prefix = post[: -len(head)]
    if prefix:
        named = [o for o in organisations if _has_form_ending(o, prefix)]
        if named:
            return _choose(named, preferred)
    pattern = re.compile(HEAD_BODIES[head])
    return _choose(
        [o for o in organisations if pattern.search(o.name) and not BRANCH.search(o.name)],
        preferred,
    )


def _secretary_body(
    prefix: str, organisations: Sequence[Entity], preferred: Sequence[str]
) -> Entity | None:
    if not prefix or not PARTY_FORM.search(prefix):
        return None
    named = [o for o in organisations if _has_form_ending(o, prefix)]
    if not named and prefix.endswith("委"):
        named = [
            o for o in organisations if o.name.startswith("中共") and o.name.endswith("委员会")
        ]
    return _choose(named, preferred)


def _has_form_ending(entity: Entity, prefix: str) -> bool:
    key = normalise(prefix)
    return any(normalise(form).endswith(key) for form in (entity.name, *entity.aliases))


def _choose(bodies: Sequence[Entity], preferred: Sequence[str]) -> Entity | None:
    """The single body, or the one tied to the publisher or target."""
    if len(bodies) == 1:
        return bodies[0]
    tied = [b for b in bodies if any(_tied(b.name, name) for name in preferred)]
    return tied[0] if len(tied) == 1 else None


def _tied(body: str, owner: str) -> bool:
    stem = GOVERNMENT_TAILS.sub("", body)
    return body == owner or (len(stem) > 1 and stem in owner) or owner in body
