"""Every report of a closed period is, cell for cell, what it was when the period was closed
(issue 15, item 4) -- after later plan changes, renames, new projects, deletions, solved
problems and new code-list entries; read back with openpyxl (a reader the writer does not
use for reading)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from desktop_app.domain.derived import LightThresholds
from desktop_app.domain.periods import Period
from desktop_app.reports import REPORTS, export_report
from desktop_app.store import MonthlyReport, Store

PERIOD = Period(2022, 6)


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(path)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    finally:
        book.close()


def _export_all(store: Store, folder: Path, period: Period) -> dict[str, dict]:
    folder.mkdir()
    out = {}
    for kind in REPORTS:
        for group_by in (None, "region"):
            name = f"{kind}-{group_by}"
            path = folder / f"{name}.xlsx"
            export_report(store, kind, path, period=period, group_by=group_by)
            out[name] = _cells(path)
    return out


def _change_everything(store: Store, year: int) -> None:
    """What a clerk does after the meeting: new plans, a rename, a new project, a deletion, a
    problem solved, a report of an open month, a new 县区 in the code list, new light
    thresholds."""
    projects = store.projects(year, listed=True)
    first, second, third, fourth = projects[0], projects[1], projects[2], projects[3]
    store.update_project(first.id, {"name": "会后改名的项目", "leader": "新领导"}, year=year)
    store.set_project_year(second.id, year, {"annual_plan": Decimal("98765.43")})
    store.update_project(fourth.id, {"annual_plan": Decimal("1.00")}, year=year)
    store.delete_project(third.id)
    store.add_project(
        {"name": "会后新增的项目", "region": "龙山区", "annual_plan": "5000"}, year=year
    )
    open_problem = next(q for q in store.problems(status="open") if q.project_id != third.id)
    open_problem.status, open_problem.solution = "solved", "已协调解决"
    store.save_problem(open_problem)
    store.save_monthly_report(MonthlyReport(first.id, "2022-05", Decimal("777")))
    store.set_office_name("会后改名的填报单位")
    store.set_light_thresholds(LightThresholds(Decimal(1), Decimal(2), 0))  # stricter lights


def test_every_report_of_a_closed_period_is_unchanged_cell_for_cell(demo_store, tmp_path):
    live = _export_all(demo_store, tmp_path / "before-close", PERIOD)
    open_may = _cells(export_report(demo_store, "monthly", tmp_path / "may.xlsx",
                                    period=Period(2022, 5)).path)  # fmt: skip
    demo_store.close_period(PERIOD, backup=False)
    closed = _export_all(demo_store, tmp_path / "closed", PERIOD)
    assert closed == live  # closing changes nothing the reports show

    _change_everything(demo_store, PERIOD.year)
    after = _export_all(demo_store, tmp_path / "after-changes", PERIOD)
    for name in live:
        for sheet, rows in live[name].items():
            assert len(after[name][sheet]) == len(rows), (name, sheet)
            for r, (old, new) in enumerate(zip(rows, after[name][sheet], strict=True), 1):
                assert new == old, (name, sheet, r)
    assert after.keys() == live.keys()

    # the same changes do show in the open month (so the comparison above could fail)
    may_after = _cells(export_report(demo_store, "monthly", tmp_path / "may2.xlsx",
                                     period=Period(2022, 5)).path)  # fmt: skip
    assert may_after != open_may
    names = [row[2] for rows in may_after.values() for row in rows]
    assert "会后改名的项目" in names and "会后新增的项目" in names


def test_reopening_shows_the_ledger_again(demo_store, tmp_path):
    demo_store.close_period(PERIOD, backup=False)
    _change_everything(demo_store, PERIOD.year)
    frozen = _cells(export_report(demo_store, "monthly", tmp_path / "a.xlsx", period=PERIOD).path)
    demo_store.reopen_period(PERIOD, "更正会后发现的错误")
    reopened = _cells(export_report(demo_store, "monthly", tmp_path / "b.xlsx", period=PERIOD).path)
    assert reopened != frozen
    assert "会后改名的项目" in [row[2] for rows in reopened.values() for row in rows]
