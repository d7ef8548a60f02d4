"""SPARQL read as tokens, with strings, IRIs and comments kept whole, so that a keyword or a
variable is never found inside them: what the stores need to bind parameters into a query's
text and what every layer needs to tell a query's form without parsing it (rdflib's parser
took a quarter of a second for a catalogue query, to learn one word).
"""

from __future__ import annotations

import re

__all__ = ["QUERY_FORMS", "TOKEN", "form_of"]

# One lexical token of SPARQL that matters here; everything between tokens is copied as is.
TOKEN = re.compile(
    r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''        # long strings first
      |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n]|\\.)*'
      |"(?:[^"\\\n]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)             # an IRI; '<' as less-than has spaces after
    |(?P<comment>\#[^\n]*)
    |(?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
    |(?P<pname>[A-Za-z_][\w.-]*:[\w.:%-]*|:[\w.:%-]*)  # prefixed names, never keywords
    |(?P<word>[A-Za-z_]+)
    |(?P<open>[({])
    |(?P<close>[)}])
    """,
    re.VERBOSE,
)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"}
)


def form_of(text: str) -> str:
    """``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE`` or ``UPDATE``: the first keyword that
    decides it, prefixes and comments skipped."""
    for match in TOKEN.finditer(text):
        word = (match["word"] or "").upper()
        if word in QUERY_FORMS:
            return word
        if word in UPDATE_WORDS:
            return "UPDATE"
    return "SELECT"
