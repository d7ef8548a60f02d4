"""In-document coreference: the surface forms of one referent folded into one entity.

A notice names a body in full once (温州X管理委员会) and then shortens it (X管委会, 管委会), or
declares a short name (以下简称X). Forms are grouped by a normalised key (long and short spellings
of the same tail made equal), shorter keys join the one longer key they end with, bare
self-references join the publisher or target, and the fullest form becomes the entity's name.
Aliases are local to the notice: nothing here is remembered between calls.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from noticekg.extract import lexicon
from noticekg.extract.bodies import party_key
from noticekg.extract.gazetteer import strip_divisions
from noticekg.extract.records import Entity, EntityType, Span
from noticekg.extract.text import SHORT_NAME

if TYPE_CHECKING:
    from noticekg.extract.entities import Candidate

BRACKETED = re.compile(r"^(.*?)[((]([^()()]+)[))](.+)$")
"""A name with an alternative in brackets: 高新区(X)管委会 is also X管委会."""

ORDINAL = re.compile(r"第[一二三四五六七八九十\d]+")
"""A team's number (市委第二巡察组): the short form 市委巡察组 leaves it out."""

BARE_COMMITTEE = re.compile(r"^[省市区县州旗盟]委$")
"""A Party committee named by its level alone (市委, 县委): in a notice by that committee itself
(中共X市委) it is the publisher's own short name."""

VARIANT_TAILS = (
    ("股份有限公司", "公司"),
    ("有限责任公司", "公司"),
    ("有限公司", "公司"),
    ("集团公司", "集团"),
    ("管理委员会", "管委会"),
    ("人民政府", "政府"),
    ("大厦", "大楼"),
    ("中国共产党", "中共"),
)
"""Long and short spellings of the same tail, made equal when comparing names."""


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """A comparison key: variant tails shortened, spaces dropped."""
    key = name.replace(" ", "").replace("（", "(").replace("）", ")")
    for long, short in VARIANT_TAILS:
        key = key.replace(long, short)
    return key


@dataclass
class _Group:
    type: EntityType
    subtype: str | None
    key: str
    forms: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    first: int = 0
    weak: bool = True

    def add(self, form: str, span: Span | None) -> None:
        if form not in self.forms:
            self.forms.append(form)
        if span is not None:
            self.spans.append(span)

    def absorb(self, other: _Group) -> None:
        """Take ``other``'s forms and mentions: both name the same entity."""
        for form in other.forms:
            self.add(form, None)
        self.spans.extend(other.spans)
        self.first = min(self.first, other.first)


def build_entities(
    text: str,
    candidates: Sequence[Candidate],
    *,
    publisher: str | None = None,
    target: str | None = None,
    bodies: Sequence[str | None] = (),
    subtype_of: Callable[[str], str] = lambda _: "other",
) -> tuple[Entity, ...]:
    """Group ``candidates`` into entities with aliases and every mention in ``text``;
    ``subtype_of`` types a publisher, target or other opening body that no rule found."""
    groups: dict[tuple[EntityType, str], _Group] = {}
    for candidate in candidates:
        _add_candidate(groups, text, candidate)
    for surface in (publisher, target, *bodies):
        if surface and surface in text:
            _ensure_organisation(groups, text, surface, subtype_of(surface))
    _apply_declarations(groups, text)
    merged = _merge_suffixes(list(groups.values()))
    merged = _merge_project_forms(merged)
    merged = _merge_party_forms(merged)
    merged = _merge_bare_committees(merged, [s for s in (publisher, target) if s])
    _attach_self_references(merged, text, publisher=publisher, target=target)
    return _finish(merged, text)


def _add_candidate(groups: dict[tuple[EntityType, str], _Group], text: str, c: Candidate) -> None:
    key = (c.type, normalise(c.name))
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(c.type, c.subtype, key[1], first=c.name_start)
    group.weak = group.weak and c.weak
    group.add(c.name, Span(c.name_start, c.name_start + len(c.name), c.name))
    if c.form is not None and c.form != c.name:
        group.add(c.form, Span(c.start, c.end, text[c.start : c.end]))


def _ensure_organisation(
    groups: dict[tuple[EntityType, str], _Group], text: str, surface: str, subtype: str
) -> None:
    """The publisher or target is an organisation even when no rule found it."""
    key = normalise(surface)
    existing = groups.get((EntityType.ORGANIZATION, key))
    if existing is not None:
        existing.weak = False
        return
    if any(g.type is EntityType.ORGANIZATION and g.key.endswith(key) for g in groups.values()):
        return
    start = text.find(surface)
    group = groups.setdefault(
        (EntityType.ORGANIZATION, key),
        _Group(EntityType.ORGANIZATION, subtype, key, first=start, weak=False),
    )
    group.add(surface, Span(start, start + len(surface), surface))


