"""The project form edits the year's 建设目标, 名单 and 月度计划分解 (issue 15, items 1 and 2):
saved with the form (one undo step), the lights follow the monthly plan, a 合计 that is not
the 年度计划投资 is a warning, and a project taken off the list leaves that year's 月度调度表."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.periods import Period
from desktop_app.reports.monthly import write_monthly
from desktop_app.store import MonthlyReport
from desktop_app.ui.common.labels import light_label
from desktop_app.ui.models.project import COLUMN_INDEX
from desktop_app.ui.monthly.grid import GRID_INDEX
from tests.ui.test_project_form import activate, type_in

JUNE = Period(2022, 6)


@pytest.fixture
def planned(store, set_amounts):
    """LY2022-001: plan 4,000, 2,000 done by June (half the year: green by month/12)."""
    project = set_amounts(store, "LY2022-001", "100000", "4000")
    store.save_monthly_reports(
        [
            MonthlyReport(project.id, "2022-05", Decimal("1000")),
            MonthlyReport(project.id, "2022-06", Decimal("1000")),
        ]
    )
    return project


def ledger_light(window, project_id: int) -> str:
    row = window.model.row_of(project_id)
    return window.model.index(row, COLUMN_INDEX["light"]).data()


def grid_light(window, project_id: int) -> str:
    grid = window.monthly
    row = grid.model.project_ids().index(project_id)
    return grid.model.index(row, GRID_INDEX["light"]).data()


def test_target_and_monthly_plan_typed_and_ctrl_s_are_stored_and_the_light_follows(
    make_window, store, planned, qtbot
):
    window = make_window(store)
    assert window.current_period() == JUNE
    assert ledger_light(window, planned.id) == "绿灯"  # 2,000 of 4,000 at 6/12
    before_plan = store.monthly_plan(planned.id, 2022)
    dialog = window.edit_project(planned.id)
    activate(qtbot, dialog)
    part = dialog.year_part
    assert part.target.tabChangesFocus()
    assert "2022年" in part.on_list.text() and part.on_list.isChecked()
    type_in(qtbot, part.target, "主体结构封顶")
    # the whole year's plan in the first half: by June 4,000 planned, 2,000 done
    for month, text in ((1, "1000"), (2, "1,000"), (3, "0.1亿"), (4, "1000")):
        type_in(qtbot, part.months[month - 1], text)
        qtbot.keyClick(part.months[month - 1], Qt.Key.Key_Tab)
    assert part.months[2].text() == "1,000.00"  # 0.1亿 shown as the ledger keeps it
    assert part.total.text() == "合计：4,000.00 万元"
    assert dialog.messages["monthly_plan"].text() == ""  # 合计 = 年度计划投资
    assert "月度计划分解" in dialog.year_note.text()
    actions = store.action_count()
    qtbot.keyClick(part.months[3], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()

    assert store.action_count() == actions + 1  # the form's save is one action
    assert store.project_year(planned.id, 2022).target == "主体结构封顶"
    plan = store.monthly_plan(planned.id, 2022)
    assert plan == {f"2022-0{m}": Decimal("1000") for m in (1, 2, 3, 4)}
    window.wait_loaded()
    figures = store.figures(JUNE)[planned.id]
    assert figures.light != "green"  # 2,000 of 4,000 planned by June: behind
    assert ledger_light(window, planned.id) == light_label(figures.light)
    window.tabs.setCurrentIndex(1)
    window.wait_loaded()
    assert grid_light(window, planned.id) == light_label(figures.light)

    # one undo step gives back the previous plan, target and light
    window.editor.undo_stack.undo()
    window.wait_loaded()
    assert store.monthly_plan(planned.id, 2022) == before_plan == {}
    assert store.project_year(planned.id, 2022).target is None
    assert store.figures(JUNE)[planned.id].light == "green"
    assert grid_light(window, planned.id) == "绿灯"
    window.editor.undo_stack.redo()
    assert store.monthly_plan(planned.id, 2022) == plan


def test_a_total_that_is_not_the_annual_plan_is_a_warning_not_a_refusal(
    make_window, store, planned, qtbot
):
    window = make_window(store)
    dialog = window.edit_project(planned.id)
    activate(qtbot, dialog)
    message = dialog.messages["monthly_plan"]
    places = [w.geometry() for w in (dialog.year_part.months[11], dialog.banner)]
    type_in(qtbot, dialog.year_part.months[5], "3000")
    assert "月度计划合计 3,000.00 万元与年度计划投资 4,000.00 万元不一致" in message.text()
    assert [w.geometry() for w in (dialog.year_part.months[11], dialog.banner)] == places
    # mending the 年度计划投资 takes the warning away
    plan = dialog.editors["annual_plan"]
    plan.setText("3000")
    assert message.text() == ""
    plan.setText("4000")
    assert "不一致" in message.text()
    assert dialog.try_save()  # saved all the same
    assert store.monthly_plan(planned.id, 2022) == {"2022-06": Decimal("3000")}
    # an unreadable month is an error: the form stays open and says which
    dialog = window.edit_project(planned.id)
    assert dialog.year_part.months[5].text() == "3,000.00"
    dialog.year_part.months[0].setText("三千")
    assert not dialog.try_save()
    assert "1月计划" in dialog.banner.text()
    # emptied: no monthly plan, 序时进度 by month/12 again
    for edit in dialog.year_part.months:
        edit.setText("")
    assert "月数÷12" in dialog.year_note.text()
    assert dialog.try_save()
    assert store.monthly_plan(planned.id, 2022) == {}


def test_unticking_the_list_box_takes_the_project_out_of_that_years_report(
    make_window, store, planned, qtbot, tmp_path
):
    def names(path) -> set[str]:
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            rows = book.active.iter_rows(values_only=True)
            return {str(c) for row in rows for c in row if c}
        finally:
            book.close()

    before = tmp_path / "before.xlsx"
    write_monthly(store, before, period=JUNE)
    assert planned.name in names(before)
    window = make_window(store)
    dialog = window.edit_project(planned.id)
    activate(qtbot, dialog)
    box = dialog.year_part.on_list
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # the keyboard ticks it off
    assert not box.isChecked()
    assert "不在该年重点项目名单中" in dialog.year_note.text()
    assert dialog.try_save()
    assert store.project_year(planned.id, 2022).on_list is False
    after = tmp_path / "after.xlsx"
    write_monthly(store, after, period=JUNE)
    assert planned.name not in names(after)
    assert names(before) - names(after) >= {planned.name}
    window.editor.undo_stack.undo()
    assert store.project_year(planned.id, 2022).on_list is True


def test_a_new_project_gets_its_target_and_monthly_plan_in_the_same_step(make_window, store):
    window = make_window(store)
    dialog = window.new_project()
    code = dialog.editors["code"].text()
    dialog.editors["name"].setText("辽源新材料产业园")
    sector = dialog.editors["sector"]
    sector.setCurrentIndex(sector.findData("工业"))
    dialog.editors["annual_plan"].setText("1200")
    dialog.year_part.target.setPlainText("完成厂房建设")
    dialog.year_part.months[6].setText("1200")
    actions = store.action_count()
    assert dialog.try_save()
    assert store.action_count() == actions + 1
    created = store.find_project(code)
    assert store.project_year(created.id, 2022).target == "完成厂房建设"
    assert store.monthly_plan(created.id, 2022) == {"2022-07": Decimal("1200")}
    window.action_undo.trigger()
    assert store.find_project(code) is None
    window.action_redo.trigger()
    assert store.monthly_plan(created.id, 2022) == {"2022-07": Decimal("1200")}
    assert store.project_year(created.id, 2022).target == "完成厂房建设"


def test_tab_and_enter_walk_the_years_part_in_order(make_window, store, qtbot):
    window = make_window(store)
    dialog = window.edit_project(store.find_project("LY2022-001").id)
    activate(qtbot, dialog)
    dialog.editors["measures"].setFocus()
    seen = []
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)
        seen.append(QApplication.focusWidget().objectName())
    assert seen == ["year_on_list", "year_target", "plan_month_1", "plan_month_2"]
    assert dialog.isVisible()  # Enter moved on, it did not save
