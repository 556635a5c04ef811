"""收取月报: take a round of the units' returns back in one go (issue 17, item 3).

The user adds files, folders or .zip archives; the round is previewed in the background (a
progress bar per file, the window stays responsive) on a read-only opening of the ledger:
per file its unit and 按时 / 逾期 or why it is refused, per project new / changed / unchanged /
refused / 冲突 with the row's notes (与上月相同, 非本单位项目).  A conflict is resolved by choosing
the file that wins; then the round is written as ONE action (backup first) in the background.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.periods import Period
from ...errors_text import plain_error
from ...importers.returns import RoundPreview, RoundResult, apply_round, preview_round
from ...importers.returns_round import LINE_LABELS, ProjectLine
from ...store import Store
from .. import jobs
from ..common.labels import period_label
from ..common.period_box import chosen_period, period_box
from ..common.tables import read_only_table
from ..common.wizard import error_label
from ..models.base import ColumnSpec, SpecTableModel

FOLDER_KEY = "returns/receive_folder"
_FILL = {"new": "#E2F0D9", "changed": "#FFF4CC", "rejected": "#FAD4D4", "conflict": "#FAD4D4"}


def _r(text: str) -> str:
    return QT_TRANSLATE_NOOP("ReceiveRound", text)  # type: ignore[no-any-return]


class FilesModel(SpecTableModel):
    """The files of the round: name, unit, 按时 / 逾期 / 拒绝 and why."""

    context = "ReceiveRound"
    COLUMNS = (
        ColumnSpec(_r("文件"), lambda f: f.name, tooltip=lambda f: str(f.origin)),
        ColumnSpec(_r("责任单位"), lambda f: f.unit),
        ColumnSpec(_r("状态"), lambda f: f.state,
                   foreground=lambda f: QBrush(QColor("#B91C1C")) if f.state in ("拒绝", "逾期") else None),
        ColumnSpec(_r("说明"), lambda f: f.refused or "；".join(f.warnings),
                   tooltip=lambda f: f.refused or "\n".join(f.warnings) or None),
    )  # fmt: skip


def _line_detail(line: ProjectLine) -> str:
    if line.conflict:
        names = "、".join(e.file.name for e in line.candidates)
        return QCoreApplication.translate(
            "ReceiveRound", "多份文件都填报了该项目：{names}（点“采用哪份文件”选定）"
        ).format(names=names)
    entry = line.entry or (line.rejected[0] if line.rejected else None)
    return entry.detail if entry is not None else ""


def _line_file(line: ProjectLine) -> str:
    entry = line.entry or (line.rejected[0] if line.rejected else None)
    return entry.file.name if entry is not None else ""


class LinesModel(SpecTableModel):
    """One row per project of the round (what it would write, or why not)."""

    context = "ReceiveRound"
    COLUMNS = (
        ColumnSpec(_r("结果"), lambda x: LINE_LABELS[x.status]),
        ColumnSpec(_r("项目编号"), lambda x: x.code),
        ColumnSpec(_r("项目名称"), lambda x: x.name),
        ColumnSpec(_r("文件"), _line_file),
        ColumnSpec(_r("说明"), _line_detail,
                   tooltip=lambda x: _line_detail(x).replace("；", "\n") or None),
    )  # fmt: skip

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, background=lambda x: _fill(x.status))


def _fill(status: str) -> QBrush | None:
    color = _FILL.get(status)
    return QBrush(QColor(color)) if color else None


class _Progress(QObject):
    """Carries the worker's progress to the interface thread (a queued signal)."""

    step = Signal(int, int)