def _apply_declarations(groups: dict[tuple[EntityType, str], _Group], text: str) -> None:
    """X(以下简称Y): Y becomes an alias of the entity whose mention ends right before it, a
    group already made of Y joins that entity, and names opening with Y (Y党委) are specific."""
    declared = []
    for match in SHORT_NAME.finditer(text):
        short = match.group("short")
        host = next(
            (g for g in groups.values() if any(s.end == match.start() for s in g.spans)), None
        )
        if host is None:
            continue
        declared.append(short)
        host.add(short, Span(match.start("short"), match.end("short"), short))
        for key, group in list(groups.items()):
            if group is not host and short in group.forms:
                host.absorb(group)
                host.weak = host.weak and group.weak
                del groups[key]
    for group in groups.values():
        if any(form.startswith(short) for short in declared for form in group.forms):
            group.weak = False


def _merge_suffixes(groups: list[_Group]) -> list[_Group]:
    """A shorter key joins the single longer key of the same type that ends with it
    (浙南X管委会 → 温州浙南X管委会); 高新区(X)管委会 also tries X管委会."""
    groups.sort(key=lambda g: (-_effective_length(g.key), g.first))
    kept: list[_Group] = []
    for group in groups:
        keys = _alternatives(group.key)
        host = _single_host(kept, group.type, keys)
        if host is None:
            if not group.weak:
                kept.append(group)
            continue
        host.absorb(group)
    return kept


@lru_cache(maxsize=8192)
def _alternatives(key: str) -> tuple[str, ...]:
    """``key`` and, for 高新区(X)管委会, the forms X管委会 and 高新区管委会 it stands for."""
    bracketed = BRACKETED.match(key)
    if bracketed is None:
        return (key,)
    before, inside, after = bracketed.groups()
    return (key, inside + after, before + after)


def _effective_length(key: str) -> int:
    """How long a name counts as: a bracketed name as its shortest unbracketed form."""
    return min(len(alternative) for alternative in _alternatives(key))


def _single_host(kept: Sequence[_Group], kind: EntityType, keys: Sequence[str]) -> _Group | None:
    """The one kept group of type ``kind`` whose key ends with one of ``keys`` (numbers of teams
    ignored), or None when there is none or several."""
    for key in keys:
        if len(key) < 3:
            continue
        hosts = [
            g
            for g in kept
            if g.type is kind
            and g.key != key
            and any(
                other.endswith(key) or ORDINAL.sub("", other).endswith(key)
                for form in {g.key, *map(normalise, g.forms)}
                for other in _alternatives(form)
            )
        ]
        if len(hosts) == 1:
            return hosts[0]
    return None


def _merge_project_forms(groups: list[_Group]) -> list[_Group]:
    """A facility named X and a project named X项目 are one Project (X is its short form)."""
    projects = {g.key: g for g in groups if g.type is EntityType.PROJECT}
    kept = []
    for group in groups:
        host = projects.get(group.key + "项目") if group.type is not EntityType.PROJECT else None
        if host is None:
            kept.append(group)
            continue
        host.absorb(group)
    return kept


def _merge_party_forms(groups: list[_Group]) -> list[_Group]:
    """中共X委员会 and X党委 (or Y党委 where Y is a declared short name of X, or X without the
    divisions it opens with: 中共光山县槐店乡委员会 and 槐店乡党委) are one Party committee;
    likewise 中共X党组/X党组 and 中共X总支部委员会/X党总支."""
    organisations = [g for g in groups if g.type is EntityType.ORGANIZATION]
    body_of = {form: id(g) for g in organisations for form in g.forms}
    hosts: dict[tuple[object, str], _Group] = {}
    kept = []
    for group in sorted(groups, key=lambda g: (-len(_fullest_form(g)), g.first)):
        found = (
            [party_key(form) for form in group.forms]
            if group.type is EntityType.ORGANIZATION
            else []
        )
        keys = {
            (body_of.get(name, name), kind)
            for body, kind in filter(None, found)
            for name in {body, strip_divisions(body)}
        }
        host = next((hosts[key] for key in keys if key in hosts), None)
        if host is None:
            hosts.update((key, group) for key in keys)
            kept.append(group)
            continue
        host.absorb(group)
    return sorted(kept, key=lambda g: g.first)


