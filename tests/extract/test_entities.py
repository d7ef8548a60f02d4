"""Entity rules on short texts in the styles of many agencies, and the score on the sample."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from noticekg.extract.entities import find_entities, longest_first
from noticekg.extract.records import Entity, EntityType

ORG = EntityType.ORGANIZATION
PLATFORM = EntityType.PLATFORM
PROJECT = EntityType.PROJECT
POLICY = EntityType.POLICY
PERSON = EntityType.PERSON
PLACE = EntityType.PLACE


def _found(text: str) -> set[tuple[EntityType, str]]:
    return {(entity.type, entity.name) for entity in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "根据区委巡察工作统一部署,区委第一巡察组对区卫生健康局党组进行了巡察。",
            {(ORG, "区委"), (ORG, "区委第一巡察组"), (ORG, "区卫生健康局党组")},
        ),
        (
            "省委第三巡视组对省交通运输厅党组进行了常规巡视。",
            {(ORG, "省委第三巡视组"), (ORG, "省交通运输厅党组")},
        ),
        ("加强与市发展改革委、市财政局的协作", {(ORG, "市发展改革委"), (ORG, "市财政局")}),
        ("审计发现,市住房和城乡建设局未按规定收费", {(ORG, "市住房和城乡建设局")}),
        (
            "对接浙江省经济和信息化厅、杭州市人民政府",
            {(ORG, "浙江省经济和信息化厅"), (ORG, "杭州市人民政府")},
        ),
        ("依托浙江大学、西湖大学开展合作", {(ORG, "浙江大学"), (ORG, "西湖大学")}),
        ("受市人民政府委托,现将整改情况报告如下", {(ORG, "市人民政府")}),
        ("市城投集团出台投资管理办法", {(ORG, "市城投集团")}),
        ("市委常委、市监委主任王伟同志", {(ORG, "市监委"), (PERSON, "王伟")}),
        ("培育申报国技互联、江南阀门等2家领军企业", {(ORG, "国技互联"), (ORG, "江南阀门")}),
        (
            "建成福州软件园、厦门火炬高新区孵化基地",
            {(PLATFORM, "福州软件园"), (PLATFORM, "厦门火炬高新区孵化基地")},
        ),
        ("建立健全了招商项目信息库", {(PLATFORM, "招商项目信息库")}),
        ("推行钉钉考勤", {(PLATFORM, "钉钉")}),
        ("上线政府采购监管系统", {(PLATFORM, "政府采购监管系统")}),
        ("所有公车纳入市“公车系统监控平台”", {(PLATFORM, "公车系统监控平台")}),
        ("成功落地开工天心天思数字经济产业中心项目。", {(PROJECT, "天心天思数字经济产业中心项目")}),
        ("加快漕河泾开发区二期工程", {(PROJECT, "漕河泾开发区二期工程")}),
        ("印发《关于加强公务用车管理的通知》", {(POLICY, "关于加强公务用车管理的通知")}),
        (
            "深化“放管服”改革,推行“互联网+政务服务”模式",
            {(POLICY, "放管服"), (POLICY, "互联网+政务服务")},
        ),
        ("树牢“四个意识”,做到“两个维护”", {(POLICY, "四个意识"), (POLICY, "两个维护")}),
        ("深入学习贯彻习近平法治思想", {(POLICY, "习近平法治思想")}),
        ("深入实施雄鹰、凤凰等培育计划", {(POLICY, "雄鹰"), (POLICY, "凤凰")}),
        ("制定出台开发区三年行动计划(2022-2024年),", {(POLICY, "开发区三年行动计划(2022-2024年)")}),
        ("王某某院士领衔的研究团队", {(PERSON, "王某某")}),
        ("派专人在北京驻点招商", {(PLACE, "北京")}),
        ("推进G60科创走廊建设", {(PLACE, "G60科创走廊")}),
        ("重点投向南核心区基础设施建设", {(PLACE, "南核心区")}),
        ("完成龙水单元YB-04-A-02做地储备", {(PLACE, "龙水单元YB-04-A-02")}),
    ],
)
def test_finds_named_entities(text: str, expected: set[tuple[EntityType, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "各部门要加强与银行、投资机构的联系,推动国有企业改革。",
        "完善项目库建设,打造科研平台和众创空间,盘活安置房。",
        "完成5个重点项目和3个产业园区建设,招引落地13个产业项目。",
        "落实“一把手”责任,杜绝“四风”问题,适时开展“回头看”。",
        "加快建设智慧园区,完成信息化管理系统建设,讲政治、讲大局。",
        "对违规违纪的,给予教育提醒18人(20人次);新制定制度21项。",
        "推动城市更新项目建设,规范孵化平台运行管理,确保重点项目顺利实施。",
        "高新区主任办公会议研究,讲政治、顾大局,优化空间布局。",
        "Produced By 大汉网络 大汉版通发布系统",
        "邮政信箱:某市新三路16号高新大楼",
        "",
    ],
)
def test_generic_mentions_are_not_entities(text: str) -> None:
    assert find_entities(text) == ()


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("深化“亩均论英雄”改革", "亩均论英雄", "“亩均论英雄”改革"),
        ("推行“3+3”融资延期模式", "3+3", "“3+3”融资延期模式"),
        ("开展“欠费清零”专项行动", "欠费清零", "“欠费清零”专项行动"),
    ],
)
def test_quoted_names_keep_the_full_form_as_alias(text: str, name: str, alias: str) -> None:
    (entity,) = find_entities(text)
    assert entity.name == name
    assert alias in entity.aliases


def test_issuer_opening_a_title_is_annotated() -> None:
    text = "执行《市委办公室市政府办公室关于优化管理机制的意见》"
    found = _found(text)
    assert (ORG, "市委办公室") in found
    assert (ORG, "市政府办公室") in found


def test_mentions_point_at_their_quotes(sample_text: str) -> None:
    for entity in find_entities(sample_text):
        assert entity.mentions, entity.name
        for span in entity.mentions:
            assert sample_text[span.start : span.end] == span.quote
            assert span.quote in (entity.name, *entity.aliases)


def test_an_alias_belongs_to_one_entity(sample_text: str) -> None:
    forms = Counter(
        form for entity in find_entities(sample_text) for form in {entity.name, *entity.aliases}
    )
    assert [form for form, count in forms.items() if count > 1] == []


def test_longest_span_wins() -> None:
    from noticekg.extract.entities import Candidate

    short = Candidate(2, 4, "ab", 2, ORG, None)
    long = Candidate(0, 6, "xxabyy", 0, ORG, None)
    apart = Candidate(8, 9, "z", 8, ORG, None)
    assert longest_first([short, apart, long]) == [long, apart]


def _matches(entity: Entity, gold: dict[str, Any]) -> bool:
    return entity.type.value == gold["type"] and (
        entity.name == gold["name"]
        or entity.name in gold["aliases"]
        or gold["name"] in entity.aliases
    )


def _f1(found: tuple[Entity, ...], gold: list[dict[str, Any]], kind: str | None) -> float:
    predicted = [e for e in found if kind is None or e.type.value == kind]
    expected = [g for g in gold if kind is None or g["type"] == kind]
    used: set[int] = set()
    hits = 0
    for entity in predicted:
        index = next(
            (i for i, g in enumerate(expected) if i not in used and _matches(entity, g)), None
        )
        if index is not None:
            used.add(index)
            hits += 1
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(expected)
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize(
    ("kind", "bar"),
    [(None, 0.95), ("Organization", 0.9), ("Platform", 0.95), ("Project", 0.95), ("Policy", 0.95)],
)
def test_sample_score(sample_text: str, gold: dict[str, Any], kind: str | None, bar: float) -> None:
    found = find_entities(
        sample_text, publisher=gold["notice"]["publisher"], target=gold["inspection"]["target"]
    )
    assert _f1(found, gold["entities"], kind) >= bar


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("选派干部到成都市、阿坝州等地挂职。", {(PLACE, "成都市"), (PLACE, "阿坝州")}),
        ("在越城区试点冷链食品追溯平台。", {(PLACE, "越城区"), (PLATFORM, "冷链食品追溯平台")}),
        ("支持湛江市建设科技企业孵化器。", {(PLACE, "湛江市")}),
        ("加强与南通的联系。", {(PLACE, "南通")}),
        (
            "中共盐城市审计局党组(以下简称局党组)召开会议。",
            {(ORG, "中共盐城市审计局党组")},
        ),
        ("会同衢州市行政审批服务中心推进改革。", {(ORG, "衢州市行政审批服务中心")}),
        ("选派教师到昆明市第十一中学跟岗学习。", {(ORG, "昆明市第十一中学")}),
    ],
)
def test_genre_places_and_bodies(text: str, expected: set[tuple[EntityType, str]]) -> None:
    assert _found(text) >= expected
    assert not any(name.startswith(("会同", "选派", "中共四川")) for _, name in _found(text))


@pytest.mark.parametrize(
    "text",
    ["深入乡村和行政村开展调研。", "派出第一书记驻村帮扶。", "打造文旅强省。", "压实责任区管理。"],
)
def test_generic_places_are_not_entities(text: str) -> None:
    assert {kind for kind, _ in _found(text)} <= {POLICY}
    assert PLACE not in {kind for kind, _ in _found(text)}
