"""The import wizard: file → column mapping the user can correct → preview (new, changed,
unchanged, rejected) → apply as one action.  Ledgers and filled monthly templates alike."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from ...domain.periods import Period, PeriodError
from ...errors_text import plain_error
from ...importers import (
    LEDGER_LABELS,
    MONTHLY_LABELS,
    STATUS_LABELS,
    ApplyResult,
    ColumnMap,
    ImportPreview,
    ImportSource,
    RowResult,
    apply_preview,
    build_preview,
    open_import,
)
from ...importers.headers import IGNORE, SEQ
from ...importers.monthly import INPUT_FIELDS
from ...importers.rows import classify
from ...importers.values import text as cell_text
from ...reports.template import reporting_status
from ...store import Store, StoreError
from ..common.labels import period_label
from ..common.wizard import WizardPage, error_label
from ..models.base import CENTER, ColumnSpec, SpecTableModel

_Index = QModelIndex | QPersistentModelIndex
NOT_IMPORTED = "（不导入）"
UNITS = ("万元", "亿元", "元")
AMOUNT_TARGETS = ("total_investment", "annual_plan", "month_investment")
STATUS_COLORS = {"new": "#E2F0D9", "changed": "#FFF4CC", "rejected": "#FAD4D4", "unchanged": None}
FOLDER_KEY = "import/folder"


def target_choices(kind: str) -> list[tuple[str | None, str]]:
    """(field, label) pairs a column can be mapped to, for a ledger or a monthly return."""
    if kind == "monthly":
        fields: list[tuple[str | None, str]] = [("code", "项目编号"), ("name", "项目名称")]
        fields += [(f, MONTHLY_LABELS[f]) for f in INPUT_FIELDS]
    else:
        fields = list(LEDGER_LABELS.items())
    return [(None, NOT_IMPORTED), (SEQ, "序号"), *fields]


class ColumnMappingModel(SpecTableModel):
    """One row per sheet column: its header, the field it feeds (editable), unit, examples."""

    context = "ColumnMappingModel"
    TARGET, UNIT = 2, 3

    def __init__(self, source: ImportSource, parent: Any = None) -> None:
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
        self.kind = source.kind
        self.choices = target_choices(self.kind)
        self.labels = dict(self.choices)
        self.labels[IGNORE] = NOT_IMPORTED
        self.rows = [
            replace(c, target=None) if c.target == IGNORE else c for c in source.header.columns
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
        for row in classify(self.source.header):
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
                unit = self.source.header.unit
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
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, background=_status_fill)
        self.preview: ImportPreview | None = None
        self.status: str | None = None

    def set_preview(self, preview: ImportPreview | None, status: str | None = None) -> None:
        self.preview, self.status = preview, status
        rows = preview.rows if preview is not None else []
        self.set_rows([r for r in rows if status is None or r.status == status])


def _status_fill(row: RowResult) -> QBrush | None:
    color = STATUS_COLORS.get(row.status)
    return QBrush(QColor(color)) if color else None


_Page = WizardPage  # a page of the import wizard


class FilePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            QCoreApplication.translate("FilePage", "选择要导入的 Excel 文件"),
            QCoreApplication.translate(
                "FilePage",
                "各单位报来的项目台账，或填好的月度调度填报模板（.xlsx）。写入前会先预览。",
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
            self, self.tr("导入 Excel"), str(start or Path.home()), self.tr("Excel 工作簿 (*.xlsx)")
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
        self.period_edit = QLineEdit(objectName="importPeriod")
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
        period_row.addWidget(self.period_label)
        period_row.addWidget(self.period_edit)
        period_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(period_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.model: ColumnMappingModel | None = None

    def initializePage(self) -> None:
        source = self.wiz.source
        assert source is not None
        self.model = ColumnMappingModel(source, self)
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
        h = source.header
        rows = f"{h.top + 1}" if h.depth == 1 else f"{h.top + 1}～{h.top + 2}"
        kind = self.tr("项目台账") if source.kind == "ledger" else self.tr("月报")
        text = self.tr(
            "文件“{file}”，工作表“{sheet}”，识别为{kind}；表头在第 {rows} 行，金额默认单位：{unit}。"
        ).format(file=source.path.name, sheet=h.sheet.name, kind=kind, rows=rows, unit=h.unit)
        for warning in source.warnings:
            text += "\n" + warning
        self.info.setText(text)
        monthly = source.kind == "monthly"
        self.period_label.setVisible(monthly)
        self.period_edit.setVisible(monthly)
        guess = source.guess_period() if monthly else None
        self.period_edit.setText(str(guess) if guess else "")
        self.error.clear()

    def validatePage(self) -> bool:
        assert self.model is not None and self.wiz.source is not None
        self.error.clear()
        period = None
        if self.wiz.source.kind == "monthly":
            try:
                period = Period.parse(self.period_edit.text())
            except PeriodError as exc:
                self.error.setText(str(exc))
                return False
        with _busy():
            try:
                self.wiz.preview = build_preview(
                    self.wiz.store, self.wiz.source, columns=self.model.columns, period=period
                )
            except (ValueError, StoreError) as exc:
                self.error.setText(str(exc))
                return False
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
        self.filter_box = QComboBox(objectName="previewFilter")
        self.filter_box.currentIndexChanged.connect(self._filter)
        self.table = QTableView(objectName="previewTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.model = PreviewModel(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
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
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.skip_box)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))

    def initializePage(self) -> None:
        preview = self.wiz.preview
        assert preview is not None
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
        self.filter_box.blockSignals(False)
        first = next((s for s in ("rejected", "changed", "new") if counts[s]), None)
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
        lines = [f"第 {row.row} 行 {row.name}（{self.tr(STATUS_LABELS[row.status])}）"]
        if row.status == "changed":
            lines += [c.text for c in row.changes]
        else:
            lines += row.reasons + row.warnings
        self.detail.setText("\n".join(lines))

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
