"""The button row of a dialog (OK or Save, and Cancel, with Chinese texts, wired) and the
two-button question of a message box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox

_Button = QDialogButtonBox.StandardButton

#: The red of what is wrong with an input (forms, the grid's message line, late records).
ERROR_COLOR = "#C62828"


def dialog_buttons(
    dialog: QDialog,
    ok_text: str,
    cancel_text: str,
    *,
    ok: _Button = _Button.Ok,
    on_ok: Callable[[], Any] | None = None,
) -> QDialogButtonBox:
    """``ok`` and Cancel buttons with these (translated) texts: ``on_ok`` (default: accept)
    when the first is pressed, reject on Cancel.  ``box.button(ok)`` gives the first button."""
    buttons = QDialogButtonBox(ok | _Button.Cancel, dialog)
    buttons.button(ok).setText(ok_text)
    buttons.button(_Button.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def finish_form(
    form: QFormLayout, dialog: QDialog, ok_text: str, cancel_text: str
) -> tuple[QLabel, QDialogButtonBox]:
    """The last rows of a form dialog: a red line for what is wrong with the input (empty
    until said) and the OK/Cancel buttons (:func:`dialog_buttons`)."""
    message = QLabel()
    message.setStyleSheet(f"color: {ERROR_COLOR};")
    form.addRow(message)
    buttons = dialog_buttons(dialog, ok_text, cancel_text)
    form.addRow(buttons)
    return message, buttons


def ask(box: QMessageBox, yes: str, no: str) -> bool:
    """Show ``box`` with the buttons ``yes`` (the default) and ``no``; True when ``yes`` was
    clicked (False for ``no`` or closing the box)."""
    go_on = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go_on)
    box.exec()
    return box.clickedButton() is go_on
