"""The import wizard on a ledger with the month's figures: the period box, asked for when the
workbook names no period, and the month's reports written with the ledger rows (issue 16,
item 4)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.ui.dialogs.import_wizard import ImportWizard

HEADER = ["项目编号", "项目名称", "县区", "建设单位", "总投资（万元）", "1-6月完成投资", "形象进度"]


def _book(tmp_path: Path, title: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.append(HEADER)
    sheet.append(["XM-01", "东丰县梅花鹿产业园", "东丰县", "东丰鹿业公司", 12000, 300, "主体完工"])
    sheet.append(["XM-02", "龙山区智慧物流园", "龙山区", "龙山物流公司", 20000, 120, "基础施工"])
    path = tmp_path / "县区台账.xlsx"
    book.save(path)
    return path


def _click(qtbot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def test_the_period_of_a_ledgers_month_figures_is_shown_and_asked_for(
    qtbot, empty_store, settings, tmp_path
):
    path = _book(tmp_path, "辽源市重点项目台账")  # a title without the year
    w = ImportWizard(empty_store, path=path, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    _click(qtbot, w, QWizard.WizardButton.NextButton)
    page = w.mapping_page
    assert w.currentPage() is page
    assert page.period_edit.isVisible() and page.period_label.text() == "本月数据期间："
    assert page.period_edit.text() == ""  # the header names 1-6月, nothing names the year
    _click(qtbot, w, QWizard.WizardButton.NextButton)
    assert w.currentPage() is page  # asked, not guessed
    assert "无法确定是哪一年哪个月的" in page.error.text()
    qtbot.waitUntil(page.period_edit.hasFocus)
    qtbot.keyClicks(page.period_edit, "2022-06")
    qtbot.keyClick(page.period_edit, Qt.Key.Key_Return)
    assert w.currentPage() is w.preview_page
    assert "2022-06 月报（期间来自指定的期间）：新增 2 条" in w.preview_page.summary.text()
    _click(qtbot, w, QWizard.WizardButton.CommitButton)
    assert w.currentPage() is w.done_page
    assert "月度调度 2 条" in w.done_page.label.text()
    june = empty_store.monthly_reports("2022-06")
    assert sorted(r.month_investment for r in june.values()) == [
        Decimal("120.00"),
        Decimal("300.00"),
    ]


def test_a_named_period_fills_the_box(qtbot, empty_store, settings, tmp_path):
    path = _book(tmp_path, "辽源市2022年重点项目台账")
    w = ImportWizard(empty_store, path=path, settings=settings)
    qtbot.addWidget(w)
    w.show()
    _click(qtbot, w, QWizard.WizardButton.NextButton)
    assert w.mapping_page.period_edit.text() == "2022-06"
    _click(qtbot, w, QWizard.WizardButton.NextButton)
    page = w.preview_page
    assert w.currentPage() is page
    summary = page.summary.text()
    assert "期间来自“辽源市2022年重点项目台账”和表头“1-6月完成投资”" in summary
    assert page.filter_box.currentData() is None  # every row: the month's reports are new
    page.filter_box.setCurrentIndex(page.filter_box.findData("month"))
    assert page.filter_box.currentText() == "有月报数据（2）"
    assert page.model.rowCount() == 2
    page.table.setCurrentIndex(page.model.index(0, 0))
    detail = page.detail.text()
    assert "2022-06 月报（新增）" in detail and "本月完成投资：300.00" in detail
