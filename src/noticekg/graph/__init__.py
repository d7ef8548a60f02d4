"""Records → RDF and everything done with the graph: IRIs, building, export, loading, SHACL
validation and the networkx/pyvis view. Never parses notice text."""

from noticekg.graph.build import OA, PREFIXES, bind_prefixes, build_dataset, notice_graph
from noticekg.graph.export import FORMATS, NAMED_GRAPH_FORMATS, serialize, write_dataset
from noticekg.graph.iris import (
    DEFAULT_BASE,
    entity_iri,
    inspection_iri,
    label_segment,
    measure_iri,
    mention_iri,
    metric_iri,
    notice_iri,
    problem_iri,
)
from noticekg.graph.load import load_graph
from noticekg.graph.network import to_networkx
from noticekg.graph.render import render_html
from noticekg.graph.union import union_graph
from noticekg.graph.validate import ValidationReport, ValidationResult, check, validate

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "NAMED_GRAPH_FORMATS",
    "OA",
    "PREFIXES",
    "ValidationReport",
    "ValidationResult",
    "bind_prefixes",
    "build_dataset",
    "check",
    "entity_iri",
    "inspection_iri",
    "label_segment",
    "load_graph",
    "measure_iri",
    "mention_iri",
    "metric_iri",
    "notice_graph",
    "notice_iri",
    "problem_iri",
    "render_html",
    "serialize",
    "to_networkx",
    "union_graph",
    "validate",
    "write_dataset",
]
