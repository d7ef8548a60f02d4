"""Names of the genre's units, places and works: branches and project departments of companies,
branch academies, extension stations, residential compounds, towns jieba cuts in two, capacities
inside works' names, generic systems and classes that name nothing."""

from __future__ import annotations

import pytest
from extractcheck import Found, entities_in

from noticekg.extract.entities import find_entities
from noticekg.extract.records import EntityType

ORG = EntityType.ORGANIZATION
PLACE = EntityType.PLACE
PLATFORM = EntityType.PLATFORM
PROJECT = EntityType.PROJECT


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # branches, project departments and divisions of a company
        (
            "指导柳州分公司、钦州项目部开展自查。",
            {(ORG, "柳州分公司"), (ORG, "钦州项目部")},
            {(PLACE, "柳州"), (PLACE, "钦州")},
        ),
        ("组建海上风电事业部。", {(ORG, "海上风电事业部")}, set()),
        ("加强子公司监管,各分公司负责人签订责任书。", set(), {(ORG, "子公司"), (ORG, "分公司")}),
        # research branches, stations and joint laboratories
        ("赣州分院建成脐橙试验园。", {(ORG, "赣州分院")}, {(PLACE, "赣州")}),
        ("联合省水产技术推广总站开展培训。", {(ORG, "省水产技术推广总站")}, set()),
        (
            "与江南理工大学共建海洋装备联合实验室。",
            {(ORG, "江南理工大学"), (ORG, "海洋装备联合实验室")},
            set(),
        ),
        # zones and residential compounds
        (
            "依托赣南苏区振兴示范区开展跨省通办。",
            {(PLACE, "赣南苏区振兴示范区")},
            {(ORG, "跨省通办")},
        ),
        (
            "为滨江名苑小区、丽景花园小区加装电梯。",
            {(PLACE, "滨江名苑小区"), (PLACE, "丽景花园小区")},
            set(),
        ),
        ("完成老旧小区改造12个,新建小区党支部3个。", set(), {(PLACE, "老旧小区")}),
        # towns whose tail jieba cut off an unknown name
        ("完成茶亭镇、水口乡农村改厕。", {(PLACE, "茶亭镇"), (PLACE, "水口乡")}, set()),
        ("全面推进农村改厕。", set(), {(PLACE, "农村")}),
        # platforms: named complexes, generic business systems
        ("宜宾市竹产业创新服务综合体投入运营。", {(PLATFORM, "宜宾市竹产业创新服务综合体")}, set()),
        ("升级人力资源中心业务系统,整合办公系统。", set(), {(PLATFORM, "人力资源中心业务系统")}),
        # works: capacities inside the name, level classes, generic works
        ("宜宾500千伏变电站扩建工程已开工。", {(PROJECT, "宜宾500千伏变电站扩建工程")}, set()),
        ("关于桃源镇村级工程项目管理不规范问题。", set(), {(PROJECT, "桃源镇村级工程")}),
        ("推进老旧小区改造项目。", set(), {(PROJECT, "老旧小区改造项目")}),
        # a district or company name jieba cut in two (浉/河区)
        ("浉河区城市建设投资有限公司收回资金。", {(ORG, "浉河区城市建设投资有限公司")}, set()),
        # a brand written as an adjective and an unknown word (宏达/能建)
        (
            "督促宏达能建物资贸易有限公司完成自评价。",
            {(ORG, "宏达能建物资贸易有限公司")},
            {(ORG, "能建物资贸易有限公司")},
        ),
        # verbs around bodies: 局属 before a unit, a building verb after a bureau
        (
            "指导局属九江市水文站党支部完成换届。",
            {(ORG, "九江市水文站党支部")},
            {(ORG, "局属九江市水文站党支部")},
        ),
        (
            "市教育局新建改扩建中小学校8所。",
            {(ORG, "市教育局")},
            {(ORG, "市教育局新建改扩建中小学校")},
        ),
        ("与县投资促进局对接项目。", {(ORG, "县投资促进局")}, set()),
        ("督促局属单位整改。", set(), {(ORG, "督促局")}),
        ("省财政厅会同厅机关党委开展检查。", {(ORG, "省财政厅")}, {(ORG, "省财政厅会同厅")}),
        # 与 inside a name joins two nouns, never a phrase and the next body's proper name
        (
            "专家团队与江南农业大学共建基地,区住房和城乡建设局参与。",
            {(ORG, "江南农业大学"), (ORG, "区住房和城乡建设局")},
            {(ORG, "专家团队与江南农业大学")},
        ),
        # nor a phrase and a whole body of a division: the joined phrase is what it decided
        (
            "贯彻落实党中央决策部署和省委工作要求不到位,落实国务院与市政府部署不力。",
            {(ORG, "省委"), (ORG, "市政府")},
            {(ORG, "党中央决策部署和省委"), (ORG, "国务院与市政府")},
        ),
        # a quoted system whose head phrase opens with 项目
        ("上线“赣企通”项目管理平台。", {(PLATFORM, "赣企通")}, {(PROJECT, "赣企通")}),
        ("实施“百村示范”工程。", {(PROJECT, "百村示范")}, set()),
    ],
)
def test_unit_place_and_works_names(text: str, expected: Found, absent: Found) -> None:
    found = entities_in(text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("publisher", "text", "alias_of_publisher"),
    [
        ("中共九江市委", "中共九江市委召开会议。市委常委会研究整改。", True),
        ("中共吉安县委员会", "中共吉安县委员会印发方案。县委常委会研究整改。", True),
        ("中共九江市财政局党组", "中共九江市财政局党组根据市委部署开展整改。", False),
    ],
)
def test_bare_committee_is_the_publisher_only_when_it_is_one(
    publisher: str, text: str, alias_of_publisher: bool
) -> None:
    entities = find_entities(text, publisher=publisher)
    own = next(e for e in entities if e.name == publisher)
    bare = "市委" if "市委" in text.replace(publisher, "") else "县委"
    assert (bare in own.aliases) is alias_of_publisher
    assert any(e.name == bare for e in entities) is not alias_of_publisher


@pytest.mark.parametrize(
    ("bodies", "kept"),
    [(("集团党委", "集团党委第一巡察组"), True), ((), False), ((None,), False)],
)
def test_opening_bodies_are_organisations(bodies: tuple[str | None, ...], kept: bool) -> None:
    """集团党委 alone is too bare to be a name, unless the opening makes it the authority."""
    text = "根据集团党委统一部署,集团党委第一巡察组对公司党委进行了巡察。"
    names = {e.name for e in find_entities(text, bodies=bodies) if e.type is ORG}
    assert ({"集团党委", "集团党委第一巡察组"} <= names) is kept
