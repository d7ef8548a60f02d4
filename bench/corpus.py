"""Synthetic corpora for the benchmarks: the project's own notices, varied.

Each generated notice takes a seed notice and changes what differs between real notices of the
genre — figures, years, the order of problem sections — so no two texts are identical and caches
keyed on text do not flatter the figures.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from importlib.resources import as_file
from pathlib import Path

from noticekg.extract import read_text
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


def seed_texts() -> list[str]:
    """The sample notice plus every notice of tests/data/genre that reads cleanly."""
    with as_file(sample_notice()) as path:
        texts = [read_text(path)]
    for path in sorted(GENRE.glob("*")):
        if path.suffix in (".txt", ".html") and not path.name.endswith(".main.txt"):
            texts.append(read_text(path))
    return texts


def vary(text: str, rng: random.Random) -> str:
    """The same notice with other figures, another year and its problem sections reordered."""
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
    for i in range(n):
        text = vary(seeds[i % len(seeds)], rng)
        yield INDEX_NO.sub(lambda m, i=i: f"{m['head']}{m['value']}-G{i:05d}", text)
