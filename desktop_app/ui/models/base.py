"""One base for every table model of the interface: columns are declared, not coded.

A model lists its columns as :class:`ColumnSpec` (the header, then how a row gives each role:
shown text, alignment, tooltip, colours, the edited value) and holds its rows in
:attr:`SpecTableModel.rows`; :class:`SpecTableModel` answers Qt's ``rowCount``,
``columnCount``, ``headerData`` and ``data`` from them::

    class LaggingModel(SpecTableModel):
        context = "Dashboard"  # headers are translated in this context
        COLUMNS = (
            ColumnSpec(QT_TRANSLATE_NOOP("Dashboard", "项目名称"), lambda p: p.name),
            ColumnSpec(QT_TRANSLATE_NOOP("Dashboard", "完成率"), lambda p: format_pct(p.rate),
                       align=RIGHT),
        )

Models over very many rows (the ledger table, the monthly grid) keep their own fast ``data``
and take the rest (counts, headers, flags, the row guard) from here: override
:meth:`~SpecTableModel.row_count` and :meth:`~SpecTableModel.header_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...domain.collation import cell_key

Index = QModelIndex | QPersistentModelIndex
Getter = Callable[[Any], Any]

#: Alignments used by the tables (ints, as Qt's views expect from TextAlignmentRole).
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)

_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its header and, per role, a function of the row (None: nothing shown).

    ``display`` gives the shown value (None becomes ""); ``edit`` the EditRole value (default:
    none, the column is read-only); ``tooltip``, ``foreground``, ``background`` their roles;
    ``align`` is an alignment int such as :data:`RIGHT`.
    """

    header: str
    display: Getter | None = None
    align: int | None = None
    tooltip: Getter | None = None
    foreground: Getter | None = None
    background: Getter | None = None
    edit: Getter | None = None
    sort: Getter | None = None  # what the column sorts by (default: the shown value)


class SpecTableModel(QAbstractTableModel):
    """A flat table model over :attr:`rows` with the columns :attr:`specs`.

    ``context``: the translation context of the headers ("" shows them as given).
    ``background`` / ``foreground`` of the model (functions of the row) colour whole rows
    where a column has none of its own.  Subclasses add roles in :meth:`cell`.
    """

    context: ClassVar[str] = ""
    COLUMNS: ClassVar[Sequence[ColumnSpec]] = ()

    def __init__(
        self,
        parent: Any = None,
        columns: Sequence[ColumnSpec] | None = None,
        *,
        background: Getter | None = None,
        foreground: Getter | None = None,
    ) -> None:
        super().__init__(parent)
        self.specs: list[ColumnSpec] = list(self.COLUMNS if columns is None else columns)
        self.rows: list[Any] = []
        self._row_background = background
        self._row_foreground = foreground
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ rows
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show these rows (a model reset; in the order of the last sort, if any)."""
        self.beginResetModel()
        self.rows = list(rows)
        if self._sorted_by is not None:
            self.rows = self._in_order(self.rows, *self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort :attr:`rows` by a column as a Chinese office expects (numbers as numbers,
        Chinese by pinyin: :func:`~...domain.collation.cell_key`; blanks last either way)."""
        if not 0 <= column < len(self.specs) or not self.rows:
            return
        spec = self.specs[column]
        if (spec.sort or spec.display) is None or self._sorted_by == (column, order):
            return  # nothing to sort by, or in this order already
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self.rows[p.row()], p.column()) for p in persistent if p.row() < len(self.rows)]
        self._sorted_by = (column, order)
        self.rows = self._in_order(self.rows, column, order)
        if persistent:
            where = {id(r): i for i, r in enumerate(self.rows)}
            self.changePersistentIndexList(
                persistent, [self.index(where[id(r)], c) for r, c in kept]
            )
        self.layoutChanged.emit()

    def _in_order(self, rows: list[Any], column: int, order: Qt.SortOrder) -> list[Any]:
        spec = self.specs[column]
        getter = spec.sort or spec.display
        assert getter is not None
        keys = [cell_key(getter(r)) for r in rows]
        present = [i for i, k in enumerate(keys) if k is not None]
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return [rows[i] for i in present] + [rows[i] for i, k in enumerate(keys) if k is None]

    def row(self, number: int) -> Any:
        """The row object shown as row ``number``."""
        return self.rows[number]

    def row_count(self) -> int:
        return len(self.rows)

    def header_text(self, section: int) -> Any:
        """The horizontal header of column ``section`` (translated in :attr:`context`)."""
        header = self.specs[section].header
        return QCoreApplication.translate(self.context, header) if self.context else header

    # -------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.specs)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.header_text(section) if 0 <= section < len(self.specs) else None
        return section + 1

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.row_count():
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.specs[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The value of one cell for ``role``, from the column's spec (extend for more roles)."""
        spec = self.specs[column]
        if role == _DISPLAY:
            if spec.display is None:
                return None
            value = spec.display(row)
            return "" if value is None else value
        if role == _EDIT:
            return None if spec.edit is None else spec.edit(row)
        if role == _ALIGN:
            return spec.align
        if role == _TOOLTIP:
            return None if spec.tooltip is None else spec.tooltip(row)
        if role == _FOREGROUND:
            getter = spec.foreground or self._row_foreground
            return None if getter is None else getter(row)
        if role == _BACKGROUND:
            getter = spec.background or self._row_background
            return None if getter is None else getter(row)
        return None
