"""Consistency checks for every gold annotation file under tests/data (annotation guidelines §8).

The gold files are held-out data: these tests never run the extractor. They check that each
annotation is grounded in its notice text, so that a scoring run compares like with like.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

TESTS_DIR = Path(__file__).parent
DATA_DIR = TESTS_DIR / "data"
EXAMPLES_DIR = TESTS_DIR.parent / "src" / "noticekg" / "samples"
GOLD_FILES = sorted(DATA_DIR.glob("*/*.json"))

TOP_LEVEL_KEYS = {
    "document",
    "notice",
    "inspection",
    "entities",
    "problems",
    "measures",
    "metrics",
    "relations",
}
ENTITY_TYPES = {"Organization", "Platform", "Project", "Policy", "Person", "Place"}
# Domain and range of each predicate (guidelines §7); "inspection_team" is an Organization subtype.
ORG = frozenset({"Organization"})
PREDICATES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "inspected": (frozenset({"inspection_team"}), ORG),
    "partOf": (ORG, ORG),
    "guides": (ORG, ORG),
    "leads": (frozenset({"Person"}), ORG),
    "operates": (ORG, frozenset({"Platform"})),
    "issuedBy": (frozenset({"Policy"}), ORG),
    "establishes": (ORG, frozenset({"Policy"})),
    "cooperatesWith": (ORG, frozenset({"Organization", "Place"})),
    "locatedIn": (frozenset({"Place", "Project", "Platform"}), frozenset({"Place"})),
}
# Chinese digits and multipliers accepted in a metric's "numeral" field (see genre README).
CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
CN_DIGITS |= {"八": 8, "九": 9}
CN_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}

Gold = dict[str, Any]


def cn_numeral_value(numeral: str) -> int:
    """Value of a small Chinese numeral (十二 → 12, 两 → 2, 一百零五 → 105)."""
    total, digit = 0, None
    for char in numeral:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        elif char in CN_MULTIPLIERS:
            total += (1 if digit is None else digit) * CN_MULTIPLIERS[char]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return total + (digit or 0)


def decode_notice(raw: bytes) -> str:
    """Notices are stored as UTF-8, except the deliberately GB18030-encoded one."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def text_path(gold_path: Path, gold: Gold) -> Path:
    """The plain text the offsets refer to: the .main.txt for HTML pages, else the notice."""
    document = Path(gold["document"])
    if document.suffix == ".html":
        return gold_path.parent / f"{document.stem}.main.txt"
    local = gold_path.parent / document.name
    return local if local.exists() else EXAMPLES_DIR / document.name


