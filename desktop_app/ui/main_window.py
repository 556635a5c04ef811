"""The main window: the ledger table over the store."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTableView

from .. import APP_NAME, __version__
from ..store import Store
from .project_model import ProjectTableModel


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(f"{APP_NAME} {__version__} — {store.path.name}")
        self.model = ProjectTableModel(store, self)
        self.table = QTableView(self)
        self.table.setObjectName("projectTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.setCentralWidget(self.table)
        self.statusBar().showMessage(f"共 {self.model.rowCount()} 个项目")
        self.resize(1280, 800)
