from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noticekg.extract.inspection import parse_inspection

CITY = (
    "根据市委部署,2019年4月4日至7月5日,市委第二巡察组对某区管委会进行了专项巡察。"
    "2019年8月14日,市委巡察组向某区管委会反馈了巡察意见。现将整改情况予以公布。"
)
PROVINCE_ROUND = (
    "根据省委统一部署,2021年3月15日至5月31日,十三届省委第十一轮巡视第三巡视组对省自然资源厅党组"
    "开展了常规巡视。2021年7月9日,省委第三巡视组向省自然资源厅党组反馈了巡视意见。"
)
DISTRICT = (
    "根据区委巡察工作统一安排,区委第一巡察组于2022年4月6日至6月10日对区市场监督管理局党组"
    "进行了常规巡察,并于2022年8月5日进行了反馈。"
)
COMPANY = (
    "按照集团党委统一部署,2020年10月20日至12月18日,集团党委第二巡察组对某某新能源有限公司党委"
    "进行了巡察,2021年1月22日反馈了巡察意见。"
)
COUNTY_NO_YEAR = (
    "根据县委统一部署,3月10日至4月30日,县委第四巡察组对县林业局党组进行了巡察回头看。"
    "6月2日,县委第四巡察组反馈了意见。"
)
YEAR_ROLLOVER = (
    "根据市委部署,2020年11月3日至1月15日,市委第五巡察组对市档案馆进行了常规巡察。"
    "3月2日,巡察组反馈了巡察意见。"
)
# The round named as the ordering body; a short name declared after the target.
ROUND_ORDERS = (
    "根据十三届省委第十一轮巡视工作部署,2021年3月22日至5月28日,省委第二巡视组对中共某省科学技术厅"
    "党组(以下简称厅党组)进行了常规巡视。7月9日,省委巡视组向厅党组反馈了巡视意见。"
)
# 关于… between the authority and 部署.
ABOUT_WORK = (
    "根据市委关于巡察工作的统一部署,市委第四巡察组于2021年9月6日至11月5日对中共某开发区工作委员会"
    "(以下简称党工委)进行了常规巡察,并于2021年12月9日反馈了巡察意见。"
)
# Short names declared inside the authority and the target: the text goes on with 简称 + tail.
SHORT_INSIDE = (
    "根据某某港务集团有限公司(以下简称港务集团)党委统一部署,2023年5月22日至7月7日,港务集团党委"
    "第二巡察组对某某物流有限公司(简称物流公司)党委开展了常规巡察。8月16日,巡察组向公司党委反馈了"
    "巡察意见。"
)
DAMAGED = "根据市委部署,20190404日至0705日,市委巡察组对某局进行了专项巡察。"
AUDIT_REPORT = (
    "主任、副主任、秘书长、各位委员:\n受市人民政府委托,现将2022年度市级预算执行和其他财政收支"
    "审计查出问题的整改情况报告如下,请予审议。"
)
AUDIT_TARGET = (
    "2021年3月1日至5月20日,市审计局对市教育局2020年度预算执行情况进行了审计。"
    "2021年6月10日,市审计局出具了审计报告。"
)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            CITY,
            None,
            (
                "巡察",
                "市委",
                "市委第二巡察组",
                "某区管委会",
                date(2019, 4, 4),
                date(2019, 7, 5),
                date(2019, 8, 14),
            ),
        ),
        (
            PROVINCE_ROUND,
            None,
            (
                "巡视",
                "省委",
                "十三届省委第十一轮巡视第三巡视组",
                "省自然资源厅党组",
                date(2021, 3, 15),
                date(2021, 5, 31),
                date(2021, 7, 9),
            ),
        ),
        (
            DISTRICT,
            None,
            (
                "巡察",
                "区委",
                "区委第一巡察组",
                "区市场监督管理局党组",
                date(2022, 4, 6),
                date(2022, 6, 10),
                date(2022, 8, 5),
            ),
        ),
        (
            COMPANY,
            None,
            (
                "巡察",
                "集团党委",
                "集团党委第二巡察组",
                "某某新能源有限公司党委",
                date(2020, 10, 20),
                date(2020, 12, 18),
                date(2021, 1, 22),
            ),
        ),
        (
            COUNTY_NO_YEAR,
            date(2023, 7, 1),
            (
                "巡察",
                "县委",
                "县委第四巡察组",
                "县林业局党组",
                date(2023, 3, 10),
                date(2023, 4, 30),
                date(2023, 6, 2),
            ),
        ),
        (
            YEAR_ROLLOVER,
            None,
            (
                "巡察",
                "市委",
                "市委第五巡察组",
                "市档案馆",
                date(2020, 11, 3),
                date(2021, 1, 15),
                date(2021, 3, 2),
            ),
        ),
        (
            ROUND_ORDERS,
            None,
            (
                "巡视",
                "省委",
                "省委第二巡视组",
                "中共某省科学技术厅党组",
                date(2021, 3, 22),
                date(2021, 5, 28),
                date(2021, 7, 9),
            ),
        ),
        (
            ABOUT_WORK,
            None,
            (
                "巡察",
                "市委",
                "市委第四巡察组",
                "中共某开发区工作委员会",
                date(2021, 9, 6),
                date(2021, 11, 5),
                date(2021, 12, 9),
            ),
        ),
        (
            SHORT_INSIDE,
            None,
            (
                "巡察",
                "港务集团党委",
                "港务集团党委第二巡察组",
                "物流公司党委",
                date(2023, 5, 22),
                date(2023, 7, 7),
                date(2023, 8, 16),
            ),
        ),
        (
            DAMAGED,
            None,
            ("巡察", "市委", "市委巡察组", "某局", date(2019, 4, 4), date(2019, 7, 5), None),
        ),
        (AUDIT_REPORT, None, ("审计", None, None, None, None, None, None)),
        (
            AUDIT_TARGET,
            None,
            ("审计", None, None, "市教育局", date(2021, 3, 1), date(2021, 5, 20), None),
        ),
    ],
)
def test_opening_formula(text: str, published: date | None, expected: tuple) -> None:
    found = parse_inspection(text, published=published)
    assert found is not None
    got = (found.kind, found.authority, found.inspector, found.target, found.start, found.end)
    assert (*got, found.feedback) == expected
    assert found.span is not None
    assert text[found.span.start : found.span.end] == found.span.quote


