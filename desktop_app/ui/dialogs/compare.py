"""两期对比: choose two periods, see what changed, export the 两期对比 workbook.

The comparison (:func:`~desktop_app.views.compare.compare`) and the workbook
(:func:`~desktop_app.reports.compare.write_compare`) run in a worker on a read-only opening
of the ledger (:func:`~desktop_app.ui.jobs.read_job`); the counts show in the dialog as soon
as the two periods are chosen, and the export reuses them.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.derived import LightThresholds
from ...domain.periods import Period
from ...reports.common import ExportResult
from ...reports.compare import default_file_name, write_compare
from ...store import Store
from ...views.compare import Comparison, compare
from .. import jobs
from ..common.labels import period_label
from ..common.save_file import ask_workbook, suggest_folder
from .export import FOLDER_KEY


class CompareDialog(QDialog):
    """两期对比: 前期 and 后期 (default: the period before ``period`` and ``period``)."""

    compared = Signal(object)  # Comparison
    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        store: Store,
        *,
        period: Period | None = None,
        thresholds: LightThresholds | None = None,
        settings: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("两期对比"))
        self.store = store
        self.settings = settings
        self.thresholds = thresholds
        self.comparison: Comparison | None = None
        self.result: ExportResult | None = None
        self._busy = False
        self._again = False

        later = period or store.default_period()
        periods = {Period.parse(p) for p in store.periods()} | {later, later.shift(-1)}
        self.earlier_box = QComboBox(objectName="earlierBox")
        self.later_box = QComboBox(objectName="laterBox")
        closed = set(store.closed_periods())  # a closed round compares as it was closed
        for box in (self.earlier_box, self.later_box):
            for p in sorted(periods, reverse=True):
                label = self.tr("{period}（已关账）").format(period=period_label(p))
                box.addItem(label if str(p) in closed else period_label(p), str(p))
        self.later_box.setCurrentIndex(self.later_box.findData(str(later)))
        self.earlier_box.setCurrentIndex(self.earlier_box.findData(str(later.shift(-1))))
        self.file_edit = QLineEdit(objectName="fileEdit")
        browse = QPushButton(self.tr("浏览…"), objectName="browseButton")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("前期："), self.earlier_box)
        form.addRow(self.tr("后期："), self.later_box)
        form.addRow(self.tr("保存到："), file_row)

        self.counts = QTableWidget(0, 2, self)
        self.counts.setObjectName("compareCounts")
        self.counts.setHorizontalHeaderLabels([self.tr("项目"), self.tr("个数")])
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.counts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(objectName="compareStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("导出"), objectName="exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("关闭"), objectName="closeButton")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.counts, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(540, 640)

        self.earlier_box.currentIndexChanged.connect(self._chosen)
        self.later_box.currentIndexChanged.connect(self._chosen)
        self._chosen()

    # ---------------------------------------------------------------- choices
    @property
    def earlier(self) -> Period:
        return Period.parse(str(self.earlier_box.currentData()))

    @property
    def later(self) -> Period:
        return Period.parse(str(self.later_box.currentData()))

    def set_periods(self, earlier: Period | str, later: Period | str) -> None:
        self.earlier_box.blockSignals(True)
        self.earlier_box.setCurrentIndex(self.earlier_box.findData(str(earlier)))
        self.earlier_box.blockSignals(False)
        self.later_box.setCurrentIndex(self.later_box.findData(str(later)))
        self._chosen()

    def _folder(self) -> Path:
        return suggest_folder(self.file_edit.text(), self.settings, FOLDER_KEY)

    def _browse(self) -> None:
        name = ask_workbook(
            self, self.tr("保存两期对比"), self.file_edit.text(), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.file_edit.setText(name)

    def _chosen(self) -> None:
        e, lt = self.earlier, self.later
        self.file_edit.setText(str(self._folder() / default_file_name(min(e, lt), max(e, lt))))
        self.comparison = None
        self.counts.setRowCount(0)
        if e == lt:
            self.status.setText(self.tr("请选择两个不同的期间"))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self._run(None)

    # --------------------------------------------------------------- working
    def is_running(self) -> bool:
        return self._busy

    def _run(self, path: Path | None) -> None:
        """Compare (and write ``path``) in the background."""
        if self._busy:
            self._again = path is None  # the periods changed meanwhile: compare again after
            return
        e, lt = self.earlier, self.later
        have = self.comparison
        thresholds = self.thresholds
        self._busy = True
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("正在导出…") if path else self.tr("正在对比…"))
        started = time.perf_counter()

        def work(store: Store) -> tuple[Comparison, ExportResult | None]:
            c = have if have is not None else compare(store, e, lt, thresholds)
            written = write_compare(store, path, comparison=c) if path is not None else None
            return c, written

        jobs.read_job(
            self,
            self.store.path,
            work,
            on_done=lambda done: self._done((e, lt), *done, time.perf_counter() - started),
            on_failed=self._failed,
        ).run()

    def _done(
        self,
        periods: tuple[Period, Period],
        c: Comparison,
        written: ExportResult | None,
        seconds: float,
    ) -> None:
        self._busy = False
        self.export_button.setEnabled(True)
        if self._again or periods != (self.earlier, self.later):
            self._again = False
            if written is not None:  # the file is written: say so before comparing the new pair
                self._exported(written, seconds)
            self._chosen()
            return
        self.comparison = c
        rows = c.counts()
        self.counts.setRowCount(len(rows))
        for r, (label, n) in enumerate(rows):
            self.counts.setItem(r, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(f"{n:,}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(r, 1, item)
        self.compared.emit(c)
        if written is None:
            self.status.setText(
                self.tr("{before}与{after}：新增滞后 {new} 个，滞后转正常 {back} 个。").format(
                    before=period_label(c.earlier.period),
                    after=period_label(c.later.period),
                    new=len(c.newly_lagging),
                    back=len(c.recovered),
                )
            )
            return
        self._exported(written, seconds)

    def _exported(self, written: ExportResult, seconds: float) -> None:
        self.result = written
        self.status.setText(
            self.tr("已导出：{path}（用时 {s:.1f} 秒）").format(path=written.path, s=seconds)
        )
        if self.settings is not None:
            self.settings.set_value(FOLDER_KEY, str(written.path.parent))
        self.exported.emit(written)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self._again = False
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("失败：{msg}").format(msg=str(exc) or type(exc).__name__))

    def export(self) -> None:
        """Write the workbook to the chosen file (comparing first if not done yet)."""
        text = self.file_edit.text().strip()
        if not text:
            self.status.setText(self.tr("请先选择保存位置"))
            return
        path = Path(text)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
            self.file_edit.setText(str(path))
        self.result = None
        self._run(path)

    def done(self, code: int) -> None:
        """Closing waits for a running comparison or export to finish."""
        if self._busy:
            jobs.wait_all(self, 60_000)
        super().done(code)
