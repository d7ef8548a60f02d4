"""The network as GraphML or GEXF, for Gephi, yEd and Cytoscape users.

Both formats hold only scalar attributes, so lists (aliases, notices) are joined with "; " and
every other value is written as a string; numbers stay numbers so Gephi can size by them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from noticekg.errors import InputError
from noticekg.graph.write import write_atomic

# networkx is imported by the functions that use it: commands that query or extract load this
# package without drawing anything, and should not wait 0.1 s for it.
if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GEPHI_FORMATS", "stringified", "write_gephi"]

GEPHI_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}

# Characters XML 1.0 forbids (C0 controls other than tab, newline and return, and the two
# non-characters U+FFFE/U+FFFF); left in, they make a file no XML parser will read.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Separator of list values in a stringified attribute.
LIST_SEPARATOR = "; "


def stringified(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all ``str``, ``int`` or ``float``."""
    import networkx as nx

    copy = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        copy.add_node(str(node), **{k: _scalar(v) for k, v in data.items()})
    for source, target, key, data in network.edges(keys=True, data=True):
        copy.add_edge(
            str(source), str(target), key=str(key), **{k: _scalar(v) for k, v in data.items()}
        )
    return copy


def write_gephi(network: nx.MultiDiGraph, path: Path) -> None:
    """Write ``network`` as GraphML or GEXF, chosen by the suffix of ``path``.

    :raises InputError: for another suffix.
    :raises NoticekgError: when the file cannot be written.
    """
    import networkx as nx

    path = Path(path)
    fmt = GEPHI_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(GEPHI_FORMATS)
        raise InputError(f"{path}: unknown suffix {path.suffix!r} (expected {known})")
    flat = stringified(network)

    def write(handle: IO[bytes]) -> None:
        if fmt == "graphml":
            nx.write_graphml(flat, handle, encoding="utf-8")
        else:
            nx.write_gexf(flat, handle, encoding="utf-8")

    write_atomic(path, write)


def _scalar(value: Any) -> str | int | float:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        text = LIST_SEPARATOR.join(map(str, value))
    else:
        text = "" if value is None else str(value)
    return XML_FORBIDDEN.sub("", text)