def _merge_bare_committees(groups: list[_Group], preferred: Sequence[str]) -> list[_Group]:
    """A bare 市委 joins the publisher or target when that body is itself a committee of the same
    level (中共X市委, X市委员会): the notice speaks of itself. Otherwise 市委 stays a body of its
    own (the authority)."""
    hosts = [
        g
        for surface in preferred
        for g in groups
        if g.type is EntityType.ORGANIZATION and surface in g.forms
    ]
    kept = []
    for group in groups:
        bare = group.key if group.type is EntityType.ORGANIZATION else ""
        host = next(
            (
                h
                for h in hosts
                if BARE_COMMITTEE.match(bare)
                and h is not group
                and any(
                    len(form) > len(bare) and form.endswith((bare, bare[0] + "委员会"))
                    for form in h.forms
                )
            ),
            None,
        )
        if host is None:
            kept.append(group)
            continue
        host.absorb(group)
    return kept


def _fullest_form(group: _Group) -> str:
    return max(group.forms, key=len)


def _attach_self_references(
    groups: list[_Group], text: str, *, publisher: str | None, target: str | None
) -> None:
    """Bare 管委会 / 集团公司 / 科技城 become aliases of the one entity they can stand for."""
    self_refs = lexicon.table("self_refs.txt")
    preferred = [normalise(s) for s in (publisher, target) if s]
    covered = _occurrences(text, [form for group in groups for form in group.forms])
    for form in sorted(self_refs, key=len, reverse=True):
        if not _standalone(text, form, covered):
            continue
        host = _self_host(groups, normalise(self_refs[form][0]), preferred)
        if host is not None:
            host.add(form, None)
            covered.extend(_occurrences(text, [form]))
    place_tails = [w for w, row in lexicon.table("tails.txt").items() if row[0] == "Place"]
    for tail in place_tails:
        if len(tail) < 2 or not _standalone(text, tail, covered):
            continue
        places = [g for g in groups if g.type is EntityType.PLACE and g.key.endswith(tail)]
        if len(places) == 1 and places[0].key != tail:
            places[0].add(tail, None)


def _occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    found = []
    for form in set(forms):
        start = text.find(form)
        while start >= 0:
            found.append((start, start + len(form)))
            start = text.find(form, start + 1)
    return found


def _standalone(text: str, form: str, covered: Sequence[tuple[int, int]]) -> bool:
    """Whether ``form`` occurs somewhere outside every span already taken by a longer name."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if not any(s <= start and end <= e and e - s > len(form) for s, e in covered):
            return True
        start = text.find(form, end)
    return False


def _self_host(groups: Sequence[_Group], tail: str, preferred: Sequence[str]) -> _Group | None:
    organisations = [
        g
        for g in groups
        if g.type is EntityType.ORGANIZATION and g.key.endswith(tail) and g.key != tail
    ]
    for key in preferred:
        for group in organisations:
            if any(normalise(form) == key for form in group.forms) or group.key.endswith(key):
                return group
    return organisations[0] if len(organisations) == 1 else None


def _finish(groups: list[_Group], text: str) -> tuple[Entity, ...]:
    owner: dict[str, _Group] = {}
    for group in sorted(groups, key=lambda g: (-max(len(f) for f in g.forms), g.first)):
        group.forms = [f for f in group.forms if f not in owner]
        for form in group.forms:
            owner[form] = group
    mentions = _mentions(text, owner, groups)
    entities = []
    for group in groups:
        if not group.forms:
            continue
        name = _fullest(group.forms, text)
        spans = mentions.get(id(group), [])
        first = min((span.start for span in spans), default=text.find(name))
        entities.append(
            (
                first,
                Entity(
                    name=name,
                    type=group.type,
                    subtype=group.subtype,
                    aliases=tuple(f for f in group.forms if f != name),
                    mentions=tuple(sorted(set(spans), key=lambda s: (s.start, s.end))),
                ),
            )
        )
    entities.sort(key=lambda pair: pair[0])
    return tuple(entity for _, entity in entities)


def _fullest(forms: Sequence[str], text: str) -> str:
    """The longest quote-free form, the first in the text on a tie; a bracketed alternative
    (高新区(X)管委会) counts only as long as the form it stands for."""
    plain = [f for f in forms if not any(q in f[:1] for q in '“‘"')] or list(forms)
    return min(plain, key=lambda f: (-_effective_length(f), _position(text, f)))


def _position(text: str, form: str) -> int:
    found = text.find(form)
    return found if found >= 0 else len(text)


def _mentions(
    text: str, owner: dict[str, _Group], groups: Iterable[_Group]
) -> dict[int, list[Span]]:
    """Every occurrence of every form not inside a longer occurrence, plus the rule spans."""
    found: dict[int, list[Span]] = {}
    taken: list[tuple[int, int]] = []
    for form in sorted(owner, key=len, reverse=True):
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if not any(s <= start and end <= e for s, e in taken):
                taken.append((start, end))
                found.setdefault(id(owner[form]), []).append(Span(start, end, form))
            start = text.find(form, end)
    for group in groups:
        for span in group.spans:
            if span.quote in owner and owner[span.quote] is group:
                found.setdefault(id(group), []).append(span)
    return found
