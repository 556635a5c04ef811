"""When the app itself fails: rotating log files and an exception hook that tells the user.

:func:`setup_logging` writes ``keyprojects.log`` in the user's log folder (rotated: 1 MB x 5),
sends Qt's own warnings there and records native crashes (faulthandler) in ``native-crash.log``.
:class:`CrashReporter` replaces ``sys.excepthook`` and ``threading.excepthook``: an unexpected
exception is logged with its traceback and shown in a dialog saying what happened, where, and
where the log is.  The application keeps running, so the window -- and whatever the user was
typing in a form -- stays as it was.
"""

from __future__ import annotations

import faulthandler
import logging
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ... import APP_NAME, __version__
from ...errors_text import plain_os_error
from .opening import no_file_manager_text, open_path

LOG_NAME = "keyprojects.log"
NATIVE_LOG = "native-crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("keyprojects")
_native_file: IO[str] | None = None


# ------------------------------------------------------------------------ logging
def setup_logging(
    folder: str | Path | None = None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path:
    """Log to ``folder`` (default: the user's log folder) with rotation; returns the log file.

    Safe to call again: the handler is replaced, never added twice.
    """
    global _native_file
    if folder is None:
        from ...paths import log_dir

        folder = log_dir()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_keyprojects", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._keyprojects = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    if _native_file is None or _native_file.closed:
        try:
            _native_file = (folder / NATIVE_LOG).open("a", encoding="utf-8")
            faulthandler.enable(_native_file)
        except OSError:  # pragma: no cover - an unwritable log folder must not stop the app
            _native_file = None
    qInstallMessageHandler(_qt_message)
    log.info("%s %s 启动，Python %s", APP_NAME, __version__, sys.version.split()[0])
    return path


def teardown_logging() -> None:
    """Undo :func:`setup_logging` (tests; the app logs until it exits)."""
    global _native_file
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_keyprojects", False):
            root.removeHandler(handler)
            handler.close()
    qInstallMessageHandler(None)
    if _native_file is not None:
        faulthandler.enable(sys.__stderr__)
        _native_file.close()
        _native_file = None


def log_file() -> Path | None:
    """The file the app logs to (None before :func:`setup_logging`)."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_keyprojects", False):
            return Path(handler.baseFilename)  # type: ignore[attr-defined]
    return None


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: Any, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


# ------------------------------------------------------------------------ reports
def where(tb: TracebackType | None) -> str:
    """The innermost frame of the app's own code (else the innermost frame) as one line."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if not frames:
        return QApplication.translate("CrashReporter", "位置不明")
    ours = [f for f in frames if "desktop_app" in f.filename.replace("\\", "/")]
    frame = (ours or frames)[-1]
    name = Path(frame.filename).name
    return QApplication.translate("CrashReporter", "{file} 第 {line} 行（{function}）").format(
        file=name, line=frame.lineno, function=frame.name
    )


def what(exc: BaseException) -> str:
    """What happened, in plain Chinese where the kind of failure is known."""
    from ...store import StoreError

    text = str(exc).strip()
    if isinstance(exc, StoreError):
        return text
    if isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text):
        return QApplication.translate(
            "CrashReporter", "台账数据库文件已损坏。请在“工具 → 备份与恢复”中用最近的完好备份恢复。"
        )
    if isinstance(exc, sqlite3.OperationalError) and "full" in text:
        return QApplication.translate(
            "CrashReporter", "磁盘空间已满，刚才的操作没有保存。请清理磁盘后重试。"
        )
    if isinstance(exc, MemoryError):
        return QApplication.translate(
            "CrashReporter", "内存不足，刚才的操作没有完成。请关闭其他程序后重试。"
        )
    if isinstance(exc, PermissionError):
        return QApplication.translate("CrashReporter", "没有权限访问文件：{name}").format(
            name=exc.filename or text
        )
    if isinstance(exc, OSError):
        return QApplication.translate("CrashReporter", "文件操作失败：{reason}").format(
            reason=plain_os_error(exc) if exc.errno is not None else text
        )
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return QApplication.translate("CrashReporter", "程序内部错误（{detail}）").format(detail=detail)


class CrashReporter(QObject):
    """Logs every unexpected exception and shows it without stopping the app.

    ``show`` replaces the dialog (tests); it receives (summary, details).
    """

    reported = Signal(str, str)  # summary, traceback text
    _from_thread = Signal(object, object, object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        window: Callable[[], QWidget | None] | None = None,
        show: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window or QApplication.activeWindow
        self._show = show or self._dialog
        self._showing = False
        self._previous: tuple[Any, Any] | None = None
        self.count = 0
        self._from_thread.connect(self.handle)

    def install(self) -> CrashReporter:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.handle
            threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self._from_thread.emit(args.exc_type, args.exc_value, args.exc_traceback)  # queued

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """The exception hook: log, then tell the user (once at a time), never exit.  Called
        from another thread (Qt prints a pool thread's error through ``sys.excepthook``), it
        hands the exception to the interface thread: a dialog there, never in the worker."""
        if threading.current_thread() is not threading.main_thread():
            self._from_thread.emit(exc_type, exc, tb)  # queued to the interface thread
            return
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        exc = exc if exc is not None else exc_type()
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("未处理的异常：%s\n%s", what(exc), details)
        self.count += 1
        summary = f"{what(exc)}\n\n" + QApplication.translate(
            "CrashReporter", "出错位置：{where}"
        ).format(where=where(tb))
        self.reported.emit(summary, details)
        if self._showing:  # one dialog at a time; the rest go to the log
            return
        self._showing = True
        try:
            self._show(summary, details)
        except Exception:  # pragma: no cover - never let the hook itself fail
            log.exception("无法显示错误对话框")
        finally:
            self._showing = False

    def _dialog(self, summary: str, details: str) -> None:
        path = log_file()
        box = QMessageBox(self._window())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(
            QApplication.translate("CrashReporter", "{app} 出错了").format(app=APP_NAME)
        )
        box.setText(
            QApplication.translate(
                "CrashReporter",
                "程序遇到了一个错误，但没有退出：您正在编辑的内容仍在窗口中，可以继续保存。",
            )
        )
        log_text = (
            QApplication.translate("CrashReporter", "日志文件：{path}").format(path=path)
            if path
            else QApplication.translate("CrashReporter", "未能写入日志")
        )
        box.setInformativeText(f"{summary}\n\n{log_text}")
        box.setDetailedText(details)
        copy = box.addButton(
            QApplication.translate("CrashReporter", "复制错误信息"),
            QMessageBox.ButtonRole.ActionRole,
        )
        folder = box.addButton(
            QApplication.translate("CrashReporter", "打开日志文件夹"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(
            QApplication.translate("CrashReporter", "继续"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setObjectName("crashDialog")
        box.exec()
        if box.clickedButton() is copy:
            QGuiApplication.clipboard().setText(f"{summary}\n\n{log_text}\n\n{details}")
        elif box.clickedButton() is folder and path is not None and not open_path(path.parent):
            QMessageBox.information(self._window(), APP_NAME, no_file_manager_text(path.parent))


def install_crash_handler(
    window: Callable[[], QWidget | None] | None = None, log_folder: str | Path | None = None
) -> CrashReporter:
    """Set up logging and the exception hook for the running QApplication (call once)."""
    setup_logging(log_folder)
    app = QApplication.instance()
    return CrashReporter(app, window=window).install()
