"""The one-way flow of DESIGN.md: extract knows no RDF, graph never parses text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "noticekg"

FORBIDDEN = {
    "extract": ("rdflib", "pyoxigraph", "noticekg.graph", "noticekg.queries", "noticekg.cli"),
    "graph": ("jieba", "noticekg.queries", "noticekg.cli", "noticekg.extract.entities"),
    "queries": ("jieba", "noticekg.extract", "noticekg.graph", "noticekg.cli"),
    "ontology": ("noticekg.extract", "noticekg.graph", "noticekg.queries", "noticekg.cli"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_stay_in_their_lane(package: str) -> None:
    offending = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package])
    ]
    assert not offending, offending


def test_graph_uses_only_the_record_types_of_extract() -> None:
    for path in sorted((PACKAGE / "graph").rglob("*.py")):
        for name in imported_modules(path):
            if name.startswith("noticekg.extract"):
                assert name == "noticekg.extract.records", (path, name)
