"""The monthly grid: typing and pasting a period's reports, with figures updating at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport
from desktop_app.ui.models.project import COLUMN_INDEX
from desktop_app.ui.monthly.cells import parse_percent, split_clipboard
from desktop_app.ui.monthly.grid import GRID_INDEX

JUNE = Period(2022, 6)


@pytest.fixture
def grid_setup(store, make_window, set_amounts):
    """Two projects with plans, one May report; the window opens on June's grid."""
    a = set_amounts(store, "LY2022-001", "100000", "4000")
    b = set_amounts(store, "LY2022-002", "50000", "10000")
    store.save_monthly_reports(
        [MonthlyReport(a.id, "2022-05", Decimal("1000")), MonthlyReport(a.id, "2022-06", None)]
    )
    store.delete_monthly_report(a.id, "2022-06")
    store.save_monthly_report(
        MonthlyReport(store.find_project("LY2022-050").id, "2022-06", Decimal(1))
    )
    window = make_window(store)
    assert window.current_period() == JUNE
    window.tabs.setCurrentIndex(1)
    grid = window.monthly
    assert grid.model.rowCount() == 51
    return window, grid, a.id, b.id


def cell(grid, project_id: int, key: str):
    row = grid.model.project_ids().index(project_id)
    return grid.model.index(row, GRID_INDEX[key])


def test_pasting_a_block_from_excel_stores_the_reports_and_updates_the_lights(grid_setup, store):
    window, grid, a, b = grid_setup
    assert cell(grid, a, "light").data() == "黄灯"
    assert cell(grid, b, "light").data() == "红灯"
    assert cell(grid, a, "reported").data() == "未上报"
    actions = store.action_count()

    start = cell(grid, a, "month_investment")
    grid.view.setCurrentIndex(start)
    text = '1,000\t60%\t主体完工\t厂房封顶\t无\r\n2000\t45\t设备安装\t"设备进场，\n开始调试"\t用电增容未批复\r\n'
    assert grid.view.paste_clipboard(text) == 2
    assert store.action_count() == actions + 1  # one block, one action

    june = store.monthly_reports(JUNE)
    assert june[a].month_investment == Decimal("1000.00")
    assert (june[a].progress_pct, june[a].progress_text, june[a].progress_notes) == (
        60,
        "主体完工",
        "厂房封顶",
    )
    assert june[b].month_investment == Decimal("2000.00")
    assert june[b].progress_notes == "设备进场，\n开始调试"
    assert june[b].problems == "用电增容未批复"

    # figures follow at once: A 2,000 of 4,000 (50%) → green; B 2,000 of 10,000 (20%) → yellow
    assert cell(grid, a, "ytd").data() == "2,000.00"
    assert cell(grid, a, "rate").data() == "50.0%"
    assert cell(grid, a, "light").data() == "绿灯"
    assert cell(grid, b, "light").data() == "黄灯"
    assert cell(grid, a, "reported").data() == "已上报"
    # ... and in the ledger table
    row = window.model.row_of(a)
    assert window.model.index(row, COLUMN_INDEX["light"]).data() == "绿灯"
    assert window.model.index(row, COLUMN_INDEX["ytd"]).data() == "2,000.00"
    assert "已上报 3 个" in grid.summary.text()


def test_a_bad_cell_names_its_row_and_column_and_nothing_is_saved(grid_setup, store):
    _window, grid, a, b = grid_setup
    actions = store.action_count()
    grid.view.setCurrentIndex(cell(grid, a, "month_investment"))
    assert grid.view.paste_clipboard("abc\t60\n500\t150%\n") == 0
    assert store.action_count() == actions
    assert a not in store.monthly_reports(JUNE) and b not in store.monthly_reports(JUNE)
    text = grid.message.text()
    assert "第1行（鑫达钢铁180万吨热轧带钢）“本月完成投资(万元)”：“abc”不是有效的金额" in text
    assert (
        "第2行（东北袜业万台袜机数字化智能转型升级）“形象进度(%)”：形象进度应在 0% 到 100% 之间"
        in text
    )


def test_pasting_into_a_column_that_is_not_input_is_refused(grid_setup, store):
    _window, grid, a, _b = grid_setup
    grid.view.setCurrentIndex(cell(grid, a, "annual_plan"))
    assert grid.view.paste_clipboard("9999\t100\n") == 0
    assert "此列不能填写" in grid.message.text()
    assert a not in store.monthly_reports(JUNE)


