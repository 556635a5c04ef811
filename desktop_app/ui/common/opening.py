"""Opening a written file, or its folder, with the desktop's own program — and the words for
when there is none (a server, a bare desktop, no spreadsheet program installed): the user is
told where the file is instead of nothing happening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices


def open_path(path: str | Path) -> bool:
    """Open ``path`` (a file or a folder) with the desktop's program for it; False when no
    program could be started."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def no_program_text(path: str | Path) -> str:
    """'没有能打开 .xlsx 文件的程序，文件已保存在：…' for a file that could not be opened."""
    path = Path(path)
    kind = path.suffix.lower() or QCoreApplication.translate("Opening", "此类")
    return QCoreApplication.translate(
        "Opening", "没有能打开 {kind} 文件的程序，文件已保存在：{path}"
    ).format(kind=kind, path=path)


def no_file_manager_text(folder: str | Path, *, file: str | Path | None = None) -> str:
    """What to say when a folder could not be shown (no file manager): where it, or the
    ``file`` in it, is."""
    if file is not None:
        return QCoreApplication.translate(
            "Opening", "没有能打开文件夹的程序，文件已保存在：{path}"
        ).format(path=file)
    return QCoreApplication.translate(
        "Opening", "没有能打开文件夹的程序，文件夹在：{folder}"
    ).format(folder=folder)
