"""Records → RDF and everything done with the graph: IRIs, building, export, loading, SHACL
validation and the networkx/pyvis view. Never parses notice text."""

from noticekg.graph.aggregate import STRATEGIES, Aggregation, aggregate
from noticekg.graph.build import (
    GRAPH_VERSION,
    OA,
    PREFIXES,
    bind_prefixes,
    build_dataset,
    notice_graph,
    notice_ntriples,
)
from noticekg.graph.describe import MEDIA_TYPES, describe_dataset, ontology_license
from noticekg.graph.export import FORMATS, NAMED_GRAPH_FORMATS, serialize, write_dataset
from noticekg.graph.gephi import GEPHI_FORMATS, write_gephi
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
    source_location,
)
from noticekg.graph.load import load_graph
from noticekg.graph.network import graph_to_networkx, rows_to_networkx, to_networkx
from noticekg.graph.render import SIZES, page_html, render_html
from noticekg.graph.stores import MemoryStore, OxigraphStore, RemoteStore, Store, open_store
from noticekg.graph.union import union_graph
from noticekg.graph.validate import (
    NoticeValidation,
    ValidationReport,
    ValidationResult,
    check,
    format_notice_reports,
    node_label,
    validate,
    validate_by_notice,
    validate_notice,
)
from noticekg.graph.views import find_nodes, neighbourhood, ontology_network

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "GEPHI_FORMATS",
    "GRAPH_VERSION",
    "MEDIA_TYPES",
    "NAMED_GRAPH_FORMATS",
    "OA",
    "PREFIXES",
    "SIZES",
    "STRATEGIES",
    "Aggregation",
    "MemoryStore",
    "NoticeValidation",
    "OxigraphStore",
    "RemoteStore",
    "Store",
    "ValidationReport",
    "ValidationResult",
    "aggregate",
    "bind_prefixes",
    "build_dataset",
    "check",
    "describe_dataset",
    "entity_iri",
    "find_nodes",
    "format_notice_reports",
    "graph_to_networkx",
    "inspection_iri",
    "label_segment",
    "load_graph",
    "measure_iri",
    "mention_iri",
    "metric_iri",
    "neighbourhood",
    "node_label",
    "notice_graph",
    "notice_iri",
    "notice_ntriples",
    "ontology_license",
    "ontology_network",
    "open_store",
    "page_html",
    "problem_iri",
    "render_html",
    "rows_to_networkx",
    "serialize",
    "source_location",
    "to_networkx",
    "union_graph",
    "validate",
    "validate_by_notice",
    "validate_notice",
    "write_dataset",
    "write_gephi",
]
