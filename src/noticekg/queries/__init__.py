"""Named SPARQL queries shipped as ``.rq`` files, and the runner that binds their parameters."""

from noticekg.queries.catalogue import (
    PARAM_TYPES,
    NamedQuery,
    QueryParam,
    catalogue,
    get_query,
    parse_query,
)
from noticekg.queries.run import (
    GRAPH_FORMATS,
    ROW_FORMATS,
    QueryResult,
    bind_params,
    check_format,
    format_csv,
    format_graph,
    format_json,
    format_table,
    query_form,
    run_query,
)

__all__ = [
    "GRAPH_FORMATS",
    "PARAM_TYPES",
    "ROW_FORMATS",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "bind_params",
    "catalogue",
    "check_format",
    "format_csv",
    "format_graph",
    "format_json",
    "format_table",
    "get_query",
    "parse_query",
    "query_form",
    "run_query",
]
