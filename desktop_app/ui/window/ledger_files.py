"""文件 ▸ 新建台账 / 打开台账 / 最近打开 / 另存为（复制台账）: moving the window to another ledger.

A window shows one ledger (:meth:`MainWindow.open_ledger` runs once).  Going to another one
opens it in the background while the window goes on answering; if it cannot be opened (not
a ledger, damaged, locked, a newer version's) the user is told in one Chinese message and the
current ledger stays open.  Once it is open, a new window shows it where the old one was and
the old window is closed and let go (its state saved, its store closed, its lock released).
The ledger opened last is remembered: a start without ``--db`` reopens it.

:class:`LedgerFiles` is the window's part for all this (``window.files``; the actions of
:mod:`.actions` call its methods); :class:`NewLedgerDialog` asks where a new ledger goes and
whether it starts empty.  What is Qt-free (the recent list, file names) is in
:mod:`desktop_app.recent`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...recent import free_ledger_name, ledger_file_name, same_file
from ..common.buttons import ask, finish_form

if TYPE_CHECKING:
    from ...store import Store
    from ..common.instance_guard import InstanceGuard
    from ..jobs import Job

#: The window (:class:`~.main_window.MainWindow`, which imports this module: not imported here).
MainWindow = Any

_log = logging.getLogger("keyprojects")

#: Windows made by switching ledgers: kept alive here until they are closed.
_windows: list[Any] = []


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerFiles", text)


def file_filter() -> str:
    return _tr("台账文件 (*.sqlite *.sqlite3 *.db);;所有文件 (*)")


class LedgerFiles(QObject):
    """The 文件 menu's ledger entries of one window, and its hold on the ledger: the lock
    (:class:`InstanceGuard`) taken when it was opened, released with the store."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guard: InstanceGuard | None = None
        self.job: Job[Any] | None = None  #: the opening or copy under way
        self.dialog: NewLedgerDialog | None = None  #: the new-ledger dialog last opened
        self.successor: MainWindow | None = None  #: the window that took over

    # ================================================================ the actions
    def new_ledger(self) -> NewLedgerDialog:
        """新建台账…: ask where and what (empty or with the 2022 portfolio), then open it."""
        dialog = NewLedgerDialog(self._folder(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._create)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_other(self) -> None:
        """打开台账…: choose a file, then switch to it."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, _tr("打开台账"), str(self._folder()), file_filter()
        )
        if name:
            self.switch_to(Path(name))

    def fill_recent_menu(self, menu: QMenu) -> None:
        """最近打开: the remembered ledgers, newest first, each with its folder."""
        menu.clear()
        menu.setToolTipsVisible(True)
        entries = self.window.settings.recent_ledgers()
        current = self.window.store.path if self.window.store is not None else None
        if not entries:
            menu.addAction(_tr("（没有最近打开的台账）")).setEnabled(False)
            return
        for number, entry in enumerate(entries, 1):
            path = Path(entry)
            shown = f"{path.name}　—　{path.parent}".replace("&", "&&")
            text = f"&{number}  {shown}" if number < 10 else shown
            action = menu.addAction(text)
            action.setObjectName(f"recentLedger{number}")
            action.setToolTip(str(path))
            action.setData(entry)
            if current is not None and same_file(entry, current):
                action.setText(text + _tr("（当前）"))
                action.setEnabled(False)
            action.triggered.connect(lambda _checked=False, entry=entry: self.open_recent(entry))
        menu.addSeparator()
        clear = menu.addAction(_tr("清除列表"))
        clear.setObjectName("recentLedgersClear")
        clear.triggered.connect(self.clear_recent)

    def open_recent(self, entry: str) -> None:
        """Open a ledger of the recent list; one that is gone leaves the list, saying so."""
        path = Path(entry)
        if not path.is_file():
            self.window.settings.forget_ledger(path)
            QMessageBox.warning(
                self.window,
                APP_NAME,
                _tr("找不到台账“{name}”（{folder}），它可能已被移动、改名或删除。\n\n"
                    "已从“最近打开”列表中移除。").format(name=path.name, folder=path.parent),
            )  # fmt: skip
            return
        self.switch_to(path)

    def clear_recent(self) -> None:
        settings = self.window.settings
        settings.set_recent_ledgers([str(self.window.store.path)] if self.window.store else [])
        settings.sync()

    def save_copy(self) -> None:
        """另存为/复制台账…: a consistent copy (SQLite's backup API, never a file copy of the
        live ledger), then offer to switch to it."""
        store = self.window.store
        if store is None or self._busy():
            return
        suggested = self._folder() / f"{store.path.stem}-副本{store.path.suffix or '.sqlite'}"
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            _tr("另存为（复制台账）"),
            str(suggested),
            file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        dest = ledger_file_name(name)
        problem = self._refused_target(dest)
        if problem:
            QMessageBox.warning(self.window, APP_NAME, problem)
            return
        from ...store.backup import copy_ledger
        from ..jobs import Job

        source = store.path
        self.job = Job(
            self,
            lambda: copy_ledger(source, dest),
            self._copied,
            lambda error: self._copy_failed(dest, error),
            busy=self.window,
            text=_tr("正在复制台账…"),
        ).run()

    # ============================================================== switching
    def switch_to(self, path: Path, *, create: bool | None = None) -> None:
        """Show the ledger ``path`` in this window's place.  ``create``: make it first (True
        with the 2022 portfolio, False empty: only the code lists); None: open it."""
        if self._busy():
            return
        store = self.window.store
        if store is not None and path.exists() and same_file(path, store.path):
            self.window.statusBar().showMessage(
                _tr("“{name}”已经打开").format(name=path.name), 5000
            )
            return
        from ..jobs import Job

        def work() -> Store:
            from ...store import Store

            if create is None:
                return Store.open(path)
            return Store.create(path, portfolio=create)

        self.job = Job(
            self,
            work,
            lambda opened: self._opened(path, opened),
            lambda error: self._failed(path, error),
            busy=self.window,
            text=_tr("正在打开台账“{name}”…").format(name=path.name),
        ).run()

    def wait(self, timeout_ms: int = 60_000) -> None:
        """Until the opening or copy under way is delivered (tests)."""
        from .. import jobs

        jobs.wait_all(self, timeout_ms)

    def _opened(self, path: Path, store: Store) -> None:
        from ..common.instance_guard import InstanceGuard, shared_use_notices

        old = self.window
        if not old.isVisible():  # closed meanwhile: nobody to show it to
            store.close()
            return
        guard = InstanceGuard(store.path)

        def give_up() -> None:
            guard.release()
            store.close()

        notices = shared_use_notices(guard)
        if notices and not self._go_on_despite(notices):
            give_up()
            return
        if not old.page.close_dialog():  # a form with changes the user keeps open
            give_up()
            return
        old.save_state()  # the new window opens where this one is, with its columns
        new = type(old)(None, old.settings)
        try:
            new.open_ledger(store)
        except BaseException:
            give_up()
            raise
        new.files.guard = guard
        _windows.append(new)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(new.files.release)
        new.show()
        old.close()
        self.release()
        self.successor = new
        if old in _windows:  # made by an earlier switch: ours to delete
            _windows.remove(old)
            QTimer.singleShot(0, old.deleteLater)
        after_open(new, store)

    def _failed(self, path: Path, error: Exception) -> None:
        from ...store import DatabaseDamaged

        current = self.window.store.path.name if self.window.store is not None else ""
        if isinstance(error, DatabaseDamaged):
            from ..dialogs import backup as backup_dialog

            store = backup_dialog.offer_restore_on_damage(self.window, path, error)
            if store is not None:
                self._opened(path, store)
            return
        reason = _reason(error, "打开台账时出错", _tr("程序内部错误（{error}），详见日志"))
        QMessageBox.warning(
            self.window,
            APP_NAME,
            _tr("无法打开“{name}”：\n{reason}\n\n当前台账“{current}”仍然打开。").format(
                name=path.name, reason=reason, current=current
            ),
        )

    def _go_on_despite(self, notices: list[str]) -> bool:
        """The ledger is open elsewhere (or on a network drive): open it anyway?"""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        box.setObjectName("sharedUseNotice")
        box.setText("\n\n".join(notices))
        return ask(box, _tr("继续打开"), _tr("不打开，留在当前台账"))

    def release(self) -> None:
        """Let go of the ledger: its store closed, its lock released (idempotent)."""
        if self.window.store is not None:
            self.window.store.close()
        if self.guard is not None:
            self.guard.release()

    # ================================================================ copying
    def _copied(self, dest: Path) -> None:
        settings = self.window.settings
        settings.set_recent_ledgers(
            [str(self.window.store.path), str(dest), *settings.recent_ledgers()]
        )
        settings.sync()
        answer = QMessageBox.question(
            self.window,
            APP_NAME,
            _tr("已把台账复制为“{name}”（{folder}）。\n\n要切换到这份副本吗？"
                "当前台账将关闭，以后在副本中修改。").format(name=dest.name, folder=dest.parent),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.switch_to(dest)
        else:
            self.window.statusBar().showMessage(
                _tr("已复制为 {path}；可在“文件 ▸ 最近打开”中打开").format(path=dest), 10000
            )

    def _copy_failed(self, dest: Path, error: Exception) -> None:
        reason = _reason(error, "复制台账时出错")
        QMessageBox.warning(
            self.window,
            APP_NAME,
            _tr("未能复制为“{name}”：\n{reason}\n\n当前台账未受影响。").format(
                name=dest.name, reason=reason
            ),
        )

    # ============================================================== internals
    def _create(self, path: Path, portfolio: bool) -> None:
        self.switch_to(path, create=portfolio)

    def _busy(self) -> bool:
        if self.job is not None and not self.job.delivered:
            self.window.statusBar().showMessage(_tr("请稍候：上一个操作还没有完成"), 5000)
            return True
        return False

    def _folder(self) -> Path:
        store = self.window.store
        return store.path.absolute().parent if store is not None else Path.home()

    def _refused_target(self, dest: Path) -> str:
        """Why ``dest`` cannot be written as a new ledger ('' when it can)."""
        store = self.window.store
        if store is not None and dest.exists() and same_file(dest, store.path):
            return _tr("“{name}”是当前打开的台账，不能覆盖。请换一个文件名。").format(
                name=dest.name
            )
        if dest.exists():
            return _tr(
                "文件“{name}”已存在，不会覆盖。请换一个文件名；要打开它请用“打开台账”。"
            ).format(name=dest.name)
        if not dest.parent.is_dir():
            return _tr("文件夹“{folder}”不存在。").format(folder=dest.parent)
        return ""


def after_open(window: MainWindow, store: Store, *, remember: bool = True) -> None:
    """What follows every opening of a ledger into a window: remembered as the last one
    (and first in 最近打开), backed up (when changed since), checked in the background when
    opening skipped the check."""
    from ...store.backup import backup_on_open_async
    from ..dialogs.backup import check_in_background

    if remember:
        window.settings.remember_ledger(store.path)
    backup_on_open_async(store)  # skipped when unchanged since the newest backup
    check_in_background(store, window)  # large ledgers: quick_check after opening


def current_window(window: MainWindow) -> MainWindow:
    """The window that now shows what ``window`` showed (itself, or its successor's)."""
    while window.files is not None and window.files.successor is not None:
        window = window.files.successor
    return window


class NewLedgerDialog(QDialog):
    """新建台账: where the file goes (``.sqlite`` added) and what it starts with — empty (the
    code lists only, the default) or the 2022 government work report's projects.  ``chosen``
    (path, portfolio) is emitted on OK when the file can be made."""

    chosen = Signal(object, bool)

    def __init__(self, folder: Path, parent: MainWindow) -> None:
        super().__init__(parent)
        self.setObjectName("newLedgerDialog")
        self.setWindowTitle(_tr("新建台账"))
        self._window = parent
        form = QFormLayout()
        self.path_edit = QLineEdit(str(free_ledger_name(folder, _tr("新台账"))))
        self.path_edit.setObjectName("newLedgerPath")
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton(_tr("浏览…"))
        browse.setObjectName("newLedgerBrowse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(_tr("文件："), row)
        self.empty = QRadioButton(_tr("空台账（只含县区、产业链、状态等代码表）"))
        self.empty.setObjectName("newLedgerEmpty")
        self.empty.setChecked(True)
        self.portfolio = QRadioButton(_tr("含2022年政府工作报告中的51个重点项目"))
        self.portfolio.setObjectName("newLedgerPortfolio")
        kinds = QWidget()
        column = QVBoxLayout(kinds)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty)
        column.addWidget(self.portfolio)
        form.addRow(_tr("内容："), kinds)
        self.message, self.buttons = finish_form(form, self, _tr("新建并打开"), _tr("取消"))
        self.setLayout(form)

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            _tr("新台账保存到"),
            self.path_edit.text(),
            file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.path_edit.setText(str(ledger_file_name(name)))

    def accept(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.message.setText(_tr("请填写新台账的文件名"))
            return
        path = ledger_file_name(Path(text).expanduser())
        problem = self._window.files._refused_target(path)
        if problem:
            self.message.setText(problem)
            return
        super().accept()
        self.chosen.emit(path, self.portfolio.isChecked())


def _reason(error: Exception, log_text: str, unknown: str = "{error}") -> str:
    """Why opening or copying failed, as the user reads it: a store error as it says, a file
    error in plain Chinese; anything else is logged (``log_text``) and shown by ``unknown``."""
    from ...errors_text import plain_os_error
    from ...store import StoreError

    if isinstance(error, StoreError):
        return str(error)
    if isinstance(error, OSError):
        return plain_os_error(error)
    _log.error(log_text, exc_info=error)
    return unknown.format(error=repr(error))
