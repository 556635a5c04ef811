"""The ledger table: searching as staff type, filters, sorting, totals, columns and saved views."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.query import ProjectQuery
from desktop_app.store import MonthlyReport, Store
from desktop_app.ui.models.project import COLUMN_INDEX, ProjectTableModel

NAME = COLUMN_INDEX["name"]


def shown_names(window) -> list[str]:
    model = window.table.model()
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def type_search(qtbot, window, text: str) -> None:
    box = window.filter_bar.search
    box.clear()
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:
        box.insert(text)  # what an input method commits (QTest types ASCII only)
    expected = window.store.list_projects(search=text)
    qtbot.waitUntil(lambda: window.current_query().search == text, timeout=2000)
    assert window.model.rowCount() == len(expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("钢铁", {"鑫达钢铁180万吨热轧带钢", "鑫达钢铁超高温亚临界发电", "钢铁小镇"}),
        ("xdgt", {"鑫达钢铁180万吨热轧带钢", "鑫达钢铁超高温亚临界发电"}),
        ("xinda", {"鑫达钢铁180万吨热轧带钢", "鑫达钢铁超高温亚临界发电"}),
        ("鋼鐵", {"鑫达钢铁180万吨热轧带钢", "鑫达钢铁超高温亚临界发电", "钢铁小镇"}),
        ("遼源", {"长春经辽源梅河口至通化高铁"}),
    ],
)
def test_typing_in_the_search_box_shows_the_matching_projects(
    qtbot, make_window, store, typed, expected
):
    window = make_window(store)
    type_search(qtbot, window, typed)
    assert set(shown_names(window)) == expected
    assert f"显示 {len(expected)} / 51 个项目" in window.footer.text()


def test_clearing_the_search_shows_every_project_again(qtbot, make_window, store):
    window = make_window(store)
    type_search(qtbot, window, "xdgt")
    window.filter_bar.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 51, timeout=2000)


def test_window_and_cli_match_identically_on_a_sample_ledger(make_window, demo_path):
    store = Store.open(demo_path)
    try:
        window = make_window(store)
        typed = ("gang", "钢", "xdgt", "经开区", "jkq", "龍山", "罗副市长", "sdkj", "zz")
        keystrokes = ("j", "jk", "jkq", "jkqg", "jkq", "经", "经开", "经开区管委会", "")
        for text in typed + keystrokes:
            window.filter_bar.search.setText(text)
            window.filter_bar.search.returnPressed.emit()
            assert sorted(window.visible_project_ids()) == sorted(
                p.id for p in store.list_projects(search=text)
            ), text
    finally:
        store.close()


def test_field_and_light_filters_match_the_store(make_window, demo_path):
    store = Store.open(demo_path)
    try:
        window = make_window(store)
        queries = [
            ProjectQuery("", {"region": frozenset({"龙山区", "东丰县"})}),
            ProjectQuery("", {"status": frozenset({"在建"}), "sector": frozenset({"工业"})}),
            ProjectQuery("gang", {"nature": frozenset({"续建"})}),
            ProjectQuery("", {}, frozenset({"red"})),
            ProjectQuery("", {"region": frozenset({"西安区"})}, frozenset({"yellow", "red"})),
        ]
        for query in queries:
            window.set_query(query)
            expected = store.list_projects(query, period=window.current_period())
            assert sorted(window.visible_project_ids()) == sorted(p.id for p in expected), query
            assert window.model.rowCount() == len(expected)
    finally:
        store.close()


def test_set_filter_from_outside_filters_and_announces_the_query(qtbot, make_window, store):
    window = make_window(store)
    with qtbot.waitSignal(window.queryChanged) as signal:
        window.set_filter("sector", {"农业农村"})
    assert signal.args[0].filters["sector"] == {"农业农村"}
    assert window.current_query().filters == {"sector": frozenset({"农业农村"})}
    expected = {p.id for p in store.projects() if p.sector == "农业农村"}
    assert set(window.visible_project_ids()) == expected and expected
    assert "产业类别(1)" in window.filter_bar._buttons["sector"].text()
    window.set_filter("sector", set())
    assert window.model.rowCount() == 51


def test_sorting_by_total_investment_puts_the_largest_first_and_blanks_last(
    make_window, store, set_amounts
):
    set_amounts(store, "LY2022-003", "50000", "1000")
    set_amounts(store, "LY2022-001", "1200000", "300000")
    set_amounts(store, "LY2022-010", "8000.5", "100")
    window = make_window(store)
    column = COLUMN_INDEX["total_investment"]
    window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    model = window.table.model()
    top = [model.index(r, column).data() for r in range(4)]
    assert top == ["1,200,000.00", "50,000.00", "8,000.50", ""]
    window.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, column).data() for r in range(3)] == [
        "8,000.50",
        "50,000.00",
        "1,200,000.00",
    ]
    assert model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    # the visible order is what "export what I see" gets
    assert window.visible_project_ids()[:3] == [
        store.find_project(c).id for c in ("LY2022-010", "LY2022-003", "LY2022-001")
    ]


def test_footer_sums_the_shown_projects_in_yi_yuan(qtbot, make_window, store, set_amounts):
    set_amounts(store, "LY2022-001", "1200000", "300000")
    set_amounts(store, "LY2022-011", "80000", "20000")
    set_amounts(store, "LY2022-002", "5000", "5000")
    xd = store.find_project("LY2022-001").id
    store.save_monthly_reports(
        [
            MonthlyReport(xd, "2022-05", Decimal("100000")),
            MonthlyReport(xd, "2022-06", Decimal("50000")),
        ]
    )
    window = make_window(store)
    assert str(window.current_period()) == "2022-06"
    type_search(qtbot, window, "xdgt")
    footer = window.footer.text()
    assert "显示 2 / 51 个项目" in footer
    assert "总投资 128.00 亿元" in footer
    assert "年度计划投资 32.00 亿元" in footer
    assert "本年累计完成 15.00 亿元" in footer
    assert "完成率 46.9%" in footer


def test_light_column_shows_the_light_in_its_colour_and_lagging_rows_are_tinted(
    make_window, store, set_amounts
):
    set_amounts(store, "LY2022-001", "1200000", "100000")
    xd = store.find_project("LY2022-001").id
    store.save_monthly_report(MonthlyReport(xd, "2022-06", Decimal("10000")))  # 10% at 50% → red
    window = make_window(store)
    row = window.model.row_of(xd)
    light = window.model.index(row, COLUMN_INDEX["light"])
    assert light.data() == "红灯"
    icon = light.data(Qt.ItemDataRole.DecorationRole)
    colour = icon.pixmap(14, 14).toImage().pixelColor(7, 7)
    assert colour.name().upper() == "#D62728"
    assert light.data(Qt.ItemDataRole.BackgroundRole).color().name().upper() == "#FAD4D4"
    assert window.model.index(row, COLUMN_INDEX["rate"]).data() == "10.0%"


def test_column_order_widths_and_hidden_columns_survive_a_restart(make_window, store):
    window = make_window(store)
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(COLUMN_INDEX["status"]), 1)
    header.resizeSection(COLUMN_INDEX["name"], 333)
    window.set_column_visible("owner", True)
    window.set_column_visible("region", False)
    window.close()

    again = make_window(store)
    h = again.table.horizontalHeader()
    assert h.visualIndex(COLUMN_INDEX["status"]) == 1
    assert h.sectionSize(COLUMN_INDEX["name"]) == 333
    assert not h.isSectionHidden(COLUMN_INDEX["owner"])
    assert h.isSectionHidden(COLUMN_INDEX["region"])


def test_column_chooser_lists_every_column_and_toggles_it(make_window, store):
    window = make_window(store)
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "视图(&V)")
    menu = next(a.menu() for a in view.actions() if a.text() == "显示的列")
    menu.aboutToShow.emit()  # as when the clerk opens it
    actions = {a.objectName(): a for a in menu.actions()}
    assert len(actions) == window.model.columnCount()
    assert actions["column_scope"].isChecked() is False
    actions["column_scope"].setChecked(True)
    assert not window.table.horizontalHeader().isSectionHidden(COLUMN_INDEX["scope"])


def test_saved_views_survive_recreating_the_window(make_window, store):
    window = make_window(store)
    window.set_query(ProjectQuery("gangtie", {"sector": frozenset({"工业"})}))
    window.set_column_visible("scope", True)
    window.save_view("工业钢铁")
    window.filter_bar.clear()
    window.close()

    again = make_window(store)
    assert again.model.rowCount() == 51
    assert again.apply_view("工业钢铁")
    assert again.current_query().search == "gangtie"
    assert again.current_query().filters == {"sector": frozenset({"工业"})}
    assert set(shown_names(again)) == {"鑫达钢铁180万吨热轧带钢", "鑫达钢铁超高温亚临界发电"}
    assert not again.table.horizontalHeader().isSectionHidden(COLUMN_INDEX["scope"])
    assert again.filter_bar.search.text() == "gangtie"


def test_window_state_is_remembered(make_window, store):
    window = make_window(store)
    window.resize(1300, 640)  # the offscreen screen is 800 px: only the height is free
    window.close()
    again = make_window(store)
    assert again.settings.window_geometry() is not None
    assert again.size().height() == 640


def test_menus_carry_the_names_others_extend(make_window, store):
    window = make_window(store)
    from PySide6.QtWidgets import QMenu

    for name in ("menuFile", "menuEdit", "menuView", "menuReports", "menuTools", "menuHelp"):
        assert window.findChild(QMenu, name) is not None, name
    assert window.tabs.tabText(0) == "项目台账"
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["actionNewProject"] == "Ctrl+N"
    assert shortcuts["actionFind"] == "Ctrl+F"
    assert window.action_undo.shortcut().toString() == "Ctrl+Z"
    assert window.action_redo.shortcut().toString() == "Ctrl+Y"


def test_add_tab_and_refresh_after_an_outside_change(make_window, store):
    from PySide6.QtWidgets import QLabel

    window = make_window(store)
    index = window.add_tab(QLabel("统计"), "统计分析")
    assert window.tabs.tabText(index) == "统计分析"
    store.add_project({"name": "新增外部导入项目"})
    with_signal = []
    window.loaded.connect(lambda: with_signal.append(1))
    window.refresh()
    assert window.model.rowCount() == 52 and with_signal


def test_changing_the_period_recomputes_the_figures(qtbot, make_window, store, set_amounts):
    set_amounts(store, "LY2022-001", "1200000", "100000")
    xd = store.find_project("LY2022-001").id
    store.save_monthly_reports(
        [
            MonthlyReport(xd, "2022-01", Decimal("10000")),
            MonthlyReport(xd, "2022-02", Decimal("60000")),
        ]
    )
    window = make_window(store)
    ytd = COLUMN_INDEX["ytd"]
    assert window.model.index(window.model.row_of(xd), ytd).data() == "70,000.00"
    with qtbot.waitSignal(window.periodChanged):
        window.period_combo.activated.emit(window.period_combo.findData("2022-01"))
    assert str(window.current_period()) == "2022-01"
    assert window.model.index(window.model.row_of(xd), ytd).data() == "10,000.00"


def test_model_passes_the_qt_model_tester(qtmodeltester, demo_path):
    store = Store.open(demo_path)
    try:
        model = ProjectTableModel(store)
        qtmodeltester.check(model, force_py=True)
        model.set_query(ProjectQuery("gang"))
        model.sort(COLUMN_INDEX["total_investment"], Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model, force_py=True)
    finally:
        store.close()


def test_large_ledgers_load_in_the_background(qtbot, make_window, demo_path, monkeypatch):
    from desktop_app.ui import jobs
    from desktop_app.ui.window.main_window import MainWindow

    monkeypatch.setattr(jobs, "BACKGROUND_ABOVE", 10)
    store = Store.open(demo_path)
    try:
        window = MainWindow(store, None)
        qtbot.addWidget(window)
        assert window.model.rowCount() == 0  # the window is up before the rows
        assert window.is_loading()
        with qtbot.waitSignal(window.loaded, timeout=20000):
            pass
        assert window.model.rowCount() == 300
        window.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: window.monthly.model.rowCount() == 300, timeout=20000)
        window.close()
    finally:
        store.close()
