"""The window's menus as a clerk finds them: every entry and shortcut, and what each opens."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMenu, QToolBar, QWizard

from desktop_app.store import Store
from desktop_app.ui.window import actions

#: The menu bar before the action registry (captured from main at a185908): every entry
#: (object name, shortcuts), separators as "---", submenus as "[name]".
MENUS_BEFORE = {
    "文件(&F)": [
        # added for issue 14, item 3 (opening ledgers)
        ("新建台账…", "actionNewLedger", "Ctrl+Shift+N"),
        ("打开台账…", "actionOpenLedger", "Ctrl+O"),
        "[最近打开]",
        ("另存为（复制台账）…", "actionSaveLedgerAs", "Ctrl+Shift+S"),
        "---",
        ("导入 Excel（台账或月报）…", "actionImport", "Ctrl+I"),
        ("收取各单位月报…", "actionReceiveReturns", "Ctrl+Shift+I"),
        "---",
        ("刷新", "actionRefresh", "F5"),
        "---",
        ("退出", "actionQuit", "Ctrl+Q"),
    ],
    "编辑(&E)": [
        ("撤销", "actionUndo", "Ctrl+Z"),
        ("重做", "actionRedo", "Ctrl+Y/Ctrl+Shift+Z"),
        "---",
        ("新增项目…", "actionNewProject", "Ctrl+N"),
        ("编辑项目…", "actionEditProject", "Ctrl+E"),
        ("复制为新项目…", "actionDuplicateProject", "Ctrl+D"),
        ("删除项目", "actionDeleteProject", "Ctrl+Del"),
        "---",
        ("查找", "actionFind", "Ctrl+F"),
        ("清除筛选", "actionClearFilters", "Ctrl+Shift+L"),
    ],
    "视图(&V)": [
        ("项目台账", "actionLedgerTab", "Ctrl+1"),
        ("月度调度", "actionMonthlyTab", "Ctrl+2"),
        ("调度看板", "actionDashboardTab", "Ctrl+3"),
        "---",
        "[显示的列]",
        ("恢复默认列", "actionResetColumns", ""),
        "---",
        ("保存当前视图…", "actionSaveView", ""),
        "[打开视图]",
        "[删除视图]",
    ],
    "报表(&R)": [
        ("导出报表…", "actionExportReport", "Ctrl+P"),
        ("导出当前视图的台账…", "actionExportView", "Ctrl+Shift+P"),
        "---",
        ("生成月度填报模板…", "actionUnitTemplates", ""),
        ("报送情况与审核…", "actionReturnsBoard", "Ctrl+Shift+R"),
        ("两期对比…", "actionCompare", ""),
    ],
    "工具(&T)": [
        ("年度切换…", "actionNewYear", ""),
        ("责任单位通讯录…", "actionUnits", ""),
        "---",
        ("关账…", "actionClosePeriod", ""),
        ("重新开账…", "actionReopenPeriod", ""),
        "---",
        ("备份与恢复…", "actionBackups", "Ctrl+B"),
        ("设置…", "actionSettings", "Ctrl+,"),
    ],
    "帮助(&H)": [("关于", "actionAbout", "F1")],
}
TOOLBAR_BEFORE = ["新增项目…", "编辑项目…", "删除项目", "---", "撤销", "重做", "---"]


def entries(menu: QMenu) -> list:
    out: list = []
    for a in menu.actions():
        if a.isSeparator():
            out.append("---")
        elif a.menu() is not None:
            out.append(f"[{a.text()}]")
        else:
            keys = "/".join(k.toString() for k in a.shortcuts())
            out.append((a.text(), a.objectName(), keys))
    return out


def menu_action(window, menu_title: str, text: str):
    """The entry ``text`` of the menu bar's menu ``menu_title``, found as a clerk would."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def opened(window, kind):
    shown = [w for w in window.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def test_every_menu_entry_and_shortcut_is_as_before(make_window, store):
    window = make_window(store)
    menus = {a.text(): entries(a.menu()) for a in window.menuBar().actions()}
    assert menus == MENUS_BEFORE
    toolbar = window.findChild(QToolBar, "mainToolBar")
    texts = ["---" if a.isSeparator() else a.text() for a in toolbar.actions()]
    assert texts[: len(TOOLBAR_BEFORE)] == TOOLBAR_BEFORE  # then the period chooser


def test_every_action_is_declared_once_and_calls_a_window_method(make_window, store):
    from operator import attrgetter

    window = make_window(store)
    ids = [spec.id for spec in actions.specs()]
    assert len(ids) == len(set(ids))
    for spec in actions.specs():
        assert spec.undo or callable(attrgetter(spec.slot)(window)), spec.id
        assert window.action(spec.id) in window.actions()


def test_export_what_i_see_from_the_menu_passes_the_visible_projects(make_window, store):
    from desktop_app.ui.dialogs.export import ExportDialog

    window = make_window(store)
    window.filter_bar.set_query(window.current_query().from_dict({"search": "鑫达"}))
    window.wait_loaded()
    menu_action(window, "报表(&R)", "导出当前视图的台账…").trigger()
    dialog = opened(window, ExportDialog)
    assert dialog.isModal() and dialog.view_button.isChecked()
    assert sorted(dialog.project_ids) == sorted(window.visible_project_ids())
    assert {store.get_project(i).name for i in dialog.project_ids} == {
        "鑫达钢铁180万吨热轧带钢",
        "鑫达钢铁超高温亚临界发电",
    }
    dialog.close()
    menu_action(window, "报表(&R)", "导出报表…").trigger()
    opened(window, ExportDialog).close()


def test_templates_and_settings_open_from_their_menus(make_window, store):
    from desktop_app.ui.dialogs.settings import SettingsDialog
    from desktop_app.ui.dialogs.template import TemplateDialog

    window = make_window(store)
    menu_action(window, "报表(&R)", "生成月度填报模板…").trigger()
    opened(window, TemplateDialog).close()
    menu_action(window, "工具(&T)", "设置…").trigger()
    opened(window, SettingsDialog).reject()


def test_dashboard_is_built_on_first_view_and_follows_the_ledger(make_window, demo_copy, qtbot):
    with Store.open(demo_copy) as store:
        window = make_window(store)
        tab = window.dashboard_tab
        assert tab.dashboard is None  # nothing drawn until the tab is opened
        menu_action(window, "视图(&V)", "调度看板").trigger()
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


def test_project_form_shows_its_charts_tab(make_window, store, qtbot):
    window = make_window(store)
    project = store.find_project("LY2022-001")
    dialog = window.edit_project(project.id)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(dialog.charts_tab)
    assert dialog.charts is not None and dialog.charts.project_id == project.id


def test_an_import_or_a_restore_clears_the_undo_history(make_window, store):
    window = make_window(store)
    project = store.find_project("LY2022-001")
    for menu, text, kind, signal in (
        ("文件(&F)", "导入 Excel（台账或月报）…", QWizard, "imported"),
        ("工具(&T)", "备份与恢复…", QDialog, "restored"),
    ):
        window.editor.update_project(
            project.id, {"status": "在建" if signal == "imported" else "前期"}
        )
        assert window.undo_stack.count() == 1 and window.action_undo.isEnabled()
        menu_action(window, menu, text).trigger()
        dialog = next(w for w in window.findChildren(kind) if w.isVisible() and hasattr(w, signal))
        getattr(dialog, signal).emit(None)
        assert window.undo_stack.count() == 0
        assert not window.action_undo.isEnabled()
        dialog.close()
