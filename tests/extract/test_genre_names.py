"""Name rules for the whole genre: 和 inside body names, …委 bodies, ordinals and phases inside
names, works verbs inside project names, coordinated bodies sharing a head, Party bodies."""

from __future__ import annotations

import pytest
from extractcheck import entities_in

from noticekg.extract.bodies import implied_forms, party_body, party_key
from noticekg.extract.entities import canonical_name, find_entities
from noticekg.extract.records import EntityType
from noticekg.extract.segment import tokenize

ORG = EntityType.ORGANIZATION
PLACE = EntityType.PLACE
PROJECT = EntityType.PROJECT


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "湖南省住房和城乡建设厅召开会议。",
            {(ORG, "湖南省住房和城乡建设厅")},
            {(PLACE, "湖南省")},
        ),
        ("与江西省文化和旅游厅联合印发通知。", {(ORG, "江西省文化和旅游厅")}, {(PLACE, "江西省")}),
        ("区农业农村委对闲置设备进行清理。", {(ORG, "区农业农村委")}, set()),
        ("区教育局、区卫生健康委等部门压减支出。", {(ORG, "区卫生健康委")}, set()),
        (
            "向合肥市蜀山区第十七届人民代表大会常务委员会报告。",
            {(ORG, "合肥市蜀山区第十七届人民代表大会常务委员会")},
            {(PLACE, "合肥市蜀山区")},
        ),
        ("加快推进青龙港区二期码头工程。", {(PROJECT, "青龙港区二期码头工程")}, set()),
        ("已开工长安大道南段提升工程。", {(PROJECT, "长安大道南段提升工程")}, set()),
        ("白沙乡农贸市场改造提升项目已完工。", {(PROJECT, "白沙乡农贸市场改造提升项目")}, set()),
        (
            "区城管委会同城关镇、河口镇人民政府推进整治。",
            {(ORG, "城关镇"), (ORG, "河口镇人民政府")},
            {(PLACE, "城关镇")},
        ),
        ("城关镇、河口镇推进整治。", set(), {(ORG, "城关镇")}),
    ],
)
def test_genre_names(
    text: str,
    expected: set[tuple[EntityType, str]],
    absent: set[tuple[EntityType, str]],
) -> None:
    found = entities_in(text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("区农业农村委对设备清理", ["委", "对"]),
        ("区卫生健康委等部门", ["委", "等"]),
        ("加强管理", []),
    ],
)
def test_glued_tails_are_cut(text: str, words: list[str]) -> None:
    tokens = [token.word for token in tokenize(text)]
    for word in words:
        assert word in tokens
    assert "".join(tokens) == text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("中共湖南省财政厅党组", ("湖南省财政厅", "group")),
        ("中共某某职业技术学院委员会", ("某某职业技术学院", "committee")),
        ("某某职业技术学院党委", ("某某职业技术学院", "committee")),
        ("中共某县第一中学总支部委员会", ("某县第一中学", "general_branch")),
        ("某县第一中学党总支", ("某县第一中学", "general_branch")),
        ("湖南省财政厅", None),
        ("市委", None),
    ],
)
def test_party_key(name: str, expected: tuple[str, str] | None) -> None:
    assert party_key(name) == expected
    assert party_body(name) == (expected[0] if expected else None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("中共某某学院委员会", ("某某学院党委",)),
        ("中共湖南省财政厅党组", ("湖南省财政厅党组",)),
        ("某某学院党委", ()),
    ],
)
def test_implied_forms(name: str, expected: tuple[str, ...]) -> None:
    assert implied_forms(name) == expected


def test_party_committee_written_short_is_the_full_one() -> None:
    text = (
        "中共宁波甬江物流有限公司委员会:宁波甬江物流有限公司(以下简称甬江物流公司)"
        "召开会议,甬江物流公司党委研究部署整改。"
    )
    entities = find_entities(text)
    names = {entity.name for entity in entities if entity.type is ORG}
    assert "甬江物流公司党委" not in names
    assert canonical_name(entities, "甬江物流公司党委") == "中共宁波甬江物流有限公司委员会"
    assert canonical_name(entities, "某某公司党委") is None
