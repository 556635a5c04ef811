"""The main window: the frame (title, menus, toolbar, status bar, tabs, saved state) and the
features reached from its menus.

The frame paints at once (:meth:`MainWindow.opening`); this module imports neither the store
nor the pages nor the ``Qt`` namespace (≈ 35 ms of enums), so the launcher can show it before
they load.  :meth:`MainWindow.open_ledger` then imports and creates the pages — the ledger
(:mod:`desktop_app.ui.ledger`), the monthly grid, the dashboard tab — and the actions and menus
declared in :mod:`desktop_app.ui.window.actions`.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME, __version__
from ...paths import resources_dir
from ..common.labels import period_label
from ..common.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack

    from ...domain.periods import Period
    from ...domain.query import ProjectQuery
    from ...store import Store
    from ..commands import LedgerEditor
    from ..dialogs.project import ProjectDialog
    from ..dialogs.settings import SettingsDialog
    from ..ledger.filter_bar import FilterBar
    from ..ledger.loading import LedgerLoader
    from ..ledger.page import LedgerPage
    from ..ledger.table import LedgerTable
    from ..models.project import ProjectTableModel
    from ..monthly.grid import MonthlyGrid
    from .dashboard_tab import DashboardTab
    from .ledger_files import LedgerFiles


def ledger_title(path: Path) -> str:
    """The window's title on the ledger ``path``: its file name.  Qt's desktop platforms
    append the application's display name (" — 重点项目调度台") themselves, so the title
    must not carry it too; the version is in 关于."""
    return path.name


class _OfPage:
    """A window attribute that is the ledger page's attribute of the same name."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow | None, owner: type | None = None) -> Any:
        return self if window is None else getattr(window.page, self.name)


