"""Relations the text states between entities, each with the sentence that states it.

Two sources: names (a team named after its authority, a platform after its owner, a title
opening with its issuer, a place inside a place name) and cue words inside one sentence
(统筹指导, 领衔, 制定/出台/印发/建立, 协同/联合/对接/加强与…联系). A notice is its publisher's own
report, so an action sentence without a subject has the publisher as its subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from noticekg.extract.bodies import implied_forms, party_body
from noticekg.extract.entities import canonical_name
from noticekg.extract.gazetteer import same_body
from noticekg.extract.leaders import find_leaders
from noticekg.extract.records import Entity, EntityType, Predicate, Relation, Span

SENTENCE = re.compile(r"[^。;;!?!?\n]+[。;;!?!?]?")
"""A sentence: up to and including its closing mark, never across a line break."""

CLAUSE_BREAK = re.compile(r"[,,::]")
"""Marks that end a clause: a cue word governs names up to the next one."""

TITLE_BODY = re.compile(r"《[^《》\n]*》")
"""A 《》 title, masked when looking for cue words so words inside a title are not cues."""

ESTABLISH = re.compile(r"制定|出台|印发|建立|构建|形成|研究制定|联合制定")
"""Cues that the subject creates the policy that follows."""

APPLY = re.compile(
    r"落实|执行|实施|推行|深化|探索|贯彻|利用|学习|按照|依据|根据|对照|围绕|修改|修订"
)
"""Cues that the subject applies an existing policy: they cancel an earlier creating cue."""

ATTRIBUTIVE = re.compile(r"^的")
"""已出台的《X》: a creating cue used as an attribute describes an older policy."""

GUIDE = re.compile(r"(?:统筹)?指导")
"""A body guiding the next body named in the sentence."""

LEAD = re.compile(r"^[\u4e00-\u9fff]{0,4}?领衔")
"""A person (with a title) leading the next body named (X院士领衔的Y)."""

COOPERATE_BEFORE = re.compile(r"协同|联合|对接|会同")
"""Cues written right before the partners they name (协同X, 联合X, 对接X)."""

COOPERATE_AFTER = re.compile(
    r"^(?:的)?(?:[\u4e00-\u9fff]{0,2}(?:有关)?部门)?"
    r"(?:联系|协作|合作|对接|互设飞地|共建|联动|联合|共同|签署|签订|建立联合|组建)"
)
"""Cues written after 与 + partners (加强与X、Y的联系, 与X互设飞地, 与X签署…协议, 与X、Y科技部门
联合设立…, 与X、Y组建…联盟)."""

PARTNER_BEFORE = re.compile(r"(?:协同|联合|对接|会同|与)$")
"""A cue right before a body that makes it a partner, not the subject of the verb after it
(会同市财政局出台《X》: the publisher issues X)."""

OPERATE = re.compile(r"(?:上线|建成|搭建|开发|开通|设立|启用|完善|升级|建立|运营)$")
"""Cues right before a platform that show its owner running it (上线X平台, X分院建成Y基地)."""

SENTENCE_OPENING = re.compile(
    r"\s*(?:[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}[.、.]|[一二三四五六七八九十]是)?\s*"
)
"""What may stand before a sentence's subject: a heading number ((一), (1), 1.) or 一是."""

NOT_SUBJECT_AFTER = re.compile(r"[的之等]|[((]以下|[((]简称")
"""What after an opening name shows it is no subject (X的Y, X等Y, a declared short name)."""

RUN_PLATFORMS = frozenset({"system", "database"})
"""Platform subtypes an owner runs (systems and databases), unlike parks and buildings."""

LIST_GAP = re.compile(r"^[、和及与\s]{0,2}$")
"""What may stand between two names of one list."""

INTERNAL_UNITS = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+)?(?:巡察组|巡视组)$|^(?:机关)?(?:党委|党组|党总支|党支部|工委)$"
    r"|^纪检(?:监察)?组$|^(?:组织部|宣传部|统战部|政法委|[\u4e00-\u9fff]{2}工委)$"
    r"|^[\u4e00-\u9fff]{2,12}领导小组办公室$"
)
"""What follows a body's name in the name of one of its own units (X第二巡察组, X机关党委,
县委组织部, 区委教育工委, X巡视整改工作领导小组办公室)."""

