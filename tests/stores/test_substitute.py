"""Parameters written into query text stay one term each, and the text stays a valid query."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal

from noticekg.graph.stores.substitute import substitute

UNIT = {"unit": Literal("CNY")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SELECT ?m ?unit WHERE { ?m <p> ?unit }",
            'SELECT ?m ("CNY" AS ?unit) WHERE { ?m <p> "CNY" }',
        ),
        (
            "SELECT ?unit WHERE { { SELECT ?m ?unit WHERE { ?m <p> ?unit } } }",
            'SELECT ("CNY" AS ?unit) WHERE { { SELECT ?m  WHERE { ?m <p> "CNY" } } }',
        ),
        (
            "SELECT ?unit (COUNT(?m) AS ?n) WHERE { ?m <p> ?unit } GROUP BY ?unit",
            'SELECT ?unit (COUNT(?m) AS ?n) WHERE { ?m <p> "CNY" } GROUP BY ("CNY" AS ?unit)',
        ),
        (  # a sub-select's GROUP BY ends with the sub-select, and binds nothing outside it
            "SELECT ?unit { { SELECT ?n { ?n <p> ?unit } GROUP BY ?unit ?n } FILTER(?n != ?unit) }",
            'SELECT ("CNY" AS ?unit) { { SELECT ?n { ?n <p> "CNY" } GROUP BY ("CNY" AS ?unit) ?n }'
            ' FILTER(?n != "CNY") }',
        ),
        ("ASK { FILTER(BOUND(?unit)) }", "ASK { FILTER(true) }"),
        ('SELECT * { ?m <p> "?unit" } # ?unit', 'SELECT * { ?m <p> "?unit" } # ?unit'),
    ],
)
def test_substitute(text: str, expected: str) -> None:
    assert substitute(text, UNIT) == expected


def test_a_sub_select_no_longer_binds_the_name_the_outer_projection_binds() -> None:
    """An outer ``(term AS ?unit)`` next to a sub-select projecting ``?unit`` is refused."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/m"), ox.NamedNode("http://x/p"), ox.Literal("CNY")))
    text = "SELECT ?m ?unit WHERE { { SELECT ?m ?unit WHERE { ?m <http://x/p> ?unit } } }"
    rows = list(store.query(substitute(text, UNIT)))
    assert [(row["m"].value, row["unit"].value) for row in rows] == [("http://x/m", "CNY")]
