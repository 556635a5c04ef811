"""两期对比 in the window: the dialog (counts, export), the dashboard's 对比上期, the menu entry."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from desktop_app.domain.periods import Period as P
from desktop_app.reports.compare import SHEETS
from desktop_app.store import MonthlyReport, Store
from desktop_app.ui import jobs
from desktop_app.ui.dashboard.board import Dashboard
from desktop_app.ui.dialogs.compare import CompareDialog

MAY, JUNE = P(2022, 5), P(2022, 6)


@pytest.fixture
def small(tmp_path):
    """甲 (龙山区) newly lagging in June; 乙 (龙山区) recovered (黄灯 → 绿灯); 丙 (东丰县) on
    2022's list with 300 by May and 300 in June (绿灯 both)."""
    s = Store.create(tmp_path / "small.sqlite", user="测试员", portfolio=False)
    ids = {}
    for key, region in (("甲", "龙山区"), ("乙", "龙山区"), ("丙", "东丰县")):
        p = s.add_project({"name": f"{key}项目", "region": region})
        s.set_project_year(p.id, 2022, {"on_list": True, "annual_plan": D(1200)})
        ids[key] = p.id
    reports = []
    for m in range(1, 6):
        reports.append(MonthlyReport(ids["甲"], f"2022-{m:02d}", D(100)))
        reports.append(MonthlyReport(ids["乙"], f"2022-{m:02d}", D(40)))
        reports.append(MonthlyReport(ids["丙"], f"2022-{m:02d}", D(100)))
    reports += [
        MonthlyReport(ids["乙"], "2022-06", D(500)),
        MonthlyReport(ids["丙"], "2022-06", D(300)),
    ]
    s.save_monthly_reports(reports)
    yield s
    s.close()


def table_texts(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_dialog_shows_the_counts_and_exports_the_workbook(qtbot, small, settings, tmp_path):
    dialog = CompareDialog(small, period=JUNE, settings=settings)
    qtbot.addWidget(dialog)
    assert (dialog.earlier, dialog.later) == (MAY, JUNE)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=20_000)
    counts = dict(table_texts(dialog.counts))  # type: ignore[arg-type]
    assert counts["新增滞后"] == "1" and counts["滞后转正常"] == "1"
    assert counts["状态灯变化"] == "1" and counts["2022年6月项目数"] == "3"
    assert "新增滞后 1 个，滞后转正常 1 个" in dialog.status.text()
    assert dialog.file_edit.text().endswith("两期对比_2022-05_2022-06.xlsx")

    target = tmp_path / "out" / "对比.xlsx"
    target.parent.mkdir()
    dialog.file_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.export_button.click()
    assert blocker.args[0].path == target
    assert f"已导出：{target}" in dialog.status.text()
    assert openpyxl.load_workbook(target).sheetnames == list(SHEETS)
    with CalamineWorkbook.from_path(str(target)) as book:
        rows = book.get_sheet_by_name("滞后变化").to_python(skip_empty_area=False)
    assert [r[2] for r in rows if r[4] in ("新增滞后", "滞后转正常")] == ["甲项目", "乙项目"]
    assert settings.value("reports/folder") == str(target.parent)


def test_an_export_finished_after_the_periods_changed_is_still_reported(
    qtbot, small, settings, tmp_path
):
    """The file was written for the pair chosen when 导出 was pressed: the dialog says so (and
    tells the window) even when the user picked other months meanwhile, then compares those."""
    dialog = CompareDialog(small, period=JUNE, settings=settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=20_000)
    target = tmp_path / "对比.xlsx"
    dialog.file_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.export_button.click()  # running in the background …
        dialog.set_periods("2022-04", JUNE)  # … when another pair is chosen
    assert blocker.args[0].path == target and target.exists()
    assert dialog.result is not None and dialog.result.path == target
    qtbot.waitUntil(
        lambda: dialog.comparison is not None and dialog.comparison.earlier.period == P(2022, 4),
        timeout=20_000,
    )


def test_dialog_refuses_the_same_period_twice(qtbot, small, settings):
    small.close_period(MAY)
    dialog = CompareDialog(small, period=JUNE, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.earlier_box.currentText() == "2022年5月（已关账）"
    assert dialog.later_box.currentText() == "2022年6月"
    jobs.wait_all(dialog)
    assert dialog.comparison.earlier.frozen and not dialog.comparison.later.frozen
    dialog.set_periods(JUNE, JUNE)
    assert dialog.status.text() == "请选择两个不同的期间"
    assert not dialog.export_button.isEnabled() and dialog.counts.rowCount() == 0
    dialog.set_periods("2022-04", JUNE)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=20_000)
    assert dialog.comparison.earlier.period == P(2022, 4)


