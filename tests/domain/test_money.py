from decimal import Decimal

import pytest

from desktop_app.domain.money import AmountError, format_wan, from_cents, parse_amount, to_cents


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("1,234.5", "万元", Decimal("1234.50")),
        (" 300 ", "万元", Decimal("300.00")),
        ("１２３４．５", "万元", Decimal("1234.50")),
        ("1.2亿", "万元", Decimal("12000.00")),
        ("2.5", "亿元", Decimal("25000.00")),
        ("50000元", "万元", Decimal("5.00")),
        ("0.005", "万元", Decimal("0.01")),  # half-up to the cent of 万元
        ("0.004", "万元", Decimal("0.00")),
        ("", "万元", None),
        ("—", "万元", None),
        ("12，500", "万元", Decimal("12500.00")),  # a full-width comma between thousands
        ("1,234,567.89", "万元", Decimal("1234567.89")),
    ],
)
def test_parse_amount_reads_what_clerks_type(text, unit, expected):
    assert parse_amount(text, unit) == expected


@pytest.mark.parametrize("text", ["abc", "1.2.3", "12万3", "1e5", "=1+2"])
def test_parse_amount_refuses_nonsense_with_a_chinese_message(text):
    with pytest.raises(AmountError, match="不是有效的金额"):
        parse_amount(text)


@pytest.mark.parametrize("text", ["1,23", "1,2345", "12,50.5", ",500"])
def test_parse_amount_refuses_misplaced_thousands_separators(text):
    """The form and the grid read amounts as the importer does: 1,23 is not 123."""
    with pytest.raises(AmountError, match=r"千位分隔符位置不对|不是有效的金额"):
        parse_amount(text)


def test_cents_round_trip_is_exact_and_sums_exactly():
    values = ["0.10", "0.20", "1234567.89", "0.01"]
    cents = [to_cents(Decimal(v)) for v in values]
    assert cents == [10, 20, 123456789, 1]
    assert from_cents(sum(cents)) == Decimal("1234568.20")
    assert sum(Decimal(v) for v in values) == from_cents(sum(cents))


def test_format_wan_uses_thousands_separators():
    assert format_wan(Decimal("1234567.8")) == "1,234,567.80"
    assert format_wan(None) == ""
