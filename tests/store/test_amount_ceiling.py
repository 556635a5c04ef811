"""A plausible ceiling per amount, and totals that never overflow (issue 12, item 9)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from desktop_app.domain.money import MAX_AMOUNT, AmountError, parse_amount
from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport, Store, ValidationFailed
from desktop_app.views.dashboard import group_progress, s_curve
from desktop_app.views.portfolio import load_portfolio


def test_the_ceiling_is_just_under_a_trillion_yuan():
    assert parse_amount("99,999,999.99") == MAX_AMOUNT
    assert parse_amount("9999.99亿") == Decimal("99999900.00")
    for text in ("100,000,000", "10000亿元", "999999999999.99", "1" + "0" * 300):
        with pytest.raises(AmountError, match="超出金额上限"):
            parse_amount(text)


def test_the_store_refuses_an_amount_above_the_ceiling_with_the_field(store):
    pid = store.find_project("LY2022-001").id
    with pytest.raises(ValidationFailed) as err:
        store.update_project(pid, {"total_investment": Decimal("100000000")})
    assert err.value.issues[0].field == "total_investment"
    assert "总投资" in str(err.value) and "1 万亿元" in str(err.value)
    with pytest.raises(ValidationFailed, match="本月完成投资"):
        store.save_monthly_report(MonthlyReport(pid, "2022-06", Decimal("100000000")))
    assert store.get_project(pid).total_investment is None


@pytest.fixture(scope="module")
def huge_old_ledger(tmp_path_factory):
    """93,000 projects with the largest annual plan an older version accepted
    (999,999,999,999.99 万元): ~9.3 × 10^18 百元 in all, past int64."""
    path = tmp_path_factory.mktemp("overflow") / "old.sqlite"
    Store.create(path, portfolio=False).close()
    conn = sqlite3.connect(path)
    cents = 99_999_999_999_999
    conn.executemany(
        "INSERT INTO projects (code, name, total_investment, created_at, updated_at)"
        " VALUES (?, ?, ?, 'x', 'x')",
        ((f"P{i:06d}", f"项目{i}", cents) for i in range(93_000)),
    )
    conn.execute(  # the plans are 2022's (schema v5: a year's values in project_years)
        "INSERT INTO project_years (project_id, year, annual_plan, updated_at) "
        "SELECT id, 2022, ?, 'x' FROM projects",
        (cents,),
    )
    conn.execute("UPDATE meta SET value = '2022' WHERE key = 'current_year'")
    conn.execute(
        "INSERT INTO monthly_reports (project_id, period, month_investment, updated_at) "
        "SELECT id, '2022-06', ?, 'x' FROM projects",
        (cents,),
    )
    conn.commit()
    conn.close()
    return path, 93_000 * cents


def test_totals_of_amounts_past_int64_stay_exact(huge_old_ledger):
    path, exact = huge_old_ledger
    with Store.open(path) as store:
        totals = store.totals()
    assert totals["annual_plan"] == Decimal(exact).scaleb(-2)
    assert totals["total_investment"] == Decimal(exact).scaleb(-2)


def test_the_dashboard_plan_curve_never_goes_negative(huge_old_ledger):
    path, exact = huge_old_ledger
    with Store.open(path) as store:
        snapshot = load_portfolio(store, Period(2022, 6))
    curve = s_curve(snapshot)
    assert curve.plan_total == Decimal(exact).scaleb(-2)
    assert all(v > 0 for v in curve.plan)
    assert curve.actual[-1] == Decimal(exact).scaleb(-2)  # June: every project reported
    (bar,) = group_progress(snapshot, "region")
    assert bar.plan == Decimal(exact).scaleb(-2) and bar.ytd == bar.plan
