"""The period a ledger opens on (the window's 调度期间, the reports' default): the one that
has something to show, not an empty month of today's year."""

import datetime as dt
from decimal import Decimal

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport
from desktop_app.store.models import Indicator


def this_month() -> Period:
    return Period.of(dt.date.today())


def test_the_shipped_portfolio_opens_on_december_of_its_year(store):
    # 51 projects of the 2022 work report, its 2022 targets, no monthly report yet
    assert store.periods() == []
    assert store.default_period() == Period(2022, 12)
    assert store.default_period().label == "2022年12月"


def test_the_newest_reported_period_wins(store):
    project = store.find_project("LY2022-001")
    store.save_monthly_report(MonthlyReport(project.id, "2026-10", Decimal("120")))
    store.save_monthly_report(MonthlyReport(project.id, "2026-03", Decimal("80")))
    assert store.default_period() == Period(2026, 10)
    assert store.default_period().label == "2026年10月"


def test_a_report_without_amounts_still_names_its_period(store):
    project = store.find_project("LY2022-002")
    store.save_monthly_report(MonthlyReport(project.id, "2023-02", None, progress_text="前期手续"))
    assert store.default_period() == Period(2023, 2)


def test_a_new_ledger_opens_on_the_current_month(empty_store):
    assert empty_store.default_period() == this_month()


def test_targets_of_this_year_open_on_the_current_month(empty_store):
    year = str(dt.date.today().year)
    empty_store.save_indicator(Indicator("地区生产总值", "2019", "实际", value=5.0, unit="%"))
    assert empty_store.default_period() == Period(2019, 12)
    empty_store.save_indicator(Indicator("税收收入", "2020年", "目标", value=8.0, unit="%"))
    assert empty_store.default_period() == Period(2020, 12)
    empty_store.save_indicator(Indicator("地区生产总值", year, "目标", value=6.5, unit="%"))
    assert empty_store.default_period() == this_month()
