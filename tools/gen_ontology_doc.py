"""Render ``docs/ontology.html`` from ``noticekg.ttl`` with pyLODE (OntPub profile).

One place fixes the options (subjects sorted, CSS inlined) so ``make docs``, a manual run and
``tests/test_ontology.py`` produce the same bytes; pyLODE's output has no timestamp, so an
unchanged ontology gives an unchanged page.

Usage::

    python tools/gen_ontology_doc.py            # rewrite docs/ontology.html
    python tools/gen_ontology_doc.py --check    # exit 1 if the page is out of date

Needs ``pylode`` (a documentation-only dependency; 3.3.x — the 3.4.1 wheel cannot import).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from noticekg.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TTL = ROOT / "src" / "noticekg" / "ontology" / "noticekg.ttl"
DEFAULT_OUTPUT = ROOT / "docs" / "ontology.html"


def render_html(ttl: Path) -> str:
    """The HTML page pyLODE makes for the ontology in ``ttl``."""
    from pylode import OntPub  # imported late: only documentation builds need pyLODE

    if not ttl.is_file():
        raise InputError(f"{ttl}: ontology file not found")
    try:
        return str(OntPub(str(ttl), sort_subjects=True).make_html(include_css=True))
    except Exception as exc:  # pyLODE wraps parser and profile errors in several types
        raise InputError(f"{ttl}: pyLODE cannot document it ({exc})") from exc


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the HTML page; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ttl", type=Path, default=DEFAULT_TTL, help="ontology in Turtle")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="page to write")
    parser.add_argument("--check", action="store_true", help="only report whether it is stale")
    args = parser.parse_args(argv)
    try:
        html = render_html(args.ttl)
    except InputError as exc:
        print(f"gen_ontology_doc: {exc}", file=sys.stderr)
        return exc.exit_code
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if args.check:
        if current != html:
            print(f"gen_ontology_doc: {args.output} is out of date; rerun it", file=sys.stderr)
            return 1
        return 0
    if current != html:
        args.output.write_text(html, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
