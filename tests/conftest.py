"""Shared fixtures: two small hand-made notices (records only, no extractor involved).

``notice_a`` has a 索引号, an inspection, two problems with three measures, metrics, a 《》
regulation established inside a measure, and relations; ``notice_b`` has no 索引号 (hash IRI)
and shares 市委 and one regulation with ``notice_a``, so cross-notice queries have an answer.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from noticekg.extract.records import (
    Contact,
    Entity,
    EntityType,
    Header,
    Inspection,
    Measure,
    Metric,
    Notice,
    Predicate,
    Problem,
    Relation,
    Span,
)

TEXT_A = (
    "甲市科技局关于巡察整改情况的通报\n"
    "根据市委部署,2019年4月4日至7月5日,市委第一巡察组对甲市科技局进行了巡察。"
    "2019年8月14日反馈了巡察意见。\n"
    "一、关于“项目推进不力”问题的整改情况\n"
    "(一)加快项目建设。制定《甲市科技项目管理办法》,落实资金8.7亿元,推进创新大厦项目。\n"
    "(二)完善平台管理。由科技局运营科技服务平台,新增企业12家。\n"
    "二、关于“制度执行不严”问题的整改情况\n"
    "(一)健全制度。与乙区人民政府合作,出台《财务管理办法》。\n"
)

TEXT_B = (
    "乙区人民政府关于审计整改情况的通报\n"
    "根据市委部署,乙区人民政府落实《甲市科技项目管理办法》,完成投资3000万元。\n"
)


def span(text: str, quote: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return Span(start, start + len(quote), quote)


def section(text: str, first: str, last: str) -> Span:
    start = text.index(first)
    end = text.index(last, start) + len(last)
    return Span(start, end, text[start:end])


def _notice_a() -> Notice:
    t = TEXT_A
    entities = (
        Entity(
            "甲市科技局",
            EntityType.ORGANIZATION,
            "government",
            ("科技局",),
            (span(t, "甲市科技局"), span(t, "甲市科技局", 1), span(t, "科技局", 2)),
        ),
        Entity("市委", EntityType.ORGANIZATION, "party", (), (span(t, "市委"),)),
        Entity(
            "市委第一巡察组",
            EntityType.ORGANIZATION,
            "inspection_team",
            (),
            (span(t, "市委第一巡察组"),),
        ),
        Entity(
            "乙区人民政府", EntityType.ORGANIZATION, "government", (), (span(t, "乙区人民政府"),)
        ),
        Entity(
            "甲市科技项目管理办法",
            EntityType.POLICY,
            "regulation",
            (),
            (span(t, "甲市科技项目管理办法"),),
        ),
        Entity("财务管理办法", EntityType.POLICY, "regulation", (), (span(t, "财务管理办法"),)),
        Entity("创新大厦项目", EntityType.PROJECT, "construction", (), (span(t, "创新大厦项目"),)),
        Entity("科技服务平台", EntityType.PLATFORM, None, (), (span(t, "科技服务平台"),)),
    )
    m1 = section(t, "(一)加快", "项目。")
    m2 = section(t, "(二)完善", "12家。")
    m3 = section(t, "(一)健全", "办法》。")
    p1 = section(t, "一、关于", "12家。")
    p2 = section(t, "二、关于", "办法》。")
    return Notice(
        source="a.txt",
        text=t,
        sha256=hashlib.sha256(t.encode()).hexdigest(),
        header=Header(
            title="甲市科技局关于巡察整改情况的通报",
            publisher="甲市科技局",
            index_no="TEST/2021-001",
            category="通知公告",
            published=date(2021, 3, 4),
            signed=date(2020, 12, 7),
            contact=Contact(phone="0577-1234567", postcode="325000"),
        ),
        inspection=Inspection(
            kind="巡察",
            authority="市委",
            inspector="市委第一巡察组",
            target="甲市科技局",
            start=date(2019, 4, 4),
            end=date(2019, 7, 5),
            feedback=date(2019, 8, 14),
            span=section(t, "根据", "巡察。"),
        ),
        problems=(
            Problem(1, "项目推进不力", span(t, "项目推进不力"), p1),
            Problem(2, "制度执行不严", span(t, "制度执行不严"), p2),
        ),
        measures=(
            Measure(1, 1, "加快项目建设", span(t, "加快项目建设"), m1),
            Measure(1, 2, "完善平台管理", span(t, "完善平台管理"), m2),
            Measure(2, 1, "健全制度", span(t, "健全制度"), m3),
        ),
        sentences=(),
        metrics=(
            Metric(
                Decimal("8.7"),
                "亿元",
                Decimal("870000000"),
                "CNY",
                "落实资金",
                span(t, "8.7亿元"),
                1,
                1,
            ),
            Metric(Decimal("12"), "家", Decimal("12"), "家", "新增企业", span(t, "12家"), 1, 2),
        ),
        entities=entities,
        relations=(
            Relation("市委第一巡察组", Predicate.INSPECTED, "甲市科技局"),
            Relation("市委第一巡察组", Predicate.PART_OF, "市委"),
            Relation("科技局", Predicate.OPERATES, "科技服务平台"),
            Relation(
                "甲市科技局",
                Predicate.ESTABLISHES,
                "甲市科技项目管理办法",
                span(t, "制定《甲市科技项目管理办法》"),
            ),
            Relation(
                "甲市科技局", Predicate.ESTABLISHES, "财务管理办法", span(t, "出台《财务管理办法》")
            ),
            Relation("甲市科技局", Predicate.COOPERATES_WITH, "乙区人民政府"),
        ),
    )


def _notice_b() -> Notice:
    t = TEXT_B
    return Notice(
        source="b.txt",
        text=t,
        sha256=hashlib.sha256(t.encode()).hexdigest(),
        header=Header(
            title="乙区人民政府关于审计整改情况的通报",
            publisher="乙区人民政府",
            published=date(2022, 1, 10),
        ),
        inspection=Inspection(
            kind="审计", authority="市委", target="乙区人民政府", start=date(2021, 5, 1)
        ),
        problems=(),
        measures=(),
        sentences=(),
        metrics=(
            Metric(
                Decimal("3000"), "万元", Decimal("30000000"), "CNY", "完成投资", span(t, "3000万元")
            ),
        ),
        entities=(
            Entity(
                "乙区人民政府",
                EntityType.ORGANIZATION,
                "government",
                (),
                (span(t, "乙区人民政府"), span(t, "乙区人民政府", 1)),
            ),
            Entity("市委", EntityType.ORGANIZATION, "party", (), (span(t, "市委"),)),
            Entity(
                "甲市科技项目管理办法",
                EntityType.POLICY,
                "regulation",
                (),
                (span(t, "甲市科技项目管理办法"),),
            ),
        ),
        relations=(),
    )


@pytest.fixture
def notice_a() -> Notice:
    return _notice_a()


@pytest.fixture
def notice_b() -> Notice:
    return _notice_b()


@pytest.fixture
def notices() -> tuple[Notice, Notice]:
    return (_notice_a(), _notice_b())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current extractor instead of comparing with it",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample() -> Notice:
    """The bundled sample notice, extracted once per test session."""
    from importlib.resources import as_file

    from noticekg.extract import extract_file
    from noticekg.samples import sample_notice

    with as_file(sample_notice()) as path:
        return extract_file(path)
