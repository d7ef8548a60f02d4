"""Regenerate ``src/noticekg/ontology/namespace.py`` from ``noticekg.ttl``.

The Turtle file is the single source of truth; this script writes the Python view of it in the
style of rdflib's ``defined_namespace_creator`` (one ``term: URIRef`` line per term, its
``rdfs:comment`` as a trailing ``#`` comment), grouped by OWL type and sorted, so the output
depends only on the graph and never on parse order. ``tests/test_ontology.py`` runs
:func:`render_namespace` and fails if the committed module differs.

Usage::

    python tools/gen_namespace.py            # rewrite namespace.py
    python tools/gen_namespace.py --check    # exit 1 if namespace.py is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from noticekg.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "src" / "noticekg" / "ontology"
DEFAULT_TTL = ONTOLOGY_DIR / "noticekg.ttl"
DEFAULT_OUTPUT = ONTOLOGY_DIR / "namespace.py"

NAMESPACE = "https://w3id.org/noticekg/ontology#"

# The end of the first sentence of a comment: a full stop followed by whitespace. Only the first
# sentence goes into namespace.py; the rest stays in the ontology and its HTML page.
SENTENCE_END = re.compile(r"(?<=\.)\s+")

# Widest line ruff accepts (pyproject ``line-length``); CJK characters count twice, as in ruff.
LINE_WIDTH = 100

# Sections of the generated class, in order: the OWL type and the heading it gets.
GROUPS: tuple[tuple[URIRef, str], ...] = (
    (OWL.Class, "classes"),
    (OWL.ObjectProperty, "object properties"),
    (OWL.DatatypeProperty, "datatype properties"),
)

HEADER = '''"""The noticekg vocabulary as an rdflib namespace (``NKG.Notice``).

A misspelt term raises ``AttributeError``.

Generated from ``noticekg.ttl`` by ``tools/gen_namespace.py`` — edit the Turtle file and rerun the
script; ``tests/test_ontology.py`` fails when the two drift apart.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class NKG(DefinedNamespace):
    """{title}, version {version}: {count} terms."""

    _NS = Namespace("{namespace}")
    _fail = True
'''


def load_ontology(path: Path) -> Graph:
    """Parse the ontology, turning any read or syntax problem into a one-line InputError."""
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: ontology file not found") from exc
    except Exception as exc:  # rdflib raises several unrelated parser exceptions
        raise InputError(f"{path}: not valid Turtle ({exc})") from exc


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    """The @en value of ``predicate`` (or an untagged one), whitespace collapsed."""
    values = [
        o
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language in ("en", None)
    ]
    if not values:
        return ""
    return " ".join(str(min(values, key=lambda lit: (lit.language is None, str(lit)))).split())


def first_sentence(comment: str) -> str:
    """The first sentence of an rdfs:comment, which is all a trailing ``#`` comment can hold."""
    return SENTENCE_END.split(comment, maxsplit=1)[0]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal, the measure ruff applies to line length."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def term_line(name: str, comment: str) -> str:
    """``name: URIRef  # comment``, the comment cut at a word with "…" if the line is too wide.

    Keeping every line within the limit also keeps ``ruff format`` from re-wrapping the output.
    """
    line = f"    {name}: URIRef"
    words = comment.split()
    text = " ".join(words)
    while words and display_width(f"{line}  # {text}") > LINE_WIDTH:
        words.pop()
        text = " ".join(words).rstrip(",;:") + "…"
    return f"{line}  # {text}" if words else line


def local_terms(graph: Graph, owl_type: URIRef) -> list[str]:
    """Local names of the nkg: terms of one OWL type, sorted."""
    return sorted(
        str(s)[len(NAMESPACE) :]
        for s in graph.subjects(RDF.type, owl_type)
        if isinstance(s, URIRef) and str(s).startswith(NAMESPACE)
    )


def render_namespace(graph: Graph) -> str:
    """The text of ``namespace.py`` for ``graph``; equal graphs always give equal text."""
    ontology = URIRef(NAMESPACE.rstrip("#"))
    title = _english(graph, ontology, URIRef("http://purl.org/dc/terms/title"))
    version = _english(graph, ontology, OWL.versionInfo)
    sections: list[str] = []
    count = 0
    for owl_type, heading in GROUPS:
        names = local_terms(graph, owl_type)
        count += len(names)
        lines = [f"    # {heading}"]
        for name in names:
            comment = first_sentence(_english(graph, URIRef(NAMESPACE + name), RDFS.comment))
            lines.append(term_line(name, comment))
        sections.append("\n".join(lines))
    header = HEADER.format(
        title=title or "noticekg ontology", version=version, count=count, namespace=NAMESPACE
    )
    return header + "\n" + "\n\n".join(sections) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) namespace.py; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ttl", type=Path, default=DEFAULT_TTL, help="ontology in Turtle")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="module to write")
    parser.add_argument("--check", action="store_true", help="only report whether it is stale")
    args = parser.parse_args(argv)
    try:
        text = render_namespace(load_ontology(args.ttl))
    except InputError as exc:
        print(f"gen_namespace: {exc}", file=sys.stderr)
        return exc.exit_code
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if args.check:
        if current != text:
            print(f"gen_namespace: {args.output} is out of date; rerun the script", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
