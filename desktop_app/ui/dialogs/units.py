"""责任单位通讯录: the units that report, their short names, contacts and phones, edited in place
(each cell one action, undone through 修改记录 like any change), completed from an address list,
and the returns' deadline and the planning office's contact (issue 17, item 1)."""

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
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors_text import plain_error
from ...importers import ImportRefused
from ...store import Store, StoreError, Unit
from ..common.wizard import error_label
from ..models.base import RIGHT, ColumnSpec, SpecTableModel

_Index = QModelIndex | QPersistentModelIndex
_FIELDS = ("name", "short_name", "contact", "phone")
FOLDER_KEY = "units/folder"


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP("UnitsModel", text)  # type: ignore[no-any-return]


class UnitsModel(SpecTableModel):
    """One row per unit of :meth:`Store.units`; 单位名称, 简称, 联系人 and 电话 editable, each
    edit saved at once as one store action.  ``failed`` carries the store's refusal."""

    context = "UnitsModel"
    failed = Signal(str)
    COLUMNS = (
        ColumnSpec(_t("单位名称"), lambda u: u.name, edit=lambda u: u.name),
        ColumnSpec(_t("简称"), lambda u: u.short_name, edit=lambda u: u.short_name or ""),
        ColumnSpec(_t("联系人"), lambda u: u.contact, edit=lambda u: u.contact or ""),
        ColumnSpec(_t("电话"), lambda u: u.phone, edit=lambda u: u.phone or ""),
        ColumnSpec(_t("项目数"), lambda u: u.projects, align=RIGHT),
        ColumnSpec(
            _t("状态"),
            lambda u: "" if u.listed else QCoreApplication.translate("UnitsModel", "未登记"),
            tooltip=lambda u: (
                None
                if u.listed
                else QCoreApplication.translate(
                    "UnitsModel", "项目中填写了该单位，通讯录中还没有；填写联系人等即加入通讯录"
                )
            ),
            foreground=lambda u: None if u.listed else QBrush(QColor("#B45309")),
        ),
    )

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reload()

    def reload(self) -> None:
        self.set_rows(self.store.units())

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() > 3:
            return False
        unit: Unit = self.rows[index.row()]
        field = _FIELDS[index.column()]
        text = str(value or "").strip()
        if text == (getattr(unit, field) or ""):
            return False
        try:
            if field == "name":
                if not unit.listed:  # a name only projects use: rename them all
                    raise StoreError(
                        QCoreApplication.translate(
                            "UnitsModel", "请先填写该单位的联系人等把它加入通讯录，再改名"
                        )
                    )
                saved = self.store.save_unit(replace(unit, name=text), old_name=unit.name)
            else:
                saved = self.store.save_unit(replace(unit, **{field: text or None}))
        except StoreError as exc:
            self.failed.emit(plain_error(exc))
            return False
        self.rows[index.row()] = saved
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 5))
        return True


