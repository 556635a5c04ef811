"""A table view whose first columns stay put while the others scroll (Excel's 冻结窗格).

As Qt's Frozen Column Example: a second :class:`QTableView` on the same model, a child laid
over the left part of the view, shows only the frozen columns.  It shares the view's
selection model (one current cell, one selection), follows its vertical scroll bar, row
heights and column widths, and never takes the keyboard focus: keys go to the main view,
which scrolls its other columns clear of the overlay when the current cell moves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QMouseEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

_Index = QModelIndex | QPersistentModelIndex
_LINE = "#8A99AD"  # the freeze line between the frozen and the scrolling columns


class _FrozenPart(QTableView):
    """The overlay showing the frozen columns; scrolling and keys belong to ``main``."""

    def __init__(self, main: FrozenColumnsView) -> None:
        super().__init__(main)
        self._main = main
        self.setObjectName("frozenColumns")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoScroll(False)  # the main view scrolls, this one follows
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._follow)
        bar.rangeChanged.connect(lambda *_: self._follow())

    def _follow(self, *_args: Any) -> None:
        """Keep the rows where the main view has them (its bar is the only one used)."""
        value = self._main.verticalScrollBar().value()
        if self.verticalScrollBar().value() != value:
            self.verticalScrollBar().setValue(value)

    def scrollTo(
        self,
        index: _Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        self._main.scrollTo(index, hint)

    def wheelEvent(self, event: QWheelEvent) -> None:
        QCoreApplication.sendEvent(self._main.viewport(), event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._main.setFocus(Qt.FocusReason.MouseFocusReason)  # the keys then move from here


class FrozenColumnsView(QTableView):
    """A table whose first ``frozen`` columns (in model order) stay at the left."""

    def __init__(self, frozen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen = frozen
        self.frozen_view = _FrozenPart(self)
        self._line = QFrame(self)
        self._line.setObjectName("freezeLine")
        self._line.setStyleSheet(f"background: {_LINE};")
        self._line.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen_view)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.frozen_view.horizontalHeader().sectionResized.connect(self._frozen_column_resized)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.verticalScrollBar().valueChanged.connect(self.frozen_view.verticalScrollBar().setValue)

    @property
    def frozen_count(self) -> int:
        return self._frozen

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self._frozen))

    # ------------------------------------------------------------------ model
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        frozen = self.frozen_view
        frozen.setModel(model)
        frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._sync_columns)
            model.columnsInserted.connect(self._sync_columns)
            model.columnsRemoved.connect(self._sync_columns)
        self._sync_columns()

    def _sync_columns(self) -> None:
        """Show only the frozen columns in the overlay, as wide as here, rows as high."""
        model, frozen = self.model(), self.frozen_view
        if model is None:
            return
        frozen.setWordWrap(self.wordWrap())
        frozen.setTextElideMode(self.textElideMode())
        frozen.setShowGrid(self.showGrid())
        frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        for column in range(model.columnCount()):
            frozen.setColumnHidden(column, column >= self._frozen)
            if column < self._frozen:
                frozen.setColumnWidth(column, self.columnWidth(column))
        self._place_frozen()

    def _column_resized(self, column: int, _old: int, size: int) -> None:
        if column < self._frozen:
            self.frozen_view.setColumnWidth(column, size)
            self._place_frozen()

    def _frozen_column_resized(self, column: int, _old: int, size: int) -> None:
        """Dragging a frozen column's border (in the overlay's header) resizes it here."""
        if column < self._frozen and self.columnWidth(column) != size:
            self.setColumnWidth(column, size)

    def _row_resized(self, row: int, _old: int, size: int) -> None:
        self.frozen_view.setRowHeight(row, size)

    def _place_frozen(self) -> None:
        """Lay the overlay over the frozen columns (and their headers), the line at its edge."""
        frame = self.frameWidth()
        left = frame + (0 if self.verticalHeader().isHidden() else self.verticalHeader().width())
        header = self.horizontalHeader().height()
        width = min(self.frozen_width(), max(0, self.viewport().width()))
        self.frozen_view.horizontalHeader().setFixedHeight(header)
        height = self.viewport().height() + header
        self.frozen_view.setGeometry(left, frame, width, height)
        self._line.setGeometry(left + width - 1, frame, 2, height)
        self._line.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place_frozen()  # the row numbers' width changes with the row count

    # ------------------------------------------------------------- scrolling
    def scrollTo(
        self,
        index: _Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Bring a cell into view: a frozen one is always in view across (only its row is
        scrolled to); any other is scrolled clear of the overlay."""
        if not index.isValid():
            return
        bar = self.horizontalScrollBar()
        if index.column() < self._frozen:
            across = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(across)
            return
        super().scrollTo(index, hint)
        left, covered = self.visualRect(index).left(), self.frozen_width()
        if left < covered:
            bar.setValue(bar.value() - (covered - left))

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Moving into a frozen column by key shows the other columns from their first, as
        Excel's Home does with frozen panes."""
        current = self.currentIndex()
        target = super().moveCursor(action, modifiers)
        if (
            target.isValid()
            and target.column() < self._frozen
            and (not current.isValid() or current.column() >= self._frozen)
        ):
            self.horizontalScrollBar().setValue(0)
        return target
