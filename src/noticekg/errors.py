"""The few exceptions noticekg raises; each message names the file, parameter or IRI to fix.

The command line maps each class to one exit code (see :mod:`noticekg.cli`).
"""

from __future__ import annotations


class NoticekgError(Exception):
    """Base class: something the user can fix, reported in one line without a traceback."""

    exit_code = 1


class InputError(NoticekgError):
    """A notice, graph or gold file that cannot be read: missing, empty, binary, wrongly encoded."""

    exit_code = 2


class QueryError(NoticekgError):
    """An unknown query, a malformed ``.rq`` file or a missing, unknown or ill-typed parameter."""

    exit_code = 3


class StoreError(NoticekgError):
    """A store or SPARQL endpoint that is unavailable, locked, too slow or refuses the request."""

    exit_code = 4


class ValidationFailed(NoticekgError):
    """The graph does not conform to the shipped SHACL shapes."""

    exit_code = 5
