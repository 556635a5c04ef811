"""The app's start on a damaged ledger: a clear message and the offer to restore, never a
traceback; on a healthy one: a backup is made and the ledger is locked while open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.store import Store
from desktop_app.store import backup as backups

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_damaged_ledger_at_start_is_a_message_not_a_traceback(ledger_path, tmp_path):
    with sqlite3.connect(ledger_path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with ledger_path.open("r+b") as f:
        f.truncate(ledger_path.stat().st_size - 2 * 4096)
    result = _run("--db", str(ledger_path), "--smoke", home=tmp_path / "home")
    assert result.returncode == 1
    assert "无法打开台账" in result.stderr and "已损坏" in result.stderr
    assert "Traceback" not in result.stderr


def test_start_backs_up_the_ledger_and_logs(ledger_path, tmp_path):
    home = tmp_path / "home"
    result = _run("--db", str(ledger_path), "--smoke", home=home)
    assert result.returncode == 0, result.stderr
    folder = backups.backup_folder(ledger_path, home / "data" / "keyprojects" / "backups")
    made = list(folder.glob("*.sqlite"))
    assert len(made) == 1
    with Store.open(made[0]) as b:  # a whole, openable copy
        assert b.project_count() == 51
    log = home / "state" / "keyprojects" / "log" / "keyprojects.log"
    assert "启动" in log.read_text(encoding="utf-8")
    again = _run("--db", str(ledger_path), "--smoke", home=home)
    assert again.returncode == 0 and len(list(folder.glob("*.sqlite"))) == 1  # unchanged: none


def run(app_module, db, opener=None) -> int:
    """The app started on ``db`` in this process, the crash reporter left alone."""
    from desktop_app.launch import open_ledger

    return app_module.run_app(
        db, ["keyprojects"], opener=opener or open_ledger, crash_handler=False
    )


def test_declined_restore_ends_the_start_cleanly(ledger_path, qapp, monkeypatch, capsys):
    from desktop_app.ui import app as app_module
    from desktop_app.ui.dialogs import backup as backup_dialog

    with sqlite3.connect(ledger_path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with ledger_path.open("r+b") as f:
        f.truncate(ledger_path.stat().st_size - 2 * 4096)
    offered = []
    monkeypatch.setattr(
        backup_dialog, "offer_restore_on_damage", lambda *a, **k: offered.append(a) or None
    )
    assert run(app_module, ledger_path) == 1
    assert offered and offered[0][1] == ledger_path
    assert "已损坏" in capsys.readouterr().err


_WATCH_FIRST_PAINT = """
import sys
from pathlib import Path

from desktop_app.launch import open_ledger
from desktop_app.ui import app

seen = {}


def opener(db):  # called once the window has painted: what had been loaded before?
    seen["store loaded"] = "desktop_app.store" in sys.modules
    seen["grid loaded"] = "desktop_app.ui.monthly.grid" in sys.modules
    return open_ledger(db)


code = app.run_app(Path(sys.argv[1]), ["keyprojects"], opener=opener)
print("SEEN", seen, flush=True)
sys.exit(code)
"""


def test_the_window_is_painted_before_the_ledger_is_read(ledger_path, tmp_path):
    """The window appears at once ("正在打开台账…"), then the ledger fills it in."""
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "KEYPROJECTS_REPORT_FIRST_PAINT": "1"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", _WATCH_FIRST_PAINT, str(ledger_path)],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    marks = [line.split()[0] for line in lines if line.startswith(("FIRST_PAINT", "LEDGER_SHOWN"))]
    assert marks == ["FIRST_PAINT", "LEDGER_SHOWN"]
    first, shown = (float(line.split()[1]) for line in lines if line.split()[0] in marks)
    assert first <= shown
    seen = next(line for line in lines if line.startswith("SEEN"))
    assert "'store loaded': False" in seen and "'grid loaded': False" in seen


def test_a_ledger_that_cannot_be_opened_is_said_in_the_open_window(tmp_path, qapp, monkeypatch):
    from desktop_app.ui import app as app_module

    not_a_ledger = tmp_path / "笔记.sqlite"
    not_a_ledger.write_text("这不是台账", encoding="utf-8")
    said = []
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda parent, title, text: said.append((parent, text))
    )
    assert run(app_module, not_a_ledger) == 1
    assert len(said) == 1
    parent, text = said[0]
    assert parent is not None and parent.windowTitle().endswith("笔记.sqlite")
    assert "无法打开台账" in text and "笔记.sqlite" in text


def test_a_bug_while_opening_ends_the_start_instead_of_a_frozen_window(
    ledger_path, qapp, monkeypatch, capsys
):
    from desktop_app.ui import app as app_module

    def broken(db):
        raise KeyError("status")

    said = []
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda parent, title, text: said.append(text)
    )
    assert run(app_module, ledger_path, opener=broken) == 1
    assert len(said) == 1 and "程序内部错误" in said[0]
    assert "无法打开台账" in capsys.readouterr().err


def test_the_window_answers_while_a_slow_ledger_opens(ledger_path, qapp):
    """Checking a large file or upgrading its structure takes seconds: the window meanwhile
    repaints and says why it waits, then shows the ledger."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QProgressBar

    from desktop_app.launch import open_ledger
    from desktop_app.ui import app as app_module
    from desktop_app.ui.window.main_window import MainWindow

    released = threading.Event()

    def slow_open(db):  # as a 100,000-project ledger being upgraded: done when the test says
        released.wait(30)
        return open_ledger(db)

    ticks, seen = [], {}

    def tick() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            return
        window = windows[0]
        if window.store is None:
            ticks.append(released.is_set())
            busy = window.findChild(QProgressBar, "openingProgress")
            seen["busy"] = seen.get("busy") or (busy is not None and busy.isVisible())
            seen["notice"] = window.findChild(QLabel, "openingNotice").text()
            if seen["busy"] and len(ticks) >= 10:
                released.set()  # the event loop ran all the while: now let the file open
        elif window.model.rowCount() == 51:
            seen["rows"] = window.model.rowCount()
            timer.stop()
            window.close()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    QTimer.singleShot(30_000, released.set)  # never hang the suite
    assert run(app_module, ledger_path, opener=slow_open) == 0
    timer.stop()
    assert ticks.count(False) >= 10  # the window answered while the opening waited
    assert seen["busy"] and "升级数据结构" in seen["notice"]
    assert seen["rows"] == 51
