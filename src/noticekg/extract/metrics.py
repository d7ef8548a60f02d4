"""Figures: a number with the unit or classifier of what it counts (``18人``, ``8.7亿元``,
``103.18%``, ``十二项``, ``10余次``), normalised (亿元 → CNY × 1e8, 亩 → mu, % → percent).

Numbers that do not count anything are left out: dates and years (no unit follows), codes and
ratings (``YB-04-A-02``, ``A33``, ``5G``, ``2A``), ordinals (``第二``), anything inside quotes or
《》, labels in Chinese numerals (``两大主导产业``, ``三会一课``, ``六个一律``, ``八项规定``,
``四个意识``) and the indefinite 一 (``进行一次全面整理``, ``每一项措施``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from noticekg.extract.numerals import parse_number
from noticekg.extract.records import Measure, Metric, Problem, Span
from noticekg.extract.text import in_ranges, quoted_ranges

# Unit (as written) → (normalised unit, scale). Scaled forms (万元, 亿元, 万人) are listed whole.
UNITS: dict[str, tuple[str, Decimal]] = {
    "个百分点": ("percentage_point", Decimal(1)),
    "百分点": ("percentage_point", Decimal(1)),
    "%": ("percent", Decimal(1)),
    "％": ("percent", Decimal(1)),
    "亿元": ("CNY", Decimal(10) ** 8),
    "万元": ("CNY", Decimal(10) ** 4),
    "千元": ("CNY", Decimal(10) ** 3),
    "元": ("CNY", Decimal(1)),
    "亩": ("mu", Decimal(1)),
    "万人次": ("person_time", Decimal(10) ** 4),
    "人次": ("person_time", Decimal(1)),
    "万人": ("person", Decimal(10) ** 4),
    "人": ("person", Decimal(1)),
    "名": ("person", Decimal(1)),
    "位": ("person", Decimal(1)),
    "户次": ("count", Decimal(1)),
    "家次": ("count", Decimal(1)),
    "个": ("count", Decimal(1)),
    "项": ("count", Decimal(1)),
    "件": ("count", Decimal(1)),
    "家": ("count", Decimal(1)),
    "次": ("count", Decimal(1)),
    "处": ("count", Decimal(1)),
    "套": ("count", Decimal(1)),
    "支": ("count", Decimal(1)),
    "条": ("count", Decimal(1)),
    "户": ("count", Decimal(1)),
    "台": ("count", Decimal(1)),
    "辆": ("count", Decimal(1)),
    "所": ("count", Decimal(1)),
    "场": ("count", Decimal(1)),
    "篇": ("count", Decimal(1)),
    "份": ("count", Decimal(1)),
    "本": ("count", Decimal(1)),
    "起": ("count", Decimal(1)),
    "宗": ("count", Decimal(1)),
    "笔": ("count", Decimal(1)),
    "批": ("count", Decimal(1)),
    "张": ("count", Decimal(1)),
    "栋": ("count", Decimal(1)),
    "间": ("count", Decimal(1)),
    "场次": ("count", Decimal(1)),
    "台(套)": ("count", Decimal(1)),
    "台（套）": ("count", Decimal(1)),
    "节": ("count", Decimal(1)),
    "门": ("count", Decimal(1)),
    "期": ("count", Decimal(1)),
    "轮": ("count", Decimal(1)),
    "例": ("count", Decimal(1)),
    "卷": ("count", Decimal(1)),
    "剂次": ("count", Decimal(1)),
    "座": ("count", Decimal(1)),
    "岁": ("year_of_age", Decimal(1)),
    "年": ("year", Decimal(1)),
    "个月": ("month", Decimal(1)),
    "天": ("day", Decimal(1)),
    "个工作日": ("working_day", Decimal(1)),
    "工作日": ("working_day", Decimal(1)),
    "小时": ("hour", Decimal(1)),
    "分钟": ("minute", Decimal(1)),
    "吨": ("tonne", Decimal(1)),
    "公里": ("km", Decimal(1)),
    "千米": ("km", Decimal(1)),
    "平方米": ("m2", Decimal(1)),
    "公顷": ("hectare", Decimal(1)),
    "千瓦": ("kW", Decimal(1)),
}

# Scale characters written before a unit (4.7万家, 1.2万条, 3.5亿元): the unit as written keeps
# them, the normalised value multiplies by them.
SCALES: dict[str, Decimal] = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}

# Units that take no scale character (万年 and 万岁 are words, not figures).
UNSCALED = frozenset({"年", "岁", "个月", "天", "个工作日", "工作日", "小时", "分钟", "%", "％"})

_UNIT_ALTERNATION = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

# A figure: optional 约/近 before, arabic or Chinese number, optional 余/多 (approximate),
# one optional space, an optional scale (万/亿), then a unit. The number must not continue a
# longer run of digits, letters or code punctuation on either side.
FIGURE = re.compile(
    r"(?<![\dA-Za-z.\-/+_#])"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*)"
    r"(?P<approx>余|多)?[ \t\u3000]?"
    rf"(?P<unit>(?P<scale>[万亿])?(?:{_UNIT_ALTERNATION}))"
)

# 百分之N written out in characters.
PERCENT_WORDS = re.compile(r"百分之(?P<number>\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百点]+)")

# Words before a figure that mark it approximate.
APPROX_BEFORE = re.compile(r"(?:约|近|大约|将近|超过|逾)[ \t\u3000]?$")

# 第 before a number makes it an ordinal (第二巡察组, 第1名).
ORDINAL_BEFORE = re.compile(r"第$")

# After the unit: a digit continues a code or label (1个1) unless a figure follows (19户37人);
# 级 makes the figure a class or rating (5万吨级泊位, 3A级); 季度/年度 make 个 a period name.
CODE_AFTER = re.compile(r"^[0-9]")
CLASS_AFTER = re.compile(r"^级")
DURATION_AFTER = re.compile(r"^(?:季度|年度)")

# A capacity that is part of a project's name: 年产50万台新能源电机项目, 日处理300吨污水处理工程.
CAPACITY_BEFORE = re.compile(r"(?:年|日)(?:产|处理|吞吐|加工)(?:能力)?$")
NAME_TAIL_AFTER = re.compile(r"[^,，、;；。:：\n]{0,20}?(?:项目|工程|生产线)")

# Units only a duration or age carries; written with a 4-digit number, 年 is a calendar year.
YEAR_NUMBER = re.compile(r"^\d{4}$")

# Chinese-numeral labels: N大+noun, N个一…, and the fixed doctrines (八项规定, 四个意识, 两个责任).
LABEL_AFTER = re.compile(
    r"^(?:[一二两三四五六七八九十]|意识|自信|维护|确立|全面|务必|必须|责任|规定|坚持|一律|不直接)"
)

# Clause boundaries that limit what ``about`` may describe (brackets belong to names).
CLAUSE_BREAK = re.compile(r"[,，、;；。:：!！?？\n]")

# Verbs and connectives trimmed from the start of an ``about`` phrase.
ABOUT_LEAD = re.compile(r"^(?:\d{4}年度?|并|且|和|及|共|累计|其中|已|先后|全年|实现|对)+")

_ABOUT_MAX = 16


def find_metrics(
    text: str,
    problems: Sequence[Problem] = (),
    measures: Sequence[Measure] = (),
) -> tuple[Metric, ...]:
    """Every counted quantity in ``text`` in order, with the problem and measure it falls in."""
    masked = quoted_ranges(text)
    metrics: list[Metric] = []
    for match in FIGURE.finditer(text):
        metric = _metric(text, match, masked)
        if metric is None:
            continue
        metrics.append(_place(metric, problems, measures))
    for match in PERCENT_WORDS.finditer(text):
        if in_ranges(match.start(), masked):
            continue
        value = parse_number(match.group("number").replace("点", "."))
        if value is None:
            continue
        span = Span(match.start(), match.end(), match.group())
        metric = Metric(value, "百分之", value, "percent", _about_before(text, span.start), span)
        metrics.append(_place(metric, problems, measures))
    return tuple(sorted(metrics, key=lambda m: m.span.start))


def _metric(text: str, match: re.Match[str], masked: list[tuple[int, int]]) -> Metric | None:
    number, unit = match.group("number"), match.group("unit")
    chinese = not number[0].isdigit()
    if in_ranges(match.start(), masked) or ORDINAL_BEFORE.search(text, 0, match.start()):
        return None
    after = text[match.end() : match.end() + 4]
    if CODE_AFTER.match(after) and FIGURE.match(text, match.end()) is None:
        return None
    if CLASS_AFTER.match(after) or (unit == "个" and DURATION_AFTER.match(after)):
        return None
    if not _fits_unit(match, chinese):
        return None
    if CAPACITY_BEFORE.search(text, max(0, match.start() - 5), match.start()) and (
        NAME_TAIL_AFTER.match(text, match.end())
    ):
        return None
    if chinese and not _counts_in_chinese(text, match, after):
        return None
    value = parse_number(number)
    if value is None:
        return None
    normalised_unit, scale = unit_scale(unit)
    approximate = bool(match.group("approx")) or bool(
        APPROX_BEFORE.search(text[max(0, match.start() - 4) : match.start()])
    )
    span = Span(match.start(), match.end(), match.group())
    about = _about(text, match)
    return Metric(
        value=value,
        unit=unit,
        normalised_value=_scaled(value, scale),
        normalised_unit=normalised_unit,
        about=about,
        span=span,
        approximate=approximate,
    )


def unit_scale(unit: str) -> tuple[str, Decimal]:
    """The normalised unit and the factor of ``unit`` as written (万家 → count × 1e4)."""
    if unit in UNITS:
        return UNITS[unit]
    base, factor = UNITS[unit[1:]]
    return base, factor * SCALES[unit[0]]


def _fits_unit(match: re.Match[str], chinese: bool) -> bool:
    """Whether the unit may stand with this number: no scale on durations and ages, 年 only
    after a short arabic number (2024年 is a year), 期 only after digits (二期 names a phase)."""
    unit, base = match.group("unit"), match.group("unit")
    if match.group("scale") and unit not in UNITS:
        base = unit[1:]
        if base in UNSCALED:
            return False
    if base == "年":
        return not chinese and not YEAR_NUMBER.match(match.group("number"))
    return not (base == "期" and chinese)


def _scaled(value: Decimal, scale: Decimal) -> Decimal:
    """``value × scale`` written without a spurious fraction (8.7 × 1e8 → 870000000)."""
    result = value * scale
    return result.quantize(Decimal(1)) if result == result.to_integral_value() else result


def _counts_in_chinese(text: str, match: re.Match[str], after: str) -> bool:
    """Whether a Chinese-numeral figure counts something rather than naming a label."""
    number = match.group("number")
    if number == "一":  # the indefinite article: 一次全面整理, 一个时期, 每一项
        return False
    before = text[max(0, match.start() - 1) : match.start()]
    if before and before in "每第前后逐统唯同单这那哪几某":
        return False
    return not LABEL_AFTER.match(after)


def _about(text: str, match: re.Match[str]) -> str:
    """What the figure counts: the noun after a classifier, else the words before the number."""
    after = text[match.end() : match.end() + 40]
    stop = CLAUSE_BREAK.search(after)
    following = after[: stop.start()] if stop else after
    following = re.split(r"\d", following, maxsplit=1)[0].strip(" \t\u3000()（）")
    if unit_scale(match.group("unit"))[0] in ("count", "person", "person_time") and following:
        return following[:_ABOUT_MAX]
    return _about_before(text, match.start())


def _about_before(text: str, position: int) -> str:
    """The clause before ``position``, without leading connectives, at most a few words long."""
    window = text[max(0, position - 40) : position]
    breaks = list(CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    clause = ABOUT_LEAD.sub("", clause.strip().rstrip("(（"))
    first_digit = re.search(r"\d", clause)
    if first_digit and first_digit.start() > 0:
        clause = clause[: first_digit.start()]
    return clause[-_ABOUT_MAX:]


def _place(metric: Metric, problems: Sequence[Problem], measures: Sequence[Measure]) -> Metric:
    """``metric`` with the problem and measure whose sections contain it."""
    at = metric.span.start
    problem = next((p.n for p in problems if p.section.start <= at < p.section.end), None)
    measure = next(
        (m.n for m in measures if m.problem == problem and m.section.start <= at < m.section.end),
        None,
    )
    return Metric(
        value=metric.value,
        unit=metric.unit,
        normalised_value=metric.normalised_value,
        normalised_unit=metric.normalised_unit,
        about=metric.about,
        span=metric.span,
        problem=problem,
        measure=measure,
        approximate=metric.approximate,
    )
