"""The ledger table: a QAbstractTableModel over the store's projects."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.fields import AMOUNT_FIELDS, PROJECT_FIELDS
from ..domain.money import format_wan
from ..store import Project, Store

_Index = QModelIndex | QPersistentModelIndex


class ProjectTableModel(QAbstractTableModel):
    """One row per project, one column per ledger field."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._fields = PROJECT_FIELDS
        self._projects: list[Project] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._projects = self._store.projects()
        self.endResetModel()

    def project(self, row: int) -> Project:
        return self._projects[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._projects)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = self._fields[index.column()]
        value = getattr(self._projects[index.row()], field.name)
        if role == Qt.ItemDataRole.DisplayRole:
            if field.name in AMOUNT_FIELDS:
                return format_wan(value)
            if isinstance(value, list):
                return "、".join(value)
            return value or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and field.name in AMOUNT_FIELDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            field = self._fields[section]
            return f"{field.label}(万元)" if field.name in AMOUNT_FIELDS else field.label
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None
