"""A second window or instance on the same ledger is told so; network drives get a warning."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.ui.common import instance_guard
from desktop_app.ui.common.instance_guard import (
    InstanceGuard,
    notify_shared_use,
    shared_use_notices,
)

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from PySide6.QtCore import QCoreApplication
from desktop_app.ui.common.instance_guard import InstanceGuard
app = QCoreApplication([])
guard = InstanceGuard(sys.argv[1])
print("LOCKED" if guard.acquire() else "BUSY", flush=True)
sys.stdin.readline()
guard.release()
"""


def test_second_window_in_this_process_is_told(ledger_path, qapp):
    first, second = InstanceGuard(ledger_path), InstanceGuard(ledger_path)
    try:
        assert first.acquire()
        assert not second.acquire()
        assert second.holder().pid == os.getpid() and second.holder().here
        text = second.message()
        assert "ledger.sqlite" in text and f"本机的另一个窗口（进程 {os.getpid()}）" in text
        assert "不会悄悄覆盖" in text
        first.release()
        assert second.acquire()  # free again once the first window closed
    finally:
        first.release()
        second.release()


def _holder(path: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout.readline().strip() == "LOCKED"
    return child


def test_second_instance_is_told_and_a_crashed_one_does_not_block(ledger_path, qapp):
    child = _holder(ledger_path)
    guard = InstanceGuard(ledger_path)
    try:
        assert not guard.acquire()
        assert guard.holder().pid == child.pid
        assert f"进程 {child.pid}" in guard.message()
        child.send_signal(signal.SIGKILL)  # the other instance crashes, its lock file stays
        child.wait()
        assert guard.path.exists()
        assert guard.acquire()  # a dead holder's lock is stale: the ledger is free
    finally:
        guard.release()
        child.stdin.close()
        child.stdout.close()


def test_unwritable_ledger_folder_keeps_the_lock_in_the_data_folder(ledger_path, monkeypatch):
    monkeypatch.setattr(instance_guard.os, "access", lambda path, mode: False)
    from desktop_app.paths import data_dir

    path = instance_guard.lock_path(ledger_path)
    assert path.parent == data_dir() / "locks"
    assert instance_guard.lock_path(ledger_path.parent / "." / ledger_path.name) == path


def _answer(button_text: str, seen: dict, png: Path | None = None) -> None:
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "sharedUseNotice")
    assert isinstance(box, QMessageBox)
    seen["text"] = box.text()
    if png is not None:
        box.grab().save(str(png))
    next(b for b in box.buttons() if b.text() == button_text).click()


@pytest.mark.parametrize(("button", "expected"), [("继续打开", True), ("退出", False)])
def test_notice_lets_the_user_go_on_or_quit(
    ledger_path, qapp, monkeypatch, tmp_path, button, expected
):
    monkeypatch.setattr(
        instance_guard, "network_warning", lambda path: "台账位于网络驱动器（cifs：/mnt/share）上。"
    )
    first, second = InstanceGuard(ledger_path), InstanceGuard(ledger_path)
    seen: dict = {}
    try:
        first.acquire()
        QTimer.singleShot(100, lambda: _answer(button, seen, tmp_path / "notice.png"))
        assert notify_shared_use(None, second) is expected
    finally:
        first.release()
        second.release()
    assert "已在本机的另一个窗口" in seen["text"] and "网络驱动器" in seen["text"]
    assert (tmp_path / "notice.png").stat().st_size > 1000


def test_nothing_to_say_for_a_local_ledger_open_once(ledger_path, qapp):
    guard = InstanceGuard(ledger_path)
    try:
        assert shared_use_notices(guard) == []
        assert notify_shared_use(None, guard) is True  # no dialog, no wait
    finally:
        guard.release()