OWN_UNIT = re.compile(r"^(?P<head>校|院|厅|局|公司|集团)(?:机关)?(?:党委|纪委|纪工委)$")
"""A unit named after its body's short head (校纪委, 厅机关党委, 公司纪委)."""

HEAD_ENDINGS = {
    "校": ("学校", "学院", "大学", "中学", "小学"),
    "院": ("医院", "学院", "研究院", "科学院", "法院", "检察院"),
    "厅": ("厅",),
    "局": ("局",),
    "公司": ("公司",),
    "集团": ("集团", "集团有限公司", "集团公司"),
}
"""The name endings of the bodies each short head stands for."""

ISSUER_GAP = frozenset(" \u3000、")
"""What may stand between two issuers opening one title (X办公室 Y办公室关于…)."""

GUIDED_BY = re.compile(r"的(?:统筹|具体|精心)?指导下")
"""在X的指导下: X guides the body that acts in the rest of the sentence (or the publisher)."""

BARE_HEADS = frozenset({"校", "院", "厅", "局", "委", "所", "公司", "集团"})
"""A body's bare head word (集团党组, 公司党委): which body it means is read from the notice's own
publisher (:func:`_own_units`), never from another body that merely shares the head."""

PARTY_OFFICE = re.compile(r"(?:党委|党组)办公室$")
"""X党委办公室 is the office of the Party committee X党委, not of the body X."""


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity


def find_relations(
    text: str,
    entities: Sequence[Entity],
    *,
    publisher: str | None,
    inspector: str | None,
    target: str | None,
    authority: str | None,
) -> tuple[Relation, ...]:
    """Relations of ``text`` between ``entities`` (guidelines §7), without duplicates.

    ``publisher``, ``inspector``, ``target`` and ``authority`` are surface forms from the header
    and opening sentence; they are resolved to entity names here.
    """
    names = {
        role: (canonical_name(entities, surface) or surface) if surface else None
        for role, surface in (
            ("publisher", publisher),
            ("inspector", inspector),
            ("target", target),
            ("authority", authority),
        )
    }
    sentences = [Span(m.start(), m.end(), m.group()) for m in SENTENCE.finditer(text)]
    mentions = sorted(
        (_Mention(s.start, s.end, e) for e in entities for s in e.mentions),
        key=lambda m: (m.start, -m.end),
    )
    evidence = _Evidence(sentences, entities)
    found: list[Relation] = []
    found.extend(_inspected(names, evidence))
    found.extend(_from_names(entities, evidence))
    found.extend(_own_units(entities, names["publisher"], evidence))
    preferred = [name for name in (names["publisher"], names["target"]) if name]
    found.extend(find_leaders(text, entities, sentences, preferred))
    issued: dict[str, set[str]] = {}
    for relation in found:
        if relation.predicate is Predicate.ISSUED_BY:
            issued.setdefault(relation.subject, set()).add(relation.object)
    starts = [m.start for m in mentions]
    for sentence in sentences:
        inside = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if not inside:
            continue
        found.extend(_guides(text, inside, sentence))
        found.extend(_guided_by(text, inside, sentence, names["publisher"]))
        found.extend(_leads(text, inside, sentence))
        found.extend(_establishes(text, inside, sentence, names["publisher"], issued))
        found.extend(_cooperates(text, inside, sentence, names["publisher"]))
        found.extend(_operates(text, inside, sentence))
    return _unique(found)


class _Evidence:
    """The sentence holding an entity's first mention: the evidence of a relation read off a
    name."""

    def __init__(self, sentences: Sequence[Span], entities: Sequence[Entity]) -> None:
        self._sentences = sentences
        self._first = {e.name: min((s.start for s in e.mentions), default=-1) for e in entities}

    def of(self, name: str) -> Span | None:
        start = self._first.get(name, -1)
        for sentence in self._sentences:
            if sentence.start <= start < sentence.end:
                return sentence
        return None


