"""Quoted labels: typed by a head noun, a numbered pattern, or the verb that applies them."""

from __future__ import annotations

import pytest

from noticekg.extract.quotes import quote_candidates
from noticekg.extract.records import EntityType
from noticekg.extract.segment import tokenize

POLICY = EntityType.POLICY
PLATFORM = EntityType.PLATFORM


def _labels(text: str) -> set[tuple[EntityType, str]]:
    return {(c.type, c.name) for c in quote_candidates(text, tokenize(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深化“证照分离”改革。", {(POLICY, "证照分离")}),
        ("认真履行“一岗双责”。", {(POLICY, "一岗双责")}),
        ("严格执行“三重一大”决策制度。", {(POLICY, "三重一大")}),
        ("对重点项目实行“一项目一专班”推进。", {(POLICY, "一项目一专班")}),
        ("推行“揭榜挂帅”,支持企业攻关。", {(POLICY, "揭榜挂帅")}),
        ("关于“过紧日子”要求落实不到位。", {(POLICY, "过紧日子")}),
        ("增强“四个意识”。", {(POLICY, "四个意识")}),
        ("开展“清风校园”党建品牌创建。", {(POLICY, "清风校园")}),
        ("上线“智慧食堂”管理平台。", {(PLATFORM, "智慧食堂")}),
    ],
)
def test_quoted_rules_are_policies(text: str, expected: set[tuple[EntityType, str]]) -> None:
    assert _labels(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "落实“一把手”责任。",
        "整治“三小场所”消防隐患。",
        "关于“干部队伍建设存在短板”问题的整改情况。",
        "调整村“两委”班子成员。",
        "适时开展“回头看”。",
        "",
    ],
)
def test_roles_problems_and_work_labels_are_not_policies(text: str) -> None:
    assert _labels(text) == set()
