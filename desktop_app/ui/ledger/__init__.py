"""The 项目台账 page and the loading of the ledger into it (imported after the first paint)."""

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """The ledger's texts keep the window's translation context (keyprojects_en.ts)."""
    return QCoreApplication.translate("MainWindow", text)
