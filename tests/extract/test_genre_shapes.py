"""Name shapes the genre writes across publishers: projects named by output or route, listed
names typed by the head after 等, talent programmes, bodies split by jieba, declared issuers, nested
single-quoted labels, counted classes in quotes, and the relation cues that go with them."""

from __future__ import annotations

import pytest
from extractcheck import entities_in, relations_in

from noticekg.extract.entities import find_entities
from noticekg.extract.records import EntityType, Predicate
from noticekg.extract.segment import tokenize

ORG = EntityType.ORGANIZATION
PLACE = EntityType.PLACE
PLATFORM = EntityType.PLATFORM
POLICY = EntityType.POLICY
PROJECT = EntityType.PROJECT
PERSON = EntityType.PERSON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Projects named by their yearly output keep the number.
        ("鲁南化工年产30万吨乙二醇项目建成投产。", {(PROJECT, "年产30万吨乙二醇项目")}),
        ("推进年产5000台智能农机装备项目建设。", {(PROJECT, "年产5000台智能农机装备项目")}),
        # Routes between two places inside a works' name.
        (
            "关于合肥至安庆高速铁路安徽段项目进度滞后问题。",
            {(PROJECT, "合肥至安庆高速铁路安徽段项目")},
        ),
        ("实施石门至龙潭乡村道路提升工程。", {(PROJECT, "石门至龙潭乡村道路提升工程")}),
        # 建设项目 is one tail: the name runs on before it.
        ("滇西肿瘤区域医疗中心建设项目已完成立项。", {(PROJECT, "滇西肿瘤区域医疗中心建设项目")}),
        # Names listed before 等…项目 / 等…平台 take the head's type.
        (
            "落地城东物流园二期、B12华信控股等商业配套项目。",
            {(PROJECT, "城东物流园二期"), (PROJECT, "B12华信控股")},
        ),
        (
            "启用智造创业港一期、数字大厦等产业平台。",
            {(PLATFORM, "智造创业港一期")},
        ),
        # Talent and team programmes with a bracketed 项目.
        ("2021年入选省领军型创新团队(项目)3支。", {(PROJECT, "省领军型创新团队(项目)")}),
        # The central rule named without quotes.
        ("严格落实中央八项规定精神。", {(POLICY, "中央八项规定")}),
    ],
)
def test_project_and_policy_shapes(text: str, expected: set[tuple[EntityType, str]]) -> None:
    assert expected <= entities_in(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A listed name with its own tail keeps its own type.
        ("落地滨江眼谷、城东物流园二期等产业项目。", {(PROJECT, "滨江眼谷")}),
        # A count before a class of projects names none of them.
        ("新增年产项目12个,其中5个项目已投产。", {(PROJECT, "年产项目")}),
        # Unnamed works of one body are not projects.
        ("新院区门诊综合楼建设项目主体封顶。", {(PROJECT, "新院区门诊综合楼建设项目")}),
        # A generic kind of hospital is no body.
        ("推进公立医院高质量发展。", {(ORG, "公立医院")}),
        # Facilities and labs named only by their level are classes.
        ("蓝湾众创空间获评省级众创空间。", {(PLATFORM, "省级众创空间")}),
        ("加强国家级科技企业孵化器建设。", {(PLATFORM, "科技企业孵化器")}),
        ("改造提升村级工业园12个。", {(PLATFORM, "村级工业园")}),
        ("积极争创省实验室。", {(ORG, "省实验室")}),
    ],
)
def test_project_and_policy_negatives(text: str, absent: set[tuple[EntityType, str]]) -> None:
    assert not absent & entities_in(text)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "会同柳州市自然资源和规划局盘活土地。",
            {(ORG, "柳州市自然资源和规划局")},
            {(ORG, "规划局"), (PLACE, "柳州市")},
        ),
        (
            "选派干部到市城市管理综合行政执法支队挂职。",
            {(ORG, "市城市管理综合行政执法支队")},
            set(),
        ),
        ("组建柳南区医疗联合体。", {(ORG, "柳南区医疗联合体")}, {(PLACE, "柳南区")}),
        ("对滇西华康医科大学附属医院开展巡视。", {(ORG, "滇西华康医科大学附属医院")}, set()),
        ("5月9日向局党组反馈了巡察意见。", set(), {(ORG, "日向局党组")}),
        ("对石坝村党支部开展集中整顿。", {(ORG, "石坝村党支部")}, {(ORG, "坝村党支部")}),
        (
            "与渤海理工大学共建海洋化工中试基地。",
            {(ORG, "渤海理工大学"), (PLATFORM, "海洋化工中试基地")},
            set(),
        ),
        ("丽水山耕众创空间获评省级众创空间。", {(PLATFORM, "丽水山耕众创空间")}, set()),
        ("党委书记周红、院长龙海波主持会议。", {(PERSON, "龙海波")}, set()),
        ("校纪委对问题线索进行核查。", {(ORG, "校纪委")}, set()),
        ("公司纪委开展专项检查。", {(ORG, "公司纪委")}, set()),
        ("纪委开展专项检查。", set(), {(ORG, "纪委")}),
        ("建成宁波市数字经济孵化器。", {(PLATFORM, "宁波市数字经济孵化器")}, set()),
    ],
)
def test_body_shapes(
    text: str,
    expected: set[tuple[EntityType, str]],
    absent: set[tuple[EntityType, str]],
) -> None:
    found = entities_in(text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("关于“全面从严治党‘两个责任’落实不到位”问题。", {(POLICY, "两个责任")}, set()),
        ("开展“双随机、一公开”检查。", {(POLICY, "双随机、一公开")}, set()),
        ("推进“四好农村路”建设。", {(POLICY, "四好农村路")}, {(PLACE, "四好农村路")}),
        ("规范“三资”管理,调整村“两委”班子。", set(), {(POLICY, "三资"), (POLICY, "两委")}),
        ("依托“学习强国”开展线上学习。", {(PLATFORM, "学习强国")}, set()),
        ("举办“智汇学习强国”知识竞赛。", set(), {(PLATFORM, "学习强国")}),
    ],
)
def test_quote_shapes(
    text: str,
    expected: set[tuple[EntityType, str]],
    absent: set[tuple[EntityType, str]],
) -> None:
    found = entities_in(text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("word", "pieces"),
    [("5月9日向局党组", ["日", "向"]), ("对大栗园村党支部", ["对", "大栗"])],
)
def test_glued_words_are_split(word: str, pieces: list[str]) -> None:
    words = [token.word for token in tokenize(word)]
    assert all(piece in words for piece in pieces)


