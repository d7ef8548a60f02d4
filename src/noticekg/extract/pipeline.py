"""One notice in, one :class:`Notice` record out: the order in which the extractors run.

The structural parsers see names as written (温州浙南科技城管委会); the entity finder then knows
every form a body goes by, so header and inspection names are replaced by canonical entity
names before relations are drawn.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from noticekg.extract.entities import canonical_name, find_entities
from noticekg.extract.header import parse_header
from noticekg.extract.home import find_home, full_names
from noticekg.extract.inspection import parse_inspection
from noticekg.extract.metrics import find_metrics
from noticekg.extract.reader import read_text
from noticekg.extract.records import Entity, EntityType, Inspection, Notice
from noticekg.extract.relations import find_relations
from noticekg.extract.sections import parse_sections
from noticekg.extract.text import split_sentences


def extract_notice(text: str, *, source: str = "<text>") -> Notice:
    """Extract everything noticekg knows how to find; never raises on odd text, warns instead."""
    warnings: list[str] = []
    header = parse_header(text)
    inspection = parse_inspection(text, published=header.published)
    problems, measures, section_warnings = parse_sections(text)
    warnings.extend(section_warnings)
    sentences = split_sentences(text)
    metrics = find_metrics(text, problems, measures)
    entities = find_entities(
        text,
        publisher=header.publisher,
        target=inspection.target if inspection else None,
        bodies=(inspection.authority, inspection.inspector) if inspection else (),
    )

    header = replace(header, publisher=_canonical(entities, header.publisher))
    if inspection is not None:
        inspection = _canonical_inspection(entities, inspection)
    else:
        warnings.append("no inspection (巡察/巡视/审计) found in the opening")
    relations = find_relations(
        text,
        entities,
        publisher=header.publisher,
        inspector=inspection.inspector if inspection else None,
        target=inspection.target if inspection else None,
        authority=inspection.authority if inspection else None,
    )
    home = find_home(header, inspection)
    return Notice(
        source=source,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        header=header,
        inspection=inspection,
        problems=problems,
        measures=measures,
        sentences=sentences,
        metrics=metrics,
        entities=entities,
        relations=relations,
        home=home,
        full_names=full_names(home, _body_names(entities, header.publisher, inspection)),
        warnings=tuple(warnings),
    )


def extract_file(path: Path) -> Notice:
    """Read ``path`` (text, HTML …) and extract it; :class:`InputError` if it cannot be read."""
    return extract_notice(read_text(path), source=path.name)


def _canonical(entities: tuple[Entity, ...], surface: str | None) -> str | None:
    if surface is None:
        return None
    return canonical_name(entities, surface) or surface


def _canonical_inspection(entities: tuple[Entity, ...], inspection: Inspection) -> Inspection:
    return replace(
        inspection,
        authority=_canonical(entities, inspection.authority),
        inspector=_canonical(entities, inspection.inspector),
        target=_canonical(entities, inspection.target),
    )


def _body_names(
    entities: tuple[Entity, ...], publisher: str | None, inspection: Inspection | None
) -> list[str]:
    """Every name the graph may mint an IRI from, people and places aside."""
    names = [e.name for e in entities if e.type not in (EntityType.PERSON, EntityType.PLACE)]
    names.append(publisher or "")
    if inspection is not None:
        names += (inspection.authority or "", inspection.inspector or "", inspection.target or "")
    return [name for name in names if name]
