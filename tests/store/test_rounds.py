"""Closed rounds (issue 15, item 4): closing a period freezes what its reports show, refuses
every write of its monthly reports, and reopening needs a reason kept in the history."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.periods import Period
from desktop_app.importers import apply_preview, preview_file
from desktop_app.store import MonthlyReport, Store, StoreError
from desktop_app.store.backup import list_backups
from desktop_app.store.errors import PeriodClosed
from desktop_app.views.dashboard import dashboard_data
from desktop_app.views.portfolio import load_portfolio

REFUSAL = (
    "2022年6月已关账，不能再修改；如需更正请先重新开账（keyprojects reopen 2022-06 --reason …）"
)


@pytest.fixture
def ledger(demo_path: Path, tmp_path: Path):
    """A private copy of the 300-project sample ledger (reports up to 2022-06), open."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    store = Store.open(path, user="调度员")
    yield store
    store.close()


@pytest.fixture
def period(ledger: Store) -> Period:
    p = Period.parse(ledger.periods()[0])
    assert str(p) == "2022-06"
    return p


def test_close_writes_the_round_in_one_action_after_a_backup(ledger, period):
    before = len(list_backups(ledger.path))
    listed = ledger.figures(period)
    info = ledger.close_period(period)
    assert (info.period, info.closed_by, info.count) == ("2022-06", "调度员", len(listed))
    assert ledger.is_closed(period) and ledger.is_closed("2022-06")
    assert not ledger.is_closed("2022-05")
    assert ledger.closed_periods() == ["2022-06"]
    backups = list_backups(ledger.path)
    assert len(backups) == before + 1 and backups[0].reason == "关账前：2022年6月"
    (entry,) = [h for h in ledger.history(table="closed_periods") if h.field == "period"]
    assert (entry.new_value, entry.description) == ("2022-06", "关账：2022年6月月度调度")
    assert entry.action_id == info.action_id
    with pytest.raises(StoreError) as again:
        ledger.close_period(period)
    assert str(again.value) == f"2022年6月已经关账（调度员，{info.closed_at}），无需再关"
    assert ledger.closed_round("2022-06") == info == ledger.closed_rounds()[0]
    assert ledger.closed_round("2022-05") is None and ledger.frozen_round("2022-05") is None
    assert ledger.frozen_round(period).info == info
    every = ledger.round_columns(period, ["$.light", "$.project.code"])
    assert len(every) == info.count
    some = [every[7][0], every[2][0], 10**9]  # in any order, one never frozen
    assert ledger.round_columns(period, ["$.light", "$.project.code"], some) == [
        every[2],
        every[7],
    ]
    assert ledger.round_columns("2022-05", ["$.light"]) == []


def test_every_writer_of_a_closed_periods_reports_is_refused(ledger, period, tmp_path):
    ledger.close_period(period, backup=False)
    reports = ledger.monthly_reports(period)
    pid, report = next(iter(reports.items()))
    changed = MonthlyReport(pid, str(period), Decimal("1"), 50, "改动")
    with pytest.raises(PeriodClosed) as err:
        ledger.save_monthly_report(changed)
    assert str(err.value) == REFUSAL and err.value.period == "2022-06"
    with pytest.raises(PeriodClosed, match="2022年6月已关账"):
        ledger.save_monthly_reports([changed])
    with pytest.raises(PeriodClosed, match="2022年6月已关账"):
        ledger.delete_monthly_report(pid, period)
    # a filled-in monthly return of that month (the importers' apply)
    code = ledger.get_project(pid).code
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2022年6月重点项目调度表"])
    sheet.append(["项目编号", "项目名称", "本月完成投资（万元）", "形象进度"])
    sheet.append([code, None, 99, "主体施工"])
    book.save(tmp_path / "月报.xlsx")
    preview = preview_file(ledger, tmp_path / "月报.xlsx", kind="monthly", period=period)
    with pytest.raises(PeriodClosed, match="2022年6月已关账"):
        apply_preview(ledger, preview)
    assert ledger.monthly_reports(period)[pid] == report  # nothing changed
    # an open month is written as before
    ledger.save_monthly_report(MonthlyReport(pid, "2022-05", Decimal("3")))
    assert ledger.monthly_reports("2022-05")[pid].month_investment == Decimal("3.00")


