"""The import wizard: file → column mapping the user can correct → preview (new, changed,
unchanged, rejected) → apply as one action.  Ledgers and filled monthly templates alike."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from ...domain.periods import Period, PeriodError
from ...errors_text import plain_error
from ...importers import (
    STATUS_LABELS,
    ApplyResult,
    ColumnMap,
    ImportPreview,
    ImportSource,
    PeriodNeeded,
    apply_preview,
    build_preview,
    has_month_figures,
    named_ledger_period,
    open_import,
)
from ...reports.template import reporting_status
from ...store import Store, StoreError
from ..common.labels import period_label
from ..common.wizard import WizardPage, error_label
from .import_models import (
    AMOUNT_TARGETS,
    MONTH_ROWS,
    NOT_IMPORTED,
    UNITS,
    ChoiceDelegate,
    ColumnMappingModel,
    PreviewModel,
    month_rows,
    target_choices,
)

__all__ = [
    "AMOUNT_TARGETS",
    "NOT_IMPORTED",
    "UNITS",
    "ChoiceDelegate",
    "ColumnMappingModel",
    "ImportWizard",
    "PreviewModel",
    "target_choices",
]

FOLDER_KEY = "import/folder"


_Page = WizardPage  # a page of the import wizard


class FilePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            QCoreApplication.translate("FilePage", "选择要导入的 Excel 文件"),
            QCoreApplication.translate(
                "FilePage",
                "各单位报来的项目台账（.xlsx、.xls、.ods 等，可有多个工作表），"
                "或填好的月度调度填报模板。写入前会先预览。",
            ),
        )
        self.file_edit = QLineEdit(objectName="importFile")
        self.file_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("浏览…"), objectName="importBrowse")
        browse.clicked.connect(self._browse)
        self.kind_box = QComboBox(objectName="importKind")
        self.kind_box.addItem(self.tr("自动识别"), "auto")
        self.kind_box.addItem(self.tr("项目台账"), "ledger")
        self.kind_box.addItem(self.tr("月报（填报模板）"), "monthly")
        self.error = error_label("fileError")
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("文件："), row)
        form.addRow(self.tr("内容："), self.kind_box)
        form.addRow(self.error)

    def _browse(self) -> None:
        start = self.wiz.settings.value(FOLDER_KEY, "") if self.wiz.settings is not None else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("导入 Excel"),
            str(start or Path.home()),
            self.tr("电子表格 (*.xlsx *.xlsm *.xls *.xlsb *.ods);;所有文件 (*)"),
        )
        if name:
            self.file_edit.setText(name)

    def isComplete(self) -> bool:
        return bool(self.file_edit.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.file_edit.text().strip())
        self.error.clear()
        with _busy():
            try:
                self.wiz.source = open_import(path, self.kind_box.currentData())
            except (ValueError, OSError) as exc:
                self.error.setText(plain_error(exc) if getattr(exc, "errno", None) else str(exc))
                return False
        if self.wiz.settings is not None:
            self.wiz.settings.set_value(FOLDER_KEY, str(path.parent))
        return True


class MappingPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            QCoreApplication.translate("MappingPage", "核对列的对应关系"),
            QCoreApplication.translate(
                "MappingPage", "程序已按表头文字识别各列；如有不对，点“导入为”一格改正。"
            ),
        )
        self.info = QLabel(objectName="mappingInfo")
        self.info.setWordWrap(True)
        self.sheet_label = QLabel(self.tr("工作表(&S)："))
        self.sheet_box = QComboBox(objectName="mappingSheet")
        self.sheet_label.setBuddy(self.sheet_box)
        self.sheet_box.currentIndexChanged.connect(self._show_sheet)
        self.period_edit = QLineEdit(objectName="importPeriod")
        self._named: Period | None = None  # the period the file names, put in the box
        self.period_edit.setPlaceholderText("2022-07")
        self.period_label = QLabel(self.tr("月报期间："))
        self.table = QTableView(objectName="mappingTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(
            QTableView.EditTrigger.CurrentChanged
            | QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.SelectedClicked
        )
        self.error = error_label("mappingError")
        period_row = QHBoxLayout()
        period_row.addWidget(self.sheet_label)
        period_row.addWidget(self.sheet_box)
        period_row.addWidget(self.period_label)
        period_row.addWidget(self.period_edit)
        period_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(period_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        # One mapping per sheet read (a ledger over 新建项目 / 续建项目 has two).
        self.models: dict[str, ColumnMappingModel] = {}
        self.model: ColumnMappingModel | None = None

    def initializePage(self) -> None:
        source = self.wiz.source
        assert source is not None
        self.models = {t.sheet.name: ColumnMappingModel(source, self, t) for t in source.tables}
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        for header in source.tables:
            self.sheet_box.addItem(header.sheet.name, header.sheet.name)
        self.sheet_box.blockSignals(False)
        many = len(source.tables) > 1
        self.sheet_label.setVisible(many)
        self.sheet_box.setVisible(many)
        monthly = source.kind == "monthly"
        # A ledger with the month's figures (1-6月完成投资, 形象进度…) asks for their period.
        month_figures = not monthly and has_month_figures(source.tables)
        self.period_label.setText(
            self.tr("本月数据期间：") if month_figures else self.tr("月报期间：")
        )
        self.period_label.setVisible(monthly or month_figures)
        self.period_edit.setVisible(monthly or month_figures)
        if monthly:
            guess = source.guess_period()
        else:
            guess = named_ledger_period(source.tables) if month_figures else None
        self._named = guess
        self.period_edit.setText(str(guess) if guess else "")
        self.period_edit.setToolTip(
            self.tr(
                "表中本月完成、1-N月累计、形象进度等列记入这个月的月度调度；留空则按文件中写明的期间"
            )
            if month_figures
            else ""
        )
        self.error.clear()
        self._show_sheet()

    def _show_sheet(self) -> None:
        """Show the mapping of the sheet chosen in the 工作表 box."""
        source = self.wiz.source
        name = self.sheet_box.currentData()
        if source is None or name not in self.models:
            return
        self.model = self.models[name]
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            ColumnMappingModel.TARGET, ChoiceDelegate(self.model, self)
        )
        self.table.setItemDelegateForColumn(
            ColumnMappingModel.UNIT, ChoiceDelegate(self.model, self)
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        h = self.model.header
        rows = f"{h.top + 1}" if h.depth == 1 else f"{h.top + 1}～{h.top + 2}"
        kind = self.tr("项目台账") if source.kind == "ledger" else self.tr("月报")
        text = self.tr(
            "文件“{file}”，工作表“{sheet}”，识别为{kind}；表头在第 {rows} 行，金额默认单位：{unit}。"
        ).format(file=source.path.name, sheet=h.sheet.name, kind=kind, rows=rows, unit=h.unit)
        if len(source.tables) > 1:
            text += self.tr("共读取 {n} 个工作表：{names}；在“工作表”中切换查看各表的列。").format(
                n=len(source.tables), names="、".join(source.sheet_names)
            )
        for warning in source.warnings:
            text += "\n" + warning
        self.info.setText(text)

    def validatePage(self) -> bool:
        assert self.model is not None and self.wiz.source is not None
        self.error.clear()
        period = None
        given = self.period_edit.text().strip()
        if self.wiz.source.kind == "monthly" or (self.period_edit.isVisibleTo(self) and given):
            try:
                period = Period.parse(given)
            except PeriodError as exc:
                self.error.setText(str(exc))
                self.period_edit.setFocus()
                return False
            if self.wiz.source.kind == "ledger" and period == self._named:
                period = None  # the file's own: the preview says where it is written
        mappings = {name: model.columns for name, model in self.models.items()}
        with _busy():
            try:
                self.wiz.preview = build_preview(
                    self.wiz.store, self.wiz.source, columns=mappings, period=period
                )
            except PeriodNeeded as exc:  # the month's figures of a ledger: which month?
                self.period_label.setVisible(True)
                self.period_edit.setVisible(True)
                self.error.setText(str(exc))
                self.period_edit.setFocus()
                return False
            except (ValueError, StoreError) as exc:
                self.error.setText(str(exc))
                return False
        self.wiz.mappings, self.wiz.period = mappings, period
        return True


class PreviewPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            QCoreApplication.translate("PreviewPage", "预览：导入后会怎样"),
            QCoreApplication.translate(
                "PreviewPage", "核对无误后点“导入”，全部写入或全部不写入，并记入修改历史。"
            ),
        )
        self.summary = QLabel(objectName="previewSummary")
        self.summary.setWordWrap(True)
        self.notes = QLabel(objectName="previewWarnings")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #9C5700")
        # One tick box per sheet read: a sheet left unticked is not imported.
        self.sheet_row = QWidget(objectName="previewSheets")
        self.sheet_layout = QHBoxLayout(self.sheet_row)
        self.sheet_layout.setContentsMargins(0, 0, 0, 0)
        self.sheet_boxes: dict[str, QCheckBox] = {}
        self.error = error_label("previewError")
        self.filter_box = QComboBox(objectName="previewFilter")
        self.filter_box.currentIndexChanged.connect(self._filter)
        self.table = QTableView(objectName="previewTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.model = PreviewModel(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PreviewModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        header.moveSection(PreviewModel.SHEET, 0)  # rows grouped by sheet: the sheet first
        self.detail = QLabel(objectName="previewDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(60)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.skip_box = QCheckBox(objectName="skipRejected")
        self.skip_box.toggled.connect(self.completeChanged)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("显示：")))
        top.addWidget(self.filter_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.sheet_row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.skip_box)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))

    def initializePage(self) -> None:
        preview = self.wiz.preview
        assert preview is not None
        self._make_sheet_boxes(preview)
        self.error.clear()
        self._show_preview()

    def _make_sheet_boxes(self, preview: ImportPreview) -> None:
        """A tick box per sheet (shown when the file has more than one)."""
        self.sheet_boxes = {}
        while self.sheet_layout.count():
            item = self.sheet_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.sheet_layout.addWidget(QLabel(self.tr("导入的工作表：")))
        for name in preview.sheet_names:
            box = QCheckBox(name, objectName="previewSheet")
            box.setChecked(True)
            box.toggled.connect(self._sheets_changed)
            self.sheet_layout.addWidget(box)
            self.sheet_boxes[name] = box
        self.sheet_layout.addStretch()
        self.sheet_row.setVisible(len(preview.sheet_names) > 1)
        chain = [self.filter_box, *self.sheet_boxes.values(), self.table, self.skip_box]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)  # Tab: the filter, each sheet, the rows

    def ticked_sheets(self) -> list[str]:
        return [name for name, box in self.sheet_boxes.items() if box.isChecked()]

    def set_sheet_ticked(self, sheet: str, ticked: bool) -> None:
        """Tick or untick a sheet (tests; the user clicks its box or presses Space on it)."""
        self.sheet_boxes[sheet].setChecked(ticked)

    def _sheets_changed(self) -> None:
        """The preview again, of the ticked sheets only: their rows are all that is applied."""
        source = self.wiz.source
        assert source is not None
        self.error.clear()
        with _busy():
            try:
                self.wiz.preview = build_preview(
                    self.wiz.store,
                    source,
                    columns=self.wiz.mappings,
                    period=self.wiz.period,
                    sheets=self.ticked_sheets(),
                )
            except (ValueError, StoreError) as exc:
                self.error.setText(str(exc))
                self.wiz.preview = None
                self.model.set_preview(None)
                self.completeChanged.emit()
                return
        self._show_preview()
        self.completeChanged.emit()

    def _show_preview(self) -> None:
        preview = self.wiz.preview
        assert preview is not None
        for name, box in self.sheet_boxes.items():
            counts = preview.sheet_counts().get(name)
            box.setText(
                self.tr("{sheet}（{n} 行）").format(sheet=name, n=sum(counts.values()))
                if counts is not None
                else name
            )
        self.notes.setText("\n".join(preview.warnings))
        self.notes.setVisible(bool(preview.warnings))
        self.table.setColumnHidden(PreviewModel.SHEET, not preview.many_sheets)
        counts = preview.counts()
        text = preview.summary()
        if preview.kind == "monthly":
            text = self.tr("{period} 月报：").format(period=preview.period) + text
        if not preview.has_changes:
            text += self.tr("。没有需要写入的内容。")
        self.summary.setText(text)
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(self.tr("全部（{n}）").format(n=len(preview.rows)), None)
        for status, label in STATUS_LABELS.items():
            self.filter_box.addItem(f"{self.tr(label)}（{counts[status]}）", status)
        months = len(month_rows(preview))
        if preview.kind == "ledger" and preview.period is not None:
            self.filter_box.addItem(self.tr("有月报数据（{n}）").format(n=months), MONTH_ROWS)
        self.filter_box.blockSignals(False)
        order = ("rejected", "changed", "new") if not months else ("rejected",)
        first = next((s for s in order if counts[s]), None)
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(first)) if first else 0)
        self._filter()
        rejected = counts["rejected"]
        self.skip_box.setVisible(bool(rejected))
        self.skip_box.setChecked(False)
        self.skip_box.setText(self.tr("跳过有问题的 {n} 行，只导入其余各行").format(n=rejected))

    def _filter(self) -> None:
        self.model.set_preview(self.wiz.preview, self.filter_box.currentData())
        self.table.resizeColumnsToContents()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.detail.clear()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The selected row's changes or reasons, one per line."""
        if not current.isValid() or current.row() >= len(self.model.rows):
            self.detail.clear()
            return
        row = self.model.rows[current.row()]
        where = self.wiz.preview.place(row) if self.wiz.preview is not None else f"第 {row.row} 行"
        lines = [f"{where} {row.name}（{self.tr(STATUS_LABELS[row.status])}）"]
        if row.status == "changed":
            lines += [c.text for c in row.changes]
        else:
            lines += row.reasons + row.warnings
        month = row.month
        if month is not None and row.status != "rejected":
            label = self.tr(STATUS_LABELS[month.status])
            period = self.wiz.preview.period if self.wiz.preview is not None else ""
            lines.append(self.tr("{p} 月报（{s}）：").format(p=period, s=label))
            shown = [c.text for c in month.changes] if month.status == "changed" else []
            lines += [f"　{t}" for t in (shown or month.text.split("；")) + month.notes if t]
        self.detail.setText("\n".join(dict.fromkeys(lines)))

    def isComplete(self) -> bool:
        preview = self.wiz.preview
        if preview is None or not preview.has_changes:
            return False
        return not preview.rejected or self.skip_box.isChecked()

    def validatePage(self) -> bool:
        preview = self.wiz.preview
        assert preview is not None
        with _busy():
            try:
                self.wiz.result = apply_preview(
                    self.wiz.store, preview, skip_rejected=self.skip_box.isChecked()
                )
            except (ValueError, StoreError) as exc:
                QMessageBox.warning(
                    self, self.tr("导入失败"), self.tr("未导入任何内容：{msg}").format(msg=exc)
                )
                return False
        self.wiz.imported.emit(self.wiz.result)
        return True


class DonePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, QCoreApplication.translate("DonePage", "导入完成"))
        self.label = QLabel(objectName="doneText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.label)

    def initializePage(self) -> None:
        result, preview = self.wiz.result, self.wiz.preview
        assert result is not None and preview is not None
        unit = self.tr("个项目") if preview.kind == "ledger" else self.tr("条月报")
        lines = [
            self.tr("已导入：新增 {a} {u}，修改 {c} {u}。").format(
                a=result.added, c=result.changed, u=unit
            ),
            self.tr("已记入修改历史，来源：{src}。").format(src=result.action_source),
        ]
        if preview.kind == "ledger" and result.reports:
            lines.insert(
                1,
                self.tr("表中本月数据记入 {p} 月度调度 {n} 条。").format(
                    p=period_label(result.period), n=result.reports
                ),
            )
        if preview.kind == "monthly" and preview.period is not None:
            status = reporting_status(self.wiz.store, preview.period)
            done = [s.unit for s in status if s.complete]
            missing = [s.unit for s in status if not s.complete]
            lines.append(
                self.tr("{p} 已报齐 {d}/{n} 个单位。").format(
                    p=period_label(preview.period), d=len(done), n=len(status)
                )
            )
            if missing:
                lines.append(self.tr("尚未报齐：") + "、".join(missing))
        self.label.setText("\n".join(lines))


class ImportWizard(QWizard):
    """导入 Excel.  Emits ``imported(ApplyResult)`` once something was written."""

    imported = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        path: str | Path | None = None,
        settings: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("导入 Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.store = store
        self.settings = settings
        self.source: ImportSource | None = None
        # The mapping of each sheet as the user left it, and the monthly period given.
        self.mappings: dict[str, list[ColumnMap]] = {}
        self.period: Period | None = None
        self.preview: ImportPreview | None = None
        self.result: ApplyResult | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.done_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        if path is not None:
            self.file_page.file_edit.setText(str(path))
        self.resize(900, 600)


class _busy:
    """A wait cursor while the file is read or written."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
