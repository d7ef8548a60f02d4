"""Where an entity was read from: the notices that mention it and its first source sentence.

A mention's ``oa:exact`` quote is only the phrase itself; the sentence around it is cut from the
notice's ``nkg:text`` at the mention's ``oa:start``/``oa:end`` offsets, so a tooltip shows the
phrase in context.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from noticekg.graph.build import OA
from noticekg.graph.sentences import Sentences
from noticekg.ontology import NKG

__all__ = ["Source", "measure_counts", "notice_name", "sentence_around", "source_of", "sources"]

# Longest sentence shown; longer ones are cut around the quote with an ellipsis.
MAX_SENTENCE = 160


@dataclass(frozen=True)
class Source:
    """The labels of the notices mentioning an entity, in order, and its first sentence."""

    notices: tuple[str, ...]
    sentence: str


def sentence_around(text: str, start: int, end: int, *, limit: int = MAX_SENTENCE) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, at most ``limit`` characters.

    >>> sentence_around("甲。乙在丙办公。丁", 2, 3)
    '乙在丙办公。'
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left, right = Sentences(text).bounds(start, end)
    sentence = text[left:right].strip()
    if len(sentence) <= limit:
        return sentence
    offset = text.find(sentence, left)
    middle = (start + end) // 2 - offset
    first = max(0, min(middle - limit // 2, len(sentence) - limit))
    cut = sentence[first : first + limit]
    return ("…" if first > 0 else "") + cut + ("…" if first + limit < len(sentence) else "")


def sources(data: Graph, nodes: Iterable[URIRef]) -> dict[URIRef, Source]:
    """The :class:`Source` of each node that has at least one mention with a source notice."""
    labels: dict[URIRef, str] = {}
    texts: dict[URIRef, str | None] = {}

    def label(notice: URIRef) -> str:
        if notice not in labels:
            labels[notice] = _notice_label(data, notice)
        return labels[notice]

    def text(notice: URIRef) -> str | None:
        if notice not in texts:
            literal = data.value(notice, NKG.text)
            texts[notice] = str(literal) if literal is not None else None
        return texts[notice]

    found: dict[URIRef, Source] = {}
    for node in nodes:
        notices: set[URIRef] = set()
        spans: list[tuple[URIRef, int, int]] = []
        for mention in data.objects(node, NKG.mentionedIn):
            notice = data.value(mention, OA.hasSource)
            if not isinstance(notice, URIRef):
                continue
            notices.add(notice)
            for selector in data.objects(mention, OA.hasSelector):
                first, last = data.value(selector, OA.start), data.value(selector, OA.end)
                if isinstance(first, Literal) and isinstance(last, Literal):
                    spans.append((notice, int(first), int(last)))
        source = source_of(notices, spans, label=label, text=text)
        if source is not None:
            found[node] = source
    return found


def source_of(
    notices: Collection[URIRef],
    spans: Iterable[tuple[URIRef, int, int]],
    *,
    label: Callable[[URIRef], str],
    text: Callable[[URIRef], str | None],
) -> Source | None:
    """The :class:`Source` of a node mentioned in ``notices`` at ``spans`` (notice, start,
    end); ``None`` when it has no notice. The first sentence is cut at the first span in
    notice-label order, so a view shows the same sentence whichever way it read the mentions."""
    if not notices:
        return None
    ranked = [(label(notice), start, end, notice) for notice, start, end in spans]
    sentence = ""
    if ranked:
        _, start, end, first = min(ranked)
        body = text(first)
        sentence = sentence_around(body, start, end) if body else ""
    return Source(tuple(sorted(label(notice) for notice in notices)), sentence)


def measure_counts(data: Graph, nodes: Iterable[URIRef]) -> dict[URIRef, int]:
    """How many measures point at each node (``involves``, ``establishes``, ``agent`` …)."""
    counts = dict.fromkeys(nodes, 0)
    for measure in data.subjects(RDF.type, NKG.Measure):
        for target in set(data.objects(measure)):
            if isinstance(target, URIRef) and target in counts:
                counts[target] += 1
    return counts


def notice_name(notice: URIRef, label: Node | None, title: Node | None) -> str:
    """How a tooltip names a notice: its label, else its title, else its IRI's last step."""
    name = label or title
    return str(name) if name is not None else str(notice).rsplit("/", 1)[-1]


def _notice_label(data: Graph, notice: URIRef) -> str:
    return notice_name(notice, data.value(notice, RDFS.label), data.value(notice, NKG.title))
