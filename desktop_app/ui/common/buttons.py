"""The button row of a dialog: OK (or Save) and Cancel with Chinese texts, wired."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox

_Button = QDialogButtonBox.StandardButton


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
