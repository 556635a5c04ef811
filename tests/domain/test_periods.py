import datetime as dt

import pytest

from desktop_app.domain.periods import Period, PeriodError, date_end, date_start, parse_office_date


@pytest.mark.parametrize("text", ["2022-06", "2022/6", "2022.06", "2022年6月", " 2022-6 "])
def test_period_parse(text):
    assert Period.parse(text) == Period(2022, 6)
    assert str(Period.parse(text)) == "2022-06"


@pytest.mark.parametrize("text", ["2022-13", "2022", "六月", "2022-00", ""])
def test_period_parse_refuses(text):
    with pytest.raises(PeriodError):
        Period.parse(text)


def test_period_shift_crosses_years():
    assert Period(2022, 1).shift(-1) == Period(2021, 12)
    assert Period(2022, 11).shift(3) == Period(2023, 2)
    assert Period(2022, 3).year_months() == [Period(2022, 1), Period(2022, 2), Period(2022, 3)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2022年3月", "2022-03"),
        ("2022.12", "2022-12"),
        ("2022/4/1", "2022-04-01"),
        ("2021-09", "2021-09"),
        ("2021年", "2021"),
        ("2022年3月15日", "2022-03-15"),
        (dt.date(2022, 5, 6), "2022-05-06"),
        (dt.datetime(2022, 5, 6, 10, 0), "2022-05-06"),
        ("", None),
        (None, None),
    ],
)
def test_office_dates(text, iso):
    assert parse_office_date(text) == iso


@pytest.mark.parametrize("text", ["2022-02-30", "2022.13", "明年", "22/4/1"])
def test_office_dates_refused(text):
    with pytest.raises(PeriodError):
        parse_office_date(text)


def test_partial_dates_span_their_whole_month_or_year():
    assert date_start("2022-02") == dt.date(2022, 2, 1)
    assert date_end("2022-02") == dt.date(2022, 2, 28)
    assert date_end("2024-02") == dt.date(2024, 2, 29)
    assert date_end("2021") == dt.date(2021, 12, 31)
