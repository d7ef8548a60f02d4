import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from noticekg.extract.dates import find_dates
from noticekg.extract.header import parse_header
from noticekg.extract.inspection import parse_inspection
from noticekg.extract.metrics import find_metrics
from noticekg.extract.sections import NO_SUBHEADING_NOTE, parse_sections
from noticekg.extract.text import split_sentences

OPENING = "根据市委统一部署,市委第一巡察组对某单位党组进行了常规巡察。\n"

# Province: an opening part, a container heading, (一) problems, 1. measures, a closing part.
PROVINCE = OPENING + (
    "一、提高政治站位,强化整改组织领导\n"
    "厅党组召开专题会议12次,成立整改工作领导小组。\n"
    "二、巡视反馈问题的整改落实情况\n"
    "(一)关于“贯彻落实党中央决策部署有差距”的问题\n"
    "1.加强理论学习。开展集中学习研讨15次。\n"
    "2.推进耕地保护。补充耕地1,250亩。\n"
    "(二)关于“落实全面从严治党责任不够有力”的问题\n"
    "1.压实主体责任。签订责任书126份。\n"
    "三、下一步工作打算\n"
    "持续巩固整改成果。\n"
)

# District: unquoted problems, 一是/二是 blocks, a slogan quoted inside a title, ASCII brackets.
DISTRICT = OPENING + (
    "一、关于落实全面从严治党主体责任不到位的问题\n"
    "一是压实党组主体责任。修订党组议事规则。二是加强警示教育。开展廉政谈话二十三人次。\n"
    "二、关于“三重一大”决策制度执行不严格的问题\n"
    "严格执行“三重一大”集体决策制度,修订完善制度十二项。召开党组会议时坚持末位表态。\n"
    "三、关于选人用人不规范,干部队伍结构不合理问题的整改情况\n"
    "(一)规范干部选任程序。完成干部档案专项审核。\n"
    "(二)优化干部队伍结构:选调年轻干部5名。\n"
    "特此通报。\n"
)

# Company: three levels, (一)在“AREA”方面 → 1.关于“PROBLEM”问题的整改 → (1) measures.
COMPANY = OPENING + (
    "(一)在“贯彻落实上级决策部署”方面\n"
    "1.关于“安全生产主体责任压得不实”问题的整改\n"
    "(1)健全安全生产责任体系。修订安全生产责任制28条。\n"
    "(2)开展专项整治。清理违规外包项目7个。\n"
    "2.关于“新能源项目推进迟缓”问题的整改\n"
    "(1)加快项目建设。新增并网装机容量35.6万千瓦。\n"
    "(二)在“全面从严治党”方面\n"
    "1.关于“中央八项规定精神落实不到位”问题的整改\n"
    "(1)严控“三公”经费。清退违规发放津贴补贴4.3万元。\n"
)

# Audit report: a summary part, a container, (一) groups, 1. problems with the answer on the line.
AUDIT = (
    "主任、副主任、秘书长、各位委员:\n"
    "一、审计查出问题整改的总体情况\n"
    "已整改到位172个,整改完成率92.47%。\n"
    "二、审计查出问题的整改情况\n"
    "(一)市级预算管理审计查出问题的整改情况\n"
    "1.关于部分收入未及时缴入国库的问题。已缴入国库1.2亿元。\n"
    "2.关于预算编制不够细化的问题。市财政局修订预算编制规程。\n"
    "三、下一步工作\n"
    "持续跟踪督促整改。\n"
)

# Several problems in one pair of quotes, and two quoted problems joined by 、.
JOINED = OPENING + (
    "一、关于“学习贯彻不深入、执行决策有偏差”问题的整改情况\n"
    "(一)深化理论学习。开展学习8次。\n"
    "二、关于“‘三重一大’制度执行不严”、“招投标管理不规范”问题的整改情况\n"
    "(一)完善制度。制定办法3项。\n"
)


@pytest.mark.parametrize(
    ("text", "problems", "measures"),
    [
        (
            PROVINCE,
            ["贯彻落实党中央决策部署有差距", "落实全面从严治党责任不够有力"],
            [(1, 1, "加强理论学习"), (1, 2, "推进耕地保护"), (2, 1, "压实主体责任")],
        ),
        (
            DISTRICT,
            [
                "落实全面从严治党主体责任不到位",
                "“三重一大”决策制度执行不严格",
                "选人用人不规范,干部队伍结构不合理",
            ],
            [
                (1, 1, "一是压实党组主体责任"),
                (2, 1, "严格执行“三重一大”集体决策制度,修订完善制度十二项"),
                (3, 1, "规范干部选任程序"),
                (3, 2, "优化干部队伍结构:选调年轻干部5名"),
            ],
        ),
        (
            COMPANY,
            ["安全生产主体责任压得不实", "新能源项目推进迟缓", "中央八项规定精神落实不到位"],
            [
                (1, 1, "健全安全生产责任体系"),
                (1, 2, "开展专项整治"),
                (2, 1, "加快项目建设"),
                (3, 1, "严控“三公”经费"),
            ],
        ),
        (
            AUDIT,
            ["部分收入未及时缴入国库", "预算编制不够细化"],
            [(1, 1, "已缴入国库1.2亿元"), (2, 1, "市财政局修订预算编制规程")],
        ),
        (
            JOINED,
            ["学习贯彻不深入、执行决策有偏差", "‘三重一大’制度执行不严”、“招投标管理不规范"],
            [(1, 1, "深化理论学习"), (2, 1, "完善制度")],
        ),
    ],
)
def test_section_shapes(text: str, problems: list[str], measures: list[tuple]) -> None:
    found_problems, found_measures, _ = parse_sections(text)
    assert [p.title for p in found_problems] == problems
    assert [(m.problem, m.n, m.title) for m in found_measures] == measures
    for item in (*found_problems, *found_measures):
        for span in (item.title_span, item.section):
            assert text[span.start : span.end] == span.quote
        assert item.section.start <= item.title_span.start < item.section.end