def _inspected(names: dict[str, str | None], evidence: _Evidence) -> Iterator[Relation]:
    inspector, target = names["inspector"], names["target"]
    if inspector and target:
        yield Relation(inspector, Predicate.INSPECTED, target, evidence.of(inspector))


def _forms(entity: Entity) -> tuple[str, ...]:
    return tuple(sorted({entity.name, *entity.aliases}, key=len, reverse=True))


def _from_names(entities: Sequence[Entity], evidence: _Evidence) -> Iterator[Relation]:
    """partOf, operates, issuedBy and locatedIn read off how names begin."""
    organisations = [e for e in entities if e.type is EntityType.ORGANIZATION]
    places = [e for e in entities if e.type is EntityType.PLACE]
    for entity in entities:
        if entity.type is EntityType.ORGANIZATION:
            owner_name = _party_owner(entity, organisations)
            if owner_name is not None:
                yield Relation(entity.name, Predicate.PART_OF, owner_name, evidence.of(entity.name))
            for owner, rest in _prefixes(entity, organisations):
                if INTERNAL_UNITS.match(rest) or (
                    rest == "办公室" and PARTY_OFFICE.search(entity.name)
                ):
                    yield Relation(
                        entity.name, Predicate.PART_OF, owner.name, evidence.of(entity.name)
                    )
        elif entity.type is EntityType.PLATFORM:
            for owner, _ in _prefixes(entity, organisations):
                yield Relation(
                    owner.name, Predicate.OPERATES, entity.name, evidence.of(entity.name)
                )
        elif entity.type is EntityType.POLICY:
            for issuer in _issuers(entity.name, organisations):
                yield Relation(
                    entity.name, Predicate.ISSUED_BY, issuer.name, evidence.of(entity.name)
                )
        if entity.type in (EntityType.PLACE, EntityType.PROJECT, EntityType.PLATFORM):
            for place, _ in _prefixes(entity, places):
                yield Relation(
                    entity.name, Predicate.LOCATED_IN, place.name, evidence.of(entity.name)
                )


def _own_units(
    entities: Sequence[Entity], publisher: str | None, evidence: _Evidence
) -> Iterator[Relation]:
    """校纪委, 公司纪委, 厅机关党委: a unit named after the notice's own body by its short head
    belongs to that body (the publisher's department, else the one body the head can stand for)."""
    organisations = [e for e in entities if e.type is EntityType.ORGANIZATION]
    home = next((e for e in organisations if e.name == publisher), None)
    home_body = _party_owner(home, organisations) if home is not None else None
    for entity in organisations:
        match = OWN_UNIT.match(entity.name)
        if match is None:
            continue
        endings = HEAD_ENDINGS[match.group("head")]
        owners = [
            e.name
            for e in organisations
            if e is not entity and e.name.endswith(endings) and party_body(e.name) is None
        ]
        owner = home_body if home_body in owners else (owners[0] if len(owners) == 1 else None)
        if owner is not None:
            yield Relation(entity.name, Predicate.PART_OF, owner, evidence.of(entity.name))


def _party_owner(entity: Entity, organisations: Sequence[Entity]) -> str | None:
    """The body a Party committee or group is named after (中共X党组 → X), when X is an entity."""
    for form in (entity.name, *entity.aliases):
        body = party_body(form)
        if body is None or body in BARE_HEADS:
            continue
        for other in organisations:
            if other is not entity and any(
                same_body(body, form) for form in (other.name, *other.aliases)
            ):
                return other.name
    return None


def _prefixes(entity: Entity, others: Iterable[Entity]) -> Iterator[tuple[Entity, str]]:
    """Other entities one of whose forms (or the genre's other form of a Party body's name,
    X党委 for 中共X委员会) opens ``entity``'s name, with the rest of the name."""
    for other in others:
        if other is entity:
            continue
        for form in (*_forms(other), *implied_forms(other.name)):
            if len(form) < len(entity.name) and entity.name.startswith(form):
                yield other, entity.name[len(form) :]
                break


