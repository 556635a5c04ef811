"""The window and its dialogs without a mouse: the search box's keys, every dialog's tab order,
default button, Esc and mnemonics (issue 14, item 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.models.project import COLUMN_INDEX

NAME = COLUMN_INDEX["name"]


def activate(qtbot, widget) -> None:
    """Make ``widget``'s window the active one (keys and focus go there), as a click does."""
    with qtbot.waitActive(widget.window()):
        widget.window().activateWindow()


def search_box(qtbot, window):
    activate(qtbot, window)
    box = window.filter_bar.search
    box.setFocus()
    assert box.hasFocus()
    return box


# ----------------------------------------------------------------- the search box
def test_down_moves_from_the_search_box_into_the_results_first_row_selected(
    qtbot, make_window, store
):
    window = make_window(store)
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "xdgt")
    qtbot.keyClick(box, Qt.Key.Key_Down)  # at once, without waiting for the typing pause
    assert window.current_query().search == "xdgt"
    assert window.table.hasFocus()
    assert window.model.rowCount() == 2
    assert [i.row() for i in window.table.selectionModel().selectedRows()] == [0]
    first = window.model.project_id(0)
    assert window.current_project_id() == first
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # and on through the rows
    assert window.current_project_id() == window.model.project_id(1)


def test_enter_in_the_search_box_goes_to_the_results_and_enter_again_opens_the_project(
    qtbot, make_window, store
):
    window = make_window(store)
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "xinda")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.table.hasFocus() and window.model.rowCount() == 2
    project_id = window.model.project_id(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog._project.id == project_id


def test_down_with_nothing_found_stays_in_the_box_and_says_so(qtbot, make_window, store):
    window = make_window(store)
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "zzzzqq")
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.model.rowCount() == 0
    assert box.hasFocus()
    assert window.statusBar().currentMessage() == "没有符合条件的项目"


def test_esc_clears_the_search_and_a_second_esc_clears_the_filters(qtbot, make_window, store):
    window = make_window(store)
    window.page.set_filter("status", {"竣工", "在建"})
    in_region = window.model.rowCount()
    assert 0 < in_region < 51
    box = search_box(qtbot, window)
    qtbot.keyClicks(box, "zzzzqq")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=2000)

    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and window.current_query().search == ""
    assert window.model.rowCount() == in_region  # the filter stays
    assert box.hasFocus()

    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.current_query().is_empty
    assert window.model.rowCount() == 51
    assert "已清除筛选" in window.statusBar().currentMessage()
    assert window.filter_bar._buttons["status"].text() == "项目状态"


def test_ctrl_f_goes_to_the_search_box(qtbot, make_window, store):
    window = make_window(store)
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.filter_bar.search
