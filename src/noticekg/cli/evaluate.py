"""``noticekg eval``: precision, recall and F1 of the extractor against gold files."""

from __future__ import annotations

import argparse
from importlib.resources import as_file
from pathlib import Path

from noticekg.errors import InputError
from noticekg.extract import (
    baseline_entities,
    combine,
    evaluate,
    extract_file,
    format_scores,
    load_gold,
    score_entities,
)
from noticekg.samples import SAMPLE_NOTICE, sample_notice


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "eval",
        help="score the extractor against gold annotation files",
        description="Score extraction against gold files (docs/annotation-guidelines.md). Give "
        "GOLD.json NOTICE, or gold files alone to read the notice their 'document' names "
        "beside them. Several notices are also scored together (micro-averaged).",
    )
    command.add_argument("paths", nargs="+", type=Path, metavar="GOLD.json [NOTICE]")
    command.add_argument(
        "--baseline",
        action="store_true",
        help="also score the baseline: jieba's POS tags (nt, ns, nr, nz) plus 《…》 as Policy",
    )
    command.add_argument("--errors", action="store_true", help="list missed and spurious items")
    command.set_defaults(run=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    pairs = gold_notice_pairs(args.paths)
    all_scores, all_baseline = [], []
    for gold_path, notice_path in pairs:
        gold = load_gold(gold_path)
        notice = extract_file(notice_path)
        scores = evaluate(notice, gold)
        all_scores.append(scores)
        print(format_scores(scores, title=f"== {notice_path.name}"))
        if args.errors:
            print(_errors(scores))
        if args.baseline:
            baseline = score_entities(baseline_entities(notice.text), gold)
            all_baseline.append(baseline)
            print(format_scores(baseline, title="-- baseline (jieba POS + 《》)"))
        print()
    if len(pairs) > 1:
        print(format_scores(combine(all_scores), title=f"== all {len(pairs)} notices"))
        if args.baseline:
            print(format_scores(combine(all_baseline), title="-- baseline, all notices"))
    return 0


def gold_notice_pairs(paths: list[Path]) -> list[tuple[Path, Path]]:
    """Pair each gold file with the notice after it, or with the one its 'document' names."""
    pairs: list[tuple[Path, Path]] = []
    i = 0
    while i < len(paths):
        gold = paths[i]
        if gold.suffix.lower() != ".json":
            raise InputError(f"{gold}: expected a gold .json file here")
        if i + 1 < len(paths) and paths[i + 1].suffix.lower() != ".json":
            pairs.append((gold, paths[i + 1]))
            i += 2
            continue
        document = load_gold(gold).get("document")
        if not document:
            raise InputError(f"{gold}: names no 'document'; give the notice after it")
        pairs.append((gold, _document_path(gold, document)))
        i += 1
    return pairs


def _document_path(gold: Path, document: str) -> Path:
    """The notice beside the gold file; the bundled sample's gold also finds the sample."""
    beside = gold.parent / document
    if beside.exists() or document != SAMPLE_NOTICE:
        return beside
    with as_file(sample_notice()) as path:
        return path


def _errors(scores: dict) -> str:
    lines = []
    for row, score in scores.items():
        if row == "entities":
            continue
        lines += [f"  {row}: missed {item}" for item in score.missed]
        lines += [f"  {row}: spurious {item}" for item in score.spurious]
    return "\n".join(lines)
