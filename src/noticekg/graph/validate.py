"""SHACL validation against the shipped shapes, reported by label so a person can find the node."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from noticekg.errors import NoticekgError, ValidationFailed
from noticekg.graph.union import union_graph
from noticekg.ontology import resource

__all__ = ["ValidationReport", "ValidationResult", "check", "validate"]


class ValidationResult(NamedTuple):
    focus: Node
    label: str | None
    path: Node | None
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    text: str = ""


def _load(name: str) -> Graph:
    shipped = resource(name)
    if not shipped.is_file():
        raise NoticekgError(f"ontology file {name} is missing from the noticekg package")
    return Graph().parse(data=shipped.read_text(encoding="utf-8"), format="turtle")


def validate(graph: Graph) -> ValidationReport:
    """Validate the union of ``graph`` with pySHACL: the ontology is mixed in (for subclass
    targets) without inference, which is enough for the shapes and keeps large corpora fast."""
    data = union_graph(graph)
    conforms, results_graph, _ = pyshacl.validate(
        data,
        shacl_graph=_load("shapes.ttl"),
        ont_graph=_load("noticekg.ttl"),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    # pySHACL may report one failure once per shape that reaches it; list each once.
    unique = set(_results(results_graph, data))
    results = sorted(unique, key=lambda r: (r.severity, str(r.focus), str(r.path), r.message))
    return ValidationReport(bool(conforms), results, _text(bool(conforms), results, data))


def check(graph: Graph) -> ValidationReport:
    """:func:`validate`, raising :class:`ValidationFailed` with the first violation when the
    graph does not conform."""
    report = validate(graph)
    if not report.conforms:
        first = report.results[0] if report.results else None
        detail = f": {_line(first, graph)}" if first else ""
        raise ValidationFailed(f"graph does not conform to the SHACL shapes{detail}")
    return report


def _results(results_graph: Graph, data: Graph) -> list[ValidationResult]:
    found = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        focus = results_graph.value(result, SH.focusNode)
        label = data.value(focus, RDFS.label) if focus is not None else None
        severity = results_graph.value(result, SH.resultSeverity)
        message = results_graph.value(result, SH.resultMessage)
        found.append(
            ValidationResult(
                focus=focus if focus is not None else Literal(""),
                label=str(label) if label is not None else None,
                path=results_graph.value(result, SH.resultPath),
                message=str(message) if message is not None else "constraint not met",
                severity=_local(severity) if severity is not None else "Violation",
            )
        )
    return found


def _local(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _line(result: ValidationResult, graph: Graph) -> str:
    focus = result.focus
    shown = graph.namespace_manager.normalizeUri(focus) if isinstance(focus, URIRef) else focus
    who = f"“{result.label}” {shown}" if result.label else str(shown)
    path = ""
    if isinstance(result.path, URIRef):
        path = f" {graph.namespace_manager.normalizeUri(result.path)}"
    return f"{result.severity}: {who}{path}: {result.message}"


def _text(conforms: bool, results: list[ValidationResult], graph: Graph) -> str:
    head = "Conforms." if conforms else f"Does not conform: {len(results)} result(s)."
    return "\n".join([head, *(_line(r, graph) for r in results)])
