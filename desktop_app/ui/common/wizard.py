"""What the app's wizards (导入 Excel, 年度切换) share: a page that knows its wizard, and the
red line a page says what is wrong on."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWizardPage

#: The colour of a wizard page's error line.
WIZARD_ERROR_COLOR = "#C00000"


class WizardPage(QWizardPage):
    """A page with its title and subtitle and the wizard it serves (``self.wiz``)."""

    def __init__(self, wizard: Any, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)


def error_label(name: str) -> QLabel:
    """An empty, wrapping, red line named ``name`` for a page's error."""
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {WIZARD_ERROR_COLOR}")
    return label