@pytest.mark.parametrize(
    ("text", "publisher", "expected", "absent"),
    [
        (
            "中共柳州市交通运输局党组。会同市财政局出台《柳州市农村公路养护办法》。",
            "中共柳州市交通运输局党组",
            {("中共柳州市交通运输局党组", Predicate.ESTABLISHES, "柳州市农村公路养护办法")},
            {("市财政局", Predicate.ESTABLISHES, "柳州市农村公路养护办法")},
        ),
        (
            "中共柳州市柳南区卫生健康局党组。来源:柳南区卫生健康局。",
            "中共柳州市柳南区卫生健康局党组",
            {("中共柳州市柳南区卫生健康局党组", Predicate.PART_OF, "柳南区卫生健康局")},
            set(),
        ),
        (
            "中共贵港市港南区委员会。区财政局上线贵港市预算一体化管理系统。",
            "中共贵港市港南区委员会",
            {("区财政局", Predicate.OPERATES, "贵港市预算一体化管理系统")},
            set(),
        ),
        (
            "中共贵港市港南区委员会。上线贵港市预算一体化管理系统。",
            "中共贵港市港南区委员会",
            set(),
            {("中共贵港市港南区委员会", Predicate.OPERATES, "贵港市预算一体化管理系统")},
        ),
        (
            "中共岭北理工学院委员会。来源:岭北理工学院。校纪委对线索进行核查。",
            "中共岭北理工学院委员会",
            {("校纪委", Predicate.PART_OF, "岭北理工学院")},
            set(),
        ),
        (
            "中共江西省交通运输厅党组。来源:江西省交通运输厅。省财政厅会同厅机关党委开展检查。",
            "中共江西省交通运输厅党组",
            {("厅机关党委", Predicate.PART_OF, "江西省交通运输厅")},
            {("厅机关党委", Predicate.PART_OF, "省财政厅")},
        ),
        (
            "中共滇西华康医院委员会。与昆明市第三人民医院、曲靖市人民医院组建专科联盟。",
            "中共滇西华康医院委员会",
            {
                ("中共滇西华康医院委员会", Predicate.COOPERATES_WITH, "昆明市第三人民医院"),
                ("中共滇西华康医院委员会", Predicate.COOPERATES_WITH, "曲靖市人民医院"),
            },
            set(),
        ),
    ],
)
def test_relation_cues(
    text: str,
    publisher: str,
    expected: set[tuple[str, Predicate, str]],
    absent: set[tuple[str, Predicate, str]],
) -> None:
    found = relations_in(text, publisher)
    assert expected <= found
    assert not absent & found


def test_party_committee_short_form_without_its_county() -> None:
    text = "中共岳西县天堂镇委员会。修订《天堂镇党委议事规则》。镇党委召开会议。"
    entities = find_entities(text, publisher="中共岳西县天堂镇委员会")
    host = next(e for e in entities if e.name == "中共岳西县天堂镇委员会")
    assert {"天堂镇党委", "镇党委"} <= set(host.aliases)
    assert not any(e.name == "天堂镇党委" for e in entities)
