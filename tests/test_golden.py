"""Golden files for the sample notice: the extraction JSON and the Turtle it becomes.

A change in either shows up in review as a diff of tests/golden/; rewrite them on purpose with
``pytest --update-golden``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from noticekg.extract import Notice, notice_as_dict
from noticekg.graph import bind_prefixes, build_dataset

GOLDEN = Path(__file__).parent / "golden"


def test_extraction_json(sample: Notice, update_golden: bool) -> None:
    path = GOLDEN / "wzkjc-xuncha-zhenggai.extraction.json"
    found = json.dumps(notice_as_dict(sample), ensure_ascii=False, indent=1) + "\n"
    if update_golden:
        path.write_text(found, encoding="utf-8")
    assert found == path.read_text(encoding="utf-8"), "extraction changed; see the diff above"


def test_turtle(sample: Notice, update_golden: bool) -> None:
    path = GOLDEN / "wzkjc-xuncha-zhenggai.ttl"
    found = Graph()
    bind_prefixes(found)  # nkg:, oa:, … rather than ns1:, so the golden diff reads in review
    for graph in build_dataset([sample]).graphs():
        found += graph
    if update_golden:
        found.serialize(path, format="turtle")
    expected = Graph().parse(path, format="turtle")
    iso_found, iso_expected = to_isomorphic(found), to_isomorphic(expected)
    if iso_found != iso_expected:
        _, only_found, only_expected = graph_diff(iso_found, iso_expected)
        pytest.fail(
            "graph differs from the golden Turtle\nonly in the new graph:\n"
            + only_found.serialize(format="nt")[:4000]
            + "\nonly in the golden file:\n"
            + only_expected.serialize(format="nt")[:4000]
        )
