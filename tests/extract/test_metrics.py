from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noticekg.extract.metrics import find_metrics
from noticekg.extract.sections import parse_sections


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (value, unit, normalised value, normalised unit, approximate)
        (
            "给予教育提醒18人(20人次)",
            [("18", "人", "18", "person", False), ("20", "人次", "20", "person_time", False)],
        ),
        ("实现资金调剂8.7亿元", [("8.7", "亿元", "870000000", "CNY", False)]),
        ("获得3500万元的授信", [("3500", "万元", "35000000", "CNY", False)]),
        ("退还多收费用1,250元", [("1250", "元", "1250", "CNY", False)]),
        (
            "完成做地1135亩,完成率103.18%",
            [("1135", "亩", "1135", "mu", False), ("103.18", "%", "103.18", "percent", False)],
        ),
        ("投资增长12.5个百分点", [("12.5", "个百分点", "12.5", "percentage_point", False)]),
        ("累计组织学习 43 次", [("43", "次", "43", "count", False)]),
        ("新增瞪羚企业4家", [("4", "家", "4", "count", False)]),
        ("给予政务处分0人", [("0", "人", "0", "person", False)]),
        ("开展督查10余次", [("10", "次", "10", "count", True)]),
        ("约200名干部参加", [("200", "名", "200", "person", True)]),
        ("修订完善制度十二项", [("12", "项", "12", "count", False)]),
        ("组织观看警示教育片两次", [("2", "次", "2", "count", False)]),
        ("开展廉政谈话二十三人次", [("23", "人次", "23", "person_time", False)]),
        ("整改率达百分之九十五", [("95", "百分之", "95", "percent", False)]),
        (
            "盘活16套安置房、清退众创空间2家",
            [("16", "套", "16", "count", False), ("2", "家", "2", "count", False)],
        ),
        ("永久基本农田3.2万亩", [("3.2", "万亩", "32000", "mu", False)]),
        ("市高水平创新团队(项目)2支", [("2", "支", "2", "count", False)]),
        # durations, ages and thresholds are figures; a scale character may precede any unit
        (
            "整改期限3个月,5个工作日内办结",
            [("3", "个月", "3", "month", False), ("5", "个工作日", "5", "working_day", False)],
        ),
        (
            "其中35岁以下3名,闲置2年以上",
            [
                ("35", "岁", "35", "year_of_age", False),
                ("3", "名", "3", "person", False),
                ("2", "年", "2", "year", False),
            ],
        ),
        ("覆盖经营主体4.7万家", [("4.7", "万家", "47000", "count", False)]),
        (
            "清退低保对象19户37人",
            [("19", "户", "19", "count", False), ("37", "人", "37", "person", False)],
        ),
        (
            "举办培训班4期,开展比武活动3轮",
            [("4", "期", "4", "count", False), ("3", "轮", "3", "count", False)],
        ),
        (
            "处置设备37台(套),开展宣讲6场次",
            [("37", "台(套)", "37", "count", False), ("6", "场次", "6", "count", False)],
        ),
        # negative cases: nothing here counts anything
        ("2019年4月4日至7月5日,2020年12月7日", []),
        ("电话0577-88019695;邮政编码325011;索引号001008003015161/2021-00113", []),
        ("完成龙水单元YB-04-A-02做地储备,落地A33泰古控股、大唐5G创新中心", []),
        ("提速2A信用评级工作", []),
        ("以“152”工程为抓手,推行“3+3”融资延期模式", []),
        ("建立“三张服务清单”,出台《“六个一律”实施方案》", []),
        ("着力两大主导产业发展,完成四大园区物业招投标", []),
        ("各支部“三会一课”、三会一课制度,推行“绿黄红”三色预警", []),
        ("制定科技城做地三年工作计划(2019-2021年)", []),
        ("对党员档案进行一次全面整理,确保每一项措施落实", []),
        ("落地创新创业新天地一期、国际机电城二期", []),
        ("严格落实中央八项规定精神,增强四个意识,落实两个责任", []),
        ("第一时间启动整改,市委第二巡察组", []),
        ("新建5万吨级泊位,提速3A级景区创建", []),
        ("签约年产50万台新能源电机项目,建成日处理300吨污水处理工程", []),
        ("2024年以来,在2023年度考核中", []),
    ],
)
def test_figures(text: str, expected: list[tuple]) -> None:
    metrics = find_metrics(text)
    got = [
        (str(m.value), m.unit, str(m.normalised_value), m.normalised_unit, m.approximate)
        for m in metrics
    ]
    assert got == expected
    for metric in metrics:
        assert text[metric.span.start : metric.span.end] == metric.span.quote


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("新增瞪羚企业4家、科技型中小企业38家", "新增瞪羚企业"),
        ("累计完成做地1135亩,完成率103.18%", "完成做地"),
        ("在重点节点建设3处形象标识", "形象标识"),
    ],
)
def test_about_names_what_is_counted(text: str, about: str) -> None:
    assert find_metrics(text)[0].about == about


def test_metrics_fall_in_their_sections() -> None:
    text = (
        "新制定制度21项。\n"
        "一、关于“A不到位”问题的整改情况\n(一)加强A。完成5个。\n(二)加强B。完成6个。\n"
        "二、关于“C不到位”问题的整改情况\n完成7个。\n"
    )
    problems, measures, _ = parse_sections(text)
    placed = [(m.value, m.problem, m.measure) for m in find_metrics(text, problems, measures)]
    assert placed == [
        (Decimal(21), None, None),
        (Decimal(5), 1, 1),
        (Decimal(6), 1, 2),
        (Decimal(7), 2, 1),
    ]


def test_sample_metrics_against_gold(sample_text: str, gold: dict) -> None:
    problems, measures, _ = parse_sections(sample_text)
    metrics = find_metrics(sample_text, problems, measures)
    found = Counter((m.value, m.unit, m.problem) for m in metrics)
    expected = Counter((Decimal(str(m["value"])), m["unit"], m["problem"]) for m in gold["metrics"])
    true_positives = sum((found & expected).values())
    precision = true_positives / sum(found.values())
    recall = true_positives / sum(expected.values())
    assert 2 * precision * recall / (precision + recall) >= 0.95
    offsets = {m["offset"] for m in gold["metrics"]}
    assert sum(m.span.start in offsets for m in metrics) >= 0.95 * len(offsets)


@given(
    st.text(
        alphabet="一二两三十百0123456789.%个项人次万元亿“”《》年月日 ,。、第余约-ABG", max_size=80
    )
)
def test_never_crashes_and_spans_are_exact(text: str) -> None:
    for metric in find_metrics(text):
        assert text[metric.span.start : metric.span.end] == metric.span.quote
        assert metric.normalised_value >= 0
