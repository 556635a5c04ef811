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


def test_declined_restore_ends_the_start_cleanly(ledger_path, qapp, monkeypatch, capsys):
    from desktop_app.ui import app as app_module
    from desktop_app.ui import backup_dialog

    with sqlite3.connect(ledger_path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with ledger_path.open("r+b") as f:
        f.truncate(ledger_path.stat().st_size - 2 * 4096)
    offered = []
    monkeypatch.setattr(
        backup_dialog, "offer_restore_on_damage", lambda *a, **k: offered.append(a) or None
    )
    from desktop_app.ui import crash

    monkeypatch.setattr(crash, "install_crash_handler", lambda *a, **k: None)
    assert app_module.run_app(ledger_path, ["keyprojects"]) == 1
    assert offered and offered[0][1] == ledger_path
    assert "已损坏" in capsys.readouterr().err
