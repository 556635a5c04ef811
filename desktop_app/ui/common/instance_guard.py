"""Telling the user when a ledger is already open elsewhere, or lives on a network drive.

One lock file per ledger (:class:`QLockFile`), next to the ledger when its folder is writable --
so instances on other computers sharing the folder see it too -- else in the user's data folder.
Opening is never refused: SQLite serialises the writes and the row versions refuse any save that
would overwrite someone else's edit; the notice says so, and who holds the ledger.
"""

from __future__ import annotations

import hashlib
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ... import APP_NAME
from ...store.integrity import network_warning
from .buttons import ask


@dataclass(frozen=True)
class Holder:
    """Who holds a ledger's lock."""

    pid: int
    host: str
    app: str

    @property
    def here(self) -> bool:
        return not self.host or self.host == socket.gethostname()


def lock_path(db_path: str | Path) -> Path:
    """Where the lock of ``db_path`` lives: beside it if possible, else in the data folder."""
    db = Path(db_path).resolve()
    if os.access(db.parent, os.W_OK):
        return db.with_name(f".{db.name}.lock")
    from ...paths import data_dir

    digest = hashlib.sha1(os.path.normcase(str(db)).encode("utf-8")).hexdigest()[:16]
    folder = data_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{digest}.lock"


class InstanceGuard:
    """Holds the lock of one ledger while a window has it open."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # held for as long as the ledger is open
        self.acquired = False

    def acquire(self, timeout_ms: int = 200) -> bool:
        """Take the lock; False when another window or instance holds it."""
        if not self.acquired:
            self.acquired = bool(self._lock.tryLock(timeout_ms))
        return self.acquired

    def holder(self) -> Holder | None:
        """Who holds the lock (when :meth:`acquire` failed)."""
        try:
            pid, host, app = self._lock.getLockInfo()
        except (TypeError, ValueError):  # pragma: no cover - older bindings
            return None
        return Holder(int(pid), str(host), str(app)) if pid else None

    def message(self) -> str:
        """The notice for a ledger already open elsewhere."""
        holder = self.holder()
        if holder is None:
            where = QApplication.translate("InstanceGuard", "另一个窗口或另一台电脑")
        elif holder.here:
            where = QApplication.translate(
                "InstanceGuard", "本机的另一个窗口（进程 {pid}）"
            ).format(pid=holder.pid)
        else:
            where = QApplication.translate("InstanceGuard", "计算机“{host}”（进程 {pid}）").format(
                host=holder.host, pid=holder.pid
            )
        return QApplication.translate(
            "InstanceGuard",
            "台账“{name}”已在{where}中打开。\n\n"
            "可以继续打开：两边保存同一个项目时，后保存的一方会看到双方的数值并被拒绝，"
            "不会悄悄覆盖对方的修改。但建议同一时间只在一处编辑。",
        ).format(name=self.db_path.name, where=where)

    def release(self) -> None:
        if self.acquired:
            self._lock.unlock()
            self.acquired = False


def shared_use_notices(guard: InstanceGuard) -> list[str]:
    """The notices to show when opening ``guard``'s ledger (empty: nothing to say)."""
    notices = []
    if not guard.acquire():
        notices.append(guard.message())
    warning = network_warning(guard.db_path)
    if warning:
        notices.append(warning)
    return notices


def notify_shared_use(parent: QWidget | None, guard: InstanceGuard) -> bool:
    """Show the notices for ``guard``'s ledger; returns False when the user chose to quit."""
    notices = shared_use_notices(guard)
    if not notices:
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setObjectName("sharedUseNotice")
    box.setText("\n\n".join(notices))
    return ask(
        box,
        QApplication.translate("InstanceGuard", "继续打开"),
        QApplication.translate("InstanceGuard", "退出"),
    )