def test_measure_sections_nest_in_their_problem() -> None:
    problems, measures, _ = parse_sections(PROVINCE)
    by_n = {p.n: p for p in problems}
    for measure in measures:
        outer = by_n[measure.problem].section
        assert outer.start <= measure.section.start < measure.section.end <= outer.end
    assert "下一步" not in problems[-1].section.quote
    assert problems[0].section.quote.startswith("(一)关于")
    assert measures[0].section.quote == "1.加强理论学习。开展集中学习研讨15次。"


def test_closing_paragraph_ends_the_last_section() -> None:
    text = OPENING + "一、关于“X不到位”问题的整改情况\n完善制度。\n下一步,将持续整改。\n"
    problems, measures, _ = parse_sections(text)
    assert problems[0].section.quote == "一、关于“X不到位”问题的整改情况\n完善制度。"
    assert measures[0].note == NO_SUBHEADING_NOTE
    assert measures[0].title == "完善制度"


@pytest.mark.parametrize(
    "text",
    [
        "",
        OPENING,
        "欢迎广大干部群众对巡察整改落实情况进行监督。\n某单位\n2021年1月1日",
    ],
)
def test_no_headings_is_a_warning_not_an_error(text: str) -> None:
    problems, measures, warnings = parse_sections(text)
    assert problems == () and measures == ()
    assert warnings


def test_numbering_gap_is_reported() -> None:
    text = OPENING + "一、关于“A”问题的整改情况\n做了A。\n三、关于“C”问题的整改情况\n做了C。\n"
    problems, _, warnings = parse_sections(text)
    assert [p.title for p in problems] == ["A", "C"]
    assert any("follows" in w for w in warnings)


def test_sample_problems_and_measures(sample_text: str, gold: dict) -> None:
    problems, measures, warnings = parse_sections(sample_text)
    assert warnings == ()
    assert [(p.n, p.title, p.title_span.start) for p in problems] == [
        (p["n"], p["title"], p["offset"]) for p in gold["problems"]
    ]
    assert [(m.problem, m.n, m.title, m.title_span.start, m.note) for m in measures] == [
        (m["problem"], m["n"], m["title"], m["offset"], m.get("note")) for m in gold["measures"]
    ]
    assert problems[-1].section.quote.endswith("提高了财政资源配置效率和使用效益。")


@given(st.text(alphabet="一二三十、()(1).“”‘’关于问题的整改情况下一步。\n 做A", max_size=200))
def test_never_crashes_and_spans_are_exact(text: str) -> None:
    problems, measures, _ = parse_sections(text)
    for item in (*problems, *measures):
        for span in (item.title_span, item.section):
            assert text[span.start : span.end] == span.quote


@pytest.mark.parametrize(
    "part",
    ["五、巡察整改日常监督情况", "三、整改工作监督检查情况", "四、日常监督情况"],
)
def test_supervision_part_is_not_a_problem(part: str) -> None:
    text = OPENING + (
        "一、关于“A不到位”问题的整改情况\n(一)完善制度。制定办法3项。\n"
        "二、关于“B不规范”问题的整改情况\n(一)规范管理。清理账户2个。\n"
        f"{part}\n派驻纪检监察组开展日常监督,给予党纪处分0人。\n"
    )
    problems, measures, _ = parse_sections(text)
    assert [p.title for p in problems] == ["A不到位", "B不规范"]
    assert [(m.problem, m.title) for m in measures] == [(1, "完善制度"), (2, "规范管理")]
    assert "日常监督" not in problems[-1].section.quote


def test_enumerated_body_is_one_measure() -> None:
    text = OPENING + (
        "二、巡视反馈问题整改落实情况\n(一)关于“X不到位”问题的整改情况\n"
        "厅党组对直属单位开展全面清查。一是清理资产。二是规范企业管理。\n"
    )
    _, measures, _ = parse_sections(text)
    assert [(m.title, m.note) for m in measures] == [
        ("厅党组对直属单位开展全面清查", NO_SUBHEADING_NOTE)
    ]


# Characters the structure parsers react to, so random texts reach their rules.
GENRE_ALPHABET = (
    '一二三十两、()（）(1).．“”‘’《》"关于问题的整改情况下一步。，,;；:：\n \u3000'
    "根据市委部署巡察组对进行了反馈审计索引号发布机构日期来源年月日至0123456789余万亿元人次个项%"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=GENRE_ALPHABET, max_size=300) | st.text(max_size=200))
def test_all_parsers_total_and_spans_exact(text: str) -> None:
    """For any text every parser returns, and every span slices the text to its quote."""
    header = parse_header(text)
    assert header.contact is not None
    inspection = parse_inspection(text, published=header.published)
    problems, measures, warnings = parse_sections(text)
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)
    spans = [*split_sentences(text), *(m.span for m in find_metrics(text, problems, measures))]
    spans += [s for item in (*problems, *measures) for s in (item.title_span, item.section)]
    spans += [mention.span for mention in find_dates(text)[0]]
    if inspection is not None and inspection.span is not None:
        spans.append(inspection.span)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.quote
