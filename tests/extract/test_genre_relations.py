"""Relations the genre states through Party body names, unit names and cooperation cues."""

from __future__ import annotations

import pytest
from extractcheck import Triple, relations_in

PUBLISHER = "中共湖南省财政厅党组"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "中共湖南省财政厅党组:湖南省财政厅召开会议。",
            {("中共湖南省财政厅党组", "partOf", "湖南省财政厅")},
        ),
        (
            "中共湘中职业技术学院委员会印发通知,湘中职业技术学院党委办公室负责落实。",
            {("湘中职业技术学院党委办公室", "partOf", "中共湘中职业技术学院委员会")},
        ),
        ("按照县委要求,县委组织部牵头开展整顿。", {("县委组织部", "partOf", "县委")}),
        (
            "湖南省财政厅巡视整改工作领导小组办公室:湖南省财政厅。",
            {("湖南省财政厅巡视整改工作领导小组办公室", "partOf", "湖南省财政厅")},
        ),
        (
            "与株洲市人民政府签署战略合作协议。",
            {(PUBLISHER, "cooperatesWith", "株洲市人民政府")},
        ),
        (
            "与长沙市、湘潭市科技部门联合设立专项资金。",
            {(PUBLISHER, "cooperatesWith", "长沙市"), (PUBLISHER, "cooperatesWith", "湘潭市")},
        ),
        ("构建“1+3+N”监管体系。", {(PUBLISHER, "establishes", "1+3+N")}),
    ],
)
def test_genre_relations(text: str, expected: set[Triple]) -> None:
    assert expected <= relations_in(text, PUBLISHER)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "依托某某重点实验室,联合湘江机械有限公司攻关关键技术。",
            ("某某重点实验室", "cooperatesWith", "湘江机械有限公司"),
        ),
        (
            "湖南省人民政府办公室印发通知,湖南省人民政府部署工作。",
            ("湖南省人民政府办公室", "partOf", "湖南省人民政府"),
        ),
        ("配合株洲市人民政府开展检查。", (PUBLISHER, "cooperatesWith", "株洲市人民政府")),
    ],
)
def test_genre_relations_absent(text: str, absent: Triple) -> None:
    assert absent not in relations_in(text, PUBLISHER)
