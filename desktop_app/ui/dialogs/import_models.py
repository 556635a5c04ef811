"""The import wizard's tables: each sheet column's mapping (editable) and the preview's rows."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...importers import (
    LEDGER_LABELS,
    MONTHLY_LABELS,
    STATUS_LABELS,
    ColumnMap,
    ImportPreview,
    ImportSource,
    RowResult,
)
from ...importers.headers import AMOUNT_TARGETS, IGNORE, MONTH_LABELS, SEQ, Header
from ...importers.monthly import INPUT_FIELDS
from ...importers.rows import classify
from ...importers.values import text as cell_text
from ..models.base import CENTER, ColumnSpec, SpecTableModel

_Index = QModelIndex | QPersistentModelIndex
NOT_IMPORTED = "（不导入）"
UNITS = ("万元", "亿元", "元")
STATUS_COLORS = {"new": "#E2F0D9", "changed": "#FFF4CC", "rejected": "#FAD4D4", "unchanged": None}


def target_choices(kind: str) -> list[tuple[str | None, str]]:
    """(field, label) pairs a column can be mapped to, for a ledger or a monthly return."""
    if kind == "monthly":
        fields: list[tuple[str | None, str]] = [("code", "项目编号"), ("name", "项目名称")]
        fields += [(f, MONTHLY_LABELS[f]) for f in INPUT_FIELDS]
    else:  # the project's fields, then the month's figures a ledger may carry
        fields = list(LEDGER_LABELS.items())
        fields += [(f, f"本月数据：{label}") for f, label in MONTH_LABELS.items()]
    return [(None, NOT_IMPORTED), (SEQ, "序号"), *fields]


class ColumnMappingModel(SpecTableModel):
    """One row per sheet column: its header, the field it feeds (editable), unit, examples."""

    context = "ColumnMappingModel"
    TARGET, UNIT = 2, 3

    def __init__(
        self, source: ImportSource, parent: Any = None, header: Header | None = None
    ) -> None:
        super().__init__(
            parent,
            (
                ColumnSpec(QT_TRANSLATE_NOOP("ColumnMappingModel", "列"), lambda c: c.letter),
                ColumnSpec(QT_TRANSLATE_NOOP("ColumnMappingModel", "表头"), lambda c: c.header),
                ColumnSpec(
                    QT_TRANSLATE_NOOP("ColumnMappingModel", "导入为"),
                    lambda c: self.labels.get(c.target, NOT_IMPORTED),
                    foreground=lambda c: QBrush(QColor("#888888")) if c.target is None else None,
                    edit=lambda c: c.target,
                ),
                ColumnSpec(QT_TRANSLATE_NOOP("ColumnMappingModel", "单位"), self._unit),
                ColumnSpec(QT_TRANSLATE_NOOP("ColumnMappingModel", "示例")),  # see data()
            ),
        )
        self.source = source
        self.header = header if header is not None else source.header
        self.kind = source.kind
        self.choices = target_choices(self.kind)
        self.labels = dict(self.choices)
        self.labels[IGNORE] = NOT_IMPORTED
        self.rows = [
            replace(c, target=None) if c.target == IGNORE else c for c in self.header.columns
        ]
        self._examples = [self._example(c.index) for c in self.rows]

    @property
    def columns(self) -> list[ColumnMap]:
        """The sheet's columns as mapped now (the rows of this model)."""
        return self.rows

    @staticmethod
    def _unit(column: ColumnMap) -> str:
        return column.unit if column.target in AMOUNT_TARGETS else ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.column() != self.TARGET:
            role = Qt.ItemDataRole.DisplayRole  # edited as shown (the unit: a combo box)
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 4:
            return self._examples[index.row()]
        return super().data(index, role)

    def _example(self, col: int) -> str:
        """The first distinct values of a column in the data rows."""
        seen: list[str] = []
        for row in classify(self.header):
            if row.kind != "data":
                continue
            value = cell_text(row.cells[col]) if col < len(row.cells) else None
            if value and value not in seen:
                seen.append(value)
            if len(seen) >= 3:
                break
        return "；".join(v.replace("\n", " ")[:20] for v in seen)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = super().flags(index)
        column = self.columns[index.row()]
        if index.column() == self.TARGET or (
            index.column() == self.UNIT and column.target in AMOUNT_TARGETS
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = index.row()
        column = self.columns[row]
        if index.column() == self.TARGET:
            target = value or None
            unit = column.unit
            if target in AMOUNT_TARGETS and unit not in UNITS:
                unit = self.header.unit
            self.columns[row] = replace(column, target=target, unit=unit)
        elif index.column() == self.UNIT and value in UNITS:
            self.columns[row] = replace(column, unit=value)
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def set_target(self, header: str, target: str | None) -> None:
        """Map the column with this header text (tests and keyboard users)."""
        for row, column in enumerate(self.columns):
            if column.header == header:
                self.setData(self.index(row, self.TARGET), target)
                return
        raise KeyError(header)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the 导入为 and 单位 columns."""

    def __init__(self, model: ColumnMappingModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.mapping = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        box = QComboBox(parent)
        if index.column() == ColumnMappingModel.TARGET:
            for key, label in self.mapping.choices:
                box.addItem(label, key)
        else:
            for unit in UNITS:
                box.addItem(unit, unit)
        box.activated.connect(lambda _i, b=box: self.commitData.emit(b))
        return box

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


#: The texts of STATUS_LABELS (importers/, no Qt) for the translation files: the preview
#: table and its filter box show them through translate and self.tr.
_STATUS_TEXTS = (
    QT_TRANSLATE_NOOP("PreviewModel", "新增"),
    QT_TRANSLATE_NOOP("PreviewModel", "修改"),
    QT_TRANSLATE_NOOP("PreviewModel", "未变"),
    QT_TRANSLATE_NOOP("PreviewModel", "拒绝"),
    QT_TRANSLATE_NOOP("PreviewPage", "新增"),
    QT_TRANSLATE_NOOP("PreviewPage", "修改"),
    QT_TRANSLATE_NOOP("PreviewPage", "未变"),
    QT_TRANSLATE_NOOP("PreviewPage", "拒绝"),
)


class PreviewModel(SpecTableModel):
    """The preview's rows, optionally only those of one status."""

    context = "PreviewModel"
    COLUMNS = (
        ColumnSpec(QT_TRANSLATE_NOOP("PreviewModel", "行号"), lambda r: r.row, CENTER),
        ColumnSpec(
            QT_TRANSLATE_NOOP("PreviewModel", "结果"),
            lambda r: QCoreApplication.translate("PreviewModel", STATUS_LABELS[r.status]),
            CENTER,
        ),
        ColumnSpec(QT_TRANSLATE_NOOP("PreviewModel", "项目编号"), lambda r: r.code),
        ColumnSpec(QT_TRANSLATE_NOOP("PreviewModel", "项目名称"), lambda r: r.name),
        ColumnSpec(
            QT_TRANSLATE_NOOP("PreviewModel", "说明"),
            lambda r: r.detail,
            tooltip=lambda r: r.detail.replace("；", "\n") if r.detail else None,
        ),
        ColumnSpec(QT_TRANSLATE_NOOP("PreviewModel", "工作表"), lambda r: r.sheet),
    )
    DETAIL, SHEET = 4, 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, background=_status_fill)
        self.preview: ImportPreview | None = None
        self.status: str | None = None

    def set_preview(self, preview: ImportPreview | None, status: str | None = None) -> None:
        """Show the rows of ``preview`` with ``status`` (all: None; :data:`MONTH_ROWS`: the
        ledger rows whose month's report is new, changed or has a note)."""
        self.preview, self.status = preview, status
        if preview is None:
            self.set_rows([])
        elif status == MONTH_ROWS:
            self.set_rows(month_rows(preview))
        else:
            self.set_rows([r for r in preview.rows if status is None or r.status == status])


#: The preview filter of a ledger's rows with the month's figures to write or to look at.
MONTH_ROWS = "month"


def month_rows(preview: ImportPreview) -> list[RowResult]:
    """The ledger rows whose monthly report the import writes, or that carry a note about
    their month's figures (a derived month, two sums that disagree)."""
    return [
        r
        for r in preview.month_rows
        if r.month is not None and (r.month.status != "unchanged" or r.month.notes)
    ]


def _status_fill(row: RowResult) -> QBrush | None:
    color = STATUS_COLORS.get(row.status)
    return QBrush(QColor(color)) if color else None
