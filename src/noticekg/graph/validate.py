"""SHACL validation against the shipped shapes, reported by label so a person can find the node,
and grouped per notice with the sentence each failing node was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from rdflib import ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS, NamespaceManager
from rdflib.term import Node

from noticekg.errors import NoticekgError, ValidationFailed
from noticekg.graph.build import OA, bind_prefixes
from noticekg.graph.sources import sentence_around
from noticekg.graph.union import union_graph
from noticekg.ontology import NKG, resource

__all__ = [
    "NoticeValidation",
    "ValidationReport",
    "ValidationResult",
    "check",
    "format_notice_block",
    "format_notice_reports",
    "node_label",
    "summary",
    "validate",
    "validate_by_notice",
    "validate_notice",
]


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


@cache
def _load(name: str) -> Graph:
    shipped = resource(name)
    if not shipped.is_file():
        raise NoticekgError(f"ontology file {name} is missing from the noticekg package")
    return Graph().parse(data=shipped.read_text(encoding="utf-8"), format="turtle")


def validate(graph: Graph) -> ValidationReport:
    """Validate the union of ``graph`` with pySHACL: the ontology is mixed in (for subclass
    targets) without inference, which is enough for the shapes and keeps large corpora fast."""
    import pyshacl  # imported late: only validation needs it

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
        label = node_label(data, focus) if focus is not None else None
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


def node_label(data: Graph, node: Node) -> str | None:
    """What a person calls ``node``: its rdfs:label, else skos:prefLabel, else nkg:title."""
    for prop in (RDFS.label, SKOS.prefLabel, NKG.title):
        value = data.value(node, prop)
        if value is not None:
            return str(value)
    return None


def _local(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _line(result: ValidationResult, graph: Graph | NamespaceManager) -> str:
    names = graph.namespace_manager if isinstance(graph, Graph) else graph
    focus = result.focus
    shown = names.normalizeUri(focus) if isinstance(focus, URIRef) else focus
    who = f"“{result.label}” {shown}" if result.label else str(shown)
    path = ""
    if isinstance(result.path, URIRef):
        path = f" {names.normalizeUri(result.path)}"
    return f"{result.severity}: {who}{path}: {result.message}"


def _text(conforms: bool, results: list[ValidationResult], graph: Graph) -> str:
    head = "Conforms." if conforms else f"Does not conform: {len(results)} result(s)."
    return "\n".join([head, *(_line(r, graph) for r in results)])


# --- per notice ---------------------------------------------------------------------------

# The block heading results whose focus node belongs to no notice.
NO_NOTICE = "(nodes of no notice)"


@dataclass(frozen=True)
class NoticeValidation:
    """The results whose focus node belongs to one notice (``notice`` is ``None`` for nodes
    that belong to none), each with the sentence of that notice the node was read from."""

    notice: URIRef | None
    title: str
    conforms: bool
    results: tuple[ValidationResult, ...] = ()
    sentences: tuple[str | None, ...] = ()


def validate_notice(graph: Graph, notice: URIRef) -> NoticeValidation:
    """Validate one notice's named graph (with whatever shared data was fetched beside it)."""
    data = union_graph(graph)
    report = validate(data)
    return _notice_block(data, notice, report.conforms, report.results)


def validate_by_notice(graph: Graph) -> list[NoticeValidation]:
    """Validate the whole of ``graph`` once and file each result under the notices its focus
    node comes from: the notice graphs stating something of it (TriG, N-Quads), else itself,
    its ``nkg:inNotice`` or the source of its mentions; a node from several notices is filed
    under each. Notices without results get an empty block."""
    data = union_graph(graph)
    report = validate(data)
    notices = sorted(n for n in data.subjects(RDF.type, NKG.Notice) if isinstance(n, URIRef))
    filed: dict[URIRef | None, list[ValidationResult]] = {n: [] for n in notices}
    for result in report.results:
        owners: list[URIRef | None] = list(
            _graphs_of(graph, result.focus, set(notices)) or _notices_of(data, result.focus)
        ) or [None]
        for owner in owners:
            filed.setdefault(owner, []).append(result)
    blocks = []
    for notice, results in filed.items():
        failing = any(r.severity == "Violation" for r in results)
        blocks.append(_notice_block(data, notice, not failing, results))
    return sorted(blocks, key=lambda b: (b.notice is None, str(b.notice)))


