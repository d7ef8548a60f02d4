"""The divisions a notice speaks from and the full names of the bodies it names relative to them
(区财政局 in a notice of 红塔区 is 红塔区财政局), across the genre's levels: province, city,
county-level city, district of a municipality, autonomous prefecture."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticekg.extract import extract_file, extract_notice
from noticekg.extract.home import find_home, full_names, relative_level
from noticekg.extract.records import Header, Home, Inspection

DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize(
    ("publisher", "expected"),
    [
        ("中共玉溪市红塔区第三中学总支部委员会", Home("云南省", "玉溪市", "红塔区")),
        ("津南区审计局", Home("天津市", None, "津南区")),  # municipality: no prefecture
        ("中共晋江市委", Home("福建省", "泉州市", "晋江市")),  # county-level city
        ("温州浙南科技城管理委员会", Home("浙江省", "温州市", None)),  # city by short name
        ("中共阿坝州委", Home("四川省", "阿坝州", None)),
        ("中共四川省文化和旅游厅党组", Home("四川省", None, None)),
        ("漳州市龙海区审计局", Home("福建省", "漳州市", "龙海区")),  # as written, not 龙海市
        ("中共福州市鼓楼区财政局党组", Home("福建省", "福州市", "福州市鼓楼区")),  # name shared
        ("北京市朝阳区审计局", Home("北京市", None, "北京市朝阳区")),
        ("鼓楼区财政局", Home()),  # four cities have one: which is unknown
        ("中共某某科技学院委员会", Home()),
    ],
)
def test_home_from_the_publisher(publisher: str, expected: Home) -> None:
    assert find_home(Header(publisher=publisher), None) == expected


def test_publisher_comes_before_the_title() -> None:
    header = Header(title="关于绍兴市有关情况的通报", publisher="中共南昌市交通运输局党组")
    assert find_home(header, None).city == "南昌市"


def test_inspected_body_when_there_is_no_publisher() -> None:
    inspection = Inspection(kind="巡察", target="中共光山县槐店乡委员会")
    assert find_home(Header(), inspection) == Home("河南省", "信阳市", "光山县")


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("区财政局", "区"),
        ("市委第三巡察组", "市"),
        ("省委", "省"),
        ("县纪委监委派驻第四纪检监察组", "县"),
        ("州委", "州"),
        ("市政府", "市"),
        ("市政协", "市"),
        ("市场监管局", None),  # 市场, a market
        ("区域协调发展办公室", None),
        ("市政工程管理处", None),  # municipal works
        ("市中区财政局", None),  # 市中区 is itself a district
        ("红塔区财政局", None),
        ("区", None),
    ],
)
def test_relative_level(name: str, level: str | None) -> None:
    assert relative_level(name) == level


def test_full_names_per_level() -> None:
    home = Home("福建省", "泉州市", "晋江市")
    names = ["市委", "省委第六巡视组", "区委", "县委", "市场监管局", "晋江市财政局"]
    assert full_names(home, names) == {
        "市委": "晋江市委",  # a county-level city's 市委 is its own
        "省委第六巡视组": "福建省委第六巡视组",
        "区委": None,  # no district named
        "县委": None,
    }


def test_autonomous_region_party_committee() -> None:
    home = Home("宁夏回族自治区", "银川市", "兴庆区")
    assert full_names(home, ["区党委第三巡视组", "区委第一巡察组"]) == {
        "区党委第三巡视组": "宁夏回族自治区党委第三巡视组",
        "区委第一巡察组": "兴庆区委第一巡察组",
    }


def test_municipality_city_level() -> None:
    assert full_names(Home("重庆市", None, "渝北区"), ["市委", "区委"]) == {
        "市委": "重庆市委",
        "区委": "渝北区委",
    }


NOTICE = """中共{place}财政局党组关于区委第二巡察组巡察反馈意见整改情况的通报

根据区委统一部署，2023年3月1日至4月30日，区委第二巡察组对{place}财政局党组开展了常规巡察。
一、关于“资金管理不规范”问题
整改措施：会同区审计局开展专项检查，已完成整改。
"""


@pytest.mark.parametrize(
    ("place", "committee"),
    [("包头市昆都仑区", "昆都仑区委"), ("重庆市渝北区", "渝北区委"), ("合肥市蜀山区", "蜀山区委")],
)
def test_notice_names_its_bodies_in_full(place: str, committee: str) -> None:
    notice = extract_notice(NOTICE.format(place=place))
    assert notice.full_name("区委") == committee
    assert notice.full_name("区委第二巡察组") == committee + "第二巡察组"
    assert notice.full_name(f"{place}财政局") == f"{place}财政局"


@pytest.mark.parametrize("path", sorted(DATA.glob("*/*.txt")), ids=lambda p: p.name)
def test_genre_full_names_open_with_the_home(path: Path) -> None:
    """Over the genre notices: each full name is its relative name with one of the notice's own
    divisions put in front of the rest."""
    notice = extract_file(path)
    own = {notice.home.province, notice.home.city, notice.home.county} - {None}
    for name, full in notice.full_names.items():
        if full is not None:
            assert any(full == place + name[1:] for place in own), (name, full, notice.home)
