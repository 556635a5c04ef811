"""The streaming reads behind the ledger table and the dashboard on large ledgers: the same
values as the record-by-record API, one row at a time."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from desktop_app.domain.derived import LightThresholds
from desktop_app.domain.periods import Period as P
from desktop_app.store import MonthlyReport


@pytest.mark.parametrize("period", ["2022-06", "2022-07", "2021-12", "2019-02"])
def test_figure_rows_are_the_figures_as_raw_values(demo, period):
    p = P.parse(period)
    t = LightThresholds(yellow_points=D(8), red_points=D(25))
    figures = demo.figures(p, t)
    rows = list(demo.figure_rows(p, t))
    assert len(rows) == len(figures) == 300
    for pid, light, month, ytd, cum, plan, total, reported in rows:
        f = figures[pid]
        assert (light, reported) == (f.light, f.reported)
        assert (None if month is None else D(month) / 100) == f.month
        assert D(ytd) / 100 == f.ytd and D(cum) / 100 == f.since_start
        assert f.annual_rate == (D(ytd) / D(plan) if plan else None)
        assert f.total_share == (D(cum) / D(total) if total else None)


def test_each_project_row_is_project_rows_one_at_a_time(demo):
    assert list(demo.each_project_row()) == demo.project_rows()


def test_each_amount_is_the_period_s_reported_amounts(demo):
    for period in ("2022-06", "2021-01", "2030-01"):
        expected = {
            pid: int(r.month_investment * 100)
            for pid, r in demo.monthly_reports(period).items()
            if r.month_investment is not None
        }
        assert dict(demo.each_amount(period)) == expected


def test_periods_are_every_reported_month_newest_first(demo, store):
    distinct = [
        r[0]
        for r in demo.conn.execute("SELECT DISTINCT period FROM monthly_reports ORDER BY 1 DESC")
    ]
    assert demo.periods() == distinct and len(distinct) == 36
    assert store.periods() == []  # no reports at all
    a = store.find_project("LY2022-001")
    store.save_monthly_reports(
        [MonthlyReport(a.id, "2021-03", D(1)), MonthlyReport(a.id, "2022-11", D(2))]
    )
    assert store.periods() == ["2022-11", "2021-03"]