def load(gold_path: Path) -> tuple[Gold, str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold, decode_notice(text_path(gold_path, gold).read_bytes())


def entity_errors(gold: Gold, text: str) -> list[str]:
    errors = []
    names = [e["name"] for e in gold["entities"]]
    for entity in gold["entities"]:
        name = entity["name"]
        if entity["type"] not in ENTITY_TYPES:
            errors.append(f"{name}: unknown type {entity['type']}")
        if text.find(name) != entity["offset"]:
            errors.append(f"{name}: offset {entity['offset']} != find {text.find(name)}")
        errors += [f"{name}: alias {a!r} not in text" for a in entity["aliases"] if a not in text]
    errors += [f"duplicate name {n}" for n in sorted(set(names)) if names.count(n) > 1]
    aliases = [a for e in gold["entities"] for a in e["aliases"]]
    errors += [f"alias {a} shared" for a in sorted(set(aliases)) if aliases.count(a) > 1]
    errors += [f"alias {a} is also a name" for a in sorted(set(aliases) & set(names))]
    return errors


def section_errors(gold: Gold, text: str) -> list[str]:
    errors = []
    numbers = [p["n"] for p in gold["problems"]]
    if numbers != list(range(1, len(numbers) + 1)):
        errors.append(f"problem numbers {numbers} are not 1..N")
    for item in gold["problems"] + gold["measures"]:
        title, offset = item["title"], item["offset"]
        if text[offset : offset + len(title)] != title:
            errors.append(f"title {title[:20]!r} not at offset {offset}")
    for measure in gold["measures"]:
        if measure["problem"] not in numbers:
            errors.append(f"measure {measure['title'][:20]!r}: no problem {measure['problem']}")
    return errors


def metric_errors(gold: Gold, text: str) -> list[str]:
    errors = []
    problems = {p["n"] for p in gold["problems"]}
    for metric in gold["metrics"]:
        offset, unit = metric["offset"], metric["unit"]
        if "numeral" in metric:
            surface = metric["numeral"]
            if cn_numeral_value(surface) != metric["value"]:
                errors.append(f"numeral {surface} != {metric['value']}")
        else:
            surface = str(metric["value"])
        end = offset + len(surface)
        if text[offset:end] != surface:
            errors.append(f"metric {surface}{unit}: text at {offset} is {text[offset:end]!r}")
        elif not (text.startswith(unit, end) or text.startswith(" " + unit, end)):
            errors.append(f"metric {surface}{unit}: unit does not follow at {end}")
        if metric["problem"] is not None and metric["problem"] not in problems:
            errors.append(f"metric {surface}{unit}: no problem {metric['problem']}")
    return errors


def relation_errors(gold: Gold) -> list[str]:
    kinds = {e["name"]: {e["type"], e["subtype"]} for e in gold["entities"]}
    errors = []
    for rel in gold["relations"]:
        predicate, subject, obj = rel["predicate"], rel["subject"], rel["object"]
        if predicate not in PREDICATES:
            errors.append(f"unknown predicate {predicate}")
            continue
        missing = [end for end in (subject, obj) if end not in kinds]
        errors += [f"{predicate}: {end} is not an entity name" for end in missing]
        if missing:
            continue
        domain, range_ = PREDICATES[predicate]
        if not kinds[subject] & domain:
            errors.append(f"{predicate}: subject {subject} is not {sorted(domain)}")
        if not kinds[obj] & range_:
            errors.append(f"{predicate}: object {obj} is not {sorted(range_)}")
    return errors


def header_errors(gold: Gold) -> list[str]:
    names = {e["name"] for e in gold["entities"]}
    errors = []
    if set(gold) != TOP_LEVEL_KEYS:
        errors.append(f"top-level keys {sorted(gold)}")
    if gold["notice"]["publisher"] not in names:
        errors.append(f"publisher {gold['notice']['publisher']} is not an entity name")
    for role in ("inspector", "authority", "target"):
        value = gold["inspection"][role]
        if value is not None and value not in names:
            errors.append(f"inspection {role} {value} is not an entity name")
    return errors


@pytest.fixture(params=GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def gold_and_text(request: pytest.FixtureRequest) -> tuple[Gold, str]:
    return load(request.param)


def test_gold_files_found() -> None:
    genre = [p for p in GOLD_FILES if p.parent.name == "genre"]
    assert len(genre) >= 10
    assert any(p.parent.name == "gold" for p in GOLD_FILES)


def test_header(gold_and_text: tuple[Gold, str]) -> None:
    assert header_errors(gold_and_text[0]) == []


def test_entities(gold_and_text: tuple[Gold, str]) -> None:
    assert entity_errors(*gold_and_text) == []


def test_sections(gold_and_text: tuple[Gold, str]) -> None:
    assert section_errors(*gold_and_text) == []


def test_metrics(gold_and_text: tuple[Gold, str]) -> None:
    assert metric_errors(*gold_and_text) == []


def test_relations(gold_and_text: tuple[Gold, str]) -> None:
    assert relation_errors(gold_and_text[0]) == []


class _TextOnly(HTMLParser):
    """Collects the character data of an HTML page, skipping script and style elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


@pytest.mark.parametrize("page", sorted(DATA_DIR.glob("*/*.html")), ids=lambda p: p.stem)
def test_html_main_text_is_in_page(page: Path) -> None:
    parser = _TextOnly()
    parser.feed(decode_notice(page.read_bytes()))
    page_text = "\n".join(parser.parts)
    main = (page.parent / f"{page.stem}.main.txt").read_text(encoding="utf-8")
    missing = [line for line in main.splitlines() if line.strip() and line not in page_text]
    assert missing == []


def test_gb18030_notice_is_not_utf8() -> None:
    stored = [p for p in DATA_DIR.glob("genre/*.txt") if not p.name.endswith(".main.txt")]
    non_utf8 = []
    for path in stored:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            non_utf8.append(path.name)
    assert len(non_utf8) == 1 and "gb18030" in non_utf8[0]


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("三十五", 35), ("一百零五", 105)],
)
def test_cn_numeral_value(numeral: str, expected: int) -> None:
    assert cn_numeral_value(numeral) == expected


@pytest.mark.parametrize("numeral", ["两个", "12", "多"])
def test_cn_numeral_value_rejects(numeral: str) -> None:
    with pytest.raises(ValueError):
        cn_numeral_value(numeral)


# The checks themselves must be able to fail: a tiny gold record, then broken copies of it.
_TEXT = (
    "根据县委部署,县委第一巡察组对甲局进行了巡察。"
    "一、关于“制度不全”问题的整改情况(一)建立制度。新建制度5项、两个台账。"
)
_GOOD: Gold = {
    "document": "x.txt",
    "notice": {"publisher": "甲局"},
    "inspection": {"inspector": "县委第一巡察组", "authority": "县委", "target": "甲局"},
    "entities": [
        {
            "type": "Organization",
            "name": name,
            "aliases": [],
            "subtype": subtype,
            "offset": _TEXT.find(name),
        }
        for name, subtype in (
            ("县委", "party"),
            ("县委第一巡察组", "inspection_team"),
            ("甲局", "government"),
        )
    ],
    "problems": [{"n": 1, "title": "制度不全", "offset": _TEXT.find("制度不全")}],
    "measures": [{"problem": 1, "n": 1, "title": "建立制度", "offset": _TEXT.find("建立制度")}],
    "metrics": [
        {"value": 5, "unit": "项", "about": "新建制度", "problem": 1, "offset": _TEXT.find("5项")},
        {
            "value": 2,
            "unit": "个",
            "about": "台账",
            "problem": 1,
            "numeral": "两",
            "offset": _TEXT.find("两个"),
        },
    ],
    "relations": [{"subject": "县委第一巡察组", "predicate": "inspected", "object": "甲局"}],
}


def _all_errors(gold: Gold) -> list[str]:
    return (
        header_errors(gold)
        + entity_errors(gold, _TEXT)
        + section_errors(gold, _TEXT)
        + metric_errors(gold, _TEXT)
        + relation_errors(gold)
    )


def _broken(path: str, value: Any) -> Gold:
    gold = json.loads(json.dumps(_GOOD, ensure_ascii=False))
    *keys, last = path.split(".")
    node: Any = gold
    for key in keys:
        node = node[int(key)] if key.isdigit() else node[key]
    node[int(last) if last.isdigit() else last] = value
    return gold


def test_good_record_passes() -> None:
    assert _all_errors(_GOOD) == []


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("entities.2.offset", 0, "offset 0 != find"),
        ("entities.2.aliases", ["乙局"], "alias '乙局' not in text"),
        ("entities.1.aliases", ["县委"], "alias 县委 is also a name"),
        ("entities.1.name", "县委", "duplicate name 县委"),
        ("problems.0.offset", 0, "not at offset 0"),
        ("measures.0.problem", 2, "no problem 2"),
        ("metrics.0.offset", 0, "text at 0"),
        ("metrics.0.unit", "个", "unit does not follow"),
        ("metrics.1.value", 3, "numeral 两 != 3"),
        ("relations.0.object", "乙局", "乙局 is not an entity name"),
        ("relations.0.predicate", "owns", "unknown predicate owns"),
        ("relations.0.subject", "县委", "subject 县委 is not"),
        ("relations.0.predicate", "locatedIn", "object 甲局 is not"),
        ("notice.publisher", "乙局", "publisher 乙局"),
        ("inspection.target", "乙局", "inspection target 乙局"),
    ],
)
def test_broken_record_is_reported(path: str, value: Any, expected: str) -> None:
    assert any(expected in error for error in _all_errors(_broken(path, value)))
