"""When the app itself fails: a dialog says what and where, the edit survives, logs rotate."""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.store import WriteFailed
from desktop_app.ui.common import crash


@pytest.fixture
def logs(tmp_path):
    path = crash.setup_logging(tmp_path / "logs")
    yield path
    crash.teardown_logging()


@pytest.fixture
def reporter(logs):
    shown: list[tuple[str, str]] = []
    r = crash.CrashReporter(show=lambda summary, details: shown.append((summary, details)))
    r.shown = shown
    r.install()
    yield r
    r.uninstall()


class Form(QWidget):
    """A form whose button fails, like a slot with a bug."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit(self)
        self.button = QPushButton("保存", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.save)
        self.saves = 0

    def save(self) -> None:
        self.saves += 1
        raise ZeroDivisionError("division by zero")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_shown_and_the_edit_survives(qtbot, reporter, logs):
    form = Form()
    qtbot.addWidget(form)
    form.show()
    form.edit.setText("鑫达钢铁：本月完成投资 ")
    qtbot.keyClicks(form.edit, "1250")  # typed (testlib types ASCII only)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert len(reporter.shown) == 1
    summary, details = reporter.shown[0]
    assert "程序内部错误（ZeroDivisionError: division by zero）" in summary
    assert "出错位置：test_crash_hook.py 第" in summary and "（save）" in summary
    assert "Traceback" in details
    assert form.isVisible() and form.edit.text() == "鑫达钢铁：本月完成投资 1250"
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert form.saves == 2 and len(reporter.shown) == 2  # the app keeps working
    text = logs.read_text(encoding="utf-8")
    assert "未处理的异常" in text and "ZeroDivisionError" in text and "def save" not in text


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_thread_is_reported_on_the_gui_thread(qtbot, reporter):
    def work() -> None:
        raise WriteFailed("保存失败，未做任何修改：磁盘空间已满")

    t = threading.Thread(target=work)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(reporter.shown) == 1, timeout=3000)
    assert reporter.shown[0][0].startswith("保存失败，未做任何修改：磁盘空间已满")


@pytest.mark.qt_no_exception_capture
def test_sys_excepthook_called_from_a_pool_thread_shows_on_the_gui_thread(qtbot, reporter):
    """Qt prints a pool thread's uncaught error through ``sys.excepthook`` in that thread: the
    dialog must still come up on the interface thread, never in the worker."""
    where: list[threading.Thread] = []
    reporter._show = lambda summary, details: where.append(threading.current_thread())

    def work() -> None:
        try:
            raise RuntimeError("Signal source has been deleted")
        except RuntimeError as exc:
            crash.sys.excepthook(type(exc), exc, exc.__traceback__)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(where) == 1, timeout=3000)
    assert where == [threading.main_thread()]


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), "台账数据库文件已损坏"),
        (sqlite3.OperationalError("database or disk is full"), "磁盘空间已满"),
        (MemoryError(), "内存不足"),
        (PermissionError(13, "Permission denied", "台账.sqlite"), "没有权限访问文件：台账.sqlite"),
        (WriteFailed("数据库文件或所在文件夹是只读的"), "数据库文件或所在文件夹是只读的"),
        (KeyError("x"), "程序内部错误（KeyError: 'x'）"),
        (OSError(errno.ENOSPC, "No space left on device", "报表.xlsx"), "磁盘空间已满"),
        (OSError(errno.EIO, "Input/output error"), "磁盘读写错误"),
    ],
)
def test_known_failures_are_told_in_plain_chinese(exc, expected):
    assert expected in crash.what(exc)
    assert not any(word in crash.what(exc) for word in ("No space", "Input/output", "Errno"))


@pytest.mark.qt_no_exception_capture
def test_the_real_dialog_names_the_log_and_closes(qtbot, logs, tmp_path):
    form = Form()
    qtbot.addWidget(form)
    form.show()
    form.edit.setText("未保存的输入")
    r = crash.CrashReporter(window=lambda: form).install()
    seen = {}

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog")
        assert isinstance(box, QMessageBox) and box.isVisible()
        seen["text"] = box.informativeText()
        box.grab().save(str(tmp_path / "crash_dialog.png"))
        next(b for b in box.buttons() if b.text() == "继续").click()

    try:
        QTimer.singleShot(200, answer)
        form.button.click()
    finally:
        r.uninstall()
    assert str(logs) in seen["text"] and "ZeroDivisionError" in seen["text"]
    assert form.edit.text() == "未保存的输入"
    assert (tmp_path / "crash_dialog.png").stat().st_size > 1000


def test_logs_rotate(tmp_path):
    path = crash.setup_logging(tmp_path, max_bytes=2_000, backups=3)
    try:
        for i in range(300):
            logging.getLogger("keyprojects").info("第 %d 条记录：保存项目", i)
        names = sorted(p.name for p in tmp_path.glob("keyprojects.log*"))
        assert names == [
            "keyprojects.log",
            "keyprojects.log.1",
            "keyprojects.log.2",
            "keyprojects.log.3",
        ]
        assert all(p.stat().st_size <= 2_200 for p in tmp_path.glob("keyprojects.log*"))
        assert "第 299 条记录" in path.read_text(encoding="utf-8")
        crash.setup_logging(tmp_path, max_bytes=2_000, backups=3)  # again: still one handler
        assert sum(getattr(h, "_keyprojects", False) for h in logging.getLogger().handlers) == 1
    finally:
        crash.teardown_logging()


def test_default_log_folder_is_the_users_log_dir():
    from desktop_app.paths import log_dir

    try:
        assert crash.setup_logging().parent == log_dir()
        assert crash.log_file() == log_dir() / "keyprojects.log"
    finally:
        crash.teardown_logging()
