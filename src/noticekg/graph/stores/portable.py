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

For the same reason a group that only binds a variable, ``{ BIND(COALESCE("…", "") AS ?name) }``
(how the catalogue's entity queries make a label term from a parameter), binds a constant, and
a union of such groups binding one variable (the label tagged ``@zh``, and plain) is a
``VALUES`` block of their rows: it is sent as that block. Virtuoso otherwise reads every label
of the store to compare it with the value, where ``VALUES`` rows are index lookups (at 300
notices, 13 against 72 ms for the two forms of one label). A union of ``VALUES`` groups would
not do: Virtuoso answers it with nothing.
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

# The parts of a lone ``BIND``'s expression, for folding it into a constant.
LONE_BIND = re.compile(r"\{\s*BIND\s*\(", re.IGNORECASE)
BIND_END = re.compile(r"\s*AS\s*[?$](?P<var>\w+)\s*\)\s*\}", re.IGNORECASE)
UNION = re.compile(r"\s*UNION\s*(?=\{)", re.IGNORECASE)
# What may follow a string in an expression: a language tag or a datatype IRI.
LITERAL_END = re.compile(r"@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<datatype><[^<>\s]*>)")
CALL = re.compile(r"\s*\(")
SPACE = re.compile(r"\s*")
ARGUMENT_END = re.compile(r"\s*(?P<end>[,)])")


@dataclass(frozen=True)
class _Term:
    """A constant of a lone ``BIND``: an IRI, or a literal's quoted text and its tag or type."""

    text: str
    lang: str | None = None
    datatype: str | None = None

    def written(self) -> str:
        if self.lang is not None:
            return f"{self.text}@{self.lang}"
        return self.text if self.datatype is None else f"{self.text}^^{self.datatype}"


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
        constant = _constant_group(text, match.start(), previous) if token == "{" else None
        if constant is not None:
            out.append(text[last : match.start()])
            out.append(constant[1])
            last = constant[0]
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


def _constant_group(text: str, start: int, previous: str) -> tuple[int, str] | None:
    """Where a group at ``start`` that SPARQL evaluates to a constant ends, and the group sent
    in its place: a ``BOUND`` test as ``true`` or ``false``, a union of lone ``BIND`` groups as
    ``VALUES``; None for any other group."""
    bound_only = BOUND_ONLY.match(text, start)
    if bound_only is not None:
        return bound_only.end(), f"{{ FILTER({'true' if bound_only['negated'] else 'false'}) }}"
    if previous == "UNION":  # a union's first group starts the fold; a later one did not fold
        return None
    return _folded_union(text, start)


def _folded_union(text: str, start: int) -> tuple[int, str] | None:
    """Where ``{ BIND(e1 AS ?v) } UNION { BIND(e2 AS ?v) } …`` at ``start`` ends and the
    ``VALUES`` group it amounts to, when every group of the union binds the same variable to an
    expression this module evaluates; else None."""
    rows: list[str] = []
    variable = None
    end = start
    while True:
        folded = _folded_bind(text, end)
        if folded is None or variable not in (None, folded[1]):
            return None
        end, variable, row = folded
        rows.append(row)
        union = UNION.match(text, end)
        if union is None:
            return end, f"{{ VALUES ?{variable} {{ {' '.join(rows)} }} }}"
        end = union.end()


def _folded_bind(text: str, start: int) -> tuple[int, str, str] | None:
    """Where a group ``{ BIND(expression AS ?v) }`` at ``start`` ends, ``v`` and the constant
    it binds, as a ``VALUES`` row; None unless its expression is one this module evaluates
    (constants, variables, ``COALESCE`` and ``STRLANG``)."""
    opening = LONE_BIND.match(text, start)
    if opening is None:
        return None
    try:
        value, end = _evaluated(text, opening.end())
    except ValueError:
        return None
    closing = BIND_END.match(text, end)
    if closing is None:
        return None
    return closing.end(), closing["var"], "UNDEF" if value is None else value.written()


def _evaluated(text: str, start: int) -> tuple[_Term | None, int]:
    """The value of the expression at ``start`` (None: an error, or unbound) and where it
    ends. Variables are unbound: the group binds nothing before its ``BIND``.

    :raises ValueError: for anything else, which is then sent as written.
    """
    part = TOKEN.match(text, SPACE.match(text, start).end())  # type: ignore[union-attr]
    kind = None if part is None else part.lastgroup
    if part is None or kind not in ("string", "iri", "var", "word"):
        raise ValueError("not a constant expression")
    if kind == "string":
        suffix = LITERAL_END.match(text, part.end())
        if suffix is None:
            return _Term(part.group()), part.end()
        return _Term(part.group(), suffix["lang"], suffix["datatype"]), suffix.end()
    if kind == "iri":
        return _Term(part.group()), part.end()
    if kind == "var":
        return None, part.end()
    call = CALL.match(text, part.end())
    if call is None:
        raise ValueError("not a constant expression")
    function = part.group().upper()
    arguments: list[_Term | None] = []
    end = call.end()
    while True:
        value, end = _evaluated(text, end)
        arguments.append(value)
        separator = ARGUMENT_END.match(text, end)
        if separator is None:
            raise ValueError("not a constant expression")
        end = separator.end()
        if separator["end"] == ")":
            break
    if function == "COALESCE":
        return next((value for value in arguments if value is not None), None), end
    if function == "STRLANG" and len(arguments) == 2:
        return _with_language(*arguments), end
    raise ValueError(f"{function} is not evaluated here")


def _with_language(string: _Term | None, language: _Term | None) -> _Term | None:
    """``STRLANG``: a simple literal tagged with a language, else an error (None)."""
    if string is None or language is None or not string.text.startswith(("'", '"')):
        return None
    if string.lang is not None or string.datatype not in (None, XSD_STRING):
        return None
    tag = _string_value(language.text) if language.text.startswith(("'", '"')) else ""
    if language.lang is not None or not re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*", tag):
        return None
    return _Term(string.text, tag)
