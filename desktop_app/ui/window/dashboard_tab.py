"""The 调度看板 tab of the window: the dashboard is built the first time the tab is shown."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget


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
    def select_project(self, project_id: int) -> bool: ...
    def edit_project(self, project_id: int | None = None) -> Any: ...


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
        w = self._window
        w.show_ledger()
        if w.select_project(project_id):
            w.edit_project(project_id)
