"""The divisions a notice speaks from, so that the bodies it names relative to them can be told
apart from those of every other notice.

Notices name the bodies of their own county, city or province without the place: 区委, 区财政局,
市委第三巡察组, 省委第六巡视组. The same words in a notice from another district mean another body,
so an entity's identity is its name with the place put back (区财政局 in a notice of 玉溪市红塔区 →
红塔区财政局). The place comes from what the notice says about itself: the publisher, the inspected
body, the title and the signatory, in that order. Places merely mentioned in the text do not count:
a city committee's notice mentions its districts, and a district's 区委 is not theirs.
"""

from __future__ import annotations

from collections.abc import Iterable

from noticekg.extract.gazetteer import LONGEST_DIVISION, divisions, divisions_named, parents
from noticekg.extract.records import Header, Home, Inspection

__all__ = ["division", "find_home", "full_names", "relative_level"]

RELATIVE_LEVELS = "省市州区县"
"""Characters that open a name relative to the notice's own division (省委, 市财政局, 区委)."""

NOT_RELATIVE = frozenset(
    {"市场", "市民", "市区", "市县", "市级", "市域", "区域", "区块", "区县", "区级", "县域", "县级"}
    | {"县区", "省级", "省市", "省域", "州市"}
)
"""Words that open with one of those characters without naming a division (市场监管局)."""


def relative_level(name: str) -> str | None:
    """The character that makes ``name`` relative to a division (区 in 区财政局), or None."""
    if len(name) < 2 or name[0] not in RELATIVE_LEVELS or name[:2] in NOT_RELATIVE:
        return None
    if name.startswith("市政") and not name.startswith(("市政府", "市政协")):
        return None  # 市政工程 is municipal works, not the city's 政…
    first = divisions_named(name[:LONGEST_DIVISION])
    if first and name.startswith(first[0][1]):
        return None  # opens with a division's own name (市中区财政局)
    return name[0]


def division(home: Home, level: str) -> str | None:
    """The division of ``home`` a name opening with ``level`` (省, 市, 州, 区 or 县) is relative
    to. 市 is the nearest city: a county-level city (晋江市's 市委 is its own), else the
    prefecture, else a municipality (渝北区's 市委 is 重庆市委)."""
    if level == "省":
        return _ending(home.province, "省")
    if level == "市":
        return next(
            (name for name in (home.county, home.city, home.province) if _ending(name, "市")),
            None,
        )
    if level == "州":
        return _ending(home.city, "州")
    return _ending(home.county, level)


def full_names(home: Home, names: Iterable[str]) -> dict[str, str | None]:
    """The relative ``names`` with their division put back (区财政局 → 红塔区财政局), None for
    those relative to a division ``home`` lacks."""
    resolved: dict[str, str | None] = {}
    for name in names:
        level = relative_level(name)
        if level is None:
            continue
        if name.startswith("区党委") and _ending(home.province, "自治区"):
            place = home.province  # 区党委 of an autonomous region is its own: districts have 区委
        else:
            place = division(home, level)
        resolved[name] = None if place is None else place + name[1:]
    return resolved


def find_home(header: Header, inspection: Inspection | None) -> Home:
    """The divisions named by the notice's publisher, inspected body, title and signatory, as
    written there; a county's city (and a city's province) is the one the notice names, else its
    only parent. A county whose name other counties share is kept under its city."""
    sources = (
        header.publisher,
        inspection.target if inspection else None,
        header.title,
        header.signatory,
    )
    named: dict[str, str] = {}  # full name -> its first writing
    for source in filter(None, sources):
        for full, form in divisions_named(source):
            named.setdefault(full, form)
    county = next((name for name in named if _level(name) == 3), None)
    city = _above(county, named) if county else None
    written = _county(county, city, named)
    if city is not None and _level(city) == 1:  # a municipality's district, or a county
        return Home(province=named.get(city, city), county=written)  # its province governs
    if county is None:
        city = next((name for name in named if _level(name) == 2), None)
    province = _above(city, named) if city else None
    province = province or next((name for name in named if _level(name) == 1), None)
    return Home(
        province=named.get(province, province) if province else None,
        city=named.get(city, city) if city else None,
        county=written,
    )


def _county(county: str | None, parent: str | None, named: dict[str, str]) -> str | None:
    """The county as written, under its parent when other divisions share its name (福州市鼓楼区:
    four cities have a 鼓楼区), or None when the parent of such a name is unknown."""
    if county is None or len(parents(county)) < 2:
        return named.get(county) if county else None
    return named.get(parent, parent) + named[county] if parent else None


def _level(name: str) -> int:
    return divisions()[name][1]


def _above(name: str, named: dict[str, str]) -> str | None:
    """The parent of ``name``: the one the notice also names, else the only one there is."""
    candidates = parents(name)
    return next((n for n in named if n in candidates), None) or (
        candidates[0] if len(candidates) == 1 else None
    )


def _ending(name: str | None, suffix: str) -> str | None:
    return name if name is not None and name.endswith(suffix) else None
