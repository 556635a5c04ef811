"""The ledger's table view: its columns (default order and widths, the chooser, their state)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ..common.labels import tr_field
from ..models.project import COLUMN_INDEX, COLUMN_KEYS, COLUMNS, DEFAULT_HIDDEN

if TYPE_CHECKING:
    from ..models.project import ProjectTableModel

#: Default widths (pixels) by column key; others get 100.
WIDTHS = {
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


class LedgerTable(QTableView):
    """One row per project, sortable, columns movable and hideable (right-click the header)."""

    def __init__(self, model: ProjectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def apply_default_columns(self) -> None:
        """The columns in their default order, widths and visibility."""
        header = self.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            header.moveSection(header.visualIndex(i), i)
            header.setSectionHidden(i, column.key in DEFAULT_HIDDEN)
            header.resizeSection(i, WIDTHS.get(column.key, 100))

    def fill_column_menu(self, menu: QMenu) -> QMenu:
        """``menu`` filled with one check box per column, in the order shown."""
        menu.clear()
        header = self.horizontalHeader()
        for visual in range(header.count()):
            i = header.logicalIndex(visual)
            action = menu.addAction(tr_field(COLUMNS[i].label))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setObjectName(f"column_{COLUMNS[i].key}")
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        return menu

    def set_column_visible(self, column: int | str, visible: bool) -> None:
        i = COLUMN_INDEX[column] if isinstance(column, str) else column
        header = self.horizontalHeader()
        header.setSectionHidden(i, not visible)
        if visible and header.sectionSize(i) < 30:
            header.resizeSection(i, WIDTHS.get(COLUMNS[i].key, 100))

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self.fill_column_menu(menu)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def column_state(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_column_state(self, state: QByteArray) -> bool:
        header = self.horizontalHeader()
        ok = header.restoreState(state)
        if header.sortIndicatorSection() < len(COLUMNS) and self.isSortingEnabled():
            self.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return ok

    @staticmethod
    def column_keys() -> str:
        """The columns a saved state belongs to (a state of other columns is not restored)."""
        return ",".join(COLUMN_KEYS)
