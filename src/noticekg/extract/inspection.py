"""The opening formula: who ordered the inspection, which team did it, whom, when.

``根据(省委|市委|区委|县委|X党组)(统一)部署,YYYY年M月D日至M月D日,X第N巡察组对 TARGET 进行了
(常规|专项)巡察。M月D日,巡察组向 TARGET 反馈了巡察意见。`` The team may be a round
(``十N届X委第N轮巡视``); audit notices have no team and report on an 审计. Names are returned as
written; turning them into entity names is done later.
"""

from __future__ import annotations

import re
from datetime import date

from noticekg.extract.dates import DateMention, find_dates
from noticekg.extract.records import Inspection, Span
from noticekg.extract.text import SHORT_NAME, split_sentences

# The ordering authority: 根据市委(统一)部署(安排) / 按照省委巡视工作领导小组统一部署.
AUTHORITY = re.compile(
    r"(?:根据|按照|依据)\s*(?P<authority>[^,，。;；、\s]{1,30}?)\s*(?:的)?\s*"
    r"(?:(?:巡察|巡视|审计)工作)?\s*(?:统一|总体|工作)?\s*(?:部署|安排|要求|计划)"
)

# An inspection team or round: 市委第二巡察组, 省委第三巡视组, 十三届省委第五轮巡视,
# 集团党组第一巡视组, 区委专项巡察组; written without punctuation inside.
INSPECTOR = re.compile(
    r"(?P<inspector>[^\s,，。;；、:：()（）日对]{0,30}?"
    r"(?:(?:巡察|巡视)(?:工作)?组|第[一二三四五六七八九十\d]+轮(?:巡察|巡视)(?:工作)?(?!组)))"
)

# The target and kind: 对 TARGET (党组)进行了(为期N的)(常规|专项)巡察 / 开展了巡视 / 进行了审计.
TARGET = re.compile(
    r"对\s*(?P<target>[^,，。;；]{2,60}?)\s*(?:进行了|开展了|进行|开展|实施了|实施)\s*"
    r"(?:为期[^,，。;；]{1,10}的)?\s*(?:(?:常规|专项|机动|提级|联动|交叉|巡察|巡视)\s*)*?"
    r"(?:“[^”]{0,20}”)?\s*(?P<kind>巡察|巡视|审计|经济责任审计|专项审计)"
)

# Audit notices: the kind is named by an 审计 report or 审计 result rather than a team.
AUDIT_CUE = re.compile(r"审计(?:工作报告|结果|查出|发现|意见|报告|决定)|审计整改")

# A named round: 十三届省委第十一轮(巡视); the body that ordered it is the X委 in the name.
ROUND_AUTHORITY = re.compile(
    r"^(?:[一二三四五六七八九十\d]+届)?(?P<authority>\S*?)第[一二三四五六七八九十\d]+轮"
)

# What an authority phrase adds after the body: 市委关于巡察工作的(统一部署).
AUTHORITY_TAIL = re.compile(r"(?:关于|对于|有关).*$")

# What an audit target adds after the audited body: the year and scope audited.
AUDIT_SCOPE = re.compile(r"(?:\d{4}\s*年度?|[〇零一二三四五六七八九]{4}年度?|的).*$")

# The feedback clause: (巡察组)向 X 反馈(了)(巡察)意见 / 进行了反馈 / 反馈会.
FEEDBACK = re.compile(r"反馈")

# A leading clause that is not part of a team name (根据市委部署 run into the team).
_LEADING_CLAUSE = re.compile(r"^.*?(?:部署|安排|要求)")

# The formula stands in the first sentences after the page header (header lines count too).
_OPENING_SENTENCES = 40


def parse_inspection(text: str, *, published: date | None = None) -> Inspection | None:
    """The inspection the notice reports on, or None if the text names none.

    ``published`` supplies the year when the opening writes dates without one.
    """
    sentences = split_sentences(text)[:_OPENING_SENTENCES]
    for index, sentence in enumerate(sentences):
        target = TARGET.search(sentence.quote)
        if target is not None:
            opening = sentences[index : index + 3]
            return _from_opening(text, sentence, target, opening, published)
    return _audit(text, sentences)


