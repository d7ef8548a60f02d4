"""Relations from names and from cue words, with the sentence as evidence."""

from __future__ import annotations

from typing import Any

import pytest

from noticekg.extract.entities import find_entities
from noticekg.extract.records import Predicate
from noticekg.extract.relations import find_relations

PUBLISHER = "开化县文化广电旅游体育局"

Triple = tuple[str, str, str]


def _relations(text: str, **roles: str | None) -> set[Triple]:
    entities = find_entities(text, publisher=PUBLISHER, target=roles.get("target"))
    found = find_relations(
        text,
        entities,
        publisher=PUBLISHER,
        inspector=roles.get("inspector"),
        target=roles.get("target"),
        authority=roles.get("authority"),
    )
    for relation in found:
        assert relation.evidence is not None
        assert text[relation.evidence.start : relation.evidence.end] == relation.evidence.quote
    return {(r.subject, r.predicate.value, r.object) for r in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "建立由县委直属机关工委统筹指导、开化县文化广电旅游体育局机关党委具体落实的工作机制。",
            {
                ("县委直属机关工委", "guides", "开化县文化广电旅游体育局机关党委"),
                ("开化县文化广电旅游体育局机关党委", "partOf", "开化县文化广电旅游体育局"),
            },
        ),
        ("李明远院士领衔的之江量子研究院落地运行。", {("李明远", "leads", "之江量子研究院")}),
        (
            "规范开化县文化广电旅游体育局招标平台运行管理。",
            {("开化县文化广电旅游体育局", "operates", "开化县文化广电旅游体育局招标平台")},
        ),
        (
            "执行《衢州市人民政府办公室关于规范小额工程招投标的通知》。",
            {
                (
                    "衢州市人民政府办公室关于规范小额工程招投标的通知",
                    "issuedBy",
                    "衢州市人民政府办公室",
                )
            },
        ),
        (
            "制定《文物安全管理办法》、《非遗保护工作细则》等制度。",
            {
                (PUBLISHER, "establishes", "文物安全管理办法"),
                (PUBLISHER, "establishes", "非遗保护工作细则"),
            },
        ),
        ("县财政局印发《专项资金管理办法》。", {("县财政局", "establishes", "专项资金管理办法")}),
        (
            "协同县投促中心开展招商,加强与县人才办、县教育局的联系协作。",
            {
                (PUBLISHER, "cooperatesWith", "县投促中心"),
                (PUBLISHER, "cooperatesWith", "县人才办"),
                (PUBLISHER, "cooperatesWith", "县教育局"),
            },
        ),
        (
            "派员到上海驻点,在与上海嘉定菊园新区互设飞地的基础上,联合浙江大学开展研究。",
            {
                (PUBLISHER, "cooperatesWith", "上海嘉定菊园新区"),
                (PUBLISHER, "cooperatesWith", "浙江大学"),
                ("上海嘉定菊园新区", "locatedIn", "上海"),
            },
        ),
    ],
)
def test_relations_stated_in_the_text(text: str, expected: set[Triple]) -> None:
    assert _relations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "严格落实《文物安全管理办法》。",
        "充分利用已出台的《文物安全管理办法》。",
        "深化“最多跑一次”改革,推行“河长制”管理模式。",
        "依托浙江大学开展研究,对接银行、投资机构。",
        "联合企业、科研平台引进人才。",
        "",
    ],
)
def test_no_relation_without_a_cue(text: str) -> None:
    assert _relations(text) == set()


def test_inspection_roles() -> None:
    text = "根据县委部署,县委第一巡察组对开化县文化广电旅游体育局进行了巡察。"
    found = _relations(text, inspector="县委第一巡察组", target=PUBLISHER, authority="县委")
    assert ("县委第一巡察组", Predicate.INSPECTED.value, PUBLISHER) in found
    assert ("县委第一巡察组", Predicate.PART_OF.value, "县委") in found


def test_sample_relations(sample_text: str, gold: dict[str, Any]) -> None:
    publisher = gold["notice"]["publisher"]
    entities = find_entities(sample_text, publisher=publisher, target=publisher)
    found = {
        (r.subject, r.predicate.value, r.object)
        for r in find_relations(
            sample_text,
            entities,
            publisher=publisher,
            inspector=gold["inspection"]["inspector"],
            target=gold["inspection"]["target"],
            authority=gold["inspection"]["authority"],
        )
    }
    expected = {(r["subject"], r["predicate"], r["object"]) for r in gold["relations"]}
    hits = len(found & expected)
    precision, recall = hits / len(found), hits / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.8
