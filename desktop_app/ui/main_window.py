"""The main window: the ledger table with search and filters, the monthly grid, menus, undo."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QPoint, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..paths import resources_dir
from .settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from ..domain.periods import Period
    from ..domain.query import ProjectQuery
    from ..store import Store
    from .ledger_data import LedgerData, MonthlyData
    from .project_dialog import ProjectDialog
    from .settings_dialog import SettingsDialog


def _import_ledger_modules() -> None:
    """Bind the modules the ledger interface uses as this module's globals.

    They are imported when a ledger is opened, not with this module: the launcher paints the
    window (:meth:`MainWindow.opening`) before the store, the models and the dialogs load."""
    global Period, ProjectQuery, NotFound, StoreError, LedgerEditor, FilterBar, tr_field
    global figs_of, load_ledger, load_monthly, project_figures, refresh_monthly, MonthlyGrid
    global ProjectDialog, COLUMN_INDEX, COLUMN_KEYS, COLUMNS, DEFAULT_HIDDEN, ProjectTableModel
    global SettingsDialog, StoreWorker, Qt
    from PySide6.QtCore import Qt  # the namespace's ~90 enums cost ≈35 ms to create

    from ..domain.periods import Period
    from ..domain.query import ProjectQuery
    from ..store import NotFound, StoreError
    from .commands import LedgerEditor
    from .filter_bar import FilterBar
    from .labels import tr_field
    from .ledger_data import figs_of, load_ledger, load_monthly, project_figures, refresh_monthly
    from .monthly_grid import MonthlyGrid
    from .project_dialog import ProjectDialog
    from .project_model import (
        COLUMN_INDEX,
        COLUMN_KEYS,
        COLUMNS,
        DEFAULT_HIDDEN,
        ProjectTableModel,
    )
    from .settings_dialog import SettingsDialog
    from .workers import StoreWorker


log = logging.getLogger(__name__)

#: Ledgers with more projects than this load in a background thread.
ASYNC_LOAD_ABOVE = 2_000  # 10k rows read in ≈0.5 s: the window must not stall for that

_WIDTHS = {
    "light": 78,
    "code": 96,
    "name": 280,
    "owner": 160,
    "region": 110,
    "sector": 110,
    "chain": 110,
    "nature": 80,
    "lists": 200,
    "scope": 240,
    "total_investment": 120,
    "annual_plan": 130,
    "status": 76,
    "leader": 110,
    "department": 150,
    "month": 120,
    "ytd": 140,
    "rate": 110,
}


class MainWindow(QMainWindow):
    """The ledger window.  Others extend it through ``add_tab``, the named menus and the
    signals ``queryChanged(ProjectQuery)``, ``periodChanged(Period)`` and ``ledgerChanged``."""

    queryChanged = Signal(object)
    periodChanged = Signal(object)
    ledgerChanged = Signal()
    loaded = Signal()

    def __init__(self, store: Store | None, settings: Settings | None = None) -> None:
        """The window on ``store``; with None, only the frame (title, size and "正在打开台账…")
        until :meth:`open_ledger` — see :meth:`opening`."""
        super().__init__()
        self.store: Store = None  # type: ignore[assignment]  # set by open_ledger
        self.settings = settings or Settings()
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        icon = resources_dir() / "icons" / "keyprojects.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self._workers: list[Any] = []
        self.dialog: ProjectDialog | None = None
        if store is None:
            geometry = self.settings.window_geometry()
            if geometry is None or not self.restoreGeometry(geometry):
                self.resize(1400, 860)
            return
        self.open_ledger(store)

    @classmethod
    def opening(cls, path: Path, settings: Settings | None = None) -> MainWindow:
        """The window as the launcher first paints it: title, size and a notice that the
        ledger ``path`` is being opened; :meth:`open_ledger` fills it in."""
        window = cls(None, settings)
        window.setWindowTitle(f"{APP_NAME} {__version__} — {path.name}")
        page = QWidget(window)
        notice = QLabel(window.tr("正在打开台账“{name}”…").format(name=path.name), page)
        notice.setObjectName("openingNotice")
        row = QHBoxLayout()  # centred by stretches: no Qt enum is needed before the first paint
        row.addStretch(1)
        row.addWidget(notice)
        row.addStretch(1)
        busy = QProgressBar(page)
        busy.setObjectName("openingProgress")
        busy.setRange(0, 0)
        busy.setFixedWidth(240)
        busy.hide()
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(busy)
        bar.addStretch(1)
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addLayout(row)
        column.addLayout(bar)
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

    def open_ledger(self, store: Store) -> None:
        """Build the ledger interface on ``store`` (once per window)."""
        if self.store is not None:
            raise RuntimeError("the window already shows a ledger")
        _import_ledger_modules()
        self.store = store
        store.user = self.settings.user_name
        self.setWindowTitle(f"{APP_NAME} {__version__} — {store.path.name}")
        self.editor = LedgerEditor(store, self)
        self.undo_stack = self.editor.undo_stack
        self._period = store.default_period()
        self._generation = 0
        self._monthly_generation = 0
        self._monthly_wanted = False
        self._ledger_shown = -1  # generation of the ledger rows on screen
        self._monthly_waiting: tuple[int, MonthlyData] | None = None  # reports awaiting rows

        # -- the ledger tab
        self.model = ProjectTableModel(store, self, load=False)
        self.table = QTableView(self)
        self.table.setObjectName("projectTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(
            lambda index: self.edit_project(self.model.project_id(index.row()))
        )
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._apply_query)
        self.footer = QLabel(self)
        self.footer.setObjectName("ledgerFooter")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ledger = QWidget(self)
        layout = QVBoxLayout(ledger)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)

        # -- the monthly tab
        self.monthly = MonthlyGrid(self.editor, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(ledger, self.tr("项目台账"))
        self.tabs.addTab(self.monthly, self.tr("月度调度"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        from . import window_extensions

        window_extensions.install(self)
        self.editor.changed.connect(self._after_change)
        self.editor.failed.connect(self._edit_failed)
        self._apply_default_columns()
        self._restore_state()
        if self.settings.window_geometry() is None and not self.isVisible():
            self.resize(1400, 860)
        self.refresh()

    # ================================================================== building
    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any] | None = None,
        shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.action_refresh = self._action(
            "actionRefresh", self.tr("刷新"), self.refresh, K.Refresh
        )
        self.action_quit = self._action("actionQuit", self.tr("退出"), self.close, "Ctrl+Q")
        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcuts([QKeySequence(K.Undo)])
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("重做"))
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.action_new = self._action(
            "actionNewProject", self.tr("新增项目…"), self.new_project, K.New
        )
        self.action_edit = self._action(
            "actionEditProject", self.tr("编辑项目…"), self.edit_project, "Ctrl+E"
        )
        self.action_duplicate = self._action(
            "actionDuplicateProject", self.tr("复制为新项目…"), self.duplicate_project, "Ctrl+D"
        )
        self.action_delete = self._action(
            "actionDeleteProject", self.tr("删除项目"), self.delete_project, "Ctrl+Delete"
        )
        self.action_find = self._action("actionFind", self.tr("查找"), self.focus_search, K.Find)
        self.action_clear = self._action(
            "actionClearFilters", self.tr("清除筛选"), self.filter_bar.clear, "Ctrl+Shift+L"
        )
        self.action_save_view = self._action(
            "actionSaveView", self.tr("保存当前视图…"), self.save_view_interactive
        )
        self.action_reset_columns = self._action(
            "actionResetColumns", self.tr("恢复默认列"), self._apply_default_columns
        )
        self.action_ledger_tab = self._action(
            "actionLedgerTab", self.tr("项目台账"), lambda: self.tabs.setCurrentIndex(0), "Ctrl+1"
        )
        self.action_monthly_tab = self._action(
            "actionMonthlyTab", self.tr("月度调度"), lambda: self.tabs.setCurrentIndex(1), "Ctrl+2"
        )
        self.action_settings = self._action(
            "actionSettings", self.tr("设置…"), self.open_settings, K.Preferences
        )
        if self.action_settings.shortcut().isEmpty():
            self.action_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.action_about = self._action("actionAbout", self.tr("关于"), self.about, K.HelpContents)

    def _build_menus(self) -> None:
        bar = self.menuBar()

        def menu(name: str, title: str) -> QMenu:
            m = bar.addMenu(title)
            m.setObjectName(name)
            return m

        self.menu_file = menu("menuFile", self.tr("文件(&F)"))
        self.menu_file.addAction(self.action_refresh)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)
        self.menu_edit = menu("menuEdit", self.tr("编辑(&E)"))
        for action in (self.action_undo, self.action_redo, None, self.action_new,
                       self.action_edit, self.action_duplicate, self.action_delete, None,
                       self.action_find, self.action_clear):  # fmt: skip
            self.menu_edit.addSeparator() if action is None else self.menu_edit.addAction(action)
        self.menu_view = menu("menuView", self.tr("视图(&V)"))
        self.menu_view.addAction(self.action_ledger_tab)
        self.menu_view.addAction(self.action_monthly_tab)
        self.menu_view.addSeparator()
        self.menu_columns = self.menu_view.addMenu(self.tr("显示的列"))
        self.menu_columns.setObjectName("menuColumns")
        self.menu_columns.aboutToShow.connect(self._fill_column_menu)
        self.menu_view.addAction(self.action_reset_columns)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.action_save_view)
        self.menu_views = self.menu_view.addMenu(self.tr("打开视图"))
        self.menu_views.setObjectName("menuSavedViews")
        self.menu_views.aboutToShow.connect(self._fill_views_menu)
        self.menu_delete_views = self.menu_view.addMenu(self.tr("删除视图"))
        self.menu_delete_views.setObjectName("menuDeleteViews")
        self.menu_delete_views.aboutToShow.connect(self._fill_delete_views_menu)
        self.menu_reports = menu("menuReports", self.tr("报表(&R)"))
        self.menu_tools = menu("menuTools", self.tr("工具(&T)"))
        self.menu_tools.addAction(self.action_settings)
        self.menu_help = menu("menuHelp", self.tr("帮助(&H)"))
        self.menu_help.addAction(self.action_about)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("常用"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        for action in (self.action_new, self.action_edit, self.action_delete, None,
                       self.action_undo, self.action_redo, None):  # fmt: skip
            bar.addSeparator() if action is None else bar.addAction(action)
        bar.addWidget(QLabel(self.tr(" 调度期间 ")))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setMinimumContentsLength(9)
        self.period_combo.activated.connect(self._period_chosen)
        bar.addWidget(self.period_combo)
        self._fill_periods()

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

    def _update_file_label(self) -> None:
        self.file_label.setText(
            self.tr("台账：{file}　修改人：{user}").format(
                file=self.store.path.name, user=self.store.user
            )
        )

    # ============================================================ public interface
    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab after the ledger and the monthly grid; returns its index."""
        return self.tabs.addTab(widget, title)

    def current_query(self) -> ProjectQuery:
        """The search text and filters the ledger shows."""
        return self.model.query

    def set_filter(self, field: str, values: set[str]) -> None:
        """Filter the ledger on one field ('region', ..., or 'light') and show the ledger."""
        self.filter_bar.set_filter(field, set(values))
        self.tabs.setCurrentIndex(0)

    def set_query(self, query: ProjectQuery) -> None:
        self.filter_bar.set_query(query)

    def visible_project_ids(self) -> list[int]:
        """The ids of the projects the ledger shows, in the order shown."""
        return self.model.visible_ids()

    def current_period(self) -> Period:
        return self._period

    def set_period(self, period: Period) -> None:
        """Show figures and the monthly grid for ``period``."""
        if period == self._period:
            return
        self._period = period
        self._fill_periods()
        self.refresh()
        self.periodChanged.emit(period)

    def current_project_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.project_id(index.row())

    def select_project(self, project_id: int) -> bool:
        row = self.model.row_of(project_id)
        if row is None:
            return False
        index = self.model.index(row, COLUMN_INDEX["name"])
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)
        return True

    def is_loading(self) -> bool:
        return any(w.isRunning() for w in self._workers)

    def wait_loaded(self, timeout_ms: int = 60_000) -> None:
        """Block until background loads are done and delivered (tests, benchmarks)."""
        from PySide6.QtCore import QCoreApplication, QElapsedTimer

        timer = QElapsedTimer()
        timer.start()
        while (self._workers or self._pending) and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            for w in list(self._workers):
                w.wait(10)

    # ================================================================== loading
    _pending = 0

    def refresh(self) -> None:
        """Reload the ledger (and the monthly grid if it was opened) from the store."""
        self._generation += 1
        generation = self._generation
        period, thresholds = self._period, self.settings.thresholds
        self._fill_periods()
        if self.store.project_count() > ASYNC_LOAD_ABOVE:
            self._run_in_background(
                lambda s: load_ledger(s, period, thresholds),
                lambda data: self._ledger_loaded(generation, data),
                self.tr("正在载入台账…"),
            )
        else:
            self._ledger_loaded(generation, load_ledger(self.store, period, thresholds))
        if self._monthly_wanted:
            self._load_monthly()

    def _run_in_background(
        self, job: Callable[[Store], Any], done: Callable[[Any], None], text: str
    ) -> None:
        worker = StoreWorker(self.store.path, job, self)
        self._pending += 1

        def finish(result: Any) -> None:
            self._pending -= 1
            done(result)
            self._busy_done()

        def fail(message: str) -> None:
            self._pending -= 1
            self._busy_done()
            QMessageBox.warning(self, APP_NAME, self.tr("载入失败：{msg}").format(msg=message))

        worker.done.connect(finish)
        worker.failed.connect(fail)
        worker.finished.connect(
            lambda: self._workers.remove(worker) if worker in self._workers else None
        )
        worker.finished.connect(worker.deleteLater)
        self._workers.append(worker)
        self.progress.show()
        self.statusBar().showMessage(text)
        worker.start()

    def _busy_done(self) -> None:
        if self._pending <= 0:
            self.progress.hide()
            self.statusBar().clearMessage()

    def _ledger_loaded(self, generation: int, data: LedgerData) -> None:
        if generation != self._generation:
            return
        current = self.current_project_id() if self.model.rowCount() else None
        self.model.set_data(data)
        self._ledger_shown = generation
        self._fill_filter_choices()
        self._update_footer()
        if self.monthly.model.monthly_data is not None:
            self.monthly.model.set_projects(self.model.visible_ids())
        if current is not None:
            self.select_project(current)
        if self._monthly_waiting is not None:
            waiting, self._monthly_waiting = self._monthly_waiting, None
            self._monthly_loaded(*waiting)
        self.loaded.emit()

    def _fill_filter_choices(self) -> None:
        for field in ("region", "sector", "chain", "status", "nature"):
            names = self.store.code_names(field)
            names += [v for v in self.model.distinct(field) if v not in names]
            self.filter_bar.set_choices(field, names)
        self.filter_bar.set_choices("lists", self.store.code_names("list"))
        for field in ("leader", "department"):
            self.filter_bar.set_choices(field, self.model.distinct(field))

    def _load_monthly(self) -> None:
        self._monthly_wanted = True
        self._monthly_generation += 1
        generation = self._monthly_generation
        period = self._period
        if self.store.project_count() > ASYNC_LOAD_ABOVE:
            self._run_in_background(
                lambda s: load_monthly(s, period),
                lambda data: self._monthly_loaded(generation, data),
                self.tr("正在载入月度调度…"),
            )
        else:
            self._monthly_loaded(generation, load_monthly(self.store, period))

    def _monthly_loaded(self, generation: int, data: MonthlyData) -> None:
        if generation != self._monthly_generation:
            return
        if self._ledger_shown != self._generation or self.model.period != data.period:
            # The grid shows the ledger's figures: wait for the rows of this period.
            self._monthly_waiting = (generation, data)
            return
        self.monthly.model.set_data(
            data, self.model.visible_ids(), self._grid_info, self.model.figures
        )
        self.monthly.clear_message()

    def _grid_info(self, project_id: int) -> tuple[str, str, str, int | None]:
        m = self.model
        try:
            return (
                m.value(project_id, "code"),
                m.value(project_id, "name"),
                m.value(project_id, "department") or "",
                m.value(project_id, "annual_plan"),
            )
        except KeyError:
            return ("", "", "", None)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.monthly and (
            self.monthly.model.monthly_data is None or self.monthly.model.period != self._period
        ):
            self._load_monthly()

    # ================================================================ filtering
    def _apply_query(self, query: ProjectQuery) -> None:
        current = self.current_project_id() if self.model.rowCount() else None
        self.model.set_query(query)
        if self.monthly.model.monthly_data is not None:
            self.monthly.model.set_projects(self.model.visible_ids())
        self._update_footer()
        if current is not None:
            self.select_project(current)
        self.queryChanged.emit(query)

    def _update_footer(self) -> None:
        t = self.model.totals()

        def yi(value: Any) -> str:
            return f"{value / 10000:,.2f}"

        plan = t["annual_plan"]
        rate = f"{t['ytd'] / plan * 100:.1f}%" if plan else "—"
        self.footer.setText(
            self.tr(
                "显示 {shown} / {total} 个项目　总投资 {ti} 亿元　年度计划投资 {ap} 亿元　"
                "{period}本年累计完成 {ytd} 亿元　完成率 {rate}"
            ).format(
                shown=f"{self.model.rowCount():,}",
                total=f"{self.model.total_count():,}",
                ti=yi(t["total_investment"]),
                ap=yi(plan),
                period=self._period.label,
                ytd=yi(t["ytd"]),
                rate=rate,
            )
        )

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    # ================================================================== periods
    def _fill_periods(self) -> None:
        periods = {Period.parse(p) for p in self.store.periods()}
        periods.add(self._period)
        periods.add(self.store.default_period())
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for p in sorted(periods, reverse=True):
            self.period_combo.addItem(p.label, str(p))
        self.period_combo.setCurrentIndex(self.period_combo.findData(str(self._period)))
        self.period_combo.blockSignals(False)

    def _period_chosen(self, index: int) -> None:
        self.set_period(Period.parse(self.period_combo.itemData(index)))

    # ================================================================== editing
    def _open_dialog(
        self, project: Any, save: Callable[[dict[str, Any]], Any], initial: dict | None = None
    ) -> ProjectDialog:
        dialog = ProjectDialog(
            self.store,
            project,
            save,
            self,
            editor=self.editor,
            initial=initial,
            period=self._period,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: (
                dialog.saved_project is not None
                and self.select_project(int(dialog.saved_project.id or 0))
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_project(self, initial: dict[str, Any] | None = None) -> ProjectDialog:
        return self._open_dialog(None, self.editor.add_project, initial)

    def edit_project(self, project_id: int | None = None) -> ProjectDialog | None:
        pid = project_id if project_id is not None else self.current_project_id()
        if pid is None:
            self.statusBar().showMessage(self.tr("请先在台账中选择一个项目"), 4000)
            return None
        try:
            project = self.store.get_project(pid)
        except NotFound as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return None
        original = project.values()

        def save(values: dict[str, Any]) -> Any:
            changes = {k: v for k, v in values.items() if v != original.get(k)}
            return self.editor.update_project(pid, changes, expected_version=project.version)

        return self._open_dialog(project, save)

    def duplicate_project(self, project_id: int | None = None) -> ProjectDialog | None:
        pid = project_id if project_id is not None else self.current_project_id()
        if pid is None:
            self.statusBar().showMessage(self.tr("请先在台账中选择一个项目"), 4000)
            return None
        values = self.store.get_project(pid).values()
        values["code"] = None
        values["name"] = (values.get("name") or "") + self.tr("（复制）")
        return self.new_project(values)

    def delete_project(self, project_id: int | None = None) -> bool:
        pid = project_id if project_id is not None else self.current_project_id()
        if pid is None:
            self.statusBar().showMessage(self.tr("请先在台账中选择一个项目"), 4000)
            return False
        try:
            project = self.store.get_project(pid)
        except NotFound as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return False
        if not self.confirm_delete(project.name):
            return False
        try:
            self.editor.delete_project(pid)
        except StoreError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return False
        self.statusBar().showMessage(
            self.tr("已删除“{name}”（Ctrl+Z 可撤销）").format(name=project.name), 6000
        )
        return True

    def confirm_delete(self, name: str) -> bool:
        """Ask before deleting (a method so tests can answer it)."""
        answer = QMessageBox.question(
            self,
            self.tr("删除项目"),
            self.tr(
                "确定删除项目“{name}”及其月报、关键节点和问题吗？\n删除后可用“撤销”恢复。"
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _after_change(self, kind: str, ids: list) -> None:
        """Reload the changed projects into the table and the grid (fast on any size)."""
        thresholds = self.settings.thresholds
        rows = self.store.project_rows(ids)
        present = {r[0] for r in rows}
        removed = [i for i in ids if i not in present]
        figs = {
            pid: figs_of(project_figures(self.store, pid, self._period, thresholds))
            for pid in present
        }
        current = self.current_project_id() if self.model.rowCount() else None
        if kind == "projects":
            self.model.update_projects(rows, figs, removed)
        else:
            self.model.update_projects([], figs, [])
        data = self.monthly.model.monthly_data
        if data is not None:
            for pid in removed:
                data.reports.pop(pid, None)
            refresh_monthly(self.store, data, present)
            if kind == "projects":
                self.monthly.model.set_projects(self.model.visible_ids())
            else:
                self.monthly.model.refresh_rows(list(present))
        if kind == "projects":
            self._fill_filter_choices()
        self._update_footer()
        target = current if current is not None and current not in removed else None
        if kind == "projects" and present and len(ids) == 1:
            target = ids[0]
        if target is not None:
            self.select_project(target)
        self.ledgerChanged.emit()

    def _edit_failed(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)
        self.refresh()

    # ================================================================== columns
    def _apply_default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            header.moveSection(header.visualIndex(i), i)
            header.setSectionHidden(i, column.key in DEFAULT_HIDDEN)
            header.resizeSection(i, _WIDTHS.get(column.key, 100))

    def _fill_column_menu(self, menu: QMenu | None = None) -> QMenu:
        menu = menu or self.menu_columns
        menu.clear()
        header = self.table.horizontalHeader()
        for visual in range(header.count()):
            i = header.logicalIndex(visual)
            label = tr_field(COLUMNS[i].label)
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setObjectName(f"column_{COLUMNS[i].key}")
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        return menu

    def set_column_visible(self, column: int | str, visible: bool) -> None:
        i = COLUMN_INDEX[column] if isinstance(column, str) else column
        header = self.table.horizontalHeader()
        header.setSectionHidden(i, not visible)
        if visible and header.sectionSize(i) < 30:
            header.resizeSection(i, _WIDTHS.get(COLUMNS[i].key, 100))

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self._fill_column_menu(menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_column_state(self, state: QByteArray) -> bool:
        header = self.table.horizontalHeader()
        ok = header.restoreState(state)
        if header.sortIndicatorSection() < len(COLUMNS) and self.table.isSortingEnabled():
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return ok

    # ============================================================== saved views
    def save_view(self, name: str) -> None:
        """Remember the current filters and columns under ``name``."""
        self.settings.save_view(
            name,
            {
                "query": self.current_query().to_dict(),
                "columns": bytes(self.column_state().toHex()).decode("ascii"),
                "column_keys": list(COLUMN_KEYS),
            },
        )
        self.settings.sync()

    def apply_view(self, name: str) -> bool:
        view = self.settings.saved_views().get(name)
        if view is None:
            return False
        if view.get("column_keys") == list(COLUMN_KEYS) and view.get("columns"):
            self.restore_column_state(QByteArray.fromHex(view["columns"].encode("ascii")))
        self.filter_bar.set_query(ProjectQuery.from_dict(view.get("query") or {}))
        self.tabs.setCurrentIndex(0)
        self.statusBar().showMessage(self.tr("已打开视图“{name}”").format(name=name), 4000)
        return True

    def save_view_interactive(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("保存视图"), self.tr("视图名称："))
        if ok and name.strip():
            self.save_view(name.strip())

    def _fill_views_menu(self) -> None:
        self.menu_views.clear()
        views = sorted(self.settings.saved_views())
        for name in views:
            self.menu_views.addAction(name).triggered.connect(
                lambda _c=False, n=name: self.apply_view(n)
            )
        if not views:
            self.menu_views.addAction(self.tr("（尚无保存的视图）")).setEnabled(False)

    def _fill_delete_views_menu(self) -> None:
        self.menu_delete_views.clear()
        for name in sorted(self.settings.saved_views()):
            self.menu_delete_views.addAction(name).triggered.connect(
                lambda _c=False, n=name: self.settings.delete_view(n)
            )

    # ==================================================================== misc
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def applied() -> None:
            self.store.user = self.settings.user_name
            self._update_file_label()
            self.refresh()

        dialog.accepted.connect(applied)
        dialog.open()
        return dialog

    def about(self) -> None:
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

    def _restore_state(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is not None and not self.isVisible():  # shown while opening: already placed
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        columns = self.settings.column_state()
        if columns is not None and self.settings.value("state/column_keys") == ",".join(
            COLUMN_KEYS
        ):
            self.restore_column_state(columns)

    def save_state(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_column_state(self.column_state())
        self.settings.set_value("state/column_keys", ",".join(COLUMN_KEYS))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store is None:  # closed while opening: nothing of the ledger to remember
            super().closeEvent(event)
            return
        if self.dialog is not None:
            try:
                if self.dialog.isVisible():
                    self.dialog.reject()
                    if self.dialog.isVisible():
                        event.ignore()
                        return
            except RuntimeError:  # already deleted
                pass
        self.save_state()
        for worker in list(self._workers):
            worker.wait()
        super().closeEvent(event)
