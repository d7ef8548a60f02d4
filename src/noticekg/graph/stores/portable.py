"""Query text every SPARQL server reads alike, for remote endpoints.

Virtuoso (7.2, and later releases with the same bugs: openlink/virtuoso-opensource#609, #944)
reads a plain string written in a query as narrow text once it goes through a function:
``STR("温州")`` gives ``"??"``, and so does ``CONCAT`` with ``"、"``. Written as
``"温州"^^xsd:string`` the same string comes through whole, and under RDF 1.1 it is the same
literal, so every server answers the rewritten query as the original. Only the arguments of
``STR`` and ``CONCAT`` are rewritten: elsewhere Virtuoso reads a plain string whole, and tells a
typed one from it when matching (in a triple pattern, a comparison, the rows of ``VALUES``).

A ``GROUP_CONCAT`` separator must be a plain string, so a non-ASCII one is sent as an ASCII
control character and put back into the answer's text (:meth:`PortableQuery.restore`).

Comments are left out: SPARQLWrapper tells a query's form by the first keyword it finds in the
text, comments and all ("asked" in one made a SELECT an ASK).

A group that only asks whether a variable is bound, ``{ FILTER(!BOUND(?notice)) }`` (how the
catalogue's queries choose a branch by a parameter left out), holds no variable in SPARQL, so
it is always true (with ``!``) or false. Virtuoso reads the variable from the rest of the branch
instead and finds nothing; the group is sent as the constant it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from noticekg.sparqltext import TOKEN

__all__ = ["PortableQuery", "portable"]

XSD_STRING = "<http://www.w3.org/2001/XMLSchema#string>"

# ASCII control characters, one for each separator: notices and their labels do not hold them
# (a value that did would get the separator in their place).
PLACEHOLDERS = ("\x1f", "\x1e", "\x1d", "\x1c")

# The functions that give a plain non-ASCII argument back as question marks.
MISREADING = frozenset({"STR", "CONCAT"})

# A group holding nothing but ``FILTER(BOUND(?name))`` or ``FILTER(!BOUND(?name))``.
BOUND_ONLY = re.compile(
    r"\{\s*FILTER\s*\(\s*(?P<negated>!?)\s*BOUND\s*\(\s*[?$]\w+\s*\)\s*\)\s*\}", re.IGNORECASE
)

# A string's escapes (SPARQL's ECHAR), to read a separator's own text.
ESCAPE = re.compile(r"\\(.)")
ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


@dataclass(frozen=True)
class PortableQuery:
    """A query's text as sent, and the separators to put back into its answer."""

    text: str
    #: placeholder character -> the separator it stands for
    separators: dict[str, str] = field(default_factory=dict)

    def restore(self, value: str) -> str:
        """``value`` of the answer with each placeholder back as its separator."""
        for placeholder, separator in self.separators.items():
            value = value.replace(placeholder, separator)
        return value


def portable(text: str) -> PortableQuery:
    """``text`` with its non-ASCII strings written so that Virtuoso reads them too."""
    out: list[str] = []
    separators: dict[str, str] = {}
    calls: list[bool] = []  # for each open bracket, whether it holds a misreading call's arguments
    last, previous = 0, ""
    for match in TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if match.start() < last:  # inside a group rewritten
            continue
        if kind == "comment":
            out.append(text[last : match.start()])
            last = match.end()
            continue
        bound_only = BOUND_ONLY.match(text, match.start()) if token == "{" else None
        if bound_only is not None:
            out.append(text[last : match.start()])
            out.append("{ FILTER(true) }" if bound_only["negated"] else "{ FILTER(false) }")
            last = bound_only.end()
            continue
        if kind == "open":
            calls.append(token == "(" and previous in MISREADING)
        elif kind == "close" and calls:
            calls.pop()
        elif kind == "string" and not token.isascii() and _plain(text, match.end()):
            replacement = None
            if previous == "SEPARATOR" and len(separators) < len(PLACEHOLDERS):
                placeholder = PLACEHOLDERS[len(separators)]
                separators[placeholder] = _string_value(token)
                replacement = f'"\\u{ord(placeholder):04X}"'
            elif calls[-1:] == [True]:
                replacement = f"{token}^^{XSD_STRING}"
            if replacement is not None:
                out.append(text[last : match.start()])
                out.append(replacement)
                last = match.end()
        previous = token.upper() if kind == "word" else token
    out.append(text[last:])
    return PortableQuery("".join(out), separators)


def _plain(text: str, end: int) -> bool:
    """Whether the string ending at ``end`` has neither a language tag nor a datatype."""
    return not text.startswith(("@", "^^"), end)


def _string_value(token: str) -> str:
    quote = 3 if token[:3] in ('"""', "'''") else 1
    return ESCAPE.sub(lambda m: ESCAPED.get(m[1], m[1]), token[quote:-quote])
