"""The administrative gazetteer and the shape of local place names: real divisions and chains of
them are places, phrases ending with 市/县/区 are not; villages and towns by a bounded stem."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from noticekg.extract import lexicon
from noticekg.extract.entities import find_entities
from noticekg.extract.gazetteer import (
    DIVISIONS,
    admin_subtype,
    city_subtype,
    divisions,
    divisions_named,
    is_local_place,
    parents,
    same_body,
    strip_divisions,
)
from noticekg.extract.records import EntityType

PLACE = EntityType.PLACE
TOOL = Path(__file__).resolve().parents[2] / "tools" / "gen_gazetteer.py"


def _places(text: str) -> set[str]:
    return {e.name for e in find_entities(text) if e.type is PLACE}


def test_gazetteer_ships_every_level() -> None:
    levels = {level for _, level, _ in divisions().values()}
    assert levels == {1, 2, 3}
    assert len(divisions()) > 3000
    header = lexicon.files(lexicon.__name__).joinpath(DIVISIONS).read_text(encoding="utf-8")
    assert "tools/gen_gazetteer.py" in header.splitlines()[1]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("柳州市", "city"),
        ("黑龙江省", "province"),
        ("重庆市", "city"),
        ("鄞州区", "district"),
        ("岳西县", "county"),
        ("晋江市", "city"),
        ("恩施州", "city"),
        ("安庆市岳西县", "county"),
        ("重庆市渝北区", "district"),
        ("宁夏回族自治区", "province"),
        ("交通强市", None),
        ("县区", None),
        ("强省", None),
        ("全市", None),
        ("本区", None),
        ("示范区", None),
    ],
)
def test_admin_subtype(name: str, expected: str | None) -> None:
    assert admin_subtype(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("江西", "province"), ("内蒙古", "province"), ("柳州", "city"), ("凉山", "city")],
)
def test_city_short_names(word: str, expected: str) -> None:
    assert city_subtype(word) == expected


@pytest.mark.parametrize("word", ["和平", "发展", "南海", "朝阳区"])
def test_no_short_name_for_counties_or_words(word: str) -> None:
    assert city_subtype(word) is None


@pytest.mark.parametrize(
    ("name", "tail", "expected"),
    [
        ("石门村", "村", True),
        ("大坪头村", "村", True),
        ("龙潭社区", "社区", True),
        ("城关镇", "镇", True),
        ("岳西县天堂镇", "镇", True),
        ("个村", "村", False),
        ("全镇", "镇", False),
        ("各村", "村", False),
        ("5个村", "村", False),
        ("十一个村", "村", False),
        ("龙潭社区", "村", False),
    ],
)
def test_local_place_shape(name: str, tail: str, expected: bool) -> None:
    assert is_local_place(name, tail) is expected


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("岳西县天堂", "天堂"), ("安庆市岳西县", "岳西县"), ("天堂", "天堂"), ("岳西县", "岳西县")],
)
def test_strip_divisions(stem: str, expected: str) -> None:
    assert strip_divisions(stem) == expected


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("柳州市柳南区卫生健康局", "柳南区卫生健康局", True),
        ("柳南区卫生健康局", "柳州市柳南区卫生健康局", True),
        ("柳州市卫生健康局", "柳州市卫生健康局", True),
        ("柳州市卫生健康局", "卫健局", False),
        ("柳州市柳南区卫生健康局", "柳北区卫生健康局", False),
        ("新区卫生健康局", "卫生健康局", False),
    ],
)
def test_same_body(one: str, other: str, expected: bool) -> None:
    assert same_body(one, other) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("赴柳州市、桂林市考察学习。", {"柳州市", "桂林市"}),
        ("安庆市岳西县已完成整改。", {"安庆市岳西县"}),
        ("为建设美丽江西作出贡献。", {"江西"}),
        ("在石门村、龙潭村建设基地。", {"石门村", "龙潭村"}),
        ("对白沙坪村、新屋村等4个村开展审计。", {"白沙坪村", "新屋村"}),
        ("在澄江社区设立服务站。", {"澄江社区"}),
    ],
)
def test_places_found(text: str, expected: set[str]) -> None:
    assert expected <= _places(text)


@pytest.mark.parametrize(
    "text",
    [
        "贯彻落实市委市政府交通强市决策部署。",
        "县区农村公路通达率达到100%。",
        "调整村“两委”成员3名。",
        "全乡11个行政村集体经济收入增长。",
        "消除集体经济“空壳村”2个。",
        "推进“四好农村路”建设。",
        "清理村级债权债务12笔。",
        "推进美丽乡村建设。",
        "选派干部驻村帮扶。",
    ],
)
def test_no_place(text: str) -> None:
    assert _places(text) == set()


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_gazetteer", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("广西壮族自治区", "广西"),
        ("凉山彝族自治州", "凉山"),
        ("内蒙古自治区", "内蒙古"),
        ("香港特别行政区", "香港"),
        ("和田地区", "和田"),
        ("柳州市", "柳州"),
        ("丰县", ""),
    ],
)
def test_generator_short_names(name: str, expected: str) -> None:
    peoples = frozenset({"壮族", "彝族", "蒙古族", "蒙古", "回族"})
    assert _tool().short_name(name, peoples) == expected


@pytest.mark.parametrize(
    ("code", "level"), [("450000000000", 1), ("450200000000", 2), ("450204000000", 3)]
)
def test_generator_levels(code: str, level: int) -> None:
    assert _tool().level_of(code) == level


def test_generator_rejects_bad_code() -> None:
    with pytest.raises(ValueError, match="adcode"):
        _tool().level_of("45x")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("鼓楼区", {"南京市", "开封市", "徐州市", "福州市"}),
        ("红塔区", {"玉溪市"}),
        ("渝北区", {"重庆市"}),  # a municipality's district
        ("济源市", {"河南省"}),  # a county-level city its province governs directly
        ("温州市", {"浙江省"}),
        ("浙江省", set()),
    ],
)
def test_parents(name: str, expected: set[str]) -> None:
    assert set(parents(name)) == expected


def test_no_placeholder_divisions() -> None:
    assert not {"市辖区", "县", "省直辖县级行政区划"} & divisions().keys()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中共玉溪市红塔区第三中学总支部委员会", [("玉溪市", "玉溪市"), ("红塔区", "红塔区")]),
        ("温州浙南科技城管理委员会", [("温州市", "温州市")]),  # a city by its short name
        ("漳州市龙海区审计局", [("漳州市", "漳州市"), ("龙海市", "龙海区")]),  # renamed since
        ("中共某某公司委员会", []),
    ],
)
def test_divisions_named(text: str, expected: list[tuple[str, str]]) -> None:
    assert divisions_named(text) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("350102000000", "福州市"),
        ("350100000000", "福建省"),
        ("500112000000", "重庆市"),  # under the municipality's 市辖区 placeholder
        ("419001000000", "河南省"),  # under 省直辖县级行政区划
        ("350000000000", None),
    ],
)
def test_generator_parents(code: str, expected: str | None) -> None:
    names = {
        "350000000000": "福建省",
        "350100000000": "福州市",
        "350102000000": "鼓楼区",
        "500000000000": "重庆市",
        "500100000000": "市辖区",
        "500112000000": "渝北区",
        "410000000000": "河南省",
        "419000000000": "省直辖县级行政区划",
        "419001000000": "济源市",
    }
    tool = _tool()
    assert tool.parent_of(code, tool.level_of(code), names) == expected
