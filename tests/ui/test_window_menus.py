"""The dashboard, Excel dialogs and backups reached from the main window as a clerk would."""

from PySide6.QtWidgets import QMenu

from desktop_app.store import Store


def menu_texts(window, name):
    menu = window.findChild(QMenu, name)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_menus_offer_every_excel_and_backup_action(make_window, store):
    window = make_window(store)
    assert menu_texts(window, "menuReports") == [
        "导出报表…",
        "导出当前视图的台账…",
        "生成月度填报模板…",
    ]
    assert menu_texts(window, "menuFile")[0] == "导入 Excel（台账或月报）…"
    assert "备份与恢复…" in menu_texts(window, "menuTools")
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["actionExportReport"] == "Ctrl+P"
    assert shortcuts["actionImport"] == "Ctrl+I"
    assert shortcuts["actionDashboardTab"] == "Ctrl+3"


def test_dashboard_is_built_on_first_view_and_follows_the_ledger(make_window, demo_copy, qtbot):
    with Store.open(demo_copy) as store:
        window = make_window(store)
        tab = window.dashboard_tab
        assert tab.dashboard is None  # nothing drawn until the tab is opened
        window.findChild(type(window.action_dashboard_tab), "actionDashboardTab").trigger()
        board = tab.dashboard
        assert board is not None and window.tabs.currentWidget() is tab
        region = store.projects()[0].region
        window.set_filter("region", {region})
        assert board._query.filters["region"] == frozenset({region})
        # clicking a bar group filters the ledger and brings it to front
        window.tabs.setCurrentWidget(tab)
        board.groupClicked.emit("sector", "工业")
        assert window.tabs.currentIndex() == 0
        shown = window.visible_project_ids()
        assert shown and all(store.get_project(i).sector == "工业" for i in shown)


def test_export_what_i_see_passes_the_visible_projects(make_window, store):
    window = make_window(store)
    window.filter_bar.set_query(window.current_query().from_dict({"search": "鑫达"}))
    window.wait_loaded()
    dialog = next(a for a in window.actions() if a.objectName() == "actionExportView")
    from desktop_app.ui import window_extensions

    opened = window_extensions.open_export(window, only_visible=True)
    assert sorted(opened.project_ids) == sorted(window.visible_project_ids())
    assert {store.get_project(i).name for i in opened.project_ids} == {
        "鑫达钢铁180万吨热轧带钢",
        "鑫达钢铁超高温亚临界发电",
    }
    opened.close()
    assert dialog.isEnabled()


def test_project_form_shows_its_charts_tab(make_window, store, qtbot):
    window = make_window(store)
    project = store.find_project("LY2022-001")
    dialog = window.edit_project(project.id)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(dialog.charts_tab)
    assert dialog.charts is not None and dialog.charts.project_id == project.id


def test_import_and_restore_clear_the_undo_history(make_window, store):
    from desktop_app.ui import window_extensions

    window = make_window(store)
    project = store.find_project("LY2022-001")
    window.editor.update_project(project.id, {"status": "在建"})
    assert window.undo_stack.count() == 1 and window.action_undo.isEnabled()
    window_extensions._reload_after_outside_change(window)
    assert window.undo_stack.count() == 0
    assert not window.action_undo.isEnabled()