@pytest.mark.parametrize("background", [False, True])
def test_dashboard_shows_the_previous_round_beside_the_current(qtbot, small, settings, background):
    board = Dashboard(small, settings, background=background)
    qtbot.addWidget(board)
    board.resize(1500, 860)
    board.show()
    qtbot.waitExposed(board)
    board.set_period(JUNE)
    board.wait_until_ready()
    previous = board.previous
    assert not previous.isVisible() and previous.toggle.text() == "对比上期"
    previous.toggle.setChecked(True)
    qtbot.waitUntil(lambda: previous.comparison is not None, timeout=20_000)
    assert previous.isVisible() and settings.value("dashboard/previous") == "1"
    assert previous.title.text() == "2022年5月与2022年6月对比"
    rows = table_texts(previous.table)
    assert rows == [
        ["龙山区", "700.00", "1,200.00", "+500.00", "0→0"],
        ["东丰县", "500.00", "800.00", "+300.00", "0→0"],
        ["合计", "1,200.00", "2,000.00", "+800.00", "0→0"],
    ]
    header = [previous.table.horizontalHeaderItem(i).text() for i in range(5)]
    assert header[1] == "上期累计(万元)" and header[4] == "红灯(上期→本期)"
    # every light of both rounds in the row's tooltip, the exact 万元 in the amounts'
    assert previous.table.item(0, 0).toolTip() == "上期：黄1 绿1\n本期：绿2"
    assert previous.table.item(2, 3).toolTip() == "800.00万元"
    assert "新增滞后 1 个，滞后转正常 1 个，状态灯变化 1 个" in previous.note.text()

    board.set_period(MAY)  # the previous round follows the dashboard's period
    board.wait_until_ready()
    qtbot.waitUntil(lambda: previous.comparison.later.period == MAY, timeout=20_000)
    assert previous.title.text() == "2022年4月与2022年5月对比"
    board.grab().save(f"/tmp/compare_dashboard_{background}.png")

    previous.toggle.setChecked(False)
    assert not previous.isVisible() and settings.value("dashboard/previous") == "0"


def test_the_choice_is_remembered(qtbot, small, settings):
    settings.set_value("dashboard/previous", "1")
    board = Dashboard(small, settings, background=False)
    qtbot.addWidget(board)
    board.show()
    board.set_period(JUNE)
    assert board.previous.toggle.isChecked()
    assert board.previous.comparison is not None
    assert board.previous.table.rowCount() == 3


def test_the_reports_menu_opens_the_dialog(make_window, small, qtbot):
    window = make_window(small)
    action = window.actions_by_id["actionCompare"]
    assert action.text() == "两期对比…"
    assert action in window.menus["menuReports"].actions()
    action.trigger()
    dialog = window.findChild(CompareDialog)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CompareDialog) and dialog.isModal()
    assert dialog.later == window.current_period()
    jobs.wait_all(dialog)


def test_browse_takes_the_chosen_file_as_a_workbook(qtbot, small, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QPushButton

    dialog = CompareDialog(small, period=JUNE, settings=settings)
    qtbot.addWidget(dialog)
    jobs.wait_all(dialog)
    asked = []

    def answer(*args, **kwargs):
        asked.append(args)
        return str(tmp_path / "对比"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    dialog.findChild(QPushButton, "browseButton").click()
    assert dialog.file_edit.text() == str(tmp_path / "对比.xlsx")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    dialog.findChild(QPushButton, "browseButton").click()  # cancelled: the file stays
    assert dialog.file_edit.text() == str(tmp_path / "对比.xlsx")
    assert len(asked) == 1 and asked[0][3] == "Excel 工作簿 (*.xlsx)"


def test_large_amounts_read_in_yi_yuan_with_the_exact_wan_in_the_tooltip(qapp):
    """Above 1 亿元 the pane's amounts are 亿元 (the dashboard's unit) so its five columns fit
    the right-hand pane at 1366 px; the tooltip keeps the exact 万元."""
    from desktop_app.ui.dashboard.compare import YI_CENTS, _amount

    assert YI_CENTS == 1_000_000  # 10,000 万元 in 0.01 万元
    assert _amount(91_317_444, True) == "91.32"  # 913,174.44 万元
    assert _amount(91_317_444, False) == "913,174.44"