def _notice_block(
    data: Graph, notice: URIRef | None, conforms: bool, results: list[ValidationResult]
) -> NoticeValidation:
    title = NO_NOTICE if notice is None else node_label(data, notice) or str(notice)
    sentences = tuple(_sentence(data, r.focus, notice) for r in results)
    return NoticeValidation(notice, title, conforms, tuple(results), sentences)


def _graphs_of(graph: Graph, focus: Node, notices: set[URIRef]) -> list[URIRef]:
    """The notice graphs of a dataset in which ``focus`` is the subject of a triple."""
    if not isinstance(graph, ConjunctiveGraph):
        return []
    quads = graph.quads((focus, None, None, None))  # type: ignore[arg-type]
    named = {getattr(context, "identifier", context) for *_, context in quads}
    return sorted(n for n in notices if n in named)


def _notices_of(data: Graph, focus: Node) -> list[URIRef]:
    """The notices a node belongs to: a notice itself, what ``nkg:inNotice`` names, or the
    ``oa:hasSource`` of its mentions (a mention's own, a selector's mention's)."""
    if (focus, RDF.type, NKG.Notice) in data:
        return [focus] if isinstance(focus, URIRef) else []
    found = set(data.objects(focus, NKG.inNotice))
    for mention in _mentions(data, focus):
        found.update(data.objects(mention, OA.hasSource))
    return sorted(n for n in found if isinstance(n, URIRef))


def _mentions(data: Graph, focus: Node) -> list[Node]:
    """The mentions that say where ``focus`` was read: its own ``nkg:mentionedIn``, the node
    itself when it is a mention, or the mention holding it when it is a selector."""
    mentions = list(data.objects(focus, NKG.mentionedIn))
    if not mentions and (focus, OA.hasSelector, None) in data:
        mentions = [focus]
    if not mentions:
        mentions = list(data.subjects(OA.hasSelector, focus))
    return mentions


def _sentence(data: Graph, focus: Node, notice: URIRef | None) -> str | None:
    """The sentence of ``notice`` around the first mention of ``focus`` in it, when the graph
    holds the mention's offsets and the notice text."""
    spans: list[tuple[int, int, Node]] = []
    for mention in _mentions(data, focus):
        source = data.value(mention, OA.hasSource)
        if notice is not None and source != notice:
            continue
        for selector in data.objects(mention, OA.hasSelector):
            start, end = data.value(selector, OA.start), data.value(selector, OA.end)
            if isinstance(start, Literal) and isinstance(end, Literal) and source is not None:
                spans.append((int(start), int(end), source))
    for first, last, source in sorted(spans, key=lambda s: (s[0], s[1], str(s[2]))):
        text = data.value(source, NKG.text)
        if text is not None:
            return sentence_around(str(text), first, last)
    return None


def format_notice_reports(
    blocks: list[NoticeValidation], names: NamespaceManager | None = None
) -> str:
    """Every block with results (see :func:`format_notice_block`), then the summary line."""
    shown = [format_notice_block(b, names) for b in blocks if b.results]
    return "\n\n".join([*shown, summary(blocks)])


def format_notice_block(block: NoticeValidation, names: NamespaceManager | None = None) -> str:
    """The notice's title and IRI, then each result (severity, the focus node's label and IRI,
    the path, the message) with the sentence the node was read from, IRIs shortened by
    ``names``."""
    names = names if names is not None else _project_names()
    where = f" <{block.notice}>" if block.notice is not None else ""
    lines = [f"{block.title}{where}"]
    for result, sentence in zip(block.results, block.sentences, strict=True):
        lines.append("  " + _line(result, names))
        if sentence:
            lines.append(f"    sentence: {sentence}")
    return "\n".join(lines)


def _project_names() -> NamespaceManager:
    graph = Graph()
    bind_prefixes(graph)
    return graph.namespace_manager


def summary(blocks: list[NoticeValidation]) -> str:
    """One line: how many notice graphs were checked and conform, how many results where."""
    checked = [b for b in blocks if b.notice is not None]
    failing = [b for b in blocks if not b.conforms]
    violations = {(b.notice, r) for b in blocks for r in b.results if r.severity == "Violation"}
    others = {(b.notice, r) for b in blocks for r in b.results if r.severity != "Violation"}
    text = f"{len(checked)} notice graph(s) checked: {len(checked) - len(failing)} conform"
    if failing or others:
        text += (
            f"; {len(violations)} violation(s), {len(others)} other result(s) "
            f"in {len(failing)} notice graph(s)"
        )
    return text + "."
