"""The 调度看板 tab of the window: the dashboard is built the first time the tab is shown.

The window's toolbar 调度期间 is the dashboard's period: the dashboard has no chooser of its
own here, and follows :meth:`Host.set_period` through ``periodChanged``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget


class Host(Protocol):
    """What the tab needs of the window (:class:`~.main_window.MainWindow` is one)."""

    store: Any
    settings: Any
    model: Any  # the ledger's table model: the dashboard reads its loaded rows
    queryChanged: Any
    periodChanged: Any
    ledgerChanged: Any

    def current_period(self) -> Any: ...
    def current_query(self) -> Any: ...
    def set_filter(self, field: str, values: set[str]) -> None: ...
    def set_period(self, period: Any) -> None: ...
    def show_ledger(self) -> None: ...
    def show_monthly(self) -> None: ...
    def select_project(self, project_id: int) -> bool: ...
    def current_project_id(self) -> int | None: ...
    def visible_project_ids(self) -> list[int]: ...
    def new_project(self, initial: dict[str, Any] | None = None) -> Any: ...
    def edit_project(self, project_id: int | None = None) -> Any: ...
    def open_import(self) -> Any: ...


class DashboardTab(QWidget):
    """Holds the dashboard (pyqtgraph is imported on first view) and connects it to the
    window: the ledger's filter and period in, clicks on bars and projects out."""

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self._window = window
        self.dashboard: Any = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> Any:
        """The dashboard, created and connected on first use."""
        if self.dashboard is not None:
            return self.dashboard
        from ..dashboard import Dashboard

        w = self._window
        board = Dashboard(
            w.store, w.settings, self, ledger=w.model.loaded_rows, period_picker=False
        )
        # 打开示例台账 where the window can open another ledger file (文件 › 打开台账)
        board.next_steps.offer_demo(self._ledger_opener() is not None)
        board.nextStepChosen.connect(self.next_step)
        self.layout().addWidget(board)
        board.set_period(w.current_period())
        board.set_query(w.current_query())
        w.queryChanged.connect(board.set_query)
        w.periodChanged.connect(board.set_period)
        w.ledgerChanged.connect(board.reload)
        board.groupClicked.connect(lambda field, value: w.set_filter(field, {value}))
        board.periodChanged.connect(w.set_period)  # a chooser of its own, if ever shown
        board.projectActivated.connect(self._open_project)
        self.dashboard = board
        return board

    def next_step(self, step: str) -> Any:
        """Take a way on from the hint of a ledger without amounts (see ``NextSteps``)."""
        w = self._window
        if step == "monthly":
            return w.show_monthly()
        if step == "import":
            return w.open_import()
        if step == "demo":
            return self._open_demo()
        w.show_ledger()  # "plans": the form of the current (or first) project, at 年度计划
        ids = w.visible_project_ids()
        if not ids:
            return w.new_project()
        project_id = w.current_project_id() or ids[0]
        w.select_project(project_id)
        dialog = w.edit_project(project_id)
        editor = getattr(dialog, "editors", {}).get("annual_plan")
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    def _open_demo(self) -> Any:
        """Write the sample ledger into the data folder (once) and open it."""
        from ...paths import data_dir
        from ...store.demo import make_demo
        from ..dashboard.hint import DEMO_FILE

        opener = self._ledger_opener()
        if opener is None:
            return None
        path = Path(data_dir()) / DEMO_FILE
        if not path.exists():
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                make_demo(path, projects=300, years=3)
            finally:
                QApplication.restoreOverrideCursor()
        return opener(path)

    def _ledger_opener(self) -> Callable[[Path], Any] | None:
        """How the window opens another ledger file in its place: ``open_ledger_file(path)``,
        else the 文件 menu's ``files.switch_to(path)``; None when it cannot."""
        w = self._window
        opener = getattr(w, "open_ledger_file", None)
        if opener is None:
            opener = getattr(getattr(w, "files", None), "switch_to", None)
        return opener if callable(opener) else None

    def _open_project(self, project_id: int) -> None:
        w = self._window
        w.show_ledger()
        if w.select_project(project_id):
            w.edit_project(project_id)
