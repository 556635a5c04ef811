"""The monthly grid's model: the reports of one period for the projects the ledger shows,
typed, pasted or cleared as one store action each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.derived import Light
from ...domain.money import format_wan, from_cents
from ...domain.periods import Period
from ...domain.text import percent
from ...domain.textmatch import normalize_query
from ...store import MonthlyReport, Store, StoreError
from ...views.ledger import MONTHLY_INDEX, NO_FIGS, Figs, MonthlyData, fetch_reports
from ..commands import LedgerEditor
from ..common.labels import (
    light_label,
    monthly_label,
    period_label,
    reported_label,
    review_label,
    tr_field,
)
from ..models.base import ColumnSpec, SpecTableModel
from ..models.project import cents_text, light_fill, light_icon, rate_text
from .cells import PasteError, parse_cell, split_clipboard
from .matcher import GridMatcher

if TYPE_CHECKING:
    from ...views.portfolio import LoadedRows

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_READ_ONLY = QBrush(QColor("#F3F5F8"))  # cells that are figures, not input
_BATCH = 200  # report tuples read at once when rows come into view
_UNREVIEWED = "#B45309"  # 待审核 / 退回 in the 上报状态 column


@dataclass(frozen=True)
class GridColumn:
    key: str
    label: str
    editable: bool = False
    right: bool = False


GRID_COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("code", "项目编号"),
    GridColumn("name", "项目名称"),
    GridColumn("department", "责任单位"),
    GridColumn("annual_plan", "年度计划投资(万元)", right=True),
    GridColumn("month_investment", "本月完成投资(万元)", True, True),
    GridColumn("progress_pct", "形象进度(%)", True, True),
    GridColumn("progress_text", "形象进度", True),
    GridColumn("progress_notes", "进展情况", True),
    GridColumn("problems", "存在问题", True),
    GridColumn("ytd", "本年累计完成(万元)", right=True),
    GridColumn("rate", "年度计划完成率", right=True),
    GridColumn("light", "状态灯"),
    GridColumn("reported", "上报状态"),
)
GRID_INDEX = {c.key: i for i, c in enumerate(GRID_COLUMNS)}
EDITABLE = tuple(c.key for c in GRID_COLUMNS if c.editable)
FROZEN_COLUMNS = 2  # 项目编号 and 项目名称 stay at the left while the grid scrolls across
_HEADER_LABELS = {
    "annual_plan": ("年度计划投资", True),
    "month_investment": ("本月完成投资", True),
    "ytd": ("本年累计完成", True),
}


class MonthlyGridModel(SpecTableModel):
    """The reports of one period for the projects the ledger shows, in its order, narrowed
    by the grid's own search (:meth:`set_search`)."""

    error = Signal(str)

    def __init__(self, editor: LedgerEditor, parent: Any = None) -> None:
        super().__init__(parent, [ColumnSpec(c.label) for c in GRID_COLUMNS])
        self._editor = editor
        self._data: MonthlyData | None = None
        self._ids: list[int] = []  # the rows: those of the ledger the search finds
        self._ledger_ids: list[int] = []  # the projects the ledger shows, in its order
        self._search = ""
        self._needle = ""  # the search as matched (normalised)
        self._matcher = GridMatcher()
        self._info: Callable[[int], tuple[str, str, str, int | None]] = lambda pid: (
            "",
            "",
            "",
            None,
        )
        self._figs_of: Callable[[int], Figs] = lambda pid: NO_FIGS
        self.closed_note: str | None = None  # the period is closed (关账): read-only
        self._round_ids: set[int] | None = None  # the projects of the closed period's round

    # ------------------------------------------------------------------ loading
    @property
    def period(self) -> Period | None:
        return self._data.period if self._data else None

    @property
    def monthly_data(self) -> MonthlyData | None:
        return self._data

    def set_data(
        self,
        data: MonthlyData,
        ids: Sequence[int],
        info: Callable[[int], tuple[str, str, str, int | None]],
        figs: Callable[[int], Figs] | None = None,
    ) -> None:
        """Show ``data`` for projects ``ids``; ``info(id)`` gives (code, name, 责任单位, plan 百元)
        and ``figs(id)`` the project's figures for the period (the ledger's, computed once)."""
        self.beginResetModel()
        self._data, self._info = data, info
        self.closed_note = self._closed_note(data.period)
        if figs is not None:
            self._figs_of = figs
        if self.closed_note is not None:  # the round's own names, plans and figures
            self._info, self._figs_of = self._frozen(data.period, info, self._figs_of)
        self._show(ids)
        self.endResetModel()

    def _closed_note(self, period: Period) -> str | None:
        """The note of a closed period (关账: who closed it and when), None when it is open."""
        closed = getattr(self._editor.store, "closed_round", None)
        info = closed(period) if closed is not None else None
        if info is None:
            return None
        return self.tr("{period}已关账（{who}，{when}），本月调度只能查看，不能修改").format(
            period=period_label(period),
            who=info.closed_by,
            when=info.closed_at.replace("T", " ")[:16],
        )

    def _frozen(
        self,
        period: Period,
        info: Callable[[int], tuple[str, str, str, int | None]],
        figs: Callable[[int], Figs],
    ) -> tuple[Callable[[int], tuple[str, str, str, int | None]], Callable[[int], Figs]]:
        """``info`` and ``figs`` of a closed period as its round froze them (a project that was
        not in the round is hidden: :meth:`_show`)."""
        rows = self._editor.store.round_columns(
            period,
            ("$.project.code", "$.project.name", "$.project.department",
             "$.project.annual_plan", "$.light", "$.month", "$.ytd", "$.reported"),
        )  # fmt: skip
        frozen_info = {r[0]: (r[1], r[2], r[3] or "", r[4]) for r in rows}
        frozen_figs = {
            r[0]: (r[5], r[6], r[7] or 0, (r[7] or 0) / r[4] if r[4] else None, bool(r[8]))
            for r in rows
        }
        self._round_ids: set[int] | None = set(frozen_info)
        return (
            lambda pid: frozen_info.get(pid) or info(pid),
            lambda pid: frozen_figs.get(pid) or figs(pid),
        )

    def set_projects(self, ids: Sequence[int]) -> None:
        """The ledger shows these projects now (its filter, its order, or the projects changed)."""
        self.beginResetModel()
        self._show(ids)
        self.endResetModel()

    def _show(self, ids: Sequence[int]) -> None:
        if self.closed_note is not None and self._round_ids is not None:
            ids = [pid for pid in ids if pid in self._round_ids]  # the round's projects
        elif self._data is not None and self._data.unlisted:  # off the year's list
            ids = [pid for pid in ids if pid not in self._data.unlisted]
        self._ledger_ids = list(ids)
        self._matcher.forget()  # names and codes may have changed
        self._ids = self._matcher.find(self._needle, self._ledger_ids, self._info)

    # ------------------------------------------------------------------- search
    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Show only the rows whose 项目编号, 项目名称 or 责任单位 match ``text`` (as the
        ledger's search matches: pinyin initials, full pinyin, traditional characters)."""
        text = text.strip()
        needle = normalize_query(text) if text else ""
        self._search = text
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._ids = self._matcher.find(needle, self._ledger_ids, self._info)
        self.endResetModel()

    def set_key_source(self, source: Callable[[], LoadedRows | None]) -> None:
        """The ledger's rows on hand: the names' search keys are taken from them."""
        self._matcher.set_source(source)

    def ledger_count(self) -> int:
        """How many projects the ledger shows (the rows before the grid's search)."""
        return len(self._ledger_ids)

    def refresh_rows(self, ids: Sequence[int]) -> None:
        """Tell the view that rows of these projects changed (their data was reloaded)."""
        wanted = set(ids)
        last = len(GRID_COLUMNS) - 1
        for row, pid in enumerate(self._ids):
            if pid in wanted:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def project_id(self, row: int) -> int:
        return self._ids[row]

    def project_ids(self) -> list[int]:
        return list(self._ids)

    def report(self, row: int) -> MonthlyReport | None:
        raw = self._raw(row)
        return None if raw is None else Store.report_from_row(raw)

    def _raw(self, row: int) -> tuple | None:
        """The report tuple of a row (None: not reported), read with the next rows."""
        data = self._data
        if data is None:
            return None
        pid = self._ids[row]
        if pid not in data.present:
            return None
        raw = data.reports.get(pid)
        if raw is None:
            fetch_reports(self._editor.store, data, self._ids[row : row + _BATCH])
            raw = data.reports.get(pid)
        return raw

    def figs(self, row: int) -> Figs:
        if self._data is None:
            return NO_FIGS
        return self._figs_of(self._ids[row])

    def figs_of(self, project_id: int) -> Figs:
        """The figures shown for one project (those of the ledger table)."""
        return self._figs_of(project_id)

    # --------------------------------------------------------------- Qt model
    def row_count(self) -> int:
        return 0 if self._data is None else len(self._ids)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if GRID_COLUMNS[index.column()].editable and self.closed_note is None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _text(self, row: int, key: str, *, edit: bool = False) -> str:
        pid = self._ids[row]
        if key in ("code", "name", "department"):
            code, name, department, _plan = self._info(pid)
            return {"code": code, "name": name, "department": department}[key]
        if key == "annual_plan":
            return cents_text(self._info(pid)[3])
        figs = self.figs(row)
        if key == "ytd":
            return cents_text(figs[2])
        if key == "rate":
            return rate_text(figs[3])
        if key == "light":
            return light_label(figs[0])
        if key == "reported":
            review = self._data.unreviewed.get(pid) if self._data is not None else None
            if review is not None:  # a unit's return, not reviewed yet
                return review_label(review)
            return reported_label(self._raw(row) is not None)
        raw = self._raw(row)
        value = raw[MONTHLY_INDEX[key]] if raw is not None else None
        if value is None:
            return ""
        if key == "month_investment":
            value = from_cents(value)
            return str(value) if edit else format_wan(value)
        if key == "progress_pct":
            return f"{value:g}" if edit else percent(value)
        return str(value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._data is None:
            return None
        row, column = index.row(), GRID_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column.key)
        if role == Qt.ItemDataRole.EditRole:
            return self._text(row, column.key, edit=True)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.right:
                return _RIGHT
            return _CENTER if column.key in ("reported", "code") else None
        if role == Qt.ItemDataRole.DecorationRole and column.key == "light":
            return light_icon(self.figs(row)[0])
        if role == Qt.ItemDataRole.BackgroundRole:
            if column.editable:
                return None
            return light_fill(self.figs(row)[0]) or _READ_ONLY
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "reported":
            if self._ids[row] in self._data.unreviewed:
                return QBrush(QColor(_UNREVIEWED))
            return None if self._raw(row) is not None else QBrush(QColor(Light.RED.color))
        if role == Qt.ItemDataRole.ToolTipRole and column.key in (
            "name",
            "progress_notes",
            "problems",
        ):
            text = self._text(row, column.key)
            return text or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if not 0 <= section < len(GRID_COLUMNS):
            return None
        column = GRID_COLUMNS[section]
        if column.key in _HEADER_LABELS:
            label, unit = _HEADER_LABELS[column.key]
            return tr_field(label) + (tr_field("(万元)") if unit else "")
        if column.key in ("progress_pct", "progress_text", "progress_notes", "problems"):
            return monthly_label(column.key)
        return tr_field(column.label)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._data is None:
            return False
        column = GRID_COLUMNS[index.column()]
        if not column.editable:
            return False
        try:
            parsed = parse_cell(column.key, str(value if value is not None else ""))
        except ValueError as exc:
            self.error.emit(self._cell_name(index.row(), column) + str(exc))
            return False
        report = self._with(index.row(), {column.key: parsed})
        if report is None:
            return True
        return self._save(
            [report],
            QCoreApplication.translate("MonthlyGrid", "填报月度调度：{name}").format(
                name=self._info(report.project_id)[1]
            ),
        )

    def _cell_name(self, row: int, column: GridColumn) -> str:
        name = self._info(self._ids[row])[1]
        return QCoreApplication.translate("MonthlyGrid", "第{row}行（{name}）“{column}”：").format(
            row=row + 1,
            name=name,
            column=self.headerData(GRID_INDEX[column.key], Qt.Orientation.Horizontal),
        )

    def _with(self, row: int, values: dict[str, Any]) -> MonthlyReport | None:
        """The row's report with ``values`` applied (None when nothing changes)."""
        assert self._data is not None
        pid = self._ids[row]
        raw = self._raw(row)
        old = None if raw is None else Store.report_from_row(raw)
        base = old or MonthlyReport(pid, str(self._data.period))
        if old is not None and all(getattr(old, k) == v for k, v in values.items()):
            return None
        if old is None and all(v is None for v in values.values()):
            return None
        return replace(base, **values)

    def _save(self, reports: list[MonthlyReport], text: str) -> bool:
        assert self._data is not None
        if self.closed_note is not None:  # the store refuses too (PeriodClosed)
            label = period_label(self._data.period)
            self.error.emit(
                self.tr(
                    "{period}已关账，不能再修改；如需更正请先重新开账（工具 ▸ 重新开账…）"
                ).format(period=label)
            )
            return False
        try:
            self._editor.save_monthly(self._data.period, reports, text, check_versions=True)
        except StoreError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def paste(self, top: int, left: int, text: str) -> int:
        """Fill the block starting at (top, left) from Excel's text; one store action.

        Returns how many reports were saved; raises :class:`PasteError` naming every bad
        cell (and saves nothing) when any cell cannot be read.
        """
        if self._data is None:
            return 0
        rows = split_clipboard(text)
        if len(rows) == 1 and len(rows[0]) == 1 and top >= 0:
            pass
        problems: list[str] = []
        changes: dict[int, dict[str, Any]] = {}
        for r, cells in enumerate(rows):
            row = top + r
            if row >= len(self._ids):
                problems.append(
                    QCoreApplication.translate(
                        "MonthlyGrid", "粘贴的内容超出表格：第{row}行之后没有项目"
                    ).format(row=len(self._ids))
                )
                break
            for c, cell in enumerate(cells):
                col = left + c
                if col >= len(GRID_COLUMNS):
                    break
                column = GRID_COLUMNS[col]
                if not column.editable:
                    if cell.strip() and cell.strip() != self._text(row, column.key).strip():
                        problems.append(
                            self._cell_name(row, column)
                            + QCoreApplication.translate(
                                "MonthlyGrid", "此列不能填写，请从可填写的列开始粘贴"
                            )
                        )
                    continue
                try:
                    changes.setdefault(row, {})[column.key] = parse_cell(column.key, cell)
                except ValueError as exc:
                    problems.append(self._cell_name(row, column) + str(exc))
        if problems:
            raise PasteError(problems)
        reports = [
            r for row, values in changes.items() if (r := self._with(row, values)) is not None
        ]
        if not reports:
            return 0
        text_ = QCoreApplication.translate("MonthlyGrid", "粘贴月度调度（{n}个项目）").format(
            n=len(reports)
        )
        self._save(reports, text_)
        return len(reports)

    def clear_cells(self, indexes: Sequence[QModelIndex]) -> int:
        """Empty the editable cells among ``indexes`` (one store action)."""
        changes: dict[int, dict[str, Any]] = {}
        for index in indexes:
            column = GRID_COLUMNS[index.column()]
            if column.editable:
                changes.setdefault(index.row(), {})[column.key] = None
        reports = [
            r
            for row, values in changes.items()
            if self._raw(row) is not None and (r := self._with(row, values)) is not None
        ]
        if reports:
            self._save(
                reports,
                QCoreApplication.translate("MonthlyGrid", "清除月度调度内容（{n}个项目）").format(
                    n=len(reports)
                ),
            )
        return len(reports)

    def copy_text(self, indexes: Sequence[QModelIndex]) -> str:
        """The selected cells as Excel-style tab-separated text."""
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        return "\n".join("\t".join(self._text(r, GRID_COLUMNS[c].key) for c in cols) for r in rows)