class ReceiveRoundDialog(QDialog):
    """收取月报.  Emits ``received(RoundResult)`` once a round was written."""

    received = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        period: Period | None = None,
        settings: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiveRoundDialog")
        self.setWindowTitle(self.tr("收取月报"))
        self.store, self.settings = store, settings
        self.preview: RoundPreview | None = None
        self.result: RoundResult | None = None
        self.job: jobs.Job[Any] | None = None

        self.period_box = period_box(store, period, "receivePeriod")
        self.period_box.currentIndexChanged.connect(self._forget)
        self.received_edit = QDateEdit(QDate.currentDate(), objectName="receiveDate")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("yyyy-MM-dd")
        self.received_edit.dateChanged.connect(self._forget)
        self.deadline = QLabel(objectName="receiveDeadline")

        self.sources = QListWidget(objectName="receiveSources")
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sources.setMaximumHeight(self.fontMetrics().height() * 6)
        add_files = QPushButton(self.tr("添加文件(&F)…"), objectName="receiveAddFiles")
        add_folder = QPushButton(self.tr("添加文件夹(&D)…"), objectName="receiveAddFolder")
        remove = QPushButton(self.tr("移除"), objectName="receiveRemove")
        self.preview_button = QPushButton(self.tr("预览(&P)"), objectName="receivePreview")
        add_files.clicked.connect(lambda: self.add_paths(self._ask_files()))
        add_folder.clicked.connect(lambda: self.add_paths(self._ask_folder()))
        remove.clicked.connect(self.remove_selected)
        self.preview_button.clicked.connect(self.start_preview)

        self.progress = QProgressBar(objectName="receiveProgress")
        self.progress.setVisible(False)
        self._reporter = _Progress(self)
        self._reporter.step.connect(self._step)
        self.summary = QLabel(objectName="receiveSummary")
        self.summary.setWordWrap(True)
        self.files = FilesModel(self)
        self.files_table = read_only_table("receiveFiles", self.files)
        self.lines = LinesModel(self)
        self.lines_table = read_only_table("receiveLines", self.lines)
        self.filter_box = QComboBox(objectName="receiveFilter")
        self.filter_box.currentIndexChanged.connect(self._show_lines)
        self.choose_button = QPushButton(self.tr("采用哪份文件(&C)…"), objectName="receiveChoose")
        self.choose_button.clicked.connect(lambda: self.choose_file())
        self.drop_button = QPushButton(self.tr("移出所选文件"), objectName="receiveDrop")
        self.drop_button.clicked.connect(lambda: self.drop_selected_files())
        self.skip_box = QCheckBox(self.tr("跳过有问题的行，收取其余各行"), objectName="receiveSkip")
        self.skip_box.toggled.connect(self._update_buttons)
        self.apply_button = QPushButton(self.tr("收取(&A)"), objectName="receiveApply")
        self.apply_button.clicked.connect(self.start_apply)
        close = QPushButton(self.tr("关闭"), objectName="receiveClose")
        close.clicked.connect(self.reject)
        self.error = error_label("receiveError")
        for button in (add_files, add_folder, remove, self.preview_button, self.choose_button,
                       self.drop_button, self.apply_button, close):  # fmt: skip
            button.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("期间：")))
        top.addWidget(self.period_box)
        top.addWidget(QLabel(self.tr("收到日期：")))
        top.addWidget(self.received_edit)
        top.addWidget(self.deadline)
        top.addStretch()
        source_buttons = QVBoxLayout()
        for button in (add_files, add_folder, remove, self.preview_button):
            source_buttons.addWidget(button)
        source_buttons.addStretch()
        sources = QHBoxLayout()
        sources.addWidget(self.sources, 1)
        sources.addLayout(source_buttons)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.summary, 1)
        filter_row.addWidget(QLabel(self.tr("显示：")))
        filter_row.addWidget(self.filter_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.files_table)
        split.addWidget(self.lines_table)
        split.setSizes([160, 320])
        bottom = QHBoxLayout()
        for widget in (self.choose_button, self.drop_button, self.skip_box):
            bottom.addWidget(widget)
        bottom.addStretch()
        bottom.addWidget(self.apply_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(sources)
        layout.addWidget(self.progress)
        layout.addLayout(filter_row)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(1040, 700)
        self._forget()

    # ---------------------------------------------------------------- sources
    @property
    def period(self) -> Period:
        return chosen_period(self.period_box, self.store)

    @property
    def received_on(self) -> dt.date:
        return self.received_edit.date().toPython()  # type: ignore[no-any-return]

    def paths(self) -> list[Path]:
        return [Path(self.sources.item(i).text()) for i in range(self.sources.count())]

    def add_paths(self, paths: list[str | Path]) -> None:
        known = {str(p) for p in self.paths()}
        for path in paths:
            if str(path) not in known:
                self.sources.addItem(str(path))
                known.add(str(path))
        if paths and self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(Path(paths[-1]).parent))
        self._forget()

    def remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))
        self._forget()

    def _folder(self) -> str:
        return str(self.settings.value(FOLDER_KEY, "")) if self.settings is not None else ""

    def _ask_files(self) -> list[str | Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择各单位报回的填报文件"),
            self._folder(),
            self.tr("填报文件 (*.xlsx *.xlsm *.xls *.ods *.zip)"),
        )
        return list(names)

    def _ask_folder(self) -> list[str | Path]:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择存放填报文件的文件夹"), self._folder()
        )
        return [folder] if folder else []

    # ---------------------------------------------------------------- preview
    def _forget(self, *_: Any) -> None:
        """The sources, the period or the day changed: the preview must be made again."""
        self.preview = None
        self.files.set_rows([])
        self.lines.set_rows([])
        due = self.store.report_deadline(self.period)
        self.deadline.setText(self.tr("截止日期：{d}").format(d=due.isoformat()))
        self.summary.setText(
            self.tr("添加各单位报回的文件、文件夹或 .zip 压缩包，再点“预览”。")
            if not self.sources.count()
            else self.tr("点“预览”查看收取后会怎样。")
        )
        self._update_buttons()

    def start_preview(self) -> jobs.Job[Any] | None:
        """Read the round in the background, on a read-only opening of the ledger."""
        paths, period, day = self.paths(), self.period, self.received_on
        if not paths:
            self.error.setText(self.tr("请先添加要收取的文件"))
            return None
        self.error.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.preview_button.setEnabled(False)
        step = self._reporter.step.emit
        self.job = jobs.read_job(
            self,
            self.store.path,
            lambda store: preview_round(store, paths, period, received=day, progress=step),
            on_done=self._previewed,
            on_failed=self._failed,
        ).run()
        return self.job

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("正在读取第 %v / %m 个文件"))

    def _previewed(self, preview: RoundPreview) -> None:
        self.progress.setVisible(False)
        self.preview_button.setEnabled(True)
        self.preview = preview
        self._show_preview()

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.preview_button.setEnabled(True)
        self.apply_button.setEnabled(bool(self.preview))
        self.error.setText(plain_error(exc))

    def _show_preview(self) -> None:
        preview = self.preview
        assert preview is not None
        self.files.set_rows(list(preview.files))
        text = preview.summary()
        if preview.closed:
            text += self.tr("。{p}已关账，不能收取").format(p=period_label(preview.period))
        notes = preview.notes
        self.summary.setText("\n".join([text, *notes]))
        counts = preview.counts()
        current = self.filter_box.currentData()
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(self.tr("全部"), None)
        for status, label in LINE_LABELS.items():
            self.filter_box.addItem(f"{self.tr(label)}（{counts.get(status, 0)}）", status)
        self.filter_box.blockSignals(False)
        first = current or next((s for s in ("conflict", "rejected") if counts.get(s)), None)
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(first)))
        self._show_lines()
        self._update_buttons()

    def _show_lines(self) -> None:
        preview = self.preview
        if preview is None:
            self.lines.set_rows([])
            return
        status = self.filter_box.currentData()
        rows = [x for x in preview.lines.values() if x.candidates or x.rejected]
        if status is not None:
            rows = [x for x in rows if x.status == status or (status == "rejected" and x.rejected)]
        self.lines.set_rows(rows)

    def _update_buttons(self) -> None:
        preview = self.preview
        ready = (
            preview is not None
            and not preview.closed
            and not preview.conflicts
            and preview.has_changes
            and (not preview.rejected or self.skip_box.isChecked())
        )
        self.apply_button.setEnabled(bool(ready))
        self.skip_box.setVisible(bool(preview and preview.rejected))
        self.choose_button.setEnabled(bool(preview and preview.conflicts))

    # ---------------------------------------------------------------- resolving
    def choose_file(self, file: str | None = None) -> bool:
        """The selected conflict's project (or the first) takes its row from ``file`` (asked
        among the files that reported it)."""
        preview = self.preview
        if preview is None or not preview.conflicts:
            return False
        index = self.lines_table.currentIndex()
        line = self.lines.rows[index.row()] if index.isValid() else None
        if line is None or not line.conflict:
            line = preview.conflicts[0]
        names = [e.file.name for e in line.candidates]
        if file is None:
            file, ok = QInputDialog.getItem(
                self,
                self.tr("采用哪份文件"),
                self.tr("{code} {name} 在多份文件中填报，采用：").format(
                    code=line.code, name=line.name
                ),
                names,
                0,
                False,
            )
            if not ok:
                return False
        preview.resolve(line.code, file)
        self._show_preview()
        return True

    def drop_selected_files(self, names: list[str] | None = None) -> bool:
        preview = self.preview
        if preview is None:
            return False
        if names is None:
            rows = {i.row() for i in self.files_table.selectionModel().selectedRows()}
            names = [self.files.rows[r].name for r in sorted(rows)]
        for name in names:
            preview.drop(name)
        self._show_preview()
        return bool(names)

    # ---------------------------------------------------------------- applying
    def start_apply(self) -> jobs.Job[Any] | None:
        """Write the round in the background on a store of its own (backup first)."""
        preview = self.preview
        if preview is None:
            return None
        self.error.clear()
        self.apply_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("正在备份并收取…"))
        self.progress.setVisible(True)
        path, user, opener = self.store.path, self.store.user, type(self.store)
        skip = self.skip_box.isChecked()

        def work() -> RoundResult:
            with opener.open(path, user=user) as store:
                return apply_round(store, preview, skip_rejected=skip)

        self.job = jobs.Job(self, work, on_done=self._applied, on_failed=self._failed).run()
        return self.job

    def _applied(self, result: RoundResult) -> None:
        self.progress.setVisible(False)
        self.result = result
        self.summary.setText(result.text + self.tr("。请在“报送情况与审核”中审核。"))
        self.preview = None
        self.files.set_rows([])
        self.lines.set_rows([])
        self._update_buttons()
        self.received.emit(result)
