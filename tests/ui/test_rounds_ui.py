"""工具 ▸ 关账… / 重新开账… in the window (issue 15, item 4): the question names the period and
its counts, a closed period's grid is read-only with a note saying who closed it and when,
the period chooser marks it, and reopening asks for the reason."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QMessageBox

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport, Store
from desktop_app.ui import jobs
from desktop_app.ui.monthly.grid import GRID_INDEX

JUNE = Period(2022, 6)


@pytest.fixture
def window(demo_copy, make_window):
    store = Store.open(demo_copy, user="张科员")
    w = make_window(store)
    assert w.current_period() == JUNE
    yield w
    store.close()


def _close_june(window, qtbot) -> QMessageBox:
    box = window.rounds.close_period()
    assert box.isVisible()
    go_on = next(b for b in box.buttons() if b.text() == "关账")
    qtbot.mouseClick(go_on, Qt.MouseButton.LeftButton)
    assert jobs.wait_all(window.rounds)  # closed in the background
    window.wait_loaded()
    return box


def test_closing_asks_with_the_period_and_counts_then_marks_the_chooser(window, qtbot):
    store = window.store
    listed, reported = len(store.listed_ids(2022)), len(store.reported_ids(JUNE))
    box = window.rounds.close_period()
    assert box.windowTitle() == "关账"
    assert "关账 2022年6月？" in box.text()
    assert (
        f"本期 {listed} 个项目，已填报 {reported} 个，未填报 {listed - reported} 个" in box.text()
    )
    cancel = next(b for b in box.buttons() if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not store.is_closed(JUNE)

    _close_june(window, qtbot)
    assert store.is_closed(JUNE)
    assert store.closed_round(JUNE).closed_by == "张科员"  # the window's user
    combo = window.period_combo
    assert combo.currentText() == "2022年6月（已关账）"
    assert combo.itemText(combo.findData("2022-05")) == "2022年5月"
    assert "2022年6月已关账" in window.statusBar().currentMessage()
    again = window.rounds.close_period()  # a second time only says so
    assert again.objectName() == "roundInfoBox" and "已经关账（张科员，" in again.text()


def test_a_closed_periods_grid_is_read_only_with_a_note(window, qtbot):
    store = window.store
    window.tabs.setCurrentIndex(1)
    window.wait_loaded()
    grid = window.monthly
    index = grid.model.index(0, GRID_INDEX["month_investment"])
    assert grid.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert grid.closed.isHidden()

    _close_june(window, qtbot)
    window.tabs.setCurrentIndex(1)
    window.wait_loaded()
    pid = grid.model.project_id(0)
    before = store.monthly_reports(JUNE).get(pid)
    for key in ("month_investment", "progress_pct", "progress_text", "problems"):
        flags = grid.model.flags(grid.model.index(0, GRID_INDEX[key]))
        assert not flags & Qt.ItemFlag.ItemIsEditable, key
    assert not grid.closed.isHidden() and grid.hint.isHidden()
    note = grid.closed.text()
    assert note.startswith("2022年6月已关账（张科员，") and "只能查看，不能修改" in note

    # typing does not open an editor; pasting and clearing are refused with the reason
    grid.view.setCurrentIndex(grid.model.index(0, GRID_INDEX["month_investment"]))
    qtbot.keyClicks(grid.view, "123")
    assert grid.view.state() != QAbstractItemView.State.EditingState
    assert not grid.model.setData(grid.model.index(0, GRID_INDEX["progress_text"]), "改动")
    grid.view.paste_clipboard("999\t50%")
    assert "2022年6月已关账，不能再修改" in grid.message.text()
    grid.model.clear_cells([grid.model.index(0, GRID_INDEX["progress_text"])])
    assert store.monthly_reports(JUNE).get(pid) == before  # nothing was written


def test_reopen_asks_for_the_reason_and_records_it(window, qtbot):
    store = window.store
    info = window.rounds.reopen_period()  # an open period: only says so
    assert info.objectName() == "roundInfoBox" and "没有关账" in info.text()
    _close_june(window, qtbot)

    dialog = window.rounds.reopen_period()
    assert dialog.objectName() == "reopenDialog" and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no reopening
    qtbot.keyClicks(dialog.reason, "   ")
    assert not ok.isEnabled()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert store.is_closed(JUNE)
    dialog.reason.clear()
    dialog.reason.insert("东丰县数据报错")  # (keyClicks types ASCII only)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    window.wait_loaded()
    assert not store.is_closed(JUNE)
    (reason,) = [h for h in store.history(table="closed_periods") if h.field == "reason"]
    assert reason.new_value == "东丰县数据报错" and reason.user == "张科员"
    assert window.period_combo.currentText() == "2022年6月"
    window.tabs.setCurrentIndex(1)
    window.wait_loaded()
    grid = window.monthly
    assert grid.closed.isHidden()
    assert grid.model.flags(grid.model.index(0, GRID_INDEX["month_investment"])) & (
        Qt.ItemFlag.ItemIsEditable
    )
    pid = grid.model.project_id(0)
    store.save_monthly_report(MonthlyReport(pid, str(JUNE), Decimal("5")))  # writable again


def test_a_closed_periods_grid_shows_the_round_after_later_changes(window, qtbot):
    store = window.store
    window.tabs.setCurrentIndex(1)
    window.wait_loaded()
    grid = window.monthly
    keys = ("code", "name", "annual_plan", "ytd", "rate", "light")

    def shown() -> dict[int, tuple]:
        m = grid.model
        return {
            m.project_id(r): tuple(m.index(r, GRID_INDEX[k]).data() for k in keys)
            for r in range(m.rowCount())
        }

    before = shown()
    _close_june(window, qtbot)
    first, second = list(before)[:2]
    store.update_project(first, {"name": "关账后改名"}, year=2022)
    store.set_project_year(second, 2022, {"annual_plan": Decimal("1.00")})
    store.add_project({"name": "关账后新增", "region": "龙山区"}, year=2022)
    window.refresh()
    window.tabs.setCurrentIndex(1)
    window.wait_loaded()
    assert shown() == before  # names, plans, figures and the rows as at the close
    window.set_period(Period(2022, 5))  # an open month shows the ledger as it is
    window.wait_loaded()
    assert "关账后改名" in [row[1] for row in shown().values()]


def test_closing_with_returns_not_yet_reviewed_says_so_and_closes_when_confirmed(window, qtbot):
    store = window.store
    project = store.projects(2022, listed=True)[0]
    with store.action("收回填报：测试单位", source="月度调度填报_2022-06_测试单位.xlsx") as action:
        action.receiving = True
        store.save_monthly_report(MonthlyReport(project.id, str(JUNE), Decimal("12.5")))
        return_id = store.record_unit_return(
            JUNE, "测试单位", file_name="填报.xlsx", digest="x", received_at="2022-07-03T09:00:00"
        )
        store.mark_received(return_id, {store.monthly_reports(JUNE)[project.id].id: []})
    box = window.rounds.close_period()
    assert "还有 1 条月报未审核：测试单位（待审核 1，退回 0）" in box.informativeText()
    _close_june(window, qtbot)
    assert store.is_closed(JUNE)