def _issuers(title: str, organisations: Sequence[Entity]) -> list[Entity]:
    """Bodies that open a title one after another (X办公室Y办公室关于…)."""
    forms = sorted(
        ((form, org) for org in organisations for form in _forms(org) if len(form) > 1),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    issuers: list[Entity] = []
    position = 0
    while True:
        match = next(((form, org) for form, org in forms if title.startswith(form, position)), None)
        if match is None or position + len(match[0]) >= len(title):
            return issuers
        if match[1] not in issuers:
            issuers.append(match[1])
        position += len(match[0])
        while position < len(title) and title[position] in ISSUER_GAP:
            position += 1


def _guides(text: str, inside: Sequence[_Mention], sentence: Span) -> Iterator[Relation]:
    for index, mention in enumerate(inside):
        if mention.entity.type is not EntityType.ORGANIZATION:
            continue
        cue = GUIDE.match(text, mention.end, sentence.end)
        if cue is None:
            continue
        following = _next_of(inside[index + 1 :], EntityType.ORGANIZATION, mention.entity)
        if following is not None:
            yield Relation(mention.entity.name, Predicate.GUIDES, following.entity.name, sentence)


def _guided_by(
    text: str, inside: Sequence[_Mention], sentence: Span, publisher: str | None
) -> Iterator[Relation]:
    """在X的指导下,Y…: X guides Y, the body opening the clause after it, else the publisher (the
    sentence is the publisher's own report)."""
    for index, mention in enumerate(inside):
        if (
            mention.entity.type is not EntityType.ORGANIZATION
            or text[mention.start - 1 : mention.start] != "在"
        ):
            continue
        cue = GUIDED_BY.match(text, mention.end, sentence.end)
        if cue is None:
            continue
        clause = CLAUSE_BREAK.match(text, cue.end())
        start = clause.end() if clause else cue.end()
        following = next((m for m in inside[index + 1 :] if m.start >= start), None)
        guided = publisher
        if (
            following is not None
            and following.start == start
            and following.entity.type is EntityType.ORGANIZATION
        ):
            guided = following.entity.name
        if guided and guided != mention.entity.name:
            yield Relation(mention.entity.name, Predicate.GUIDES, guided, sentence)


def _leads(text: str, inside: Sequence[_Mention], sentence: Span) -> Iterator[Relation]:
    for index, mention in enumerate(inside):
        if mention.entity.type is not EntityType.PERSON:
            continue
        if LEAD.match(text[mention.end : sentence.end]) is None:
            continue
        following = _next_of(inside[index + 1 :], EntityType.ORGANIZATION, mention.entity)
        if following is not None:
            yield Relation(mention.entity.name, Predicate.LEADS, following.entity.name, sentence)


def _next_of(mentions: Iterable[_Mention], kind: EntityType, other: Entity) -> _Mention | None:
    return next((m for m in mentions if m.entity.type is kind and m.entity is not other), None)


def _establishes(
    text: str,
    inside: Sequence[_Mention],
    sentence: Span,
    publisher: str | None,
    issued: dict[str, set[str]],
) -> Iterator[Relation]:
    """制定/出台/印发/建立 + a policy, unless an applying cue (落实, 执行 …) comes between or
    the policy's title names another issuer. The subject is the body right before the cue, else
    the body that opens the sentence (X牵头,会同Y制定…), else the publisher."""
    masked = _masked(text, sentence)
    for mention in inside:
        if mention.entity.type is not EntityType.POLICY:
            continue
        clause_start = _clause_start(masked, sentence, mention.start)
        window = masked[clause_start - sentence.start : mention.start - sentence.start]
        cue = _last_cue(window)
        if cue is None:
            continue
        position = clause_start + cue.start()
        actor = _actor_before(text, inside, position)
        subjects = [actor] if actor else []
        if not subjects:
            subjects = _opening_subjects(text, inside, sentence, position)
        if not subjects and publisher:
            subjects = [publisher]
        issuers = issued.get(mention.entity.name)
        for subject in subjects:
            if issuers is None or subject in issuers:
                yield Relation(subject, Predicate.ESTABLISHES, mention.entity.name, sentence)


def _masked(text: str, sentence: Span) -> str:
    """The sentence with every title's inside blanked, so its words are not cues."""
    return TITLE_BODY.sub(lambda m: "《" + "\u3000" * (len(m.group()) - 2) + "》", sentence.quote)


def _clause_start(masked: str, sentence: Span, position: int) -> int:
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(masked, 0, position - sentence.start)]
    return sentence.start + (breaks[-1] if breaks else 0)


