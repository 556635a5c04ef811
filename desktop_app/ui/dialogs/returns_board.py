"""报送情况: who has reported a period, what waits for review, and who reports on time.

Three tabs over the store's review API (:mod:`desktop_app.store.reviews`): the board (units ×
已上报 / 待审核 / 退回 / 未上报 / 逾期, with the 催报 list to copy or export and the 退回通知 of a
unit), the reports waiting for review (accept by unit, by project, or every one without a
warning; return with a reason), and 报送及时率 over the year (issue 17, items 4 and 5).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.periods import Period
from ...errors_text import plain_error
from ...reports.errors import ExportError
from ...store import Store, StoreError
from ...store.reviews import ReviewState, Timeliness, UnitBoard
from ..common.labels import period_label
from ..common.period_box import chosen_period, period_box
from ..common.save_file import ask_workbook, suggest_folder
from ..common.tables import read_only_table
from ..common.wizard import error_label
from ..models.base import RIGHT, ColumnSpec, SpecTableModel

FOLDER_KEY = "returns/folder"
_RED, _ORANGE = QColor("#B91C1C"), QColor("#B45309")


def _b(text: str) -> str:
    return QT_TRANSLATE_NOOP("ReturnsBoard", text)  # type: ignore[no-any-return]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReturnsBoard", text)


def _state_colour(board: UnitBoard) -> QBrush | None:
    if board.overdue:
        return QBrush(_RED)
    return QBrush(_ORANGE) if board.missing or board.returned else None


class BoardModel(SpecTableModel):
    """One row per 责任单位 of :meth:`Store.return_board`."""

    context = "ReturnsBoard"
    COLUMNS = (
        ColumnSpec(_b("责任单位"), lambda b: b.label, tooltip=lambda b: b.unit),
        ColumnSpec(_b("联系人"), lambda b: b.contact),
        ColumnSpec(_b("电话"), lambda b: b.phone),
        ColumnSpec(_b("项目数"), lambda b: b.projects, align=RIGHT),
        ColumnSpec(_b("已上报"), lambda b: b.reported, align=RIGHT),
        ColumnSpec(_b("待审核"), lambda b: b.pending or "", align=RIGHT),
        ColumnSpec(_b("退回"), lambda b: b.returned or "", align=RIGHT),
        ColumnSpec(_b("未上报"), lambda b: b.missing or "", align=RIGHT),
        ColumnSpec(_b("状态"), lambda b: _tr(b.state), foreground=_state_colour),
        ColumnSpec(_b("逾期"), lambda b: _tr(b.late_label) if b.late_label else "",
                   foreground=lambda b: QBrush(_RED) if b.late_label else None),
    )  # fmt: skip


def _warnings(state: ReviewState) -> str:
    return "；".join(state.warnings)


class ReviewModel(SpecTableModel):
    """The reports of a period waiting for review (待审核) or returned (退回)."""

    context = "ReturnsBoard"
    COLUMNS = (
        ColumnSpec(_b("项目编号"), lambda r: r[1]),
        ColumnSpec(_b("项目名称"), lambda r: r[2]),
        ColumnSpec(_b("上报单位"), lambda r: r[0].unit),
        ColumnSpec(_b("审核"), lambda r: _tr(r[0].label),
                   foreground=lambda r: QBrush(_ORANGE) if r[0].state == "returned" else None),
        ColumnSpec(_b("提示"), lambda r: _warnings(r[0]) or r[0].reason,
                   tooltip=lambda r: "\n".join(r[0].warnings) or r[0].reason,
                   foreground=lambda r: QBrush(_RED) if r[0].warnings else None),
        ColumnSpec(_b("文件"), lambda r: r[0].file_name),
    )  # fmt: skip


class TimelinessModel(SpecTableModel):
    context = "ReturnsBoard"
    COLUMNS = (
        ColumnSpec(_b("责任单位"), lambda t: t.label, tooltip=lambda t: t.unit),
        ColumnSpec(_b("报送次数"), lambda t: t.returns, align=RIGHT),
        ColumnSpec(_b("按时"), lambda t: t.on_time, align=RIGHT),
        ColumnSpec(_b("报送及时率"), lambda t: _rate(t), align=RIGHT),
        ColumnSpec(
            _b("逾期的月份"),
            lambda t: "、".join(period_label(Period.parse(p)) for p in t.late_periods),
        ),
    )


def _rate(t: Timeliness) -> str:
    return "—" if t.rate is None else f"{t.rate * 100:.1f}%"


class ReturnsBoardDialog(QDialog):
    """报送情况 of a period.  ``changed`` after a review was saved (the window refreshes)."""

    changed = Signal()

    def __init__(
        self,
        store: Store,
        *,
        period: Period | None = None,
        settings: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returnsBoardDialog")
        self.setWindowTitle(self.tr("报送情况与审核"))
        self.store, self.settings = store, settings
        self.dirty = False
        self.period_box = period_box(store, period, "boardPeriod")
        start = self.period
        self.period_box.currentIndexChanged.connect(self.reload)
        self.summary = QLabel(objectName="boardSummary")
        self.summary.setWordWrap(True)
        self.error = error_label("boardError")

        self.board = BoardModel(self)
        self.board_table = read_only_table("boardTable", self.board)
        self.reviews = ReviewModel(self)
        self.review_table = read_only_table("reviewTable", self.reviews)
        self.timeliness = TimelinessModel(self)
        self.timeliness_table = read_only_table("timelinessTable", self.timeliness)
        self.year_box = QSpinBox(objectName="timelinessYear")
        self.year_box.setRange(2000, 2099)
        self.year_box.setValue(start.year)
        self.year_box.valueChanged.connect(self._load_timeliness)

        self.tabs = QTabWidget(objectName="boardTabs")
        self.tabs.addTab(self._board_page(), self.tr("报送情况(&B)"))
        self.tabs.addTab(self._review_page(), self.tr("待审核月报(&R)"))
        self.tabs.addTab(self._timeliness_page(), self.tr("报送及时率(&T)"))
        self.tabs.currentChanged.connect(lambda _index: self._load_timeliness())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("期间：")))
        top.addWidget(self.period_box)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        self.resize(1000, 620)
        self.reload()

    # ------------------------------------------------------------------ pages
    def _buttons(self, *specs: tuple[str, str, Any]) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, text, slot in specs:
            button = QPushButton(text, objectName=name)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
        row.addStretch()
        return row

    def _board_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.board_table, 1)
        layout.addLayout(
            self._buttons(
                ("boardAccept", self.tr("所选单位审核通过"), self.accept_selected_units),
                ("boardReturn", self.tr("退回所选单位…"), self.return_selected_units),
                ("boardNotice", self.tr("退回通知…"), self.write_notice),
                ("boardCopyChase", self.tr("复制催报名单"), self.copy_chase),
                ("boardExportChase", self.tr("导出催报名单…"), self.export_chase),
            )
        )
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.review_table, 1)
        layout.addLayout(
            self._buttons(
                ("reviewAccept", self.tr("所选通过"), self.accept_selected_reports),
                ("reviewReturn", self.tr("退回所选…"), self.return_selected_reports),
                ("reviewAcceptClean", self.tr("没有提示的全部通过"), self.accept_clean),
            )
        )
        return page

    def _timeliness_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年度：")))
        row.addWidget(self.year_box)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.timeliness_table, 1)
        layout.addLayout(
            self._buttons(
                ("timelinessExport", self.tr("导出报送及时率…"), self.export_timeliness),
            )
        )
        return page

    # ------------------------------------------------------------------ data
    @property
    def period(self) -> Period:
        return chosen_period(self.period_box, self.store)

    def reload(self) -> None:
        period = self.period
        board = self.store.return_board(period)
        self.board.set_rows(board)
        states = list(self.store.review_states(period, waiting=True).values())
        # (id, version, search_key, 项目编号, 项目名称, …) of the waiting ones only
        names = {
            r[0]: (r[3], r[4])
            for r in self.store.project_rows([s.project_id for s in states], period.year)
        }
        waiting = [(s, *names[s.project_id]) for s in states if s.project_id in names]
        self.reviews.set_rows(sorted(waiting, key=lambda r: (r[0].unit or "", r[1])))
        due = self.store.report_deadline(period)
        totals = [
            sum(getattr(b, k) for b in board)
            for k in ("reported", "pending", "returned", "missing")
        ]
        self.summary.setText(
            self.tr(
                "{p}：{n} 个单位，已上报 {a}、待审核 {b}、退回 {c}、未上报 {d} 个项目；"
                "截止日期 {due}。"
            ).format(
                p=period_label(period),
                n=len(board),
                a=totals[0],
                b=totals[1],
                c=totals[2],
                d=totals[3],
                due=due.isoformat(),
            )
        )
        self.tabs.setTabText(1, self.tr("待审核月报（{n}）(&R)").format(n=len(waiting)))
        self._timeliness_year: int | None = None  # read again when its tab is shown
        if self.year_box.value() != period.year:
            self.year_box.setValue(period.year)
        self._load_timeliness()

    def _load_timeliness(self) -> None:
        """报送及时率 of the year chosen, read when its tab is shown (a year of 100,000
        projects takes a moment the board itself need not wait for)."""
        year = self.year_box.value()
        if self.tabs.currentIndex() != 2 or self._timeliness_year == year:
            return
        self._timeliness_year = year
        self.timeliness.set_rows(self.store.timeliness(year))

    def _selected(self, table: QTableView) -> list[Any]:
        model = table.model()
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        if not rows and table.currentIndex().isValid():
            rows = [table.currentIndex().row()]
        return [model.rows[r] for r in rows]  # type: ignore[attr-defined]

    def _run(self, work: Any) -> bool:
        """A review action: the refusal shown, the tabs reloaded after a change."""
        self.error.clear()
        try:
            done = work()
        except (StoreError, ExportError, OSError) as exc:
            self.error.setText(plain_error(exc))
            return False
        if done:
            self.dirty = True
            self.changed.emit()
        self.reload()
        return bool(done)

    def _reason(self, what: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("退回"), self.tr("退回{what}的原因（会写入退回通知）：").format(what=what)
        )
        return text.strip() if ok and text.strip() else None

    # ------------------------------------------------------------------ actions
    def accept_selected_units(self) -> bool:
        units = [b.unit for b in self._selected(self.board_table)]
        return bool(units) and self._run(
            lambda: self.store.accept_reports(self.period, units=units)
        )

    def return_selected_units(self, reason: str | None = None) -> bool:
        units = [b.unit for b in self._selected(self.board_table)]
        if not units:
            return False
        reason = reason or self._reason("、".join(units))
        if reason is None:
            return False
        return self._run(lambda: self.store.return_reports(self.period, reason=reason, units=units))

    def accept_selected_reports(self) -> bool:
        ids = [r[0].project_id for r in self._selected(self.review_table)]
        return bool(ids) and self._run(
            lambda: self.store.accept_reports(self.period, project_ids=ids)
        )

    def return_selected_reports(self, reason: str | None = None) -> bool:
        chosen = self._selected(self.review_table)
        if not chosen:
            return False
        reason = reason or self._reason(self.tr("所选 {n} 条月报").format(n=len(chosen)))
        if reason is None:
            return False
        ids = [r[0].project_id for r in chosen]
        return self._run(
            lambda: self.store.return_reports(self.period, reason=reason, project_ids=ids)
        )

    def accept_clean(self) -> bool:
        return self._run(lambda: self.store.accept_reports(self.period, without_warnings=True))

    def chase_text(self) -> str:
        """The 催报 list as lines to paste into a message: unit, contact, phone, projects."""
        lines = [self.tr("{p}月报催报名单（截止日期 {due}）").format(
            p=period_label(self.period), due=self.store.report_deadline(self.period).isoformat()
        )]  # fmt: skip
        for entry in self.store.chase_list(self.period):
            who = "，".join(x for x in (entry.contact, entry.phone) if x) or self.tr("无联系人")
            missing = "、".join(f"{code} {name}" for code, name in entry.missing)
            lines.append(f"{entry.label}（{who}）：{missing}")
        return "\n".join(lines)

    def copy_chase(self) -> None:
        QGuiApplication.clipboard().setText(self.chase_text())
        self.error.setText(self.tr("催报名单已复制，可粘贴到通知或消息中。"))

    def _ask(self, caption: str, name: str) -> Path | None:
        folder = suggest_folder("", self.settings, FOLDER_KEY)
        chosen = ask_workbook(self, caption, str(folder / name), self.tr("Excel 工作簿 (*.xlsx)"))
        if not chosen:
            return None
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(Path(chosen).parent))
        return Path(chosen)

    def _export(self, write: Any, target: Path | None) -> bool:
        if target is None:
            return False
        self.error.clear()
        try:
            result = write(target)
        except (StoreError, ExportError, OSError) as exc:
            self.error.setText(plain_error(exc))
            return False
        self.error.setText(self.tr("已导出：{path}").format(path=result.path))
        return True

    def export_chase(self, path: str | Path | None = None) -> bool:
        from ...reports.timeliness import write_chase

        name = f"催报清单_{self.period}.xlsx"
        target = Path(path) if path else self._ask(self.tr("导出催报名单"), name)
        return self._export(lambda t: write_chase(self.store, t, period=self.period), target)

    def write_notice(self, path: str | Path | None = None) -> bool:
        from ...reports.return_notice import write_return_notice

        chosen = self._selected(self.board_table)
        if len(chosen) != 1:
            self.error.setText(self.tr("请选中一个单位，再生成它的退回通知"))
            return False
        unit = chosen[0].unit
        name = f"退回通知_{self.period}_{chosen[0].label}.xlsx"
        target = Path(path) if path else self._ask(self.tr("保存退回通知"), name)
        return self._export(
            lambda t: write_return_notice(self.store, t, period=self.period, unit=unit), target
        )

    def export_timeliness(self, path: str | Path | None = None) -> bool:
        from ...reports.timeliness import write_timeliness

        year = self.year_box.value()
        name = f"报送及时率_{year}.xlsx"
        target = Path(path) if path else self._ask(self.tr("导出报送及时率"), name)
        return self._export(lambda t: write_timeliness(self.store, t, year=year), target)


#: The board's and the reviews' words (store/reviews.py, no Qt) for the translation files.
_STATES = (
    QT_TRANSLATE_NOOP("ReturnsBoard", "已上报"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "待审核"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "退回"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "未上报"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "部分上报"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "逾期上报"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "逾期未报"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "项目办录入"),
    QT_TRANSLATE_NOOP("ReturnsBoard", "已审核"),
)