def test_keyboard_entry_enter_saves_and_moves_down_tab_moves_to_the_next_input(
    qtbot, grid_setup, store
):
    _window, grid, a, b = grid_setup
    view = grid.view
    view.setFocus()
    view.setCurrentIndex(cell(grid, a, "month_investment"))
    qtbot.keyClick(view, "1")  # typing starts the editor, as in Excel
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "1"
    qtbot.keyClicks(editor, "500")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert store.monthly_reports(JUNE)[a].month_investment == Decimal("1500.00")
    assert view.currentIndex() == cell(grid, b, "month_investment")
    assert cell(grid, a, "month_investment").data() == "1,500.00"
    assert cell(grid, a, "light").data() == "绿灯"  # 2,500 of 4,000

    view.setCurrentIndex(cell(grid, a, "problems"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # past the figures to the next row's first input
    assert view.currentIndex() == cell(grid, b, "month_investment")
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex() == cell(grid, a, "problems")


def test_typing_a_bad_amount_shows_why_and_keeps_the_old_value(qtbot, grid_setup, store):
    _window, grid, a, _b = grid_setup
    index = cell(grid, a, "month_investment")
    assert not grid.model.setData(index, "-20")
    assert "本月完成投资不能为负数" in grid.message.text()
    assert a not in store.monthly_reports(JUNE)


def test_undo_takes_a_pasted_block_back(grid_setup, store):
    window, grid, a, b = grid_setup
    grid.model.setData(cell(grid, b, "progress_text"), "土建")
    grid.view.setCurrentIndex(cell(grid, a, "month_investment"))
    grid.view.paste_clipboard("3000\n4000\n")
    assert store.monthly_reports(JUNE)[b].month_investment == Decimal("4000.00")
    window.action_undo.trigger()
    june = store.monthly_reports(JUNE)
    assert a not in june  # created by the paste: removed again
    assert june[b].month_investment is None and june[b].progress_text == "土建"
    assert cell(grid, a, "light").data() == "黄灯"
    window.action_redo.trigger()
    assert store.monthly_reports(JUNE)[a].month_investment == Decimal("3000.00")


def test_delete_clears_the_selected_inputs(qtbot, grid_setup, store):
    _window, grid, a, _b = grid_setup
    grid.model.setData(cell(grid, a, "progress_notes"), "基础施工")
    grid.view.setCurrentIndex(cell(grid, a, "progress_notes"))
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert store.monthly_reports(JUNE)[a].progress_notes is None


def test_the_grid_follows_the_ledger_filter(qtbot, grid_setup):
    window, grid, _a, _b = grid_setup
    window.set_filter("sector", {"农业农村"})
    assert grid.model.rowCount() == window.model.rowCount() < 51
    assert grid.model.project_ids() == window.visible_project_ids()


def test_clipboard_text_and_percentages_are_read_as_excel_writes_them():
    assert split_clipboard("a\tb\r\nc\td\r\n") == [["a", "b"], ["c", "d"]]
    assert split_clipboard('"x\ny"\tz') == [["x\ny", "z"]]
    assert split_clipboard("1\t\t3\n") == [["1", "", "3"]]
    assert parse_percent("４５％") == 45
    assert parse_percent(" 62.5 % ") == 62.5
    assert parse_percent("") is None
    with pytest.raises(ValueError, match="不是有效的百分比"):
        parse_percent("过半")


def test_grid_model_passes_the_qt_model_tester(qtmodeltester, grid_setup):
    _window, grid, _a, _b = grid_setup
    qtmodeltester.check(grid.model, force_py=True)


def test_a_report_saved_by_someone_else_since_it_was_read_is_not_overwritten(
    grid_setup, store, ledger_path
):
    """Two windows on one ledger: the grid refuses to overwrite the other's report and says
    what both sides wrote; its own consecutive edits of one row still save."""
    from desktop_app.store import Store

    _window, grid, a, _b = grid_setup
    grid.view.setCurrentIndex(cell(grid, a, "month_investment"))
    assert grid.view.paste_clipboard("100\r\n") == 1
    grid.view.setCurrentIndex(cell(grid, a, "month_investment"))
    assert grid.view.paste_clipboard("150\r\n") == 1  # own second edit is fine
    with Store.open(ledger_path, user="另一位") as other:
        other.save_monthly_report(MonthlyReport(a, "2022-06", Decimal("777")))
    errors = []
    grid.model.error.connect(errors.append)
    grid.view.setCurrentIndex(cell(grid, a, "month_investment"))
    grid.view.paste_clipboard("200\r\n")
    assert store.monthly_reports(JUNE)[a].month_investment == Decimal("777.00")
    assert len(errors) == 1 and "已被他人保存" in errors[0]
    assert "您填写“200.00”" in errors[0] and "对方已保存“777.00”" in errors[0]


def test_a_units_report_shows_waiting_for_review_until_the_staff_edit_it(
    store, make_window, set_amounts
):
    a = set_amounts(store, "LY2022-001", "100000", "4000")
    with store.action("收回填报：市工信局", source="填报.xlsx") as action:
        action.receiving = True  # as receiving a unit's return does
        store.save_monthly_report(MonthlyReport(a.id, "2022-06", Decimal("30")))
        return_id = store.record_unit_return(
            JUNE, "市工信局", file_name="填报.xlsx", digest="d", received_at="2022-07-03T09:00:00"
        )
        store.mark_received(return_id, {store.monthly_reports(JUNE)[a.id].id: []})
    window = make_window(store)
    window.tabs.setCurrentIndex(1)
    grid = window.monthly
    status = cell(grid, a.id, "reported")
    assert status.data() == "待审核"
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b45309"
    assert grid.model.setData(cell(grid, a.id, "progress_text"), "主体完工")  # the staff's edit
    assert cell(grid, a.id, "reported").data() == "已上报"
    assert store.review_states(JUNE)[a.id].state == "accepted"