class MainWindow(QMainWindow):
    """The ledger window.  Others extend it through :meth:`add_tab`, the named menus and the
    signals ``queryChanged(ProjectQuery)``, ``periodChanged(Period)``, ``ledgerChanged`` and
    ``loaded`` (the ledger's rows are on screen)."""

    queryChanged = Signal(object)
    periodChanged = Signal(object)
    ledgerChanged = Signal()
    loaded = Signal()

    def __init__(self, store: Store | None, settings: Settings | None = None) -> None:
        """The window on ``store``; with None, only the frame (see :meth:`opening`) until
        :meth:`open_ledger`."""
        super().__init__()
        self.settings = settings or Settings()
        # -- set by open_ledger
        self.store: Store | None = None
        self.editor: LedgerEditor | None = None
        self.undo_stack: QUndoStack | None = None
        self.ledger: LedgerPage | None = None
        self.monthly: MonthlyGrid | None = None
        self.dashboard_tab: DashboardTab | None = None
        self.loader: LedgerLoader | None = None
        self.tabs: QTabWidget | None = None
        self.period_combo: QComboBox | None = None
        self.progress: QProgressBar | None = None
        self.file_label: QLabel | None = None
        self.actions_by_id: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.files: LedgerFiles | None = None  # 文件 ▸ 新建/打开/最近/另存为 (ledger_files)
        self._busy = 0
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)  # the frame before a ledger: the name alone
        icon = resources_dir() / "icons" / "keyprojects.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        if store is None:
            geometry = self.settings.window_geometry()
            if geometry is None or not self.restoreGeometry(geometry):
                self.resize(1400, 860)
            return
        self.open_ledger(store)

    # ============================================================ the frame
    @classmethod
    def opening(cls, path: Path, settings: Settings | None = None) -> MainWindow:
        """The window as the launcher first paints it: title, size and a notice that the
        ledger ``path`` is being opened; :meth:`open_ledger` fills it in."""
        window = cls(None, settings)
        window.setWindowTitle(ledger_title(path))
        page = QWidget(window)
        notice = QLabel(window.tr("正在打开台账“{name}”…").format(name=path.name), page)
        notice.setObjectName("openingNotice")
        busy = QProgressBar(page)
        busy.setObjectName("openingProgress")
        busy.setRange(0, 0)
        busy.setFixedWidth(240)
        busy.hide()
        column = QVBoxLayout(page)
        column.addStretch(1)
        for widget in (notice, busy):  # centred by stretches: no Qt enum before the first paint
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            column.addLayout(row)
        column.addStretch(1)
        window.setCentralWidget(page)
        return window

    def opening_is_slow(self) -> None:
        """The ledger takes a while to open: say why it may, with a busy bar."""
        notice = self.findChild(QLabel, "openingNotice")
        busy = self.findChild(QProgressBar, "openingProgress")
        if notice is None or busy is None:  # already open
            return
        notice.setText(
            notice.text()
            + "\n"
            + self.tr("大台账要先检查文件；新版本第一次打开时还要升级数据结构，请稍候。")
        )
        busy.show()

    def _adopt_thresholds(self, store: Store) -> None:
        """The lights follow the ledger's thresholds (shared by its clerks and the command
        line); a ledger that has none yet takes this PC's, when they are not the defaults
        (one action: what this PC lit and closed by before the thresholds lived in the
        ledger)."""
        from ...domain.derived import LightThresholds
        from ...store import StoreError

        stored = store.stored_light_thresholds()
        if stored is not None:
            self.settings.thresholds = stored
        elif self.settings.thresholds != LightThresholds():
            # a ledger that cannot be written now keeps the PC's, as before
            with suppress(StoreError):
                store.set_light_thresholds(self.settings.thresholds, note="（沿用本机设置）")

    def open_ledger(self, store: Store) -> None:
        """Create the pages, actions and menus on ``store`` (once per window)."""
        if self.store is not None:
            raise RuntimeError("the window already shows a ledger")
        from ..commands import LedgerEditor
        from ..ledger.loading import LedgerLoader
        from ..ledger.page import LedgerPage
        from ..monthly.grid import MonthlyGrid
        from . import actions
        from .dashboard_tab import DashboardTab
        from .ledger_files import LedgerFiles
        from .rounds import RoundCommands

        self.store = store
        self.files = LedgerFiles(self)
        self.rounds = RoundCommands(self)  # 工具 ▸ 关账… / 重新开账… (rounds)
        store.user = self.settings.user_name
        self._adopt_thresholds(store)
        self.setWindowTitle(ledger_title(store.path))
        self.editor = LedgerEditor(store, self)
        self.undo_stack = self.editor.undo_stack
        self.ledger = LedgerPage(self.editor, self.settings, store.default_period(), self)
        self.ledger.queryChanged.connect(self.queryChanged)
        self.ledger.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.monthly = MonthlyGrid(self.editor, self)
        self.dashboard_tab = DashboardTab(self, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.ledger, self.tr("项目台账"))
        self.tabs.addTab(self.monthly, self.tr("月度调度"))
        self.tabs.addTab(self.dashboard_tab, self.tr("调度看板"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.loader = LedgerLoader(store, self.settings, self.ledger, self.monthly, self, self)
        self.loader.loaded.connect(self.loaded)

        self.actions_by_id = actions.build(self, self.undo_stack)
        self.menus = actions.assemble(self, self.actions_by_id)
        toolbar = actions.add_toolbar(self, self.actions_by_id)
        toolbar.addWidget(QLabel(self.tr(" 调度期间 ")))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setMinimumContentsLength(9)
        self.period_combo.activated.connect(self._period_chosen)
        toolbar.addWidget(self.period_combo)
        self._build_status_bar()

        self.editor.changed.connect(self._after_change)
        self.editor.failed.connect(self._edit_failed)
        self.ledger.table.apply_default_columns()
        self._restore_state()
        if self.settings.window_geometry() is None and not self.isVisible():
            self.resize(1400, 860)
        self.refresh()

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("loadProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.file_label = QLabel(self)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.file_label)
        self._update_file_label()

    def user_changed(self) -> None:
        """The user's name changed in the settings: edits and the status bar use it."""
        assert self.store is not None
        self.store.user = self.settings.user_name
        self._update_file_label()

    def _update_file_label(self) -> None:
        assert self.store is not None and self.file_label is not None
        self.file_label.setText(
            self.tr("台账：{file}　修改人：{user}").format(
                file=self.store.path.name, user=self.store.user
            )
        )

    # -- jobs.Busy: background loads show a busy bar and their text in the status bar
    def job_started(self, text: str) -> None:
        self._busy += 1
        if self.progress is not None:
            self.progress.show()
        self.statusBar().showMessage(text)

    def job_ended(self) -> None:
        self._busy -= 1
        if self._busy <= 0 and self.progress is not None:
            self.progress.hide()
            self.statusBar().clearMessage()

    # ============================================== actions, menus, the ledger page's parts
    def action(self, name: str) -> QAction:
        """The action ``name`` (an id of :data:`~desktop_app.ui.window.actions.ACTIONS`)."""
        return self.actions_by_id[name]

    @property
    def action_undo(self) -> QAction:
        return self.actions_by_id["actionUndo"]

    @property
    def action_redo(self) -> QAction:
        return self.actions_by_id["actionRedo"]

    @property
    def menu_file(self) -> QMenu:
        return self.menus["menuFile"]

    @property
    def page(self) -> LedgerPage:
        """The ledger page (once a ledger is open)."""
        if self.ledger is None:
            raise RuntimeError("no ledger is open in this window")
        return self.ledger

    # the ledger page's parts, as the window's (the dashboard, the tests, the benchmarks)
    model: ProjectTableModel = _OfPage()  # type: ignore[assignment]
    table: LedgerTable = _OfPage()  # type: ignore[assignment]
    filter_bar: FilterBar = _OfPage()  # type: ignore[assignment]
    footer: QLabel = _OfPage()  # type: ignore[assignment]

    @property
    def dialog(self) -> ProjectDialog | None:
        """The project form last opened."""
        return self.ledger.dialog if self.ledger is not None else None

    # ======================================================= public interface
    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab after the window's own; returns its index."""
        assert self.tabs is not None
        return self.tabs.addTab(widget, title)

    def current_query(self) -> ProjectQuery:
        """The search text and filters the ledger shows."""
        return self.page.current_query()

    def set_query(self, query: ProjectQuery) -> None:
        self.page.set_query(query)

    def set_filter(self, field: str, values: set[str]) -> None:
        """Filter the ledger on one field ('region', ..., or 'light') and show the ledger."""
        self.page.set_filter(field, values)
        self.show_ledger()

    def visible_project_ids(self) -> list[int]:
        """The ids of the projects the ledger shows, in the order shown."""
        return self.page.visible_ids()

    def current_project_id(self) -> int | None:
        return self.page.current_project_id()

    def select_project(self, project_id: int) -> bool:
        return self.page.select_project(project_id)

    def current_period(self) -> Period:
        assert self.loader is not None
        return self.loader.period

    def set_period(self, period: Period) -> None:
        """Show figures and the monthly grid for ``period``."""
        assert self.loader is not None
        if period == self.loader.period:
            return
        self.loader.period = period
        self.refresh()
        self.periodChanged.emit(period)

    def refresh(self) -> None:
        """Reload the ledger (and the monthly grid if it was opened) from the store."""
        assert self.loader is not None
        self._fill_periods()
        self.loader.refresh()

    def is_loading(self) -> bool:
        return self.loader is not None and self.loader.is_loading()

    def wait_loaded(self, timeout_ms: int = 60_000) -> None:
        """Block until background loads are done and delivered (tests, benchmarks)."""
        if self.loader is not None:
            self.loader.wait(timeout_ms)

    def set_column_visible(self, column: int | str, visible: bool) -> None:
        self.table.set_column_visible(column, visible)

    def save_view(self, name: str) -> None:
        """Remember the current filters and columns under ``name``."""
        self.page.save_view(name)

    def apply_view(self, name: str) -> bool:
        if not self.page.apply_view(name):
            return False
        self.show_ledger()
        return True

    # ============================================================ the slots
    def show_ledger(self) -> None:
        assert self.tabs is not None
        self.tabs.setCurrentWidget(self.page)

    def show_monthly(self) -> None:
        assert self.tabs is not None and self.monthly is not None
        self.tabs.setCurrentWidget(self.monthly)

    def show_dashboard(self) -> None:
        assert self.tabs is not None and self.dashboard_tab is not None
        self.tabs.setCurrentWidget(self.dashboard_tab)

    def new_project(self, initial: dict[str, Any] | None = None) -> ProjectDialog:
        return self.page.new_project(initial)

    def edit_project(self, project_id: int | None = None) -> ProjectDialog | None:
        return self.page.edit_project(project_id)

    def duplicate_project(self, project_id: int | None = None) -> ProjectDialog | None:
        return self.page.duplicate_project(project_id)

    def delete_project(self, project_id: int | None = None) -> bool:
        return self.page.delete_project(project_id, self.confirm_delete)

    def confirm_delete(self, name: str) -> bool:
        """Ask before deleting (a method so tests can answer it)."""
        return self.page.confirm_delete(name)

    def focus_search(self) -> None:
        """查找 (Ctrl+F): the monthly grid's own search box on its tab, else the ledger's."""
        if (
            self.tabs is not None
            and self.monthly is not None
            and self.tabs.currentWidget() is self.monthly
        ):
            self.monthly.focus_search()
            return
        self.show_ledger()
        self.page.focus_search()

    def fill_views_menu(self, menu: QMenu) -> None:
        self.page.fill_views_menu(menu, self.apply_view)

    # -- the features: dashboard, Excel dialogs, backups, settings
    def open_export(self, *, only_visible: bool = False) -> Any:
        """The export dialog; it offers "当前筛选的项目" when the ledger is filtered, and starts
        on it for 导出当前视图."""
        from ..dialogs.export import ExportDialog

        dialog = ExportDialog(
            self.store,
            period=self.current_period(),
            project_ids=self.visible_project_ids(),
            thresholds=self.settings.thresholds,
            settings=self.settings,
            parent=self,
        )
        if only_visible:
            dialog.view_button.setChecked(True)
        return _show_modal(dialog)

    def open_export_view(self) -> Any:
        return self.open_export(only_visible=True)

    def open_templates(self) -> Any:
        from ..dialogs.template import TemplateDialog

        return _show_modal(
            TemplateDialog(
                self.store, period=self.current_period(), settings=self.settings, parent=self
            )
        )

    def open_receive_round(self) -> Any:
        """收取各单位月报: a round of returns (files, folders, .zip) previewed and taken in."""
        from ..dialogs.receive_round import ReceiveRoundDialog

        dialog = ReceiveRoundDialog(
            self.store, period=self.current_period(), settings=self.settings, parent=self
        )
        dialog.received.connect(lambda _result: self.refresh())
        return _show_modal(dialog)

    def open_returns_board(self) -> Any:
        """报送情况与审核: the units' returns of the period shown, their review, 催报."""
        from ..dialogs.returns_board import ReturnsBoardDialog

        dialog = ReturnsBoardDialog(
            self.store, period=self.current_period(), settings=self.settings, parent=self
        )
        dialog.finished.connect(lambda _result: dialog.dirty and self.refresh())
        return _show_modal(dialog)

    def open_units(self) -> Any:
        """责任单位通讯录: the units, their contacts, the returns' deadline."""
        from ..dialogs.units import UnitsDialog

        dialog = UnitsDialog(self.store, settings=self.settings, parent=self)
        # The ledger shows the units' names: once, when the dialog closes after a change.
        dialog.finished.connect(lambda _result: dialog.dirty and self.refresh())
        return _show_modal(dialog)

    def open_compare(self) -> Any:
        """两期对比: the period shown against the one before, counts and the workbook."""
        from ..dialogs.compare import CompareDialog

        return _show_modal(
            CompareDialog(
                self.store,
                period=self.current_period(),
                thresholds=self.settings.thresholds,
                settings=self.settings,
                parent=self,
            )
        )

    def open_import(self) -> Any:
        from ..dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.store, settings=self.settings, parent=self)
        wizard.imported.connect(lambda _result: self.reload_after_outside_change())
        return _show_modal(wizard)

    def open_backups(self) -> Any:
        from ..dialogs.backup import BackupDialog

        dialog = BackupDialog(self.store, self)
        dialog.restored.connect(lambda _result: self.reload_after_outside_change())
        return _show_modal(dialog)

    def open_new_year(self) -> Any:
        """年度切换: the wizard; once the new year is written the window shows its January."""
        from ...domain.periods import Period
        from ..dialogs.new_year import NewYearWizard

        def started(result: Any) -> None:
            assert self.undo_stack is not None
            self.undo_stack.clear()  # the edits before no longer match the year shown
            period = Period(result.year, 1)
            if period == self.current_period():
                self.refresh()
            else:
                self.set_period(period)

        wizard = NewYearWizard(self.store, self)
        wizard.started.connect(started)
        return _show_modal(wizard)

    def reload_after_outside_change(self) -> None:
        """After an import or a restore the undo history no longer matches the data: drop it."""
        assert self.undo_stack is not None
        self.undo_stack.clear()
        self.refresh()

    def open_settings(self) -> SettingsDialog:
        from PySide6.QtCore import Qt

        from ..dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.settings, self, store=self.store)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def applied() -> None:
            self.user_changed()
            self.refresh()

        dialog.accepted.connect(applied)
        dialog.open()
        return dialog

    def about(self) -> None:
        assert self.store is not None
        QMessageBox.about(
            self,
            self.tr("关于 {app}").format(app=APP_NAME),
            self.tr(
                "<h3>{app} {version}</h3>"
                "<p>辽源市重点项目台账、月度调度与调度会报表的离线桌面程序。</p>"
                "<p>台账文件：{path}<br>数据结构版本：v{schema}</p>"
                "<p>中文字体：Noto Sans CJK SC（SIL Open Font License 1.1）</p>"
            ).format(
                app=APP_NAME,
                version=__version__,
                path=self.store.path,
                schema=self.store.schema_version,
            ),
        )

    # ============================================================ internals
    def _tab_changed(self, index: int) -> None:
        assert self.tabs is not None and self.loader is not None
        widget = self.tabs.widget(index)
        if widget is self.monthly and not self.loader.monthly_is_current():
            self.loader.load_monthly()
        elif widget is self.dashboard_tab and self.dashboard_tab is not None:
            self.dashboard_tab.ensure()

    def _fill_periods(self) -> None:
        from . import rounds

        assert self.store is not None and self.period_combo is not None
        current = self.current_period()
        # the months of the years with lists, up to the latest data (Store.period_choices)
        periods = set(self.store.period_choices())
        periods.add(current)
        combo = self.period_combo
        combo.blockSignals(True)
        combo.clear()
        for p in sorted(periods, reverse=True):
            combo.addItem(period_label(p), str(p))
        rounds.mark_closed(combo, self.store)  # “2022年6月（已关账）”
        combo.setCurrentIndex(combo.findData(str(current)))
        combo.blockSignals(False)

    def _period_chosen(self, index: int) -> None:
        from ...domain.periods import Period

        assert self.period_combo is not None
        self.set_period(Period.parse(self.period_combo.itemData(index)))

    def _after_change(self, kind: str, ids: list) -> None:
        assert self.loader is not None
        self.loader.after_change(kind, ids)
        self.ledgerChanged.emit()

    def _edit_failed(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)
        self.refresh()

    # ========================================================== saved state
    def _restore_state(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is not None and not self.isVisible():  # shown while opening: already placed
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        columns = self.settings.column_state()
        keys = self.settings.value("state/column_keys")
        if columns is not None and keys == self.table.column_keys():
            self.table.restore_column_state(columns)

    def save_state(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        table = self.table
        self.settings.set_column_state(table.column_state())
        self.settings.set_value("state/column_keys", table.column_keys())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ledger is None:  # closed while opening: nothing of the ledger to remember
            super().closeEvent(event)
            return
        if not self.ledger.close_dialog():
            event.ignore()
            return
        self.save_state()
        from .. import jobs

        for job in jobs.running(self.loader):
            job.wait()
        super().closeEvent(event)


def _show_modal(dialog: Any) -> Any:
    dialog.setModal(True)
    dialog.show()
    return dialog
