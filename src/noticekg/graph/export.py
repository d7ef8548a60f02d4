"""Writing a dataset to disk in the formats a linked-data portal takes, never half a file.

Triple formats (Turtle, N-Triples) get the union of all notices' graphs; quad formats (TriG,
N-Quads) and JSON-LD keep one named graph per notice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from noticekg.graph.build import PREFIXES, bind_prefixes
from noticekg.graph.union import union_graph
from noticekg.graph.write import write_atomic
from noticekg.ontology import resource

__all__ = ["FORMATS", "NAMED_GRAPH_FORMATS", "jsonld_context", "serialize", "write_dataset"]


@dataclass(frozen=True)
class _Spec:
    rdflib_name: str
    suffix: str
    named_graphs: bool


_SPECS: dict[str, _Spec] = {
    "turtle": _Spec("turtle", ".ttl", named_graphs=False),
    "trig": _Spec("trig", ".trig", named_graphs=True),
    "json-ld": _Spec("json-ld", ".jsonld", named_graphs=True),
    "nt": _Spec("nt", ".nt", named_graphs=False),
    "nquads": _Spec("nquads", ".nq", named_graphs=True),
}

# Format name → file suffix, for command-line choices and guessing a format from a file name.
FORMATS: dict[str, str] = {name: spec.suffix for name, spec in _SPECS.items()}

# Formats that keep one named graph per notice (the others write the union).
NAMED_GRAPH_FORMATS = frozenset(name for name, spec in _SPECS.items() if spec.named_graphs)


def _spec(name: str) -> _Spec:
    """:raises ValueError: for a name not in :data:`FORMATS` (the message lists them)."""
    try:
        return _SPECS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None


def jsonld_context() -> dict[str, Any]:
    """The shipped ``context.jsonld`` (its ``@context`` member), or, while the ontology package
    ships none, a context of the project prefixes so output is still compact."""
    shipped = resource("context.jsonld")
    if shipped.is_file():
        document = json.loads(shipped.read_text(encoding="utf-8"))
        return document.get("@context", document)
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def serialize(dataset: Graph, fmt: str) -> bytes:
    """``dataset`` in format ``fmt`` as UTF-8 bytes."""
    chosen = _spec(fmt)
    graph: Graph = dataset if chosen.named_graphs else union_graph(dataset)
    if chosen.named_graphs and not isinstance(graph, Dataset):
        wrapped = Dataset()
        named = wrapped.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
        graph = wrapped
    bind_prefixes(graph)
    options: dict[str, Any] = {}
    if fmt == "json-ld":
        options = {"context": jsonld_context(), "auto_compact": True}
    return graph.serialize(format=chosen.rdflib_name, encoding="utf-8", **options)


def write_dataset(dataset: Graph, path: Path, fmt: str) -> None:
    """Write ``dataset`` to ``path`` atomically: a temporary file in the same directory is
    renamed over ``path`` only once complete, so a failure leaves no partial or stray file.

    :raises ValueError: for an unknown ``fmt``.
    :raises NoticekgError: when the file cannot be written.
    """
    data = serialize(dataset, fmt)
    write_atomic(Path(path), lambda handle: handle.write(data))
