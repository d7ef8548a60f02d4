from decimal import Decimal

import pytest

from noticekg.extract.numerals import parse_number


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("12", Decimal("12")),
        ("8.7", Decimal("8.7")),
        ("103.18", Decimal("103.18")),
        ("1,402", Decimal("1402")),
        ("１２", Decimal("12")),
        ("十二", Decimal("12")),
        ("两", Decimal("2")),
        ("二十三", Decimal("23")),
        ("一百零五", Decimal("105")),
        ("二〇二〇", Decimal("2020")),
        ("零", Decimal("0")),
        ("3.5万", Decimal("35000")),
        ("十万", Decimal("100000")),
    ],
)
def test_parse_number(written: str, expected: Decimal) -> None:
    assert parse_number(written) == expected


@pytest.mark.parametrize("written", ["", "  ", "abc", "第二", "YB-04", "5G"])
def test_not_a_number(written: str) -> None:
    assert parse_number(written) is None


def test_decimal_keeps_the_written_digits() -> None:
    assert str(parse_number("8.70")) == "8.70"