def _last_cue(window: str) -> re.Match[str] | None:
    """The last creating cue of ``window`` that no applying cue follows and that is not used
    as an attribute (已出台的)."""
    creating = [m for m in ESTABLISH.finditer(window) if not ATTRIBUTIVE.match(window[m.end() :])]
    if not creating:
        return None
    last = creating[-1]
    if APPLY.search(window, last.end()):
        return None
    return last


def _subject_before(text: str, inside: Sequence[_Mention], position: int) -> str | None:
    """An organisation written right before the cue (X制定…) is the subject; one that ends the
    clause before (依托X,联合Y) is not."""
    for mention in inside:
        if (
            mention.entity.type is EntityType.ORGANIZATION
            and 0 <= position - mention.end <= 1
            and not CLAUSE_BREAK.match(text[mention.end : position])
        ):
            return mention.entity.name
    return None


def _actor_before(text: str, inside: Sequence[_Mention], position: int) -> str | None:
    """The organisation acting at ``position``: the one written right before, unless a partner
    cue introduces it or the list it ends (会同X、Y出台: X and Y are partners)."""
    if _after_partner(text, inside, position):
        return None
    return _subject_before(text, inside, position)


def _opening_subjects(
    text: str, inside: Sequence[_Mention], sentence: Span, before: int | None = None
) -> list[str]:
    """The organisations opening the last clause of ``sentence`` (before ``before``) that opens
    with one (X牵头,…; X、Y与Z共建…; 区政府…,区审计局建立…,会同Y), after a heading number at
    most; none when the opening names are attributes (X的Y) or no clause opens with a body."""
    opening = SENTENCE_OPENING.match(text, sentence.start, sentence.end)
    starts = [opening.end() if opening else sentence.start]
    starts += [m.end() for m in CLAUSE_BREAK.finditer(text, starts[0], before or sentence.end)]
    for start in reversed(starts):
        listed = _list_from(text, inside, start, (EntityType.ORGANIZATION,))
        if (
            listed
            and listed[0].start == start
            and not NOT_SUBJECT_AFTER.match(text, listed[-1].end)
        ):
            return [mention.entity.name for mention in listed]
    return []


def _list_before(text: str, inside: Sequence[_Mention], position: int) -> list[str]:
    """The organisations of the list that ends right before ``position`` (X、Y与Z: X and Y)."""
    names: list[str] = []
    end = position
    for mention in reversed(inside):
        if mention.end > end or mention.entity.type is not EntityType.ORGANIZATION:
            continue
        gap = text[mention.end : end]
        joined = bool(gap) and LIST_GAP.match(gap) is not None
        if (names and not joined) or (not names and gap.strip()):
            break
        names.insert(0, mention.entity.name)
        end = mention.start
    return names


def _after_partner(text: str, inside: Sequence[_Mention], position: int) -> bool:
    """Whether the body right before ``position`` closes a list of partners that a partner cue
    opens (会同X、Y制定: X and Y are partners, so the verb's subject is elsewhere)."""
    end = position
    head: _Mention | None = None
    for mention in reversed(inside):
        if mention.end > end:
            continue
        if not (
            end - mention.end <= 1 if head is None else LIST_GAP.match(text[mention.end : end])
        ):
            break
        head, end = mention, mention.start
    return head is not None and bool(
        PARTNER_BEFORE.search(text, max(head.start - 2, 0), head.start)
    )