def test_reopen_needs_a_reason_and_records_it(ledger, period):
    ledger.close_period(period, backup=False)
    for reason in ("", "   ", None):
        with pytest.raises(StoreError, match="重新开账须写明原因"):
            ledger.reopen_period(period, reason)  # type: ignore[arg-type]
    assert ledger.is_closed(period)
    ledger.reopen_period(period, "  东丰县 6 月数据报错，\n需更正  ")
    assert not ledger.is_closed(period) and ledger.closed_periods() == []
    assert ledger.conn.execute("SELECT count(*) FROM round_rows").fetchone() == (0,)
    newest = ledger.history(table="closed_periods", limit=2)  # the reopening's two rows
    entries = {h.field: h for h in newest}
    assert entries["reason"].new_value == "东丰县 6 月数据报错， 需更正"
    assert entries["period"].old_value == "2022-06" and entries["period"].new_value is None
    assert (
        entries["reason"].description == "重新开账：2022年6月（原因：东丰县 6 月数据报错， 需更正）"
    )
    pid = next(iter(ledger.monthly_reports(period)))
    ledger.save_monthly_report(MonthlyReport(pid, str(period), Decimal("2")))  # writable again
    with pytest.raises(StoreError, match="没有关账"):
        ledger.reopen_period(period, "再开一次")


def _dashboard(store: Store, period: Period) -> object:
    return dashboard_data(load_portfolio(store, period))


def test_the_frozen_round_keeps_figures_and_dashboard_after_later_changes(ledger, period):
    live_figures = ledger.figures(period)
    live_projects = {p.id: p for p in ledger.projects(period.year, listed=True)}
    live_dashboard = _dashboard(ledger, period)
    ledger.close_period(period, backup=False)
    assert _dashboard(ledger, period) == live_dashboard  # the same at the close

    ids = sorted(live_figures)
    ledger.update_project(ids[0], {"name": "改名后的项目"}, year=period.year)
    ledger.set_project_year(ids[1], period.year, {"annual_plan": Decimal("123456.78")})
    ledger.delete_project(ids[2])
    ledger.add_project({"name": "关账后新增的项目", "region": "龙山区"}, year=period.year)
    ledger.save_monthly_report(MonthlyReport(ids[3], "2022-05", Decimal("999")))  # an open month

    frozen = ledger.frozen_round(period)
    assert frozen is not None and len(frozen) == len(live_figures)
    assert frozen.figures() == live_figures
    assert {p.id: p.name for p in frozen.projects()} == {
        i: p.name for i, p in live_projects.items()
    }
    assert _dashboard(ledger, period) == live_dashboard
    # while the open May of the same ledger did change
    assert ledger.figures(Period(2022, 5))[ids[3]].month == Decimal("999.00")


def test_a_closed_period_of_a_ledger_without_reports_freezes_its_listed_projects(store):
    period = Period(2022, 12)
    listed = store.figures(period)
    info = store.close_period(period, backup=False)
    assert info.count == len(listed) > 0
    frozen = store.frozen_round(period)
    assert frozen is not None and frozen.monthly_reports() == {}
    assert frozen.figures() == listed


def test_the_change_history_names_closing_and_reopening(ledger, period):
    from desktop_app.views.history import ledger_history

    ledger.close_period(period, backup=False)
    ledger.reopen_period(period, "更正东丰县数据")
    lines = [line.cells[2:] for line in ledger_history(ledger, limit=4)]
    assert (
        "重新开账：2022年6月（原因：更正东丰县数据）",
        "关账",
        "重新开账原因",
        "",
        "更正东丰县数据",
    ) in lines
    assert ("关账：2022年6月月度调度", "关账", "关账月份", "", "2022-06") in lines
