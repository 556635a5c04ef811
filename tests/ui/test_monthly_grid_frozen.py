"""The monthly grid as a clerk scrolls it: 项目编号 and 项目名称 stay at the left (frozen as
Excel's 冻结窗格), the ledger filter it follows is said above it and can be cleared there, and
its own search box narrows the rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop_app.domain.textmatch import normalize_query
from desktop_app.ui.models.project import COLUMN_INDEX
from desktop_app.ui.monthly.grid import GRID_COLUMNS, GRID_INDEX
from desktop_app.ui.monthly.matcher import GridMatcher

CODE, NAME, LAST = GRID_INDEX["code"], GRID_INDEX["name"], len(GRID_COLUMNS) - 1


@pytest.fixture
def grid(store, make_window, set_amounts):
    """The window at 1366×768 on the shipped 51 projects, the 月度调度 tab open."""
    set_amounts(store, "LY2022-001", "100000", "4000")
    unit = store.find_project("LY2022-030")
    store.update_project(unit.id, {"department": "市交通运输局"})
    window = make_window(store)
    window.resize(1366, 768)
    window.tabs.setCurrentIndex(1)
    window.wait_loaded()
    grid = window.monthly
    assert grid.model.rowCount() == 51
    QApplication.processEvents()
    return window, grid


def rows_on_screen(grid):
    """(y, row in the main view, row in the frozen view) every few pixels down the viewport."""
    view, frozen = grid.view, grid.view.frozen_view
    height = view.viewport().height()
    return [(y, view.rowAt(y), frozen.rowAt(y)) for y in range(2, height - 2, 9)]


def assert_aligned(grid):
    """At every height the frozen view shows the code and name of the row the main view
    shows there, and its cells sit at the same height."""
    view, frozen, model = grid.view, grid.view.frozen_view, grid.model
    checked = 0
    for y, row, frozen_row in rows_on_screen(grid):
        assert frozen_row == row, f"at y={y}: main row {row}, frozen row {frozen_row}"
        if row < 0:
            continue
        for column in (CODE, NAME):
            here = frozen.indexAt(QPoint(frozen.columnViewportPosition(column) + 3, y))
            assert (here.row(), here.column()) == (row, column)
            assert here.data() == model.index(row, column).data() != ""
        top = view.visualRect(model.index(row, LAST)).top()
        assert frozen.visualRect(model.index(row, NAME)).top() == top
        checked += 1
    assert checked > 5


def assert_frozen_in_place(grid):
    """The overlay covers exactly the code and name columns at the left of the rows, above
    the scrolling columns, and shows only those two."""
    view, frozen = grid.view, grid.view.frozen_view
    assert frozen.isVisible()
    width = view.columnWidth(CODE) + view.columnWidth(NAME)
    assert frozen.geometry().left() == view.viewport().geometry().left()
    assert frozen.geometry().width() == width
    assert frozen.viewport().height() == view.viewport().height()
    shown = [c for c in range(len(GRID_COLUMNS)) if not frozen.isColumnHidden(c)]
    assert shown == [CODE, NAME]
    assert frozen.columnViewportPosition(CODE) == 0
    assert frozen.horizontalHeader().height() == view.horizontalHeader().height()


def test_scrolled_to_the_last_column_the_rows_still_show_their_code_and_name(grid):
    _window, grid = grid
    view, model = grid.view, grid.model
    view.scrollTo(model.index(0, LAST))
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    last = view.visualRect(model.index(0, LAST))
    assert last.left() > 0 and last.right() <= view.viewport().width()  # 上报状态 in view
    # in the main view the code column has scrolled away: only the frozen view shows it
    assert view.visualRect(model.index(0, CODE)).right() < 0
    assert_frozen_in_place(grid)
    assert_aligned(grid)
    assert grid.view.frozen_view.indexAt(QPoint(3, 3)).data() == "LY2022-001"


def test_scrolling_down_keeps_code_and_name_beside_their_row(qtbot, grid):
    _window, grid = grid
    view = grid.view
    view.scrollTo(grid.model.index(0, LAST))
    bar = view.verticalScrollBar()
    assert bar.maximum() > 10
    bar.setValue(bar.maximum() // 2)
    assert view.frozen_view.verticalScrollBar().value() == bar.value()
    assert_aligned(grid)
    bar.setValue(bar.maximum())  # the bottom: the last row beside its name
    assert_aligned(grid)
    assert view.rowAt(view.viewport().height() - 3) == 50

    # the wheel over the frozen names scrolls the whole grid
    bar.setValue(0)
    frozen = view.frozen_view
    at = QPointF(20, 40)
    wheel = QWheelEvent(
        at,
        frozen.viewport().mapToGlobal(at),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(frozen.viewport(), wheel)
    assert bar.value() > 0
    assert_aligned(grid)


def test_typing_in_a_scrolled_row_keeps_its_code_and_name_beside_it(qtbot, grid, store):
    _window, grid = grid
    view, model = grid.view, grid.model
    view.setFocus()
    row = 40
    a = model.project_id(row)
    view.scrollTo(model.index(row, LAST))
    start = model.index(row, GRID_INDEX["month_investment"])
    view.setCurrentIndex(start)
    # the input column came clear of the frozen names, not under them
    assert view.visualRect(start).left() >= view.frozen_width()
    qtbot.keyClick(view, "7")
    editor = view.findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, "50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert store.monthly_reports(grid.model.period)[a].month_investment == Decimal("750.00")
    assert view.currentIndex().row() == row + 1
    assert_aligned(grid)
    for key in ("ytd", "light", "reported"):  # the figures of the row scrolled to
        view.scrollTo(model.index(row, GRID_INDEX[key]))
        assert_aligned(grid)
    assert model.index(row, GRID_INDEX["reported"]).data() == "已上报"


def test_keys_moving_into_the_frozen_columns_and_out_scroll_as_in_excel(qtbot, grid):
    _window, grid = grid
    view, model = grid.view, grid.model
    view.setFocus()
    bar = view.horizontalScrollBar()
    view.setCurrentIndex(model.index(3, LAST))
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(view, Qt.Key.Key_Home)  # to the row's 项目编号: the grid from its start
    assert view.currentIndex() == model.index(3, CODE)
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == GRID_INDEX["department"]
    assert view.visualRect(view.currentIndex()).left() >= view.frozen_width()

    # Left from a column scrolled under the frozen names brings it out beside them
    view.setCurrentIndex(model.index(3, LAST))
    for _ in range(LAST - GRID_INDEX["annual_plan"]):
        qtbot.keyClick(view, Qt.Key.Key_Left)
        current = view.currentIndex()
        assert view.visualRect(current).left() >= view.frozen_width(), current.column()
    assert view.currentIndex().column() == GRID_INDEX["annual_plan"]

    # Tab from the last input wraps to the next row's first input, in view beside the names
    view.setCurrentIndex(model.index(3, GRID_INDEX["problems"]))
    view.scrollTo(model.index(3, LAST))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    current = view.currentIndex()
    assert (current.row(), current.column()) == (4, GRID_INDEX["month_investment"])
    assert view.visualRect(current).left() >= view.frozen_width()
    assert_aligned(grid)


def test_a_click_on_a_frozen_name_selects_its_row_without_scrolling_back(qtbot, grid):
    _window, grid = grid
    view, frozen, model = grid.view, grid.view.frozen_view, grid.model
    view.scrollTo(model.index(0, LAST))
    across = view.horizontalScrollBar().value()
    rect = frozen.visualRect(model.index(5, NAME))
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex() == model.index(5, NAME)  # one current cell for both views
    assert view.selectionModel() is frozen.selectionModel()
    assert view.horizontalScrollBar().value() == across
    qtbot.waitUntil(view.hasFocus)  # the keys go on from there
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex() == model.index(6, NAME)
    assert_aligned(grid)


def test_widths_and_heights_follow_between_the_two_views(grid):
    _window, grid = grid
    view, frozen = grid.view, grid.view.frozen_view
    view.setColumnWidth(NAME, 320)  # the main header's border
    assert frozen.columnWidth(NAME) == 320
    assert_frozen_in_place(grid)
    frozen.horizontalHeader().resizeSection(NAME, 200)  # the frozen header's border
    assert view.columnWidth(NAME) == 200
    assert_frozen_in_place(grid)
    view.setRowHeight(2, 60)
    assert frozen.rowHeight(2) == 60
    view.scrollTo(grid.model.index(0, LAST))
    assert_aligned(grid)


# -------------------------------------------------------- the ledger filter and the search
def test_the_ledger_filter_is_said_above_the_grid_and_cleared_from_there(qtbot, grid):
    window, grid = grid
    note, clear = grid.finder.filter_note, grid.finder.clear_filter
    assert not note.isVisibleTo(grid) and not clear.isVisibleTo(grid)
    window.set_filter("sector", {"农业农村"})
    window.filter_bar.search.setText("水库")
    window.filter_bar._emit_now()  # what the typing delay then calls
    window.tabs.setCurrentWidget(grid)
    assert grid.model.rowCount() == 2  # 大良水库 and 老龙头水库
    assert note.isVisible() and clear.isVisible()
    assert note.text() == "已按台账筛选：产业类别＝农业农村；搜索“水库”（显示 2 / 51 个项目）"

    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert window.current_query().is_empty  # the ledger's filter, shared, is cleared
    assert window.filter_bar.search.text() == ""
    assert window.model.rowCount() == 51 == grid.model.rowCount()
    assert not note.isVisible() and not clear.isVisible()

    # the lights filter, and clearing it on the ledger page, are said here too
    window.set_filter("light", {"yellow"})
    assert "状态灯＝黄灯" in note.text() and note.isVisibleTo(grid)
    window.page.clear_filters()
    assert not note.isVisibleTo(grid)


def test_the_search_box_narrows_the_rows_by_code_name_or_unit(qtbot, qtmodeltester, grid, store):
    _window, grid = grid
    box = grid.search

    def found(text):
        box.setText(text)
        grid.finder.apply_search()  # what the typing delay then calls
        return [grid.model.index(r, CODE).data() for r in range(grid.model.rowCount())]

    assert found("钢铁") == ["LY2022-001", "LY2022-011", "LY2022-018"]
    assert found("鋼鐵") == found("钢铁")  # traditional characters
    assert found("xdgt") == ["LY2022-001", "LY2022-011"]  # 鑫达钢铁, pinyin initials
    assert found("xinda") == ["LY2022-001", "LY2022-011"]  # full pinyin
    assert found("ly2022-00") == [f"LY2022-00{i}" for i in range(1, 10)]  # the code
    assert found("交通运输") == ["LY2022-030"]  # 责任单位
    assert found("jtys") == ["LY2022-030"]
    assert found("业主不会") == []
    assert grid.finder.found.text() == "没有找到"
    assert found("xdgt") and grid.finder.found.text() == "找到 2 个"
    assert "共 2 个项目" in grid.summary.text()
    qtmodeltester.check(grid.model, force_py=True)

    # typing in a found row saves that project's report, and the row stays found
    assert grid.model.setData(grid.model.index(1, GRID_INDEX["progress_text"]), "试生产")
    assert (
        store.monthly_reports(grid.model.period)[store.find_project("LY2022-011").id].progress_text
        == "试生产"
    )
    assert [grid.model.index(r, CODE).data() for r in range(2)] == ["LY2022-001", "LY2022-011"]
    assert grid.model.index(1, GRID_INDEX["progress_text"]).data() == "试生产"


def test_keys_in_the_search_box_esc_clears_down_goes_into_the_grid(qtbot, grid):
    window, grid = grid
    window.activateWindow()
    grid.focus_search()
    qtbot.waitUntil(grid.search.hasFocus)
    qtbot.keyClicks(grid.search, "xdgt")
    qtbot.keyClick(grid.search, Qt.Key.Key_Escape)
    assert grid.search.text() == "" and grid.model.rowCount() == 51
    qtbot.keyClicks(grid.search, "xdgt")
    qtbot.keyClick(grid.search, Qt.Key.Key_Down)  # searches at once and goes to the rows
    assert grid.model.rowCount() == 2
    qtbot.waitUntil(grid.view.hasFocus)
    assert grid.view.currentIndex() == grid.model.index(0, GRID_INDEX["month_investment"])
    qtbot.keyClick(grid.view, "5")  # typing goes into the first found row's input
    editor = grid.view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "5"


def test_the_search_follows_the_ledger_filter_underneath(grid):
    window, grid = grid
    grid.search.setText("钢铁")
    grid.finder.apply_search()
    assert grid.model.rowCount() == 3
    window.set_filter("sector", {"工业"})  # 钢铁小镇 is 农业农村
    assert [grid.model.index(r, CODE).data() for r in range(grid.model.rowCount())] == [
        "LY2022-001",
        "LY2022-011",
    ]
    assert grid.model.ledger_count() == window.model.rowCount()
    window.set_filter("sector", set())
    assert grid.model.rowCount() == 3


@pytest.mark.parametrize(
    "text", ["钢铁", "xdgt", "gangtie", "鋼", "ly2022-01", "交通", "jt", "小镇"]
)
def test_the_stored_keys_find_what_keys_built_afresh_find(grid, text):
    """The fast path (the ledger's stored keys) and keys built from the rows agree."""
    window, _grid = grid
    ids = window.visible_project_ids()
    ledger = window.page.model

    def info(pid):
        values = (ledger.value(pid, f) or "" for f in ("code", "name", "department"))
        return (*values, None)

    needle = normalize_query(text)
    fast = GridMatcher()
    fast.set_source(ledger.loaded_rows)
    assert ledger.loaded_rows() is not None  # the fast path is the one taken
    expected = GridMatcher().find(needle, ids, info)
    assert expected  # each text finds something
    assert fast.find(needle, ids, info) == expected


def test_find_on_the_monthly_tab_goes_to_the_grids_search_box(qtbot, grid):
    window, grid = grid
    window.activateWindow()
    window.action("actionFind").trigger()  # Ctrl+F
    assert window.tabs.currentWidget() is grid  # stays on the grid
    qtbot.waitUntil(grid.search.hasFocus)
    window.tabs.setCurrentIndex(0)
    window.action("actionFind").trigger()
    qtbot.waitUntil(window.filter_bar.search.hasFocus)  # on the ledger: the ledger's box


def test_sorting_the_ledger_orders_both_views_of_the_grid(grid):
    window, grid = grid
    window.tabs.setCurrentIndex(0)  # the grid hidden: it follows when shown again
    window.table.sortByColumn(COLUMN_INDEX["name"], Qt.SortOrder.DescendingOrder)
    window.tabs.setCurrentWidget(grid)
    assert grid.model.project_ids() == window.visible_project_ids()
    assert grid.model.project_ids() != sorted(grid.model.project_ids())
    grid.view.scrollTo(grid.model.index(30, LAST))
    assert_aligned(grid)
    # sorted while the grid is on screen (the ledger's order, as the report prints it)
    window.table.sortByColumn(COLUMN_INDEX["code"], Qt.SortOrder.AscendingOrder)
    assert grid.model.project_ids() == window.visible_project_ids()
    assert grid.model.index(0, CODE).data() == "LY2022-001"
    assert_aligned(grid)