class UnitsDialog(QDialog):
    """The unit directory and the returns' settings.  ``changed`` after any saved change;
    :attr:`dirty` once anything was saved (the window refreshes when the dialog closes)."""

    changed = Signal()

    def __init__(self, store: Store, *, settings: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.dirty = False
        self.setWindowTitle(self.tr("责任单位通讯录"))
        self.setObjectName("unitsDialog")
        self.model = UnitsModel(store, self)
        self.model.failed.connect(self._show_error)
        self.model.dataChanged.connect(lambda *_: self._saved())
        self.table = QTableView(objectName="unitsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(False)
        self.table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, chars in enumerate((16, 8, 8, 13, 5)):
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("汉") * chars + 16)
        self.error = error_label("unitsError")
        self.summary = QLabel(objectName="unitsSummary")

        # The returns' settings: saved when a field is left (one action each).
        self.deadline = QSpinBox(objectName="unitsDeadlineDay")
        self.deadline.setRange(1, 28)
        self.deadline.setSuffix(self.tr(" 日"))
        self.contact = QLineEdit(objectName="unitsOfficeContact")
        self.phone = QLineEdit(objectName="unitsOfficePhone")
        self.deadline.setMaximumWidth(120)
        for edit in (self.contact, self.phone):
            edit.setMaximumWidth(320)
        self.contact.setPlaceholderText(self.tr("如：规划科 张三"))
        self.phone.setPlaceholderText(self.tr("如：0437-3300000"))
        form = QFormLayout()
        form.addRow(self.tr("月报截止日（次月）(&D)："), self.deadline)
        form.addRow(self.tr("项目办联系人(&C)："), self.contact)
        form.addRow(self.tr("项目办电话(&P)："), self.phone)
        self._load_settings()
        self.deadline.editingFinished.connect(self._save_settings)
        self.contact.editingFinished.connect(self._save_settings)
        self.phone.editingFinished.connect(self._save_settings)

        self.add_button = QPushButton(self.tr("新增单位(&N)…"), objectName="unitsAdd")
        self.delete_button = QPushButton(self.tr("删除单位"), objectName="unitsDelete")
        self.import_button = QPushButton(self.tr("从 Excel 导入(&I)…"), objectName="unitsImport")
        self.add_button.clicked.connect(self.add_unit)
        self.delete_button.clicked.connect(self.delete_unit)
        self.import_button.clicked.connect(self.import_units)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.import_button):
            button.setAutoDefault(False)  # Enter in a cell's editor saves the cell, no more
            buttons.addWidget(button)
        buttons.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("关闭"))
        close_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("双击或直接输入修改单元格，每处修改即时保存并记入修改历史。"))
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(820, 560)
        self._update_summary()

    # ------------------------------------------------------------------ actions
    def add_unit(self, name: str | None = None) -> bool:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("新增单位"), self.tr("单位名称："))
            if not ok:
                return False
        try:
            self.store.save_unit(Unit(name))
        except StoreError as exc:
            self._show_error(plain_error(exc))
            return False
        self.model.reload()
        self._saved()
        row = next(i for i, u in enumerate(self.model.rows) if u.name == name.strip())
        self.table.setCurrentIndex(self.model.index(row, 2))
        self.table.setFocus()
        return True

    def delete_unit(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        unit: Unit = self.model.rows[index.row()]
        try:
            self.store.delete_unit(unit.name)
        except StoreError as exc:
            self._show_error(plain_error(exc))
            return False
        self.model.reload()
        self._saved()
        return True

    def import_units(self, path: str | Path | None = None) -> bool:
        from ...importers.units import read_units

        if path is None:
            folder = str(self.settings.value(FOLDER_KEY, "")) if self.settings else ""
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("导入责任单位通讯录"),
                folder,
                self.tr("Excel 工作簿 (*.xlsx *.xlsm *.xls *.xlsb *.ods)"),
            )
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(path.parent))
        try:
            added, changed = self.store.import_units(read_units(path), source=path.name)
        except (ImportRefused, StoreError) as exc:
            self._show_error(plain_error(exc))
            return False
        self.model.reload()
        self._saved()
        self.summary.setText(
            self.tr("已从“{file}”导入：新增 {a} 个，补全 {c} 个。").format(
                file=path.name, a=added, c=changed
            )
        )
        return True

    # ------------------------------------------------------------------ helpers
    def _load_settings(self) -> None:
        contact, phone = self.store.office_contact()
        self.deadline.setValue(self.store.report_deadline_day())
        self.contact.setText(contact or "")
        self.phone.setText(phone or "")

    def _save_settings(self) -> None:
        try:
            self.store.set_return_settings(
                deadline_day=self.deadline.value(),
                contact=self.contact.text(),
                phone=self.phone.text(),
            )
        except StoreError as exc:
            self._show_error(plain_error(exc))
            return
        self.error.clear()
        self.dirty = True

    def _saved(self) -> None:
        self.dirty = True
        self.error.clear()
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        units = self.model.rows
        unlisted = sum(not u.listed for u in units)
        text = self.tr("共 {n} 个单位").format(n=len(units))
        if unlisted:
            text += self.tr("，其中 {m} 个未登记（项目中填写了、通讯录中还没有）").format(
                m=unlisted
            )
        self.summary.setText(text)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
