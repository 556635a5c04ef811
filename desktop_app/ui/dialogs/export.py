"""The export dialog: choose a report, its period and grouping, all projects or the ones in
view, and a file; the export runs on a worker thread with a progress bar and can be cancelled."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.derived import LightThresholds
from ...domain.periods import Period
from ...reports import (
    GROUPED_REPORTS,
    PERIOD_REPORTS,
    REPORTS,
    ExportResult,
    default_file_name,
    export_report,
)
from ...reports.common import GROUPINGS
from ...reports.problems import GROUPINGS as PROBLEM_GROUPINGS
from ...store import Store
from .. import jobs
from ..common.labels import period_label, tr_field
from ..common.opening import no_file_manager_text, no_program_text, open_path
from ..common.save_file import ask_workbook, suggest_folder

FOLDER_KEY = "reports/folder"


class Cancelled(Exception):
    """The user stopped the export."""


class ExportWorker(QObject):
    """Writes one report in the background (:func:`~desktop_app.ui.jobs.read_job`: a read-only
    opening of the ledger of its own); reports progress and can be cancelled.  ``finished``
    comes last, after ``succeeded`` or ``failed``."""

    progressed = Signal(int, int)
    succeeded = Signal(object)  # ExportResult
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self, db: Path, kind: str, path: Path, options: dict[str, Any], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._db, self._kind, self._path, self._options = db, kind, path, options
        self._cancel = False
        self._job: jobs.Job[ExportResult] | None = None

    def start(self) -> None:
        self._job = jobs.read_job(self, self._db, self._write, self._done, self._fail).run()

    def isRunning(self) -> bool:
        return self._job is not None and not self._job.delivered

    def wait(self) -> None:
        if self._job is not None:
            self._job.wait()

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int) -> None:  # in the worker
        if self._cancel:
            raise Cancelled
        self.progressed.emit(done, total)

    def _write(self, store: Store) -> ExportResult:  # in the worker
        return export_report(
            store, self._kind, self._path, progress=self._progress, **self._options
        )

    def _done(self, result: ExportResult) -> None:
        self.succeeded.emit(result)
        self.finished.emit()

    def _fail(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.failed.emit(self.tr("已取消，未生成文件"))
        else:  # every error reaches the user as one line
            self.failed.emit(str(exc) or type(exc).__name__)
        self.finished.emit()


class ExportDialog(QDialog):
    """报表导出.  ``project_ids``: the projects in view ("export what I see")."""

    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        store: Store,
        *,
        period: Period | None = None,
        project_ids: list[int] | None = None,
        thresholds: LightThresholds | None = None,
        settings: Any = None,
        report: str = "ledger",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("导出 Excel 报表"))
        self.store = store
        self.settings = settings
        self.thresholds = thresholds
        self.project_ids = project_ids
        self.worker: ExportWorker | None = None
        self.result: ExportResult | None = None
        self._started = 0.0

        self.report_box = QComboBox(objectName="reportBox")
        for key, title in REPORTS.items():
            self.report_box.addItem(title, key)
        self.period_box = QComboBox(objectName="periodBox")
        periods = store.period_choices()  # the years with lists, up to the latest data
        current = period or store.default_period()
        if current not in periods:
            periods.insert(0, current)
        for p in sorted(periods, reverse=True):
            self.period_box.addItem(period_label(p), str(p))
        self.period_box.setCurrentIndex(self.period_box.findData(str(current)))
        self.group_box = QComboBox(objectName="groupBox")
        self.all_button = QRadioButton(objectName="allProjects")
        self.view_button = QRadioButton(objectName="viewProjects")
        scope = QButtonGroup(self)
        scope.addButton(self.all_button)
        scope.addButton(self.view_button)
        total = store.project_count()
        self.all_button.setText(self.tr("全部项目（{n} 个）").format(n=f"{total:,}"))
        if project_ids is None:
            self.view_button.setText(self.tr("当前筛选的项目"))
            self.view_button.setEnabled(False)
            self.all_button.setChecked(True)
        else:
            self.view_button.setText(
                self.tr("当前筛选的项目（{n} 个）").format(n=f"{len(project_ids):,}")
            )
            self.view_button.setChecked(len(project_ids) < total)
            self.all_button.setChecked(len(project_ids) >= total)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.all_button)
        scope_row.addWidget(self.view_button)
        scope_row.addStretch()
        self.file_edit = QLineEdit(objectName="fileEdit")
        browse = QPushButton(self.tr("浏览…"), objectName="browseButton")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("报表："), self.report_box)
        form.addRow(self.tr("期间："), self.period_box)
        form.addRow(self.tr("分组："), self.group_box)
        form.addRow(self.tr("范围："), scope_row)
        form.addRow(self.tr("保存到："), file_row)

        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setVisible(False)
        self.status = QLabel(objectName="exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(  # the path can be copied
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.export_button = QPushButton(self.tr("导出"), objectName="exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.open_button = QPushButton(self.tr("打开文件"), objectName="openButton")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"), objectName="openFolderButton")
        self.folder_button.setVisible(False)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton(self.tr("关闭"), objectName="closeButton")
        self.close_button.clicked.connect(self._close_or_cancel)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())

        self.report_box.currentIndexChanged.connect(self._report_changed)
        self.period_box.currentIndexChanged.connect(self._suggest_file)
        self.report_box.setCurrentIndex(max(0, self.report_box.findData(report)))
        self._report_changed()

    # ---------------------------------------------------------------- choices
    @property
    def kind(self) -> str:
        return str(self.report_box.currentData())

    @property
    def period(self) -> Period:
        return Period.parse(str(self.period_box.currentData()))

    def set_report(self, kind: str) -> None:
        self.report_box.setCurrentIndex(self.report_box.findData(kind))

    def set_group(self, group_by: str | None) -> None:
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(group_by or "none")))

    def _report_changed(self) -> None:
        kind = self.kind
        self.period_box.setEnabled(kind in PERIOD_REPORTS)
        self.group_box.clear()
        choices = PROBLEM_GROUPINGS if kind == "problems" else GROUPINGS
        for key, label in choices.items():
            self.group_box.addItem(self.tr("按{label}").format(label=tr_field(label)), key)
        self.group_box.addItem(self.tr("不分组"), "none")
        self.group_box.setEnabled(kind in GROUPED_REPORTS or kind == "problems")
        default = "none"
        if kind == "ledger":
            default = getattr(self.settings, "default_grouping", "region") or "region"
        self.set_group(default)
        self._suggest_file()

    def _folder(self) -> Path:
        return suggest_folder(self.file_edit.text(), self.settings, FOLDER_KEY)

    def _suggest_file(self) -> None:
        period = self.period if self.kind in PERIOD_REPORTS else None
        self.file_edit.setText(str(self._folder() / default_file_name(self.kind, period)))

    def _browse(self) -> None:
        name = ask_workbook(
            self, self.tr("保存报表"), self.file_edit.text(), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.file_edit.setText(name)

    def options(self) -> dict[str, Any]:
        """What :func:`export_report` gets besides the kind and the file."""
        group = self.group_box.currentData()
        options: dict[str, Any] = {
            "project_ids": list(self.project_ids)
            if self.view_button.isChecked() and self.project_ids is not None
            else None,
        }
        if self.kind in PERIOD_REPORTS:
            options["period"] = self.period
            options["thresholds"] = self.thresholds
        elif self.kind == "ledger":  # the plans of the year in view
            options["period"] = self.period
        if self.kind in GROUPED_REPORTS or self.kind == "problems":
            options["group_by"] = None if group == "none" else group
        return options

    # ----------------------------------------------------------------- export
    def start(self) -> None:
        """Start writing the report in the background."""
        text = self.file_edit.text().strip()
        if not text:
            self.status.setText(self.tr("请先选择保存位置"))
            return
        path = Path(text)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
            self.file_edit.setText(str(path))
        self.result = None
        self.worker = ExportWorker(self.store.path, self.kind, path, self.options())
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._finished)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("取消"))
        self.status.setText(self.tr("正在导出…"))
        self._started = time.perf_counter()
        self.worker.start()

    def is_running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status.setText(
                self.tr("正在导出… {done}/{total}").format(done=f"{done:,}", total=f"{total:,}")
            )

    def _succeeded(self, result: ExportResult) -> None:
        self.result = result
        seconds = time.perf_counter() - self._started
        self.status.setText(
            self.tr("已导出：{path}（{n} 项，用时 {s:.1f} 秒）").format(
                path=result.path, n=f"{result.items:,}", s=seconds
            )
        )
        self.open_button.setVisible(True)
        self.folder_button.setVisible(True)
        if self.settings is not None:
            self.settings.set_value(FOLDER_KEY, str(result.path.parent))
        self.exported.emit(result)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("导出失败：{msg}").format(msg=message))

    def _finished(self) -> None:
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.close_button.setText(self.tr("关闭"))
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None

    def _close_or_cancel(self) -> None:
        if self.is_running():
            assert self.worker is not None
            self.worker.cancel()
            self.status.setText(self.tr("正在取消…"))
            return
        self.accept()

    def open_file(self) -> bool:
        """Open the written file with the desktop's program for it; when there is none, say
        so in the dialog with the file's place, and offer its folder instead."""
        if self.result is None:
            return False
        if open_path(self.result.path):
            return True
        self.status.setText(no_program_text(self.result.path))
        self.folder_button.setVisible(True)
        self.folder_button.setFocus()
        return False

    def open_folder(self) -> bool:
        """Show the folder of the written file (or say where it is when that cannot be)."""
        if self.result is None:
            return False
        if open_path(self.result.path.parent):
            return True
        self.status.setText(no_file_manager_text(self.result.path.parent, file=self.result.path))
        return False

    def done(self, code: int) -> None:
        """Closing waits for a running export to stop (it is cancelled first)."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()
        super().done(code)
