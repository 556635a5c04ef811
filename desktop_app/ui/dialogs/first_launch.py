"""The first launch: who is writing — the office that fills in the reports (填报单位, kept in
the ledger so the command line prints the same header) and the user's name (修改人, kept in
the settings and written into every change).  Asked once, until a name is given; both are
changed later in 工具 ▸ 设置."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit

from ... import APP_NAME
from ...reports.common import unit_name
from ...store import StoreError
from ...store.codes import OFFICE_NAME_MAX
from ..common.buttons import finish_form

if TYPE_CHECKING:
    from ..window.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstLaunchDialog", text)


class FirstLaunchDialog(QDialog):
    """Asks the office name (prefilled from the ledger) and the user's name (required)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("firstLaunchDialog")
        self.setWindowTitle(_tr("欢迎使用{app}").format(app=APP_NAME))
        self._window = window
        assert window.store is not None
        form = QFormLayout(self)
        intro = QLabel(_tr("请先告诉程序是谁在填报。两项以后都可以在“工具 ▸ 设置”中修改。"))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.office = QLineEdit(unit_name(window.store))
        self.office.setObjectName("officeName")
        self.office.setMaxLength(OFFICE_NAME_MAX)
        self.office.setMinimumWidth(320)
        form.addRow(_tr("填报单位（印在报表表头）："), self.office)
        self.user_name = QLineEdit(window.settings.stored_user_name)
        self.user_name.setObjectName("userName")
        self.user_name.setPlaceholderText(_tr("如：张三"))
        form.addRow(_tr("您的姓名（写入修改记录）："), self.user_name)
        note = QLabel(_tr("填报单位保存在台账文件中，命令行导出的报表也用它；姓名只保存在本机。"))
        note.setWordWrap(True)
        note.setObjectName("firstLaunchNote")
        form.addRow(note)
        self.message, self.buttons = finish_form(form, self, _tr("确定"), _tr("以后再说"))
        self.user_name.setFocus()

    def accept(self) -> None:
        window = self._window
        store = window.store
        assert store is not None
        name = self.user_name.text().strip()
        if not name:
            self.message.setText(_tr("请填写您的姓名：它会写进每一条修改记录。"))
            self.user_name.setFocus()
            return
        window.settings.user_name = name  # first: the office change is written under it
        window.settings.sync()
        window.user_changed()
        office = self.office.text().strip()
        if office != unit_name(store):
            try:
                store.set_office_name(office)
            except StoreError as exc:
                self.message.setText(str(exc))
                self.office.setFocus()
                return
        super().accept()


def ask_on_first_launch(window: MainWindow) -> FirstLaunchDialog | None:
    """Open the dialog (window-modal, never blocking the event loop) when the user has never
    given a name; None when there is nothing to ask."""
    if window.store is None or window.settings.has_user_name:
        return None
    dialog = FirstLaunchDialog(window)
    dialog.rejected.connect(
        lambda: window.statusBar().showMessage(
            _tr("修改人暂用本机登录名“{user}”；请在“工具 ▸ 设置”中填写您的姓名。").format(
                user=window.settings.user_name
            )
        )
    )
    dialog.open()
    return dialog
