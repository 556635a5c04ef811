"""Writing the monthly fill-in templates: one workbook per responsible unit, for a period.

The list shows each unit's projects and how many have reported the period already, so staff
see at a glance whom to chase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.periods import Period
from ...errors_text import plain_error
from ...reports.template import UnitStatus, reporting_status, write_templates, write_templates_zip
from ...store import Store
from ..common.labels import period_label
from ..common.opening import no_file_manager_text, open_path
from ..models.base import ColumnSpec, SpecTableModel

_Index = QModelIndex | QPersistentModelIndex
FOLDER_KEY = "templates/folder"


class UnitListModel(SpecTableModel):
    """The responsible units, checkable, with their reporting status for the period (one
    column, shown in a list view)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, (ColumnSpec("", self._text),))
        self.checked: set[str] = set()

    @property
    def units(self) -> list[UnitStatus]:
        return self.rows

    def set_units(self, units: list[UnitStatus]) -> None:
        self.checked = {u.unit for u in units}
        self.set_rows(units)

    @staticmethod
    def _text(unit: UnitStatus) -> str:
        return QCoreApplication.translate("UnitListModel", "{u}（{n} 个项目，{s}）").format(
            u=unit.unit, n=unit.projects, s=unit.label
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid():
            unit = self.rows[index.row()]
            return Qt.CheckState.Checked if unit.unit in self.checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        name = self.rows[index.row()].unit
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(name)
        else:
            self.checked.discard(name)
        self.dataChanged.emit(index, index, [role])
        return True

    def set_all(self, checked: bool) -> None:
        self.checked = {u.unit for u in self.rows} if checked else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def chosen(self) -> list[str]:
        return [u.unit for u in self.rows if u.unit in self.checked]


class TemplateDialog(QDialog):
    """生成月度填报模板."""

    def __init__(
        self,
        store: Store,
        *,
        period: Period | None = None,
        settings: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("生成月度调度填报模板"))
        self.store = store
        self.settings = settings
        latest = store.default_period()
        years = set(store.years())  # a month of a year without a list has no projects
        after = latest.shift(1)  # the month to be reported next, if its year has a list
        current = period or (after if after.year in years else latest)
        self.period_box = QComboBox(objectName="templatePeriod")
        near = {p for p in (latest.shift(-1), latest, latest.shift(1)) if p.year in years}
        for p in sorted(near | {latest, current}, reverse=True):
            self.period_box.addItem(period_label(p), str(p))
        self.period_box.setCurrentIndex(self.period_box.findData(str(current)))
        self.units = UnitListModel(self)
        self.list = QListView(objectName="unitList")
        self.list.setModel(self.units)
        all_button = QPushButton(self.tr("全选"), objectName="selectAll")
        all_button.clicked.connect(lambda: self.units.set_all(True))
        none_button = QPushButton(self.tr("全不选"), objectName="selectNone")
        none_button.clicked.connect(lambda: self.units.set_all(False))
        select_row = QHBoxLayout()
        select_row.addWidget(all_button)
        select_row.addWidget(none_button)
        select_row.addStretch()
        self.folder_edit = QLineEdit(objectName="templateFolder")
        saved = settings.value(FOLDER_KEY) if settings is not None else None
        self.folder_edit.setText(str(saved or (Path.home() / "月度填报模板")))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.zip_box = QCheckBox(
            self.tr("打包成一个 .zip 文件（便于一次发给各单位）"), objectName="templateZip"
        )
        self.deadline = QLabel(objectName="templateDeadline")
        self.status = QLabel(objectName="templateStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(  # the folder's path can be copied
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.make_button = QPushButton(self.tr("生成模板"), objectName="makeTemplates")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        self.open_button = QPushButton(self.tr("打开文件夹"), objectName="openFolder")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_folder)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.make_button)
        buttons.addWidget(close)
        form = QFormLayout()
        form.addRow(self.tr("填报期间："), self.period_box)
        form.addRow(self.tr("保存到文件夹："), folder_row)
        form.addRow("", self.zip_box)
        form.addRow(self.tr("报送截止日期："), self.deadline)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("责任单位（括号内为本期报送情况）：")))
        layout.addWidget(self.list, 1)
        layout.addLayout(select_row)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.period_box.currentIndexChanged.connect(self._load_units)
        self._load_units()
        self.resize(520, 480)

    @property
    def period(self) -> Period:
        return Period.parse(str(self.period_box.currentData()))

    def _load_units(self) -> None:
        self.units.set_units(reporting_status(self.store, self.period))
        due = self.store.report_deadline(self.period)
        self.deadline.setText(
            self.tr("{d}（印在模板上；在“工具 ▸ 责任单位通讯录”中修改）").format(d=due.isoformat())
        )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("保存模板的文件夹"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def open_folder(self) -> bool:
        """Show the templates' folder; without a file manager, say where it is."""
        folder = self.folder_edit.text().strip()
        if open_path(folder):
            return True
        self.status.setText(no_file_manager_text(folder))
        return False

    def make(self) -> list[Path]:
        """Write the chosen units' templates; returns the files written."""
        chosen = self.units.chosen()
        if not chosen:
            self.status.setText(self.tr("请至少选择一个责任单位"))
            return []
        folder = Path(self.folder_edit.text().strip())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if self.zip_box.isChecked():
                archive = folder / f"月度调度填报模板_{self.period}.zip"
                results = write_templates_zip(self.store, archive, self.period, only=chosen)
            else:
                results = write_templates(self.store, folder, period=self.period, only=chosen)
        except (OSError, ValueError) as exc:
            msg = plain_error(exc) if getattr(exc, "errno", None) else str(exc)
            self.status.setText(self.tr("生成失败：{msg}").format(msg=msg))
            return []
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.settings is not None:
            self.settings.set_value(FOLDER_KEY, str(folder))
        where = (
            folder / f"月度调度填报模板_{self.period}.zip" if self.zip_box.isChecked() else folder
        )
        self.status.setText(
            self.tr("已生成 {n} 份{p}填报模板，保存在 {f}").format(
                n=len(results), p=period_label(self.period), f=where
            )
        )
        self.open_button.setVisible(True)
        return [r.path for r in results]
