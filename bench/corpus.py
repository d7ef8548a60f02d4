"""Synthetic corpora for the benchmarks: the project's own notices, varied.

Each generated notice takes a seed notice and changes what differs between real notices of the
genre — the places it is about, figures, years, the order of problem sections — so no two texts
are identical and caches keyed on text do not flatter the figures.

Places are what make entities differ between real notices: 章贡区住房和城乡建设局 of one notice is
南康区住房和城乡建设局 of the next. A corpus collected "every district, every year" covers a
region, so the places come from a fixed pool of 20 cities and 200 counties and districts drawn
from the gazetteer, not from all of China: of 10,000 notices, the median county or district of
the pool is named in 32 and the median city in 364, where without places every body of a seed
notice was named in one notice out of 12 (834).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file
from pathlib import Path

from noticekg.extract import read_text
from noticekg.extract.gazetteer import divisions
from noticekg.extract.segment import tokenizer
from noticekg.samples import sample_notice

GENRE = Path(__file__).parents[1] / "tests" / "data" / "genre"

# an Arabic figure of one to four digits, not part of a longer number nor of a date (2023年5月12日,
# 2023-05-12, 2023/5/12), whose parts varied apart would make dates that do not exist
FIGURE = re.compile(r"(?<![\d./-])\d{1,4}(?![\d./年月日号时-])")
# a year written 20YY年
YEAR = re.compile(r"20(1\d|2[0-5])年")
# the value of a 索引号 (document index number), in plain text or in the next table cell of a
# government site's header table
INDEX_NO = re.compile(r"(?P<head>索引号[:：]?\s*(?:</td>\s*<td>)?)(?P<value>[0-9A-Za-z][\w/.-]*)")
# a top-level section heading 一、… at the start of a line
SECTION = re.compile(r"^[一二三四五六七八九十]+、", re.MULTILINE)
# how many cities (level 2) and counties or districts (level 3) a corpus is about
POOL_SIZES = {2: 20, 3: 200}


@dataclass(frozen=True)
class Place:
    """Where a seed text names a division: ``text[start:end]`` is its full or short name."""

    start: int
    end: int
    name: str
    short: bool


@cache
def place_pools() -> dict[tuple[int, str], list[str]]:
    """The places a generated corpus is about, by level and last character (区, 县, 市 …), so a
    replacement keeps the name's kind: a fixed draw, the same for every corpus."""
    rng = random.Random(2024)
    pools: dict[tuple[int, str], list[str]] = {}
    for level, size in POOL_SIZES.items():
        names = sorted(n for n, (_, lvl, short) in divisions().items() if lvl == level and short)
        for name in rng.sample(names, size):
            pools.setdefault((level, name[-1]), []).append(name)
    return pools


def find_places(text: str) -> list[Place]:
    """Cities, counties and districts ``text`` names, in order: a word of the extractor's jieba
    dictionary that is a full name, a city's short name (温州 of 温州浙南科技城), or
    the short name of a division the text names in full (龙湾 once 龙湾区 is there). Short names
    of other counties are too often ordinary words (资源, 新建, 振兴)."""
    table = divisions()
    words = list(tokenizer().tokenize(text))
    named = {w for w, _, _ in words if len(w) > 1 and table.get(w, ("", 0, ""))[1] >= 2}
    shorts = {
        short: name
        for name, (_, level, short) in table.items()
        if short and (level == 2 or name in named)
    }
    places = []
    for word, start, end in words:
        if word in named:
            places.append(Place(start, end, word, short=False))
        elif word in shorts:
            places.append(Place(start, end, shorts[word], short=True))
    return places


def move(text: str, places: list[Place], rng: random.Random) -> str:
    """``text`` about other places of the pool: each division it names becomes another of the
    same level and kind, the same one wherever it is named, full or short."""
    table, pools = divisions(), place_pools()
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    for name in dict.fromkeys(p.name for p in places):
        level = table[name][1]
        pool = [n for n in pools.get((level, name[-1]), []) if n not in taken]
        chosen[name] = rng.choice(pool) if pool else name
        taken.add(chosen[name])
    parts, last = [], 0
    for place in places:
        new = chosen[place.name]
        parts += [text[last : place.start], table[new][2] if place.short else new]
        last = place.end
    return "".join([*parts, text[last:]])


def seed_texts() -> list[str]:
    """The sample notice plus every notice of tests/data/genre that reads cleanly."""
    with as_file(sample_notice()) as path:
        texts = [read_text(path)]
    for path in sorted(GENRE.glob("*")):
        if path.suffix in (".txt", ".html") and not path.name.endswith(".main.txt"):
            texts.append(read_text(path))
    return texts


def vary(text: str, places: list[Place], rng: random.Random) -> str:
    """The same notice about other places, with other figures, another year and its problem
    sections reordered; ``places`` are those :func:`find_places` finds in ``text``."""
    text = move(text, places, rng)
    text = FIGURE.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-3, 9))), text)
    shift = rng.randint(-2, 2)
    text = YEAR.sub(lambda m: f"20{min(25, max(10, int(m.group(1)) + shift))}年", text)
    starts = [m.start() for m in SECTION.finditer(text)]
    if len(starts) > 2:
        head, body = (
            text[: starts[0]],
            [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)],
        )
        tail = body.pop()
        rng.shuffle(body)
        text = head + "".join(body) + tail
    return text


def generate(n: int, *, seed: int = 7) -> Iterator[str]:
    """``n`` distinct notices; each 索引号 gets the notice's number, since two notices filed under
    one 索引号 are one notice to the graph (the second would replace the first)."""
    rng = random.Random(seed)
    seeds = seed_texts()
    places = [find_places(text) for text in seeds]
    for i in range(n):
        text = vary(seeds[i % len(seeds)], places[i % len(seeds)], rng)
        yield INDEX_NO.sub(lambda m, i=i: f"{m['head']}{m['value']}-G{i:05d}", text)
