"""A monthly return never overwrites what another clerk saved after the preview (issue 12,
item 5): the apply is refused, all of it, and the other clerk's value stays."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.periods import Period
from desktop_app.importers import apply_preview, preview_file
from desktop_app.store import ConflictError, MonthlyReport, Store

PERIOD = Period(2022, 7)


def _return(path: Path, rows: list[tuple[str, float]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2022年7月重点项目调度表"])
    sheet.append(["项目编号", "项目名称", "本月完成投资（万元）", "形象进度"])
    for code, amount in rows:
        sheet.append([code, None, amount, "主体施工"])
    book.save(path)
    return path


def test_a_report_changed_after_the_preview_refuses_the_whole_import(ledger_path, tmp_path):
    with Store.open(ledger_path, user="甲") as mine, Store.open(ledger_path, user="乙") as theirs:
        a, b = mine.find_project("LY2022-001"), mine.find_project("LY2022-002")
        mine.save_monthly_report(MonthlyReport(a.id, str(PERIOD), Decimal("10")))
        path = _return(tmp_path / "月报.xlsx", [(a.code, 25), (b.code, 40)])
        preview = preview_file(mine, path, kind="monthly", period=PERIOD)
        assert [r.status for r in preview.rows] == ["changed", "new"]
        theirs.save_monthly_report(MonthlyReport(a.id, str(PERIOD), Decimal("30")))
        with pytest.raises(ConflictError) as err:
            apply_preview(mine, preview)
        assert a.name in str(err.value) and "已被他人保存" in str(err.value)
        assert "您填写“25.00”，对方已保存“30.00”" in str(err.value)
        reports = mine.monthly_reports(PERIOD)
        assert reports[a.id].month_investment == Decimal("30.00")  # theirs stays
        assert b.id not in reports  # and nothing of the file was written


def test_a_report_created_after_the_preview_is_a_conflict_too(ledger_path, tmp_path):
    with Store.open(ledger_path, user="甲") as mine, Store.open(ledger_path, user="乙") as theirs:
        a = mine.find_project("LY2022-003")
        path = _return(tmp_path / "月报.xlsx", [(a.code, 12)])
        preview = preview_file(mine, path, kind="monthly", period=PERIOD)
        assert preview.rows[0].status == "new"
        theirs.save_monthly_report(MonthlyReport(a.id, str(PERIOD), Decimal("7")))
        with pytest.raises(ConflictError):
            apply_preview(mine, preview)
        assert mine.monthly_reports(PERIOD)[a.id].month_investment == Decimal("7.00")


def test_without_interference_the_import_still_applies(ledger_path, tmp_path):
    with Store.open(ledger_path) as store:
        a = store.find_project("LY2022-004")
        store.save_monthly_report(MonthlyReport(a.id, str(PERIOD), Decimal("1"), 5))
        path = _return(tmp_path / "月报.xlsx", [(a.code, 12.5)])
        apply_preview(store, preview_file(store, path, kind="monthly", period=PERIOD))
        report = store.monthly_reports(PERIOD)[a.id]
        assert report.month_investment == Decimal("12.50") and report.progress_text == "主体施工"
        assert report.progress_pct == 5  # a value the file does not carry is kept
