"""In-document coreference: declared short names, shortened names, self-references."""

from __future__ import annotations

import pytest

from noticekg.extract.aliases import normalise
from noticekg.extract.entities import canonical_name, find_entities
from noticekg.extract.records import Entity


def _entity(entities: tuple[Entity, ...], form: str) -> Entity:
    (found,) = [e for e in entities if form == e.name or form in e.aliases]
    return found


@pytest.mark.parametrize(
    ("text", "publisher", "name", "aliases"),
    [
        (
            "湖南省长沙经济技术开发区管理委员会(以下简称长沙经开区管委会)召开会议,经开区管委会要求",
            None,
            "湖南省长沙经济技术开发区管理委员会",
            {"长沙经开区管委会", "经开区管委会"},
        ),
        (
            "中共广东省广业集团有限公司委员会(以下简称“广业集团党委”)高度重视。",
            None,
            "中共广东省广业集团有限公司委员会",
            {"广业集团党委"},
        ),
        (
            "开化县文化广电旅游体育局党组把巡察整改作为政治任务。局党组书记同志任组长。",
            "开化县文化广电旅游体育局党组",
            "开化县文化广电旅游体育局党组",
            {"局党组"},
        ),
        (
            "市委巡察组对衢州市城市建设投资集团有限公司进行了巡察。集团公司党委召开会议,"
            "市城市建设投资集团制定制度。",
            None,
            "衢州市城市建设投资集团有限公司",
            {"市城市建设投资集团", "集团公司"},
        ),
        (
            "温州浙南科技城管委会发布。温州浙南科技城管理委员会关于整改情况的通报。管委会班子",
            "温州浙南科技城管委会",
            "温州浙南科技城管理委员会",
            {"温州浙南科技城管委会", "管委会"},
        ),
        (
            "宁波高新区(新材料科技城)管委会把整改作为重点。高新区管委会领导班子",
            "宁波高新区(新材料科技城)管委会",
            "宁波高新区(新材料科技城)管委会",
            {"高新区管委会"},
        ),
        ("启用东湖光谷大厦,光谷大楼入驻企业12家。", None, "东湖光谷大厦", {"光谷大楼"}),
        ("市委巡察组反馈后,市委第二巡察组督促整改。", None, "市委第二巡察组", {"市委巡察组"}),
        (
            "规范浙东科技城管委会运行,浙东科技城招商,科技城各级党组织",
            None,
            "浙东科技城",
            {"科技城"},
        ),
    ],
)
def test_short_forms_are_aliases(
    text: str, publisher: str | None, name: str, aliases: set[str]
) -> None:
    entities = find_entities(text, publisher=publisher, target=publisher)
    entity = _entity(entities, name)
    assert entity.name == name
    assert aliases <= set(entity.aliases)


@pytest.mark.parametrize(
    "text",
    [
        "市委第一巡察组和市委第二巡察组分别反馈。市委巡察组要求",
        "区委直属机关工委和管委会机关党委联系组织",
    ],
)
def test_ambiguous_short_forms_stay_unattached(text: str) -> None:
    entities = find_entities(text)
    forms = [form for e in entities for form in (e.name, *e.aliases)]
    assert len(forms) == len(set(forms))
    assert "市委巡察组" not in {alias for e in entities for alias in e.aliases}


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("温州浙南科技城管委会", "温州浙南科技城管理委员会"),
        ("管委会", "温州浙南科技城管理委员会"),
        ("市委第二巡察组", "市委第二巡察组"),
        ("不存在的机构", None),
    ],
)
def test_canonical_name(sample_text: str, surface: str, expected: str | None) -> None:
    entities = find_entities(sample_text, publisher="温州浙南科技城管委会")
    assert canonical_name(entities, surface) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("X管理委员会", "X管委会"),
        ("X集团有限公司", "X集团"),
        ("X集团公司", "X集团"),
        ("X人民政府", "X政府"),
        ("X大厦", "X大楼"),
        ("X 方案", "X方案"),
    ],
)
def test_normalise(name: str, key: str) -> None:
    assert normalise(name) == key


def test_aliases_are_local_to_one_notice() -> None:
    first = find_entities("湖南省长沙经济技术开发区管理委员会(以下简称经开委)召开会议")
    assert "经开委" in _entity(first, "经开委").aliases
    later = find_entities("经开委召开会议。")
    assert all("湖南" not in form for e in later for form in (e.name, *e.aliases))
