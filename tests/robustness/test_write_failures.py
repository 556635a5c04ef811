"""Full disk, read-only file, read-only folder: the write is rolled back, reported in plain
Chinese, and what the user typed stays in the form."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from desktop_app.store import MonthlyReport, Store, WriteFailed
from desktop_app.store.integrity import check_file

from .conftest import run_unprivileged, skip_on_windows


def _fill_disk(store: Store, spare_pages: int = 0) -> None:
    """Let the database grow by at most ``spare_pages`` pages (SQLite's max_page_count)."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + spare_pages}")


def _snapshot(store: Store) -> tuple:
    return (
        store.project_count(),
        store.action_count(),
        store.conn.execute("SELECT count(*) FROM monthly_reports").fetchone()[0],
        store.conn.execute("SELECT count(*) FROM history").fetchone()[0],
    )


def test_full_disk_during_a_large_import_changes_nothing(store):
    ids = [p.id for p in store.projects()]
    before = _snapshot(store)
    _fill_disk(store, spare_pages=3)
    reports = [
        MonthlyReport(pid, f"2022-{m:02d}", Decimal("12.5"), progress_notes="进展" * 200)
        for m in range(1, 13)
        for pid in ids
    ]
    with pytest.raises(WriteFailed) as err:
        store.save_monthly_reports(reports, source="导入.xlsx")
    assert str(err.value) == "保存失败，未做任何修改：磁盘空间已满"
    assert _snapshot(store) == before
    assert not store.conn.in_transaction
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same save works
    assert store.save_monthly_reports(reports) == len(reports)


def test_full_disk_when_adding_a_project(store):
    before = _snapshot(store)
    _fill_disk(store)
    with pytest.raises(WriteFailed, match="磁盘空间已满"):
        store.add_project({"name": "新项目", "scope": "内容" * 5000})
    assert _snapshot(store) == before


def _editor_text(widget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    raise AssertionError(type(widget))


def _set_editor_text(widget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.setPlainText(text)


@pytest.mark.parametrize(
    ("fault", "message"),
    [("full", "磁盘空间已满"), ("readonly", "只读")],
)
def test_form_keeps_the_input_when_the_save_fails(make_window, store, fault, message):
    window = make_window(store)
    project = store.find_project("LY2022-007")
    dialog = window.edit_project(project.id)
    typed = "业主反映征地手续未办结，需协调自然资源局。" * 300
    _set_editor_text(dialog.editors["problems"], typed)
    dialog.editors["owner"].setText("新的建设单位")
    if fault == "full":
        _fill_disk(store)
    else:
        store.conn.execute("PRAGMA query_only = ON")  # as a read-only file behaves
    assert not dialog.try_save()
    assert message in dialog.banner.text() and "保存失败" in dialog.banner.text()
    assert dialog.isVisible()
    assert _editor_text(dialog.editors["problems"]) == typed
    assert dialog.editors["owner"].text() == "新的建设单位"
    assert store.get_project(project.id).owner == project.owner
    # once space is freed (or the file writable again) the same form saves
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    store.conn.execute("PRAGMA query_only = OFF")
    assert dialog.try_save()
    assert store.get_project(project.id).problems == typed


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _try_to_write(path: Path) -> dict:
    with Store.open(path, user="只读用户") as s:
        count = s.project_count()
        try:
            s.update_project(1, {"name": "不应写入"})
        except WriteFailed as exc:
            return {"count": count, "error": "WriteFailed", "message": str(exc)}
        return {"count": count, "saved": True}


@skip_on_windows
def test_read_only_file_opens_for_reading_and_refuses_writes(open_dir):
    path = open_dir / "台账.sqlite"
    Store.create(path).close()
    path.chmod(0o444)
    before = _digest(path)
    result = run_unprivileged(lambda: _try_to_write(path))
    assert result == {
        "count": 51,
        "error": "WriteFailed",
        "message": "无法写入数据库：数据库文件或所在文件夹是只读的",
    }
    assert _digest(path) == before
    assert check_file(path, "full").ok


@skip_on_windows
@pytest.mark.parametrize("leftovers", [False, True])
def test_read_only_folder_refuses_writes_with_a_plain_message(open_dir, leftovers):
    folder = open_dir / "只读文件夹"
    folder.mkdir()
    path = folder / "台账.sqlite"
    Store.create(path).close()
    if leftovers:  # -wal and -shm left by another user's session
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TEMP TABLE keep (x)")
        keep = sqlite3.connect(path)
        keep.execute("SELECT 1 FROM projects").fetchone()
    path.chmod(0o666)
    folder.chmod(0o555)
    before = _digest(path)
    try:
        result = run_unprivileged(lambda: _try_to_write(path))
    finally:
        folder.chmod(0o777)
        if leftovers:
            keep.close()
            conn.close()
    assert "Traceback" not in str(result)
    assert result.get("error") == "WriteFailed", result
    assert "只读" in result["message"], result
    assert "attempt" not in result["message"]  # SQLite's English never reaches the user
    assert _digest(path) == before


@skip_on_windows
def test_check_in_a_read_only_folder_never_calls_a_healthy_ledger_damaged(open_dir):
    """`keyprojects check` on a ledger in a folder the user cannot write: SQLite cannot make
    its WAL index there.  The check still runs (read as immutable: nobody can be writing)."""
    folder = open_dir / "只读文件夹"
    folder.mkdir()
    path = folder / "台账.sqlite"
    Store.create(path).close()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = run_unprivileged(
            lambda: {
                level: [r.ok, r.could_not_check, r.message]
                for level in ("quick", "full")
                for r in [check_file(path, level)]
            }
        )
    finally:
        folder.chmod(0o777)
    assert "error" not in result, result
    for level, (ok, could_not_check, message) in result.items():
        assert ok and not could_not_check, (level, message)
        assert "损坏" not in message
