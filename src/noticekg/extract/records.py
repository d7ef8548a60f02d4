"""Plain records the extractor returns.

Every record that stands for something written in the notice carries code-point offsets into the
original text (``text[start:end]``), never into a normalised copy, so the graph can point back at
the exact characters a fact came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class EntityType(StrEnum):
    """The six kinds of named things a notice talks about (gold ``type`` values)."""

    ORGANIZATION = "Organization"
    PLATFORM = "Platform"
    PROJECT = "Project"
    POLICY = "Policy"
    PERSON = "Person"
    PLACE = "Place"


class Predicate(StrEnum):
    """Relations the text states between entities (gold ``predicate`` values)."""

    INSPECTED = "inspected"
    PART_OF = "partOf"
    GUIDES = "guides"
    LEADS = "leads"
    OPERATES = "operates"
    ISSUED_BY = "issuedBy"
    ESTABLISHES = "establishes"
    COOPERATES_WITH = "cooperatesWith"
    LOCATED_IN = "locatedIn"


@dataclass(frozen=True)
class Span:
    """A stretch of the notice: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Entity:
    """One named referent of a notice with every surface form it goes by.

    ``name`` is the fullest form (gold ``name``); ``aliases`` are the other forms; ``mentions``
    are all occurrences of any form, in text order.
    """

    name: str
    type: EntityType
    subtype: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    @property
    def key(self) -> tuple[EntityType, str]:
        return (self.type, self.name)


@dataclass(frozen=True)
class Relation:
    """``subject predicate object`` between two entity names, with the sentence that states it."""

    subject: str
    predicate: Predicate
    object: str
    evidence: Span | None = None


@dataclass(frozen=True)
class Metric:
    """A figure as written (``value`` + ``unit``) and normalised (``normalised_value`` in
    ``normalised_unit``, e.g. 8.7亿元 → 870000000 CNY)."""

    value: Decimal
    unit: str
    normalised_value: Decimal
    normalised_unit: str
    about: str
    span: Span
    problem: int | None = None
    measure: int | None = None
    approximate: bool = False


@dataclass(frozen=True)
class Problem:
    """A finding of the inspection: section ``n`` whose heading names the problem ``title``."""

    n: int
    title: str
    title_span: Span
    section: Span


@dataclass(frozen=True)
class Measure:
    """A rectification measure ``n`` under problem ``problem``; ``section`` is its whole text."""

    problem: int
    n: int
    title: str
    title_span: Span
    section: Span
    note: str | None = None


@dataclass(frozen=True)
class Inspection:
    """The 巡察/巡视/审计 activity the notice reports on; names are canonical entity names."""

    kind: str
    authority: str | None = None
    inspector: str | None = None
    target: str | None = None
    start: date | None = None
    end: date | None = None
    feedback: date | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postcode: str | None = None


@dataclass(frozen=True)
class Header:
    """Page header and signature fields; ``publisher`` is the canonical entity name."""

    title: str | None = None
    publisher: str | None = None
    index_no: str | None = None
    category: str | None = None
    published: date | None = None
    signed: date | None = None
    signatory: str | None = None
    contact: Contact = field(default_factory=Contact)


@dataclass(frozen=True)
class Home:
    """The province, prefecture-level city and county-level division a notice speaks from, as
    the notice writes them (龙海区, not the gazetteer's older 龙海市)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None


@dataclass(frozen=True)
class Notice:
    """Everything extracted from one notice. ``text`` is the text all offsets point into."""

    source: str
    text: str
    sha256: str
    header: Header
    inspection: Inspection | None
    problems: tuple[Problem, ...]
    measures: tuple[Measure, ...]
    sentences: tuple[Span, ...]
    metrics: tuple[Metric, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    home: Home = field(default_factory=Home)
    full_names: Mapping[str, str | None] = field(default_factory=dict)
    """Names relative to the notice's divisions (区财政局) with the division put back
    (红塔区财政局), or None when the notice does not say which division it speaks from."""
    warnings: tuple[str, ...] = ()

    def full_name(self, name: str) -> str | None:
        """The name that identifies ``name`` across notices: its full name when it is relative,
        None when it is relative to a division the notice never names, else ``name`` itself."""
        return self.full_names.get(name, name)

    def entity(self, name: str) -> Entity | None:
        """The entity whose ``name`` or one of whose aliases is ``name``."""
        for entity in self.entities:
            if entity.name == name or name in entity.aliases:
                return entity
        return None

    def entities_within(self, section: Span) -> tuple[Entity, ...]:
        """Entities mentioned inside ``section``, in order of first mention there."""
        found: list[tuple[int, Entity]] = []
        for entity in self.entities:
            starts = [m.start for m in entity.mentions if section.start <= m.start < section.end]
            if starts:
                found.append((min(starts), entity))
        return tuple(entity for _, entity in sorted(found, key=lambda pair: pair[0]))
