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
    QueryResult,
    bind_params,
    format_csv,
    format_json,
    format_table,
    run_query,
)

__all__ = [
    "PARAM_TYPES",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "bind_params",
    "catalogue",
    "format_csv",
    "format_json",
    "format_table",
    "get_query",
    "parse_query",
    "run_query",
]
