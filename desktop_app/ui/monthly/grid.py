"""The monthly update grid: one period, one row per project, typed or pasted from Excel.

Keyboard only: type to overwrite a cell, Enter saves and moves down, Tab moves to the next
cell that can be edited, Ctrl+V pastes a block (one store action), Delete clears cells.
项目编号 and 项目名称 are frozen (:mod:`.frozen`); the rows are the ledger page's (its filter,
said above the grid with 清除筛选) narrowed by the grid's own search (:mod:`.finder`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_wan, from_cents
from ..commands import LedgerEditor
from ..common.buttons import ERROR_COLOR
from ..common.labels import period_label
from .cells import PasteError
from .cells import parse_percent as parse_percent  # the grid's names, as before the split
from .finder import GridFinder, describe_filter
from .frozen import FrozenColumnsView
from .model import EDITABLE, FROZEN_COLUMNS, GRID_COLUMNS, GRID_INDEX, GridColumn, MonthlyGridModel

if TYPE_CHECKING:
    from ..ledger.page import LedgerPage

__all__ = [
    "EDITABLE",
    "GRID_COLUMNS",
    "GRID_INDEX",
    "GridColumn",
    "MonthlyGrid",
    "MonthlyGridModel",
    "MonthlyGridView",
    "parse_percent",
]


class _EnterDelegate(QStyledItemDelegate):
    """Enter in an editor saves the cell and moves down, as in Excel."""

    def __init__(self, view: MonthlyGridView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QLineEdit)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._view.move_down()
            return True
        return super().eventFilter(editor, event)


class MonthlyGridView(FrozenColumnsView):
    """Keyboard-first table: Enter down, Tab to the next editable cell, Ctrl+V / Ctrl+C / Del.
    项目编号 and 项目名称 are frozen: they stay at the left when the figures are scrolled to."""

    pasteFailed = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(FROZEN_COLUMNS, parent)
        self.setObjectName("monthlyGrid")
        self.setItemDelegate(_EnterDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setWordWrap(False)

    def grid_model(self) -> MonthlyGridModel:
        model = self.model()
        assert isinstance(model, MonthlyGridModel)
        return model

    def move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(current.siblingAtRow(current.row() + 1))

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Tab and Shift+Tab jump between editable cells, wrapping to the next row."""
        if action not in (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        ):
            return super().moveCursor(action, modifiers)
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return super().moveCursor(action, modifiers)
        step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
        editable = [GRID_INDEX[k] for k in EDITABLE]
        row, col = current.row(), current.column()
        while True:
            later = [c for c in editable if (c > col if step > 0 else c < col)]
            if later:
                col = later[0] if step > 0 else later[-1]
                return model.index(row, col)
            row += step
            if not 0 <= row < model.rowCount():
                return current
            col = -1 if step > 0 else len(GRID_COLUMNS)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            text = self.grid_model().copy_text(self.selectedIndexes())
            QGuiApplication.clipboard().setText(text)
            return
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.grid_model().clear_cells(self.selectedIndexes())
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.move_down()
            return
        super().keyPressEvent(event)

    def paste_clipboard(self, text: str | None = None) -> int:
        """Paste Excel cells at the current cell (or the top-left of the selection)."""
        text = QGuiApplication.clipboard().text() if text is None else text
        if not text:
            return 0
        indexes = self.selectedIndexes() or [self.currentIndex()]
        valid = [i for i in indexes if i.isValid()]
        if not valid:
            return 0
        top = min(i.row() for i in valid)
        left = min(i.column() for i in valid)
        try:
            return self.grid_model().paste(top, left, text)
        except PasteError as exc:
            self.pasteFailed.emit(exc.problems)
            return 0


