"""The read-only tables of the dialogs: whole rows selected, columns fitted, the last stretched."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A table view over ``model`` (object name ``name``) that selects rows and never edits."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
