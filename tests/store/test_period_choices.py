"""Period pickers offer the months of the years the ledger has lists for, up to the latest
data; the default is the latest open period with data (issue 15, item 6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport


def test_the_shipped_portfolio_offers_2022_only(store):
    assert store.years() == [2022]
    choices = store.period_choices()
    assert choices == [Period(2022, m) for m in range(12, 0, -1)]
    assert store.default_period() == Period(2022, 12)


def test_choices_end_at_the_latest_report_and_cover_every_listed_year(empty_store):
    s = empty_store  # current year 2022 (see conftest)
    a = s.add_project({"name": "甲", "annual_plan": "100"})
    s.add_project({"name": "乙"}, year=2021)
    s.save_monthly_report(MonthlyReport(a.id, "2022-03", D(1)))
    assert s.years() == [2021, 2022]
    choices = s.period_choices()
    assert choices[0] == Period(2022, 3)  # nothing after the latest data
    assert choices[-1] == Period(2021, 1)
    assert len(choices) == 3 + 12
    assert choices == sorted(choices, reverse=True)


def test_the_current_year_reaches_this_month(empty_store):
    today = Period.of(dt.date.today())
    empty_store.set_current_year(today.year)
    empty_store.add_project({"name": "今年的项目"})
    assert empty_store.period_choices()[0] == today


def test_the_default_is_the_latest_open_period_with_data(empty_store):
    s = empty_store
    a = s.add_project({"name": "甲", "annual_plan": "100"})
    for month in (4, 5, 6):
        s.save_monthly_report(MonthlyReport(a.id, f"2022-{month:02d}", D(1)))
    assert s.default_period() == Period(2022, 6)
    if hasattr(s, "close_period"):  # the closed rounds (关账)
        s.close_period(Period(2022, 6))
        assert s.default_period() == Period(2022, 5)
        s.close_period(Period(2022, 5))
        s.close_period(Period(2022, 4))
        assert s.default_period() == Period(2022, 6)  # all closed: the newest
