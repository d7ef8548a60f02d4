"""People named after their post (局长NAME) or before a title (NAME院士)."""

from __future__ import annotations

import pytest

from noticekg.extract.persons import person_candidates, post_before
from noticekg.extract.segment import tokenize


def _people(text: str) -> set[tuple[str, str | None]]:
    return {(c.name, c.subtype) for c in person_candidates(text, tokenize(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "成立由党委书记周伟、院长钱立群任双组长的领导小组。",
            {("周伟", "党委书记"), ("钱立群", "院长")},
        ),
        ("局党组书记、局长孙建国与班子成员逐一谈话。", {("孙建国", "局长")}),
        ("县审计局局长 吴晓梅\n", {("吴晓梅", "县审计局局长")}),
        (
            "镇党委书记唐志远为组长、镇长邓丽为副组长。",
            {("唐志远", "镇党委书记"), ("邓丽", "镇长")},
        ),
        ("管委会主任欧阳明辉带头领办重点问题。", {("欧阳明辉", "管委会主任")}),
        ("由赵振华院士领衔的研究院落地。", {("赵振华", "academician")}),
        ("党委书记王刚主持召开专题会议。", {("王刚", "党委书记")}),
    ],
)
def test_people_after_posts_and_before_titles(
    text: str, expected: set[tuple[str, str | None]]
) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "组织商会会长、秘书长来科技城实地考察。",
        "作为组长单位负责牵头协调。",
        "召开局长办公会研究整改方案。",
        "压实书记职责,落实主任责任。",
        "",
    ],
)
def test_posts_without_a_name_find_nobody(text: str) -> None:
    assert _people(text) == set()


@pytest.mark.parametrize(
    ("text", "post", "expected"),
    [
        ("成立由党委书记周伟", "书记", "党委书记"),
        ("工作。街道办事处主任何某", "主任", "街道办事处主任"),
        ("厅党组书记、厅长", "厅长", "厅长"),
    ],
)
def test_post_reaches_back_to_its_body(text: str, post: str, expected: str) -> None:
    start = text.rindex(post)
    assert post_before(text, start, start + len(post)) == expected