def _from_opening(
    text: str,
    sentence: Span,
    target: re.Match[str],
    opening: tuple[Span, ...],
    published: date | None,
) -> Inspection:
    kind = "审计" if "审计" in target.group("kind") else target.group("kind")
    before = sentence.quote[: target.start()]
    inspector = _inspector(before)
    if inspector and "巡视" in inspector and kind == "巡察":
        kind = "巡视"
    authority = AUTHORITY.search(sentence.quote)
    start, end, feedback, last = _dates(text, sentence, opening, published)
    span_end = last if last is not None else sentence.end
    return Inspection(
        kind=kind,
        authority=_authority(authority.group("authority")) if authority else None,
        inspector=None if kind == "审计" else inspector,
        target=_target(target.group("target"), kind),
        start=start,
        end=end,
        feedback=feedback,
        span=Span(sentence.start, span_end, text[sentence.start : span_end]),
    )


def _authority(written: str) -> str | None:
    """The ordering body: the X委 of a named round, without a trailing 关于… phrase."""
    written = AUTHORITY_TAIL.sub("", _declared_short(written)).strip()
    round_ = ROUND_AUTHORITY.match(written)
    if round_ is not None:
        written = round_.group("authority")
    return written or None


def _declared_short(written: str) -> str:
    """A name with a ``(以下简称Y)`` inside it, as the text goes on calling it.

    ``X(以下简称厅党组)`` is ``X``; ``X公司(以下简称港务集团)党委`` is ``港务集团党委``, the
    form that recurs in the text (the long form without the brackets is written nowhere).
    """
    match = SHORT_NAME.search(written)
    if match is None:
        return written
    before, after = written[: match.start()].strip(), written[match.end() :].strip()
    return match.group("short") + after if after else before


def _target(written: str, kind: str) -> str:
    """The inspected body as written; for audits without the year and scope audited."""
    written = _declared_short(written.strip())
    if kind == "审计":
        written = AUDIT_SCOPE.sub("", written).strip() or written
    return written


def _inspector(before: str) -> str | None:
    """The team or round named before 对 TARGET, without a leading 根据…部署 clause."""
    matches = list(INSPECTOR.finditer(before))
    if not matches:
        return None
    first = len(matches) - 1
    while first > 0 and matches[first - 1].end() == matches[first].start():
        first -= 1  # a round written before its team: 十三届省委第N轮巡视 + 第三巡视组
    name = before[matches[first].start() : matches[-1].end()]
    name = _LEADING_CLAUSE.sub("", name) if _LEADING_CLAUSE.search(name) else name
    return name.lstrip("于在由") or None


def _dates(
    text: str, sentence: Span, opening: tuple[Span, ...], published: date | None
) -> tuple[date | None, date | None, date | None, int | None]:
    """Start and end of the visit and the feedback date, years carried through the opening."""
    previous = date(published.year - 1, 12, 31) if published else None
    mentions, _ = find_dates(text, previous=previous, start=sentence.start, end=opening[-1].end)
    readable = [m for m in mentions if m.value is not None]
    feedback_mention = _feedback(text, readable)
    visit = [m for m in readable if m is not feedback_mention and m.span.start < sentence.end]
    start = visit[0].value if visit else None
    end = visit[1].value if len(visit) > 1 and _is_range(text, visit[0], visit[1]) else None
    feedback = feedback_mention.value if feedback_mention else None
    last = feedback_mention or (visit[-1] if visit else None)
    sentence_end = next(
        (s.end for s in opening if last and s.start <= last.span.start < s.end), None
    )
    return start, end, feedback, sentence_end


def _is_range(text: str, first: DateMention, second: DateMention) -> bool:
    """Whether only a range word stands between two dates (至, 到, —, -)."""
    between = text[first.span.end : second.span.start].strip()
    return between in {"至", "到", "—", "–", "-", "~", "－", "——", "起至"}


def _feedback(text: str, mentions: list[DateMention]) -> DateMention | None:
    """The date whose clause goes on to say 反馈 (before the next date or sentence end)."""
    for k, mention in enumerate(mentions):
        stop = mentions[k + 1].span.start if k + 1 < len(mentions) else len(text)
        clause_end = min(stop, _sentence_end(text, mention.span.end))
        if FEEDBACK.search(text, mention.span.end, clause_end):
            return mention
    return None


def _sentence_end(text: str, position: int) -> int:
    ends = [i for i in (text.find(mark, position) for mark in "。；;\n") if i != -1]
    return min(ends) if ends else len(text)


def _audit(text: str, sentences: tuple[Span, ...]) -> Inspection | None:
    """An audit notice: kind 审计, no team, the authority if an opening names one."""
    for sentence in sentences:
        if AUDIT_CUE.search(sentence.quote):
            authority = AUTHORITY.search(sentence.quote)
            return Inspection(
                kind="审计",
                authority=_authority(authority.group("authority")) if authority else None,
                span=sentence,
            )
    return None
