"""Who leads which body, read off the posts before a person's name."""

from __future__ import annotations

import pytest

from noticekg.extract.entities import find_entities
from noticekg.extract.leaders import find_leaders
from noticekg.extract.records import Span


def _leads(text: str, publisher: str) -> set[tuple[str, str]]:
    entities = find_entities(text, publisher=publisher)
    sentences = [Span(0, len(text), text)]
    return {(r.subject, r.object) for r in find_leaders(text, entities, sentences, [publisher])}


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        (
            "中共湖南省交通运输厅党组(以下简称厅党组)与湖南省交通运输厅共同部署,"
            "厅党组书记、厅长孙建国履行第一责任人职责。",
            "中共湖南省交通运输厅党组",
            {("孙建国", "中共湖南省交通运输厅党组"), ("孙建国", "湖南省交通运输厅")},
        ),
        (
            "银川市农业农村局召开会议,局长吴晓梅主持。",
            "银川市农业农村局",
            {("吴晓梅", "银川市农业农村局")},
        ),
        (
            "盐城港物流有限公司整改中,党委书记、董事长唐志远带头领办。",
            "盐城港物流有限公司",
            {("唐志远", "盐城港物流有限公司")},
        ),
    ],
)
def test_posts_name_the_bodies_led(
    text: str, publisher: str, expected: set[tuple[str, str]]
) -> None:
    assert _leads(text, publisher) == expected


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("银川市农业农村局召开会议,王刚同志参加。", "银川市农业农村局"),
        ("银川市农业农村局召开局长办公会。", "银川市农业农村局"),
        ("", "银川市农业农村局"),
    ],
)
def test_people_without_posts_lead_nothing(text: str, publisher: str) -> None:
    assert _leads(text, publisher) == set()