@pytest.mark.parametrize(
    "text",
    [
        "",
        "一、关于“招商引资效果难以显现”问题的整改情况\n(一)加快重大项目对接落地。",
        "对干部兼职情况进行全面自查梳理,对因工作需要的兼职办理相应审批手续。",
    ],
)
def test_no_inspection(text: str) -> None:
    assert parse_inspection(text) is None


def test_sample_inspection(sample_text: str, gold: dict) -> None:
    found = parse_inspection(sample_text)
    assert found is not None
    assert found.kind == "巡察"
    assert (found.authority, found.inspector) == (
        gold["inspection"]["authority"],
        gold["inspection"]["inspector"],
    )
    assert found.target == "温州浙南科技城管委会"  # as written
    assert [d.isoformat() for d in (found.start, found.end, found.feedback)] == [
        gold["inspection"][k] for k in ("start", "end", "feedback")
    ]
    assert found.span.quote.startswith("根据市委部署") and found.span.quote.endswith(
        "反馈了巡察意见。"
    )


@given(
    st.text(
        alphabet="根据市委部署,2019年4月4日至7月5日第二巡察组对X进行了巡察反馈审计。0123",
        max_size=160,
    )
)
def test_inspection_never_crashes(text: str) -> None:
    found = parse_inspection(text)
    if found is not None and found.span is not None:
        assert text[found.span.start : found.span.end] == found.span.quote
