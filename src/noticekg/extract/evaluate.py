"""Scoring an extraction against a gold file (format: docs/annotation-guidelines.md).

Matching follows the guidelines: an entity matches when the types agree and one side's name is
the other's name or one of its aliases; problems and measures match on number and exact title;
metrics on value, unit and problem section (offsets are not compared, so a gold file made on a
page's plain text still scores the page); relations on both endpoints, mapped to gold names.
Each gold item is matched at most once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from noticekg.errors import InputError
from noticekg.extract.records import Entity, Notice

T = TypeVar("T")
G = TypeVar("G")

HEADER_FIELDS = ("title", "publisher", "index_no", "category", "published", "signed")
CONTACT_FIELDS = ("phone", "email", "address", "postcode")
INSPECTION_FIELDS = ("inspector", "authority", "target", "start", "end", "feedback")


@dataclass
class Score:
    """True positives, false positives and false negatives of one row of the table."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.missed += other.missed
        self.spurious += other.spurious


Scores = dict[str, Score]


def load_gold(path: Path) -> dict[str, Any]:
    """A gold annotation file; :class:`InputError` naming the file if it is not one."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a JSON gold file ({exc})") from None
    if not isinstance(gold, dict) or "entities" not in gold:
        raise InputError(f"{path}: not a gold file (no 'entities' list)")
    return gold


def evaluate(notice: Notice, gold: dict[str, Any]) -> Scores:
    """Rows: header, inspection, problems, measures, metrics, one per entity type, entities
    (all types), relations."""
    scores: Scores = {
        "header": _score_fields(_header_values(notice), _gold_header(gold)),
        "inspection": _score_fields(_inspection_values(notice), _gold_inspection(gold)),
        "problems": _match_multiset(
            [(p.n, p.title) for p in notice.problems],
            [(p["n"], p["title"]) for p in gold.get("problems", [])],
        ),
        "measures": _match_multiset(
            [(m.problem, m.n, m.title) for m in notice.measures],
            [(m["problem"], m["n"], m["title"]) for m in gold.get("measures", [])],
        ),
        "metrics": _match_multiset(
            [(m.value, _unit(m.unit), m.problem) for m in notice.metrics],
            [
                (Decimal(str(m["value"])), _unit(m["unit"]), m["problem"])
                for m in gold.get("metrics", [])
            ],
        ),
    }
    scores.update(score_entities(notice.entities, gold))
    scores["relations"] = _score_relations(notice, gold)
    return scores


def score_entities(entities: Sequence[Entity], gold: dict[str, Any]) -> Scores:
    """Per-type rows and an ``entities`` row over all types together."""
    rows: Scores = {}
    types = sorted({e["type"] for e in gold["entities"]} | {e.type.value for e in entities})
    for type_ in types:
        predicted = [e for e in entities if e.type.value == type_]
        expected = [e for e in gold["entities"] if e["type"] == type_]
        rows[type_] = _match(
            predicted,
            expected,
            same=_entity_matches,
            show=lambda e: e.name,
            show_gold=lambda g: g["name"],
        )
    total = Score()
    for type_ in types:
        total.add(rows[type_])
    rows["entities"] = total
    return rows


def combine(all_scores: Iterable[Scores]) -> Scores:
    """Micro-averaged rows over several notices."""
    combined: Scores = {}
    for scores in all_scores:
        for row, score in scores.items():
            combined.setdefault(row, Score()).add(score)
    return combined


def format_scores(scores: Scores, *, title: str = "") -> str:
    """A plain-text table: row, gold count, predicted count, P, R, F1."""
    lines = [title] if title else []
    lines.append(f"{'':<14}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for row, s in scores.items():
        lines.append(
            f"{row:<14}{s.tp + s.fn:>6}{s.tp + s.fp:>7}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
        )
    return "\n".join(lines)


def _unit(unit: str) -> str:
    """余 in 10余次 marks an approximate figure, not a different unit; gold files differ on
    which side of the number they keep it."""
    return unit.removeprefix("余")


def _entity_matches(entity: Entity, gold: dict[str, Any]) -> bool:
    gold_forms = {gold["name"], *gold.get("aliases", [])}
    return entity.name in gold_forms or gold["name"] in entity.aliases


def _match_multiset(
    predicted: Sequence[T], expected: Sequence[T], *, show: Callable[[T], str] = str
) -> Score:
    """The items compared as a multiset: equal items match, as many times as both hold them."""
    left, right = Counter(predicted), Counter(expected)
    common = left & right
    tp = sum(common.values())
    return Score(
        tp=tp,
        fp=len(predicted) - tp,
        fn=len(expected) - tp,
        missed=[show(g) for g in (right - common).elements()],
        spurious=[show(p) for p in (left - common).elements()],
    )


def _match(
    predicted: Sequence[T],
    expected: Sequence[G],
    *,
    same: Callable[[T, G], bool],
    show: Callable[[T], str] = str,
    show_gold: Callable[[G], str] = str,
) -> Score:
    """Greedy one-to-one matching: each predicted item takes the first unmatched gold item
    ``same`` accepts."""
    unmatched = list(expected)
    score = Score()
    for item in predicted:
        hit = next((g for g in unmatched if same(item, g)), None)
        if hit is None:
            score.fp += 1
            score.spurious.append(show(item))
        else:
            unmatched.remove(hit)
            score.tp += 1
    score.fn = len(unmatched)
    score.missed = [show_gold(g) for g in unmatched]
    return score


def _score_fields(found: dict[str, str | None], expected: dict[str, str | None]) -> Score:
    """Each field the gold fills is one item; a wrong or missing value is a miss and a spurious."""
    score = Score()
    for name, want in expected.items():
        got = found.get(name)
        if want is None and got is None:
            continue
        if got == want:
            score.tp += 1
            continue
        if want is not None:
            score.fn += 1
            score.missed.append(f"{name}={want}")
        if got is not None:
            score.fp += 1
            score.spurious.append(f"{name}={got}")
    return score


def _header_values(notice: Notice) -> dict[str, str | None]:
    h = notice.header
    values = {name: _text(getattr(h, name)) for name in HEADER_FIELDS}
    values.update({f"contact.{n}": _text(getattr(h.contact, n)) for n in CONTACT_FIELDS})
    return values


def _gold_header(gold: dict[str, Any]) -> dict[str, str | None]:
    g = gold.get("notice") or {}
    values = {name: g.get(name) for name in HEADER_FIELDS}
    contact = g.get("contact") or {}
    values.update({f"contact.{n}": contact.get(n) for n in CONTACT_FIELDS})
    return values


def _inspection_values(notice: Notice) -> dict[str, str | None]:
    if notice.inspection is None:
        return {}
    return {name: _text(getattr(notice.inspection, name)) for name in INSPECTION_FIELDS}


def _gold_inspection(gold: dict[str, Any]) -> dict[str, str | None]:
    g = gold.get("inspection") or {}
    return {name: g.get(name) for name in INSPECTION_FIELDS}


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _score_relations(notice: Notice, gold: dict[str, Any]) -> Score:
    to_gold: dict[str, str] = {}
    for entity in gold["entities"]:
        for form in (entity["name"], *entity.get("aliases", [])):
            to_gold[form] = entity["name"]

    def gold_name(name: str) -> str:
        entity = notice.entity(name)
        forms = (entity.name, *entity.aliases) if entity else (name,)
        return next((to_gold[f] for f in forms if f in to_gold), name)

    predicted = {
        (gold_name(r.subject), r.predicate.value, gold_name(r.object)) for r in notice.relations
    }
    expected = {(r["subject"], r["predicate"], r["object"]) for r in gold.get("relations", [])}
    return _match_multiset(sorted(predicted), sorted(expected), show=" ".join)
