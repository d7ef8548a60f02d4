"""A bounded-time fuzz run of the reader and the extractor (not part of the test suite).

    python -m bench.fuzz [--seconds 120] [--seed 1]

Mutates the project's notices at the byte level (flips, cuts, repeats, foreign encodings,
inserted markup and control characters), writes each to a file and runs ``read_text`` then
``extract_notice``. An InputError is a correct answer to bad bytes; any other exception, or a
mention whose offsets do not quote the text, is a finding and is saved under --findings.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from bench.corpus import seed_texts
from noticekg.errors import InputError
from noticekg.extract import extract_notice, read_text

INSERTS = [b"\x00", b"\xff\xfe", b"<script>alert(1)</script>", "《".encode(), b"\r\n", b"\x1b[0m"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of a few damage patterns real files show, applied 1–8 times."""
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(5)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
        elif kind == 1:
            data = data[:at]
        elif kind == 2:
            data = data[:at] + rng.choice(INSERTS) + data[at:]
        elif kind == 3:
            span = data[at : at + rng.randint(1, 200)]
            data = data[:at] + span * rng.randint(2, 20) + data[at:]
        else:
            text = data.decode("utf-8", errors="ignore")
            data = text.encode(rng.choice(["gb18030", "utf-16", "big5", "utf-8-sig"]), "ignore")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [text.encode("utf-8") for text in seed_texts()]
    outcomes: Counter[str] = Counter()
    deadline = time.monotonic() + args.seconds
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notice.txt"
        while time.monotonic() < deadline:
            data = mutate(rng.choice(seeds), rng)
            path.write_bytes(data)
            try:
                text = read_text(path)
                notice = extract_notice(text)
                bad = [
                    m
                    for e in notice.entities
                    for m in e.mentions
                    if text[m.start : m.end] != m.quote
                ]
                outcomes["extracted" if not bad else "bad offsets"] += 1
                if bad:
                    raise AssertionError(f"offsets do not quote the text: {bad[:3]}")
            except InputError:
                outcomes["refused (InputError)"] += 1
            except Exception:
                outcomes["crash"] += 1
                args.findings.mkdir(exist_ok=True)
                n = sum(1 for _ in args.findings.iterdir())
                (args.findings / f"case-{n}.bin").write_bytes(data)
                (args.findings / f"case-{n}.txt").write_text(traceback.format_exc())
    total = sum(outcomes.values())
    print(f"{total} inputs in {args.seconds:.0f} s ({total / args.seconds:.1f}/s)")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:<22}{count:>7}")


if __name__ == "__main__":
    main()