def _lead_end(text: str, inside: Sequence[_Mention], mention: _Mention) -> int:
    """Where the words before a platform's name end, skipping an opening quote and the place the
    platform is named after (上线X市“Y平台”)."""
    end = mention.start
    if text[end - 1 : end] in ("“", "‘", '"'):
        end -= 1
    place = next((m for m in inside if m.end == end and m.entity.type is EntityType.PLACE), None)
    return place.start if place is not None else end


def _operates(text: str, inside: Sequence[_Mention], sentence: Span) -> Iterator[Relation]:
    """X上线/建成/搭建… + a platform: the body X written before the cue runs it; a system or
    database is also run by the body that opens the sentence (X已收回…,建立Y系统). A subjectless
    sentence names no owner: guidelines §7 keep the publisher for establishes and cooperatesWith
    only."""
    for mention in inside:
        entity = mention.entity
        if entity.type is not EntityType.PLATFORM:
            continue
        end = _lead_end(text, inside, mention)
        cue = OPERATE.search(text, max(end - 2, sentence.start), end)
        if cue is None:
            continue
        subject = _actor_before(text, inside, cue.start())
        if subject is None and entity.subtype in RUN_PLATFORMS:
            opening = _opening_subjects(text, inside, sentence, cue.start())
            subject = opening[0] if opening else None
        if subject is not None:
            yield Relation(subject, Predicate.OPERATES, entity.name, sentence)


def _cooperates(
    text: str, inside: Sequence[_Mention], sentence: Span, publisher: str | None
) -> Iterator[Relation]:
    """协同/联合/对接 + partners, or 与 + partners + 联系/协作/互设飞地; the subject is the body
    (or list of bodies: X、Y与Z共建) right before the cue, else the bodies that open the sentence,
    else the publisher."""
    partners = (EntityType.ORGANIZATION, EntityType.PLACE)
    own = [publisher] if publisher else []
    for cue in COOPERATE_BEFORE.finditer(text, sentence.start, sentence.end):
        subject = _subject_before(text, inside, cue.start())
        subjects = [subject] if subject else None
        subjects = subjects or _opening_subjects(text, inside, sentence, cue.start()) or own
        for mention in _list_from(text, inside, cue.end(), partners):
            for name in subjects:
                if mention.entity.name != name:
                    yield Relation(name, Predicate.COOPERATES_WITH, mention.entity.name, sentence)
    for position in _positions(text, "与", sentence):
        listed = _list_from(text, inside, position + 1, partners)
        if listed and COOPERATE_AFTER.match(text[listed[-1].end : sentence.end]):
            subjects = (
                _list_before(text, inside, position)
                or _opening_subjects(text, inside, sentence, position)
                or own
            )
            for mention in listed:
                for name in subjects:
                    if mention.entity.name != name:
                        yield Relation(
                            name, Predicate.COOPERATES_WITH, mention.entity.name, sentence
                        )


def _positions(text: str, char: str, sentence: Span) -> Iterator[int]:
    position = text.find(char, sentence.start, sentence.end)
    while position >= 0:
        yield position
        position = text.find(char, position + 1, sentence.end)


def _list_from(
    text: str, inside: Sequence[_Mention], start: int, kinds: Sequence[EntityType]
) -> list[_Mention]:
    """Mentions of ``kinds`` forming a list that begins at ``start`` (X、Y和Z)."""
    listed: list[_Mention] = []
    position = start
    for mention in inside:
        if mention.start < position:
            continue
        if not LIST_GAP.match(text[position : mention.start]) or mention.entity.type not in kinds:
            break
        if listed and mention.start == position and text[position - 1 : position] not in "、和及与":
            break
        listed.append(mention)
        position = mention.end
    return listed


def _unique(relations: Iterable[Relation]) -> tuple[Relation, ...]:
    seen: set[tuple[str, Predicate, str]] = set()
    kept = []
    for relation in relations:
        key = (relation.subject, relation.predicate, relation.object)
        if key in seen or relation.subject == relation.object:
            continue
        seen.add(key)
        kept.append(relation)
    return tuple(kept)