class MonthlyGrid(QWidget):
    """The 月度调度 tab: its search box and the ledger filter it follows, the grid, a summary
    line and the messages of bad input."""

    def __init__(self, editor: LedgerEditor, parent: Any = None) -> None:
        super().__init__(parent)
        self._ledger: LedgerPage | None = None
        self._order_stale = False  # the ledger was sorted while the grid was hidden
        self.model = MonthlyGridModel(editor, self)
        self.view = MonthlyGridView(self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        widths = {"code": 90, "name": 260, "department": 150, "annual_plan": 120,
                  "month_investment": 130, "progress_pct": 90, "progress_text": 120,
                  "progress_notes": 200, "problems": 180, "ytd": 130, "rate": 110,
                  "light": 80, "reported": 80}  # fmt: skip
        for key, width in widths.items():
            header.resizeSection(GRID_INDEX[key], width)
        self.hint = QLabel(
            QCoreApplication.translate(
                "MonthlyGrid",
                "直接输入即可修改；回车保存并下移，Tab 跳到下一个可填写单元格；"
                "可从 Excel 复制一块单元格后按 Ctrl+V 粘贴；Delete 清除。",
            )
        )
        self.hint.setWordWrap(True)
        self.closed = QLabel()  # 关账: the period is read-only, who closed it and when
        self.closed.setObjectName("monthlyClosedNote")
        self.closed.setWordWrap(True)
        self.closed.setStyleSheet("font-weight: bold;")
        self.closed.hide()
        self.summary = QLabel()
        self.summary.setObjectName("monthlySummary")
        self.message = QLabel()
        self.message.setObjectName("monthlyMessage")
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.setWordWrap(True)
        self.message.hide()
        self.finder = GridFinder(self)
        self.search = self.finder.search
        self.finder.searchChanged.connect(self.model.set_search)
        self.finder.enterGrid.connect(self.focus_grid)
        self.finder.clearLedgerFilter.connect(self.clear_ledger_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.finder)
        layout.addWidget(self.hint)
        layout.addWidget(self.closed)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        self.model.error.connect(self.show_error)
        self.view.pasteFailed.connect(self.show_paste_problems)
        self.model.modelReset.connect(self.update_summary)
        self.model.modelReset.connect(self.update_filter_note)
        self.model.modelReset.connect(self.update_closed_note)
        self.model.dataChanged.connect(self.update_summary)

    def update_closed_note(self) -> None:
        """A closed period (关账): the note above the grid instead of the typing hint."""
        note = self.model.closed_note
        self.closed.setText(note or "")
        self.closed.setVisible(note is not None)
        self.hint.setVisible(note is None)

    # ------------------------------------------------- search and the ledger filter
    def follow_ledger(self, page: LedgerPage) -> None:
        """The grid shows ``page``'s projects: say which of its filters narrow them (and let
        them be cleared here), and search names with the keys the page holds."""
        self._ledger = page
        self.model.set_key_source(page.model.loaded_rows)
        page.queryChanged.connect(self.update_filter_note)
        page.model.layoutChanged.connect(self._ledger_sorted)
        self.update_filter_note()

    def _ledger_sorted(self, *_args: Any) -> None:
        """The rows follow the ledger's order: at once when the grid is on screen, else
        when it is next shown (sorting the ledger stays as fast as without the grid)."""
        if self.model.monthly_data is None:
            return
        if self.isVisible():
            self._follow_order()
        else:
            self._order_stale = True

    def _follow_order(self) -> None:
        self._order_stale = False
        if self._ledger is not None and self.model.monthly_data is not None:
            self.model.set_projects(self._ledger.visible_ids())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._order_stale:
            self._follow_order()

    def update_filter_note(self, *_args: Any) -> None:
        page = self._ledger
        model = self.model
        self.finder.show_found(model.rowCount() if model.search else None)
        if page is None or model.monthly_data is None:
            self.finder.show_filter(None)
            return
        query = page.current_query()
        if query.is_empty:
            self.finder.show_filter(None)
            return
        self.finder.show_filter(
            describe_filter(query, model.ledger_count(), page.model.total_count())
        )

    def clear_ledger_filter(self) -> None:
        """清除筛选: the filter is the ledger's (shared with its page), so it goes there too."""
        if self._ledger is not None:
            self._ledger.clear_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_grid(self) -> None:
        """Into the rows (Down or Enter in the search box): the current cell, else the first
        row's first input."""
        view = self.view
        current = view.currentIndex()  # before the focus: it would make (0, 0) current
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if current.isValid():
            view.scrollTo(current)
        elif self.model.rowCount():
            view.setCurrentIndex(self.model.index(0, GRID_INDEX[EDITABLE[0]]))

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def show_paste_problems(self, problems: list[str]) -> None:
        shown = problems[:12]
        more = len(problems) - len(shown)
        text = (
            QCoreApplication.translate("MonthlyGrid", "粘贴未保存，以下单元格有误：")
            + "\n"
            + "\n".join(shown)
        )
        if more > 0:
            text += "\n" + QCoreApplication.translate("MonthlyGrid", "……另有 {n} 处").format(n=more)
        self.show_error(text)
        if self.isVisible():
            QMessageBox.warning(self, QCoreApplication.translate("MonthlyGrid", "粘贴未保存"), text)

    def clear_message(self) -> None:
        self.message.hide()
        self.message.clear()

    def update_summary(self, *_args: Any) -> None:
        data = self.model.monthly_data
        if data is None:
            self.summary.setText(QCoreApplication.translate("MonthlyGrid", "正在载入…"))
            return
        ids = self.model.project_ids()
        present, figs_of = data.present, self.model.figs_of
        reported = lagging = cents = 0
        for pid in ids:  # one pass over up to 100,000 rows
            figs = figs_of(pid)  # the ledger's: 本月完成 is that of this period's report
            if pid in present:
                reported += 1
                cents += figs[1] or 0
            if figs[0] in ("red", "yellow"):
                lagging += 1
        month = from_cents(cents) or Decimal(0)
        self.summary.setText(
            QCoreApplication.translate(
                "MonthlyGrid",
                "{period}：共 {n} 个项目，已上报 {r} 个，未上报 {u} 个；本月完成投资 {m} 万元；黄灯、红灯 {lag} 个",
            ).format(
                period=period_label(data.period),
                n=f"{len(ids):,}",
                r=f"{reported:,}",
                u=f"{len(ids) - reported:,}",
                m=format_wan(month),
                lag=f"{lagging:,}",
            )
        )
