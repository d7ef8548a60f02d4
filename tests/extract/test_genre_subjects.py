"""Who acts in a sentence: the body right before the verb, the list of partners a cue opens, the
body that opens the clause (X牵头,会同Y制定…), the publisher when no body is named; and the
relations that follow (establishes, cooperatesWith, operates, guides, issuedBy, leads)."""

from __future__ import annotations

import pytest
from extractcheck import Triple, relations_in

PUBLISHER = "中共九江市财政局党组"


POLICY = "市属国有企业资金管理办法"


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # X牵头,会同Y、Z制定《P》: X establishes P with Y and Z as partners
        (
            f"(一)强化资金监管。市财政局牵头,会同市审计局、市国资委制定《{POLICY}》。",
            {
                ("市财政局", "establishes", POLICY),
                ("市财政局", "cooperatesWith", "市审计局"),
                ("市财政局", "cooperatesWith", "市国资委"),
            },
            {("市国资委", "establishes", POLICY), (PUBLISHER, "establishes", POLICY)},
        ),
        # 会同Y出台 with no subject: the publisher, Y is a partner
        (
            f"会同市审计局出台《{POLICY}》。",
            {(PUBLISHER, "establishes", POLICY), (PUBLISHER, "cooperatesWith", "市审计局")},
            {("市审计局", "establishes", POLICY)},
        ),
        # the clause that opens with a body, not the sentence's first body
        (
            "区政府召开常务会议,区审计局建立整改台账,会同区财政局开展跟踪检查。",
            {("区审计局", "cooperatesWith", "区财政局")},
            {("区政府", "cooperatesWith", "区财政局"), (PUBLISHER, "cooperatesWith", "区财政局")},
        ),
        # a list of subjects before 与 … 共建
        (
            "水稻研究所、园艺研究所与江南农业大学共建实验基地。",
            {
                ("水稻研究所", "cooperatesWith", "江南农业大学"),
                ("园艺研究所", "cooperatesWith", "江南农业大学"),
            },
            {(PUBLISHER, "cooperatesWith", "江南农业大学")},
        ),
        # an attribute is no subject (X的Y与Z)
        (
            "市财政局的专家团队与江南农业大学共建实验基地。",
            {(PUBLISHER, "cooperatesWith", "江南农业大学")},
            {("市财政局", "cooperatesWith", "江南农业大学")},
        ),
    ],
)
def test_subjects_of_establishing_and_cooperating(
    text: str, expected: set[Triple], absent: set[Triple]
) -> None:
    found = relations_in(text, PUBLISHER)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # X联合Y上线 a quoted system named after a city: X runs it
        (
            "市人社局联合市医保局上线九江市“浔医通”服务平台。",
            {("市人社局", "operates", "浔医通"), ("市人社局", "cooperatesWith", "市医保局")},
            {("市医保局", "operates", "浔医通")},
        ),
        # the body opening the sentence runs the system it builds later in the sentence
        (
            "九江城投集团有限公司已收回闲置厂房,建立资产管理信息系统。",
            {("九江城投集团有限公司", "operates", "资产管理信息系统")},
            set(),
        ),
        # a branch builds a base: the named body runs it
        ("赣州分院建成章贡脐橙试验基地。", {("赣州分院", "operates", "章贡脐橙试验基地")}, set()),
        # no body named: no owner (guidelines §7 keep the publisher for two predicates only)
        (
            "建立资产管理信息系统,实行动态管理。",
            set(),
            {(PUBLISHER, "operates", "资产管理信息系统")},
        ),
    ],
)
def test_operates_needs_a_named_body(text: str, expected: set[Triple], absent: set[Triple]) -> None:
    found = relations_in(text, PUBLISHER)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "在市委组织部的指导下,市财政局开展专项整治。",
            {("市委组织部", "guides", "市财政局")},
            set(),
        ),
        ("在市委组织部的指导下,开展专项整治。", {("市委组织部", "guides", PUBLISHER)}, set()),
        (
            "在市人大常委会的监督下,市财政局开展专项整治。",
            set(),
            {("市人大常委会", "guides", "市财政局")},
        ),
    ],
)
def test_guided_by(text: str, expected: set[Triple], absent: set[Triple]) -> None:
    found = relations_in(text, PUBLISHER)
    assert expected <= found
    assert not absent & found


OWN_RULES = "中共九江市财政局党组工作规则"
CITY_NOTICE = "九江市人民政府办公室关于加强资金管理的通知"
JOINT = "中共九江市委办公室 九江市人民政府办公室关于加强资金管理的意见"


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # the title's issuer is the body that makes it: both issuedBy and establishes
        (
            f"中共九江市财政局党组制定《{OWN_RULES}》。",
            {(OWN_RULES, "issuedBy", PUBLISHER), (PUBLISHER, "establishes", OWN_RULES)},
            set(),
        ),
        # another issuer opens the title: issuedBy only
        (
            f"中共九江市财政局党组印发《{CITY_NOTICE}》。",
            {(CITY_NOTICE, "issuedBy", "九江市人民政府办公室")},
            {(PUBLISHER, "establishes", CITY_NOTICE)},
        ),
        # two issuers separated by a space, issuing it jointly
        (
            f"中共九江市委办公室、九江市人民政府办公室联合印发《{JOINT}》。",
            {
                (JOINT, "issuedBy", "中共九江市委办公室"),
                (JOINT, "issuedBy", "九江市人民政府办公室"),
                ("中共九江市委办公室", "establishes", JOINT),
                ("九江市人民政府办公室", "establishes", JOINT),
            },
            {(PUBLISHER, "establishes", JOINT)},
        ),
    ],
)
def test_issuers_and_establishing(text: str, expected: set[Triple], absent: set[Triple]) -> None:
    found = relations_in(text, PUBLISHER)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "body", "leads"),
    [
        ("九江农业科学院召开会议,院长李明华主持。", "九江农业科学院", True),
        ("赣州分院召开会议,院长李明华主持。", "赣州分院", False),
    ],
)
def test_head_post_leads_no_branch(text: str, body: str, leads: bool) -> None:
    found = relations_in(text, publisher="九江农业科学院")
    assert (("李明华", "leads", body) in found) is leads
