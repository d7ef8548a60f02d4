"""Problems and measures from the numbered headings of a notice.

Notices number their parts 一、 > (一) > 1. > (1) (full-width or ASCII brackets). The problem
level is found by what headings say, not by their depth: a heading that names a problem
(``关于“X”问题的整改情况``, ``关于X的问题``) and has no such heading below it is a problem;
its child headings are measures. A section without child headings gets one measure whose title
is the first sentence of its body, also when the body goes on with ``一是…二是…`` blocks: those
are clauses of one answer, not headings. Opening parts on how the rectification was organised,
parts on how it was supervised, and the closing 下一步 part yield nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from noticekg.extract.numerals import parse_number
from noticekg.extract.records import Measure, Problem, Span
from noticekg.extract.text import iter_lines, trimmed_span

# Heading markers at the start of a line, from the outermost level inwards:
# 一、 / (一) / 1. / (1). Full-width and ASCII brackets and dots are both in use.
HEADING_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^[ \t\u3000]*(?P<num>[一二三四五六七八九十]{1,3})[ \t\u3000]*[、.．][ \t\u3000]*"),
    re.compile(
        r"^[ \t\u3000]*[(（][ \t\u3000]*(?P<num>[一二三四五六七八九十]{1,3})[ \t\u3000]*[)）]"
        r"[、.．]?[ \t\u3000]*"
    ),
    re.compile(r"^[ \t\u3000]*(?P<num>\d{1,2})[ \t\u3000]*[.．、](?!\d)[ \t\u3000]*"),
    re.compile(r"^[ \t\u3000]*[(（][ \t\u3000]*(?P<num>\d{1,2})[ \t\u3000]*[)）][ \t\u3000]*"),
)

# A heading that names a problem: 关于…问题, “…”问题, …问题的整改, 存在的问题.
PROBLEM_CUE = re.compile(r"关于.*问题|[”\"」].{0,8}问题|问题的?整改|存在的?问题")

# A heading that only gathers the problems below it: 巡察反馈问题的整改情况 (no quotes).
CONTAINER_CUE = re.compile(r"(?:巡察|巡视|审计|反馈|查出|发现|指出)(?:反馈)?的?(?:意见|问题)")

# An opening part on how the rectification was organised.
OPENING_CUE = re.compile(
    r"组织(?:领导|实施|推进)|政治站位|(?:总体|基本)情况|主要做法|"
    r"整改(?:工作)?的?(?:总体|基本|组织|开展|推进)|(?:高度重视|提高认识|思想认识)|"
    # how the rectification was supervised (巡察整改日常监督情况, 整改监督检查情况)
    r"(?:整改|日常)(?:工作)?的?(?:日常)?监督"
)

# A closing part: plans for the next stage, the call for supervision, the contact block.
CLOSING_CUE = re.compile(
    r"^[ \t\u3000]*(?:下一步|下步|今后|接下来|欢迎|如有意见|联系方式|特此通报|附件)"
)

# Unquoted problem headings: 关于 / 针对 before, 的问题 / 的整改(落实)情况 after.
LEADING_FURNITURE = re.compile(r"^(?:关于|针对)")
TRAILING_FURNITURE = re.compile(
    r"(?:的)?(?:问题)?(?:的)?(?:整改(?:落实|进展|完成)?(?:情况)?|情况)?[。:：;；,，]?$"
)

# Quotation marks that wrap a problem title, opener → closer.
TITLE_QUOTES = {"“": "”", "「": "」", '"': '"'}

# Between two quoted problems in one heading (关于“A”、“B”问题).
QUOTE_JOIN = re.compile(r"[、，,和及与]?[“「\"]")

# Sentence end inside a measure or section body.
FIRST_SENTENCE_END = re.compile(r"[。！？!?]")

NO_SUBHEADING_NOTE = (
    "section has no (一)/(二) sub-headings; title is the first sentence of the section body"
)


@dataclass
class _Heading:
    rank: int
    number: int
    start: int  # where the marker starts
    body: int  # where the text after the marker starts
    line_end: int
    text: str  # the heading proper: the line after the marker up to its first 。
    parent: _Heading | None = None
    children: list[_Heading] = field(default_factory=list)

    @property
    def strong(self) -> bool:
        return bool(PROBLEM_CUE.search(self.text))

    @property
    def container(self) -> bool:
        quoted = any(mark in self.text for mark in TITLE_QUOTES)
        return not quoted and bool(CONTAINER_CUE.search(self.text))


def parse_sections(
    text: str,
) -> tuple[tuple[Problem, ...], tuple[Measure, ...], tuple[str, ...]]:
    """Problems, measures and warnings; a notice without headings gives empty tuples."""
    headings = _headings(text)
    if not headings:
        return (), (), ("no section headings found; no problems or measures extracted",)
    warnings: list[str] = _numbering_warnings(headings)
    chosen = _problem_headings(headings)
    if not chosen:
        top = min(h.rank for h in headings)
        chosen = [h for h in headings if h.rank == top and not _opening(h) and not _closing(h)]
        warnings.append("no heading names a problem; top-level headings taken as problems")
    cutoffs = _closing_starts(text)
    problems: list[Problem] = []
    measures: list[Measure] = []
    for n, heading in enumerate(chosen, start=1):
        section = _extent(text, heading, headings, cutoffs)
        title = _problem_title(text, heading, warnings)
        if section is None or title is None:
            warnings.append(f"empty problem heading at offset {heading.start}")
            continue
        problems.append(Problem(n=n, title=title.quote, title_span=title, section=section))
        measures.extend(_measures(text, n, heading, headings, section, cutoffs))
    return tuple(problems), tuple(measures), tuple(warnings)


def _headings(text: str) -> list[_Heading]:
    """Every numbered heading line, linked to its parent (the nearest shallower heading)."""
    found: list[_Heading] = []
    for line in iter_lines(text):
        for rank, marker in enumerate(HEADING_MARKERS):
            match = marker.match(line.text)
            if match is None or match.end() == len(line.text):
                continue
            number = parse_number(match.group("num"))
            found.append(
                _Heading(
                    rank=rank,
                    number=int(number) if number is not None else 0,
                    start=line.start + match.start("num") - _bracket(line.text, match),
                    body=line.start + match.end(),
                    line_end=line.end,
                    text=FIRST_SENTENCE_END.split(line.text[match.end() :], maxsplit=1)[0],
                )
            )
            break
    stack: list[_Heading] = []
    for heading in found:
        while stack and stack[-1].rank >= heading.rank:
            stack.pop()
        if stack:
            heading.parent = stack[-1]
            stack[-1].children.append(heading)
        stack.append(heading)
    return found


def _bracket(line: str, match: re.Match[str]) -> int:
    """1 if the heading number is preceded by its opening bracket, so the span includes it."""
    position = match.start("num")
    before = line[:position].rstrip(" \t\u3000")
    return position - len(before) + 1 if before.endswith(("(", "（")) else 0


def _descendants(heading: _Heading) -> list[_Heading]:
    out: list[_Heading] = []
    for child in heading.children:
        out.append(child)
        out.extend(_descendants(child))
    return out


def _problem_headings(headings: list[_Heading]) -> list[_Heading]:
    """Headings naming a problem with none below them, plus their plain siblings."""
    named = [
        h
        for h in headings
        if h.strong and not h.container and not any(d.strong for d in _descendants(h))
    ]
    chosen = set(map(id, named))
    for heading in named:
        siblings = heading.parent.children if heading.parent else _roots(headings)
        for sibling in siblings:
            if (
                sibling.rank == heading.rank
                and not sibling.container
                and not _opening(sibling)
                and not _closing(sibling)
                and not any(d.strong for d in _descendants(sibling))
            ):
                chosen.add(id(sibling))
    return [h for h in headings if id(h) in chosen]


def _roots(headings: list[_Heading]) -> list[_Heading]:
    return [h for h in headings if h.parent is None]


def _opening(heading: _Heading) -> bool:
    return not heading.strong and bool(OPENING_CUE.search(heading.text))


def _closing(heading: _Heading) -> bool:
    return bool(CLOSING_CUE.search(heading.text))


def _closing_starts(text: str) -> list[int]:
    """Offsets of paragraphs that open the closing part (下一步…, 欢迎…监督, 联系方式)."""
    return [
        line.start
        for line in iter_lines(text)
        if CLOSING_CUE.search(line.text)
        and not any(marker.match(line.text) for marker in HEADING_MARKERS)
    ]


def _extent(
    text: str, heading: _Heading, headings: list[_Heading], cutoffs: list[int]
) -> Span | None:
    """From the heading to the next heading as shallow or shallower, or the closing part."""
    end = len(text)
    for other in headings:
        if other.start > heading.start and other.rank <= heading.rank:
            end = other.start
            break
    end = min([end, *(c for c in cutoffs if c > heading.start)])
    return trimmed_span(text, heading.start, end)


def _heading_title_end(text: str, heading: _Heading) -> int:
    """End of the heading text: the first 。 on its line, else the line end."""
    stop = FIRST_SENTENCE_END.search(text, heading.body, heading.line_end)
    return stop.start() if stop else heading.line_end


def _problem_title(text: str, heading: _Heading, warnings: list[str]) -> Span | None:
    """The text inside the outer quotes, or the heading minus 关于 … 的问题/整改情况."""
    end = _heading_title_end(text, heading)
    line = text[heading.body : end]
    quoted = _quoted_title(line)
    if quoted is not None and not TRAILING_FURNITURE.fullmatch(line[quoted[1] + 1 :].strip()):
        quoted = None  # the quotes hold a slogan inside the title: 关于“三重一大”执行不严的问题
    if quoted is not None:
        first, last = quoted
        return trimmed_span(text, heading.body + first, heading.body + last)
    if any(mark in line for mark in TITLE_QUOTES) and _close(line, _first_quote(line)) == -1:
        warnings.append(f"unclosed quotation mark in heading at offset {heading.start}")
    lead = LEADING_FURNITURE.match(line)
    start = heading.body + (lead.end() if lead else 0)
    trail = TRAILING_FURNITURE.search(line)
    stop = heading.body + (trail.start() if trail else len(line))
    return trimmed_span(text, start, stop) if stop > start else None


def _quoted_title(line: str) -> tuple[int, int] | None:
    """Start and end of the text inside the outer quotes of ``line``, joined quotes merged."""
    first = _first_quote(line)
    if first == -1:
        return None
    close = _close(line, first)
    if close == -1:
        return None
    last = close
    while (join := QUOTE_JOIN.match(line, last + 1)) is not None:
        following = _close(line, join.end() - 1)
        if following == -1:
            break
        last = following
    return first + 1, last


def _first_quote(line: str) -> int:
    return min((line.find(mark) for mark in TITLE_QUOTES if mark in line), default=-1)


def _close(line: str, open_at: int) -> int:
    opener = line[open_at]
    closer = TITLE_QUOTES[opener]
    if opener == closer:
        return line.find(closer, open_at + 1)
    depth = 0
    for k in range(open_at, len(line)):
        if line[k] == opener:
            depth += 1
        elif line[k] == closer:
            depth -= 1
            if depth == 0:
                return k
    return -1


def _measures(
    text: str,
    problem: int,
    heading: _Heading,
    headings: list[_Heading],
    section: Span,
    cutoffs: list[int],
) -> list[Measure]:
    """Child headings as measures, else one measure: the first sentence of the body."""
    children = [c for c in heading.children if c.start < section.end]
    if children:
        out = []
        for n, child in enumerate(children, start=1):
            extent = _extent(text, child, headings, cutoffs)
            title = trimmed_span(text, child.body, _heading_title_end(text, child))
            if extent is None or title is None:
                continue
            extent = trimmed_span(text, extent.start, min(extent.end, section.end)) or extent
            title = _strip_trailing_marks(text, title)
            out.append(Measure(problem, n, title.quote, title, extent))
        return out
    body_start = heading.line_end + 1
    if FIRST_SENTENCE_END.search(text, heading.body, heading.line_end):
        body_start = _heading_title_end(text, heading) + 1
    body = trimmed_span(text, body_start, section.end)
    if body is None:
        return []
    stop = FIRST_SENTENCE_END.search(text, body.start, body.end)
    title = trimmed_span(text, body.start, stop.start() if stop else body.end)
    if title is None:
        return []
    return [Measure(problem, 1, title.quote, title, body, note=NO_SUBHEADING_NOTE)]


def _strip_trailing_marks(text: str, span: Span) -> Span:
    end = span.end
    while end > span.start and text[end - 1] in ":：;；,，、 \t\u3000":
        end -= 1
    return Span(span.start, end, text[span.start : end])


def _numbering_warnings(headings: list[_Heading]) -> list[str]:
    """A warning where sibling headings skip or repeat a number (dropped by the publisher)."""
    warnings = []
    groups: dict[tuple[int, int], list[_Heading]] = {}
    for heading in headings:
        key = (id(heading.parent) if heading.parent else 0, heading.rank)
        groups.setdefault(key, []).append(heading)
    for siblings in groups.values():
        for previous, current in pairwise(siblings):
            if current.number != previous.number + 1:
                warnings.append(
                    f"heading number {current.number} follows {previous.number} "
                    f"at offset {current.start}"
                )
    return warnings
