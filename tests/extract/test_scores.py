"""Score floors of the extractor on the development data: the sample, ``tests/data/dev``,
``tests/data/dev2`` and ``tests/data/dev3``. The held-out notices of ``tests/data/genre`` are never
scored here.

The floors are the F1 reached when the rules were last revised, rounded down; a change that
lowers one must say why (a corrected gold file, a rule that generalises better elsewhere).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from noticekg.extract import combine, evaluate, extract_file, load_gold
from noticekg.extract.evaluate import Scores

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "noticekg" / "samples"

SETS = {
    "sample": [(DATA / "gold" / "wzkjc-xuncha-zhenggai.json", SAMPLE)],
    "dev": [(path, path.parent) for path in sorted((DATA / "dev").glob("*.json"))],
    "dev2": [(path, path.parent) for path in sorted((DATA / "dev2").glob("*.json"))],
    "dev3": [(path, path.parent) for path in sorted((DATA / "dev3").glob("*.json"))],
}
"""Each set's gold files with the folder holding their notices."""

FLOORS = {
    "sample": {
        "entities": 0.97,
        "Organization": 0.93,
        "Platform": 0.99,
        "Project": 0.99,
        "Policy": 0.99,
        "Place": 0.95,
        "relations": 0.99,
        "metrics": 0.99,
    },
    "dev": {
        "entities": 0.92,
        "Organization": 0.93,
        "Platform": 0.87,
        "Project": 0.89,
        "Policy": 0.94,
        "Place": 0.85,
        # raised from 0.83; the gold gained seven self-issued `establishes` edges (dev README)
        "relations": 0.86,
        "metrics": 0.99,
    },
    "dev2": {
        "entities": 0.98,
        "Organization": 0.99,
        "Platform": 0.99,
        "Project": 0.92,
        "Policy": 0.99,
        "Place": 0.95,
        "relations": 0.98,
        "metrics": 0.97,
    },
    "dev3": {
        "entities": 0.93,
        "Organization": 0.95,
        "Platform": 0.99,
        "Project": 0.89,
        "Policy": 0.99,
        "Place": 0.74,
        "relations": 0.93,
        "metrics": 0.99,
    },
}
"""F1 floors per set and row of ``noticekg eval``."""


@cache
def _scores(name: str) -> Scores:
    results = []
    for gold_path, folder in SETS[name]:
        gold = load_gold(gold_path)
        results.append(evaluate(extract_file(folder / gold["document"]), gold))
    return combine(results)


def test_every_set_has_notices() -> None:
    assert len(SETS["dev"]) >= 10
    assert len(SETS["dev2"]) >= 6
    assert len(SETS["dev3"]) >= 6


@pytest.mark.parametrize(
    ("name", "row", "floor"),
    [(name, row, floor) for name, rows in FLOORS.items() for row, floor in rows.items()],
)
def test_score_floor(name: str, row: str, floor: float) -> None:
    assert _scores(name)[row].f1 >= floor
