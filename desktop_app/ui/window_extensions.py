"""Wires the dashboard, the Excel dialogs and the backups into the main window.

Kept apart from main_window.py so the ledger window stays readable and each feature stays a
standalone widget.  Heavy parts (pyqtgraph for the dashboard, the dialogs) are imported only
when first used, so the window opens as fast as a bare one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow


class DashboardTab(QWidget):
    """The 调度看板 tab: the dashboard is built the first time the tab is shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("dashboardTab")
        self.window_ = window
        self.dashboard: Any = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> Any:
        """The dashboard, created and connected on first use."""
        if self.dashboard is not None:
            return self.dashboard
        from .dashboard import Dashboard

        w = self.window_
        board = Dashboard(w.store, w.settings, self, ledger=w.model.loaded_rows)
        self.layout().addWidget(board)
        board.set_period(w.current_period())
        board.set_query(w.current_query())
        w.queryChanged.connect(board.set_query)
        w.periodChanged.connect(board.set_period)
        w.ledgerChanged.connect(board.reload)
        board.groupClicked.connect(lambda field, value: w.set_filter(field, {value}))
        board.periodChanged.connect(w.set_period)
        board.projectActivated.connect(self._open_project)
        self.dashboard = board
        return board

    def _open_project(self, project_id: int) -> None:
        w = self.window_
        w.tabs.setCurrentIndex(0)
        if w.select_project(project_id):
            w.edit_project(project_id)


def install(window: MainWindow) -> None:
    """Add the dashboard tab and the 报表 / 文件 / 工具 menu entries to ``window``."""
    tab = DashboardTab(window)
    window.dashboard_tab = tab
    index = window.add_tab(tab, QCoreApplication.translate("MainWindow", "调度看板"))
    window.tabs.currentChanged.connect(lambda i: tab.ensure() if i == index else None)
    window.action_dashboard_tab = window._action(
        "actionDashboardTab",
        QCoreApplication.translate("MainWindow", "调度看板"),
        lambda: window.tabs.setCurrentIndex(index),
        "Ctrl+3",
    )
    window.menu_view.insertAction(
        window.menu_view.actions()[2] if len(window.menu_view.actions()) > 2 else None,
        window.action_dashboard_tab,
    )

    export = window._action(
        "actionExportReport",
        QCoreApplication.translate("MainWindow", "导出报表…"),
        lambda: open_export(window),
        "Ctrl+P",
    )
    export_view = window._action(
        "actionExportView",
        QCoreApplication.translate("MainWindow", "导出当前视图的台账…"),
        lambda: open_export(window, only_visible=True),
        "Ctrl+Shift+P",
    )
    template = window._action(
        "actionUnitTemplates",
        QCoreApplication.translate("MainWindow", "生成月度填报模板…"),
        lambda: open_templates(window),
    )
    window.menu_reports.addAction(export)
    window.menu_reports.addAction(export_view)
    window.menu_reports.addSeparator()
    window.menu_reports.addAction(template)

    import_ = window._action(
        "actionImport",
        QCoreApplication.translate("MainWindow", "导入 Excel（台账或月报）…"),
        lambda: open_import(window),
        "Ctrl+I",
    )
    first = window.menu_file.actions()[0] if window.menu_file.actions() else None
    window.menu_file.insertAction(first, import_)
    window.menu_file.insertSeparator(first)

    backup = window._action(
        "actionBackups",
        QCoreApplication.translate("MainWindow", "备份与恢复…"),
        lambda: open_backups(window),
        QKeySequence("Ctrl+B"),
    )
    tools_first = window.menu_tools.actions()[0] if window.menu_tools.actions() else None
    window.menu_tools.insertAction(tools_first, backup)


def _reload_after_outside_change(window: MainWindow) -> None:
    """After an import or a restore the undo history no longer matches the data: drop it."""
    window.undo_stack.clear()
    window.refresh()


def open_export(window: MainWindow, *, only_visible: bool = False) -> Any:
    """The export dialog; it offers "当前筛选的项目" when the ledger is filtered, and starts on
    it for 导出当前视图."""
    from .export_dialog import ExportDialog

    visible = window.visible_project_ids()
    dialog = ExportDialog(
        window.store,
        period=window.current_period(),
        project_ids=visible,
        thresholds=window.settings.thresholds,
        settings=window.settings,
        parent=window,
    )
    if only_visible:
        dialog.view_button.setChecked(True)
    dialog.setModal(True)
    dialog.show()
    return dialog


def open_templates(window: MainWindow) -> Any:
    from .template_dialog import TemplateDialog

    dialog = TemplateDialog(
        window.store, period=window.current_period(), settings=window.settings, parent=window
    )
    dialog.setModal(True)
    dialog.show()
    return dialog


def open_import(window: MainWindow) -> Any:
    from .import_wizard import ImportWizard

    wizard = ImportWizard(window.store, settings=window.settings, parent=window)
    wizard.imported.connect(lambda _result: _reload_after_outside_change(window))
    wizard.setModal(True)
    wizard.show()
    return wizard


def open_backups(window: MainWindow) -> Any:
    from .backup_dialog import BackupDialog

    dialog = BackupDialog(window.store, window)
    dialog.restored.connect(lambda _result: _reload_after_outside_change(window))
    dialog.setModal(True)
    dialog.show()
    return dialog
