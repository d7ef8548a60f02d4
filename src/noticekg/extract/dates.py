"""Dates as the genre writes them, with the year carried from the date before.

Openings write ``2019年4月4日至7月5日`` and then ``8月14日`` for the feedback: the year of a
month-day date comes from the previous date and rolls over when the month goes backwards.
Header tables write ``2021-03-04``, ``2021.03.04`` or ``2021/3/4``; signatures may be in Chinese
numerals (``二〇二〇年十二月七日``). Publishing systems drop characters (``20190404日至0705日``);
such dates are read when only one reading is a valid date, otherwise reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from noticekg.extract.numerals import parse_number
from noticekg.extract.records import Span

_CN = "〇零一二三四五六七八九十"

# Year-month-day in characters: 2019年4月4日, 二〇二〇年十二月七日, 2019 年 4 月 4 日.
YMD_CHINESE = re.compile(
    rf"(?<![\d{_CN}])(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*"
    rf"(?P<m>\d{{1,2}}|[{_CN}]{{1,2}})\s*月\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
)

# Year-month-day with separators: 2021-03-04, 2021.03.04, 2021/3/4 (never part of a longer code).
YMD_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/])"
)

# Month-day only, the year carried from the previous date: 7月5日.
MD_CHINESE = re.compile(
    rf"(?<![\d{_CN}年])(?P<m>\d{{1,2}}|[{_CN}]{{1,2}})\s*月\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
)

# Day only after a range word, month and year carried: 4月4日至15日.
D_AFTER_RANGE = re.compile(rf"(?<=[至到—–~-])\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日")

# Damaged: digits run together before 日 (20190404日, 0705日) after the separators were lost.
DAMAGED_DIGITS = re.compile(r"(?<![\d年月])(?P<digits>\d{4,8})\s*日")


@dataclass(frozen=True)
class DateMention:
    """A date written in the text; ``value`` is None when it could not be read."""

    span: Span
    value: date | None


def _number(written: str) -> int | None:
    value = parse_number(written)
    return int(value) if value is not None and value == int(value) else None


def _make(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def carry_year(month: int, day: int, previous: date | None) -> date | None:
    """The date ``month``-``day`` in the year of ``previous``, next year if the month went back."""
    if previous is None:
        return None
    year = previous.year + (1 if month < previous.month else 0)
    return _make(year, month, day)


def parse_date(written: str, *, previous: date | None = None) -> date | None:
    """The date a whole string spells, or None.

    ``previous`` supplies the year (and month) that month-day and damaged forms leave out.

    >>> parse_date("2019年4月4日")
    datetime.date(2019, 4, 4)
    >>> parse_date("7月5日", previous=date(2019, 4, 4))
    datetime.date(2019, 7, 5)
    """
    s = written.strip()
    mentions, _ = find_dates(s, previous=previous)
    if len(mentions) == 1 and mentions[0].span.start == 0 and mentions[0].span.end == len(s):
        return mentions[0].value
    return None


def find_dates(
    text: str, *, previous: date | None = None, start: int = 0, end: int | None = None
) -> tuple[tuple[DateMention, ...], tuple[str, ...]]:
    """Every date in ``text[start:end]`` in text order, years carried, plus warnings."""
    end = len(text) if end is None else end
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in (
        ("ymd", YMD_CHINESE),
        ("iso", YMD_NUMERIC),
        ("md", MD_CHINESE),
        ("d", D_AFTER_RANGE),
        ("damaged", DAMAGED_DIGITS),
    ):
        for match in pattern.finditer(text, start, end):
            found.append((match.start(), match.end(), kind, match))
    mentions: list[DateMention] = []
    warnings: list[str] = []
    taken_until = -1
    for begin, finish, kind, match in sorted(found, key=lambda item: (item[0], -item[1])):
        if begin < taken_until:
            continue
        value = _read(kind, match, previous)
        if kind == "damaged" and value is None:
            warnings.append(f"unreadable date {match.group()!r} at offset {begin}")
        elif kind in ("md", "d") and value is None and previous is None:
            warnings.append(f"date {match.group()!r} at offset {begin} has no year to carry")
        mentions.append(DateMention(Span(begin, finish, text[begin:finish]), value))
        taken_until = finish
        if value is not None:
            previous = value
    return tuple(mentions), tuple(warnings)


def _read(kind: str, match: re.Match[str], previous: date | None) -> date | None:
    groups = match.groupdict()
    if kind in ("ymd", "iso"):
        return _make(_number(groups["y"]), _number(groups["m"]), _number(groups["d"]))
    if kind == "md":
        month, day = _number(groups["m"]), _number(groups["d"])
        return carry_year(month, day, previous) if month and day else None
    if kind == "d":
        day = _number(groups["d"])
        return _make(previous.year, previous.month, day) if previous and day else None
    return read_damaged(groups["digits"], previous=previous)


def read_damaged(digits: str, *, previous: date | None = None) -> date | None:
    """A date from digits whose separators were lost, if exactly one reading is valid.

    ``20190404`` is 2019-04-04; ``0705`` after a 2019 date is 2019-07-05; ``2019114`` could be
    November 4 or January 14 and is therefore None.
    """
    readings: set[date] = set()
    if len(digits) >= 6 and digits[:2] in ("19", "20"):
        year, rest = int(digits[:4]), digits[4:]
        readings |= {d for d in _month_day_readings(rest, year)}
    elif previous is not None and len(digits) <= 4:
        for month, day in _splits(digits):
            carried = carry_year(month, day, previous)
            if carried is not None:
                readings.add(carried)
    return readings.pop() if len(readings) == 1 else None


def _month_day_readings(rest: str, year: int) -> set[date]:
    return {d for month, day in _splits(rest) if (d := _make(year, month, day)) is not None}


def _splits(digits: str) -> list[tuple[int, int]]:
    """Ways to cut ``digits`` into a month of 1–2 and a day of 1–2 digits."""
    cuts = []
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if 1 <= len(day) <= 2 and not (len(month) == 1 and month == "0"):
            cuts.append((int(month), int(day)))
    return cuts
