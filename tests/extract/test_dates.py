from datetime import date

import pytest

from noticekg.extract.dates import find_dates, parse_date, read_damaged


@pytest.mark.parametrize(
    ("written", "previous", "expected"),
    [
        ("2019年4月4日", None, date(2019, 4, 4)),
        ("2019 年 4 月 4 日", None, date(2019, 4, 4)),
        ("二〇二〇年十二月七日", None, date(2020, 12, 7)),
        ("二〇二一年一月三十日", None, date(2021, 1, 30)),
        ("2021-03-04", None, date(2021, 3, 4)),
        ("2021.03.04", None, date(2021, 3, 4)),
        ("2021/3/4", None, date(2021, 3, 4)),
        ("7月5日", date(2019, 4, 4), date(2019, 7, 5)),
        ("1月15日", date(2020, 11, 3), date(2021, 1, 15)),
        ("20190404日", None, date(2019, 4, 4)),
        ("0705日", date(2019, 4, 4), date(2019, 7, 5)),
        # negative cases: no year to carry, impossible or ambiguous dates, codes
        ("7月5日", None, None),
        ("2019年2月30日", None, None),
        ("2019114日", None, None),
        ("2021-00113", None, None),
        ("YB-04-A-02", None, None),
        ("三会一课", None, None),
    ],
)
def test_parse_date(written: str, previous: date | None, expected: date | None) -> None:
    assert parse_date(written, previous=previous) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2019年4月4日至7月5日,X组进驻。2019年8月14日,X组反馈了意见。",
            [date(2019, 4, 4), date(2019, 7, 5), date(2019, 8, 14)],
        ),
        (
            "2020年11月3日至1月15日进驻,3月2日反馈",
            [date(2020, 11, 3), date(2021, 1, 15), date(2021, 3, 2)],
        ),
        ("2022年3月8日至15日", [date(2022, 3, 8), date(2022, 3, 15)]),
        ("20190404日至0705日", [date(2019, 4, 4), date(2019, 7, 5)]),
        ("发布时间:2021-03-04 10:20", [date(2021, 3, 4)]),
        ("索引号 001008003015161/2021-00113 电话0577-88019695", []),
    ],
)
def test_find_dates_carries_the_year(text: str, expected: list[date]) -> None:
    mentions, warnings = find_dates(text)
    assert [m.value for m in mentions] == expected
    assert warnings == ()
    for mention in mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.quote


def test_damaged_date_that_cannot_be_read_is_a_warning() -> None:
    mentions, warnings = find_dates("2019114日至0705日")
    assert mentions[0].value is None
    assert warnings and "2019114日" in warnings[0]


@pytest.mark.parametrize(
    ("digits", "previous", "expected"),
    [
        ("20190404", None, date(2019, 4, 4)),
        ("2019044", None, date(2019, 4, 4)),
        ("2019114", None, None),  # 11-4 or 1-14
        ("0705", date(2019, 4, 4), date(2019, 7, 5)),
        ("0705", None, None),
    ],
)
def test_read_damaged(digits: str, previous: date | None, expected: date | None) -> None:
    assert read_damaged(digits, previous=previous) == expected
