"""The settings dialog: the ledger's 填报单位, the user's name, light thresholds, default
grouping and language."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
)

from ...domain.derived import LightThresholds
from ..common.buttons import finish_form
from ..common.settings import GROUPINGS, LANGUAGES, Settings

if TYPE_CHECKING:
    from ...store import Store


class SettingsDialog(QDialog):
    """Edits :class:`Settings` and, given the open ``store``, the ledger's 填报单位 (saved
    in the ledger as one action of the change history); ``accept`` writes them back."""

    def __init__(
        self, settings: Settings, parent: Any = None, *, store: Store | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "设置"))
        self._settings = settings
        self._store = store
        form = QFormLayout(self)

        self.office: QLineEdit | None = None
        if store is not None:
            from ...reports.common import unit_name
            from ...store.codes import OFFICE_NAME_MAX

            self.office = QLineEdit(unit_name(store))
            self.office.setObjectName("officeName")
            self.office.setMaxLength(OFFICE_NAME_MAX)
            self.office.setMinimumWidth(300)
            form.addRow(
                QCoreApplication.translate("SettingsDialog", "填报单位（印在报表表头，存于台账）"),
                self.office,
            )

        self.user_name = QLineEdit(settings.stored_user_name)
        self.user_name.setObjectName("userName")
        self.user_name.setPlaceholderText(settings.user_name)
        form.addRow(
            QCoreApplication.translate("SettingsDialog", "修改人（写入修改记录）"), self.user_name
        )

        # the ledger's thresholds (its clerks and the command line share them), else this PC's
        t = (store.stored_light_thresholds() if store is not None else None) or settings.thresholds
        self.yellow = QDoubleSpinBox()
        self.yellow.setObjectName("yellowPoints")
        self.red = QDoubleSpinBox()
        self.red.setObjectName("redPoints")
        for box, value in ((self.yellow, t.yellow_points), (self.red, t.red_points)):
            box.setRange(0, 100)
            box.setDecimals(1)
            box.setSuffix(QCoreApplication.translate("SettingsDialog", " 个百分点"))
            box.setValue(float(value))
        self.overdue = QSpinBox()
        self.overdue.setObjectName("overdueMonths")
        self.overdue.setRange(0, 36)
        self.overdue.setSuffix(QCoreApplication.translate("SettingsDialog", " 个月"))
        self.overdue.setValue(t.start_overdue_months)
        form.addRow(
            QCoreApplication.translate("SettingsDialog", "黄灯：落后时序进度至少"), self.yellow
        )
        form.addRow(
            QCoreApplication.translate("SettingsDialog", "红灯：落后时序进度超过"), self.red
        )
        form.addRow(
            QCoreApplication.translate("SettingsDialog", "红灯：计划开工后未开工满"), self.overdue
        )

        self.grouping = QComboBox()
        self.grouping.setObjectName("grouping")
        for key, label in GROUPINGS.items():
            self.grouping.addItem(QCoreApplication.translate("Field", label), key)
        self.grouping.setCurrentIndex(max(0, self.grouping.findData(settings.default_grouping)))
        form.addRow(QCoreApplication.translate("SettingsDialog", "台账报表默认分组"), self.grouping)

        self.language = QComboBox()
        self.language.setObjectName("language")
        for key, label in LANGUAGES.items():
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(
            QCoreApplication.translate("SettingsDialog", "界面语言（重新启动后生效）"),
            self.language,
        )

        self.message, _ = finish_form(
            form,
            self,
            QCoreApplication.translate("SettingsDialog", "确定"),
            QCoreApplication.translate("SettingsDialog", "取消"),
        )

    def thresholds(self) -> LightThresholds:
        return LightThresholds(
            Decimal(str(round(self.yellow.value(), 1))),
            Decimal(str(round(self.red.value(), 1))),
            self.overdue.value(),
        )

    def accept(self) -> None:
        try:
            thresholds = self.thresholds()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        if not self._save_office() or not self._save_thresholds(thresholds):
            return
        self._settings.thresholds = thresholds
        self._settings.user_name = self.user_name.text()
        self._settings.default_grouping = self.grouping.currentData()
        self._settings.language = self.language.currentData()
        self._settings.sync()
        super().accept()

    def _save_thresholds(self, thresholds: LightThresholds) -> bool:
        """Write changed light thresholds into the ledger (one action: every clerk and the
        command line light and close by them); False when refused."""
        if self._store is None:
            return True
        from ...store import StoreError
        from ...store.store import default_user

        store = self._store
        before = store.user
        store.user = self.user_name.text().strip() or default_user()
        try:
            store.set_light_thresholds(thresholds)
        except StoreError as exc:
            store.user = before
            self.message.setText(str(exc))
            return False
        return True

    def _save_office(self) -> bool:
        """Write a changed 填报单位 into the ledger (one action); False when refused."""
        if self.office is None or self._store is None:
            return True
        from ...reports.common import unit_name
        from ...store import StoreError
        from ...store.store import default_user

        store = self._store
        office = self.office.text().strip()
        if office == unit_name(store):
            return True
        before = store.user
        store.user = self.user_name.text().strip() or default_user()  # the name being saved
        try:
            store.set_office_name(office)
        except StoreError as exc:
            store.user = before
            self.message.setText(str(exc))
            self.office.setFocus()
            return False
        return True
