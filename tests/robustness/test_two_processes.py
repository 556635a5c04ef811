"""A second process on the same ledger never corrupts it (issue 12, item 1).

On POSIX, closing any descriptor of a file drops every fcntl lock the process holds on it;
the open-time check used to read the ledger's header with ``open()`` while its connection
was open, so the next process to close thought it was alone, checkpointed and deleted the
WAL under the open window, and the window's later commits went into an unlinked file.
"""

from __future__ import annotations

import builtins
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.store import Store
from desktop_app.store.backup import make_backup, verify_backup
from desktop_app.store.connection import is_open_here, read_header
from desktop_app.store.integrity import check_file, header_problem

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX advisory locks")


def keyprojects(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The ``keyprojects`` command in a process of its own, as a clerk would run it."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _import_file(folder: Path, rows: int) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目编号", "项目名称", "建设单位", "总投资"])
    for i in range(rows):
        sheet.append([f"T-{i:05d}", f"并发测试项目{i}", "测试单位", 100 + i])
    path = folder / "导入.xlsx"
    book.save(path)
    return path


@pytest.mark.slow
def test_window_keeps_saving_while_commands_run_and_exit(tmp_path):
    """The red team's sequence: a window (store) stays open and saves; `projects` runs and
    exits; the window saves 30 more times; a 5,000-row `import` runs; the window saves and
    closes.  Every save is there and the file is whole."""
    ledger = tmp_path / "台账.sqlite"
    Store.create(ledger).close()
    workbook = _import_file(tmp_path, 5000)
    window = Store.open(ledger, user="窗口")
    pid = window.find_project("LY2022-001").id
    window.update_project(pid, {"scope": "第0次"})
    listed = keyprojects("projects", "--db", str(ledger))
    assert listed.returncode == 0, listed.stderr
    for i in range(1, 31):
        window.update_project(pid, {"scope": f"第{i}次"})
    imported = keyprojects("import", str(workbook), "--db", str(ledger), stdin="y\n")
    assert imported.returncode == 0, imported.stderr
    window.update_project(pid, {"scope": "最后一次"})
    window.close()
    conn = sqlite3.connect(ledger)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT scope FROM projects WHERE id = ?", (pid,)).fetchone() == (
            "最后一次",
        )
        assert conn.execute("SELECT count(*) FROM projects WHERE code LIKE 'T-%'").fetchone() == (
            5000,
        )
        saves = conn.execute(
            "SELECT count(*) FROM history WHERE table_name = 'projects' AND record_id = ? "
            "AND field = 'scope' AND user = '窗口'",
            (pid,),
        ).fetchone()[0]
        assert saves == 32  # every one of the window's saves is in the change history
    finally:
        conn.close()


def test_nothing_reads_the_ledger_file_while_a_connection_is_open(tmp_path, monkeypatch):
    """The check on opening, a check and a backup while the ledger is open never open the
    file itself (only SQLite does)."""
    ledger = tmp_path / "台账.sqlite"
    Store.create(ledger).close()
    opened: list[str] = []

    def watching(real):
        def open_(file, *args, **kwargs):
            ours = isinstance(file, str | os.PathLike) and os.fspath(file) == os.fspath(ledger)
            if ours and is_open_here(ledger):
                opened.append(f"{real.__name__}({os.fspath(file)})")
            return real(file, *args, **kwargs)

        return open_

    # every way Python opens a file: open(), Path.open / io.open, os.open
    monkeypatch.setattr("builtins.open", watching(builtins.open))
    monkeypatch.setattr("io.open", watching(io.open))
    monkeypatch.setattr("os.open", watching(os.open))
    with Store.open(ledger) as store:
        assert is_open_here(ledger)
        assert read_header(ledger) is None  # refused: reading it would drop our locks
        assert header_problem(ledger) is None
        assert check_file(ledger, "full").ok
        backup = make_backup(store, "测试", root=tmp_path / "备份")
        assert verify_backup(backup).ok
        with Store.open(ledger) as second:  # a background reader of the same window
            assert second.project_count() == store.project_count()
        assert opened == []
        ledger.open("rb").close()  # what the open-time check once did: the watch sees it
        assert len(opened) == 1
    assert not is_open_here(ledger)
    assert read_header(ledger)[:16] == b"SQLite format 3\x00"  # closed: reading is fine again


def test_a_live_ledger_is_not_called_truncated_while_another_process_checkpoints(tmp_path):
    """While a writer's WAL is live, the file may be shorter than its header says for a
    moment (a checkpoint writes page 1 first): no verdict on length then."""
    ledger = tmp_path / "台账.sqlite"
    Store.create(ledger).close()
    # the state a checkpoint passes through: header says more pages than the file holds
    with sqlite3.connect(ledger) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(ledger.read_bytes())
    data[28:32] = (pages + 50).to_bytes(4, "big")  # in-header database size
    ledger.write_bytes(bytes(data))
    assert "截断" in header_problem(ledger)  # no WAL: a copy cut short
    Path(f"{ledger}-wal").write_bytes(b"\0" * size)  # a writer's live WAL
    assert header_problem(ledger) is None
