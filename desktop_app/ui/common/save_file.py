"""Where a report is saved: the folder to suggest and the 另存为 question for a workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget


def suggest_folder(current: str, settings: Any, key: str) -> Path:
    """The folder of the file chosen already (``current``), else the one saved under ``key``
    in ``settings`` (when it still exists), else 文档 (or the home folder)."""
    current = current.strip()
    if current:
        return Path(current).parent
    saved = settings.value(key) if settings is not None else None
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def ask_workbook(parent: QWidget, caption: str, current: str, filter_text: str) -> str:
    """The .xlsx file the user chooses to save to (the suffix added when left off), or "";
    ``filter_text``: the translated "Excel 工作簿 (*.xlsx)" of the asking dialog."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, current, filter_text)
    if name and not name.lower().endswith(".xlsx"):
        name += ".xlsx"
    return name
