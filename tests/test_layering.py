"""The one-way flow of DESIGN.md: extract knows no RDF, graph never parses text."""

from __future__ import annotations

import ast
import subprocess
import sys
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


# Libraries only some commands need, with what importing each costs here: a command that does
# not use one should not wait for it (imported inside the functions that use it).
LOADED_ON_USE = {
    "jieba": "0.2 s with pkg_resources; reading notice text",
    "cn2an": "0.1-0.2 s; Chinese numerals in notice text",
    "pyshacl": "0.1 s; validation",
    "networkx": "0.1 s; network views",
}


def test_starting_the_command_line_loads_no_library_only_some_commands_need() -> None:
    probe = "import sys, noticekg.cli; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    early = {name: why for name, why in LOADED_ON_USE.items() if name in loaded}
    assert not early, early
