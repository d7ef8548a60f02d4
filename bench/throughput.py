"""Extraction throughput against plain jieba segmentation of the same text.

    python bench/throughput.py [--notices 50]

Prints characters per second for jieba.lcut (a private Tokenizer, as a user of jieba would call
it), for rjieba where installed, for noticekg's full extraction, and for extraction plus the
notice graph as N-Triples (what a corpus run's worker does with each file), with the ratio each
costs over segmentation alone. Figures, not assertions: run it on the machine you care
about.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable

import jieba

from bench.corpus import generate
from noticekg.extract import extract_notice
from noticekg.graph import notice_ntriples


def rate(texts: list[str], work: Callable[[str], object]) -> float:
    """Characters per second over all ``texts``, after one warm-up call."""
    work(texts[0])
    started = time.perf_counter()
    for text in texts:
        work(text)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=50)
    args = parser.parse_args()
    texts = list(generate(args.notices))
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} notices, {chars:,} characters")

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    rows = [("jieba.lcut", rate(texts, tokenizer.lcut))]
    try:
        import rjieba

        rows.append(("rjieba.cut", rate(texts, rjieba.cut)))
    except ImportError:
        pass
    rows.append(("noticekg extract_notice", rate(texts, extract_notice)))
    rows.append(("  + notice N-Triples", rate(texts, lambda t: notice_ntriples(extract_notice(t)))))
    tracemalloc.start()  # a separate pass: tracing slows Python code several times over
    for text in texts:
        extract_notice(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    base = rows[0][1]
    print(f"{'':<26}{'chars/s':>12}{'× jieba.lcut time':>20}")
    for name, value in rows:
        print(f"{name:<26}{value:>12,.0f}{base / value:>20.2f}")
    print(f"peak traced memory during extraction: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
