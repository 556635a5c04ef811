"""Restoring never waits for ever, and restores a backup of another page size (issue 12,
items 7 and 10)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.store import Store, WriteFailed
from desktop_app.store.backup import make_backup, restore_backup

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE projects SET scope = 'other process' WHERE id = 1")
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def hold_the_lock(ledger_path: Path):
    """Starts another process in the middle of a long write (an import) on the ledger."""
    children: list[subprocess.Popen[str]] = []

    def start() -> None:
        child = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(ledger_path)], stdout=subprocess.PIPE, text=True
        )
        children.append(child)
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"

    yield start
    for child in children:
        child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


def test_restore_gives_up_after_the_busy_timeout_and_changes_nothing(
    tmp_path, ledger_path, hold_the_lock
):
    root = tmp_path / "备份"
    with Store.open(ledger_path) as store:
        old = make_backup(store, "旧备份", root=root)
        store.update_project(2, {"scope": "恢复前的内容"})
        hold_the_lock()
        started = time.perf_counter()
        with pytest.raises(WriteFailed, match="正被另一个程序写入") as err:
            restore_backup(store, old, root=root)
        waited = time.perf_counter() - started
        assert 4 < waited < 15, waited
        assert "\n" not in str(err.value)
        assert store.get_project(2).scope == "恢复前的内容"


def test_restore_of_a_closed_ledger_gives_up_too(tmp_path, ledger_path, hold_the_lock):
    root = tmp_path / "备份"
    old = make_backup(ledger_path, "旧备份", root=root)
    hold_the_lock()
    started = time.perf_counter()
    with pytest.raises(WriteFailed, match="正被另一个程序写入"):
        restore_backup(ledger_path, old, root=root)
    assert time.perf_counter() - started < 15


def test_a_backup_of_another_page_size_restores(tmp_path, ledger_path):
    """A backup written with 8 KB pages (another SQLite, another setting) goes into a
    4 KB-page ledger in WAL mode -- which SQLite's backup cannot do directly."""
    root = tmp_path / "备份"
    with Store.open(ledger_path) as store:
        store.update_project(1, {"scope": "备份时的内容"})
        backup = make_backup(store, "备份", root=root)
        store.update_project(1, {"scope": "之后的修改"})
        other = tmp_path / "八千页.sqlite"
        shutil.copy(backup.path, other)
        conn = sqlite3.connect(other, isolation_level=None)
        conn.execute("PRAGMA page_size = 8192")
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
        conn.close()
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        restore_backup(store, other, root=root)
        assert store.get_project(1).scope == "备份时的内容"
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.update_project(1, {"scope": "恢复后可以继续编辑"})
    assert not list(tmp_path.glob(".restore-*"))  # the converted copy is gone
