"""Backups: consistent snapshots (backup API), rotation, listing, checks and restore."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from desktop_app.store import DatabaseDamaged, NewerSchema, NotOurDatabase, Store, WriteFailed
from desktop_app.store import backup as backups
from desktop_app.store.integrity import check_file
from tests.conftest import FIXTURES


def _names(store: Store) -> dict[int, str]:
    return {p.id: p.name for p in store.projects()}


def test_backup_holds_committed_wal_content_a_file_copy_would_miss(store, tmp_path):
    store.update_project(1, {"total_investment": "12345.67"})
    assert Path(f"{store.path}-wal").stat().st_size > 0  # the change is still only in the WAL
    copied = tmp_path / "copy.sqlite"
    shutil.copyfile(store.path, copied)  # what a naive file copy gets
    with sqlite3.connect(copied) as c:
        assert c.execute("SELECT total_investment FROM projects WHERE id = 1").fetchone()[0] is None

    made = backups.make_backup(store, "测试")
    with sqlite3.connect(made.path) as c:
        assert c.execute("SELECT total_investment FROM projects WHERE id = 1").fetchone() == (
            1234567,
        )
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    assert not Path(f"{made.path}-wal").exists()
    assert made.verified is True and made.projects == 51 and made.reason == "测试"


def test_backup_during_an_action_holds_only_what_was_committed(store):
    with store.action("批量编辑"):
        store.update_project(1, {"name": "未提交的名称"})
        made = backups.backup_before(store, "导入前")
    with sqlite3.connect(made.path) as c:
        assert c.execute("SELECT name FROM projects WHERE id = 1").fetchone()[0] != "未提交的名称"
    assert store.get_project(1).name == "未提交的名称"


def test_backup_while_another_process_writes_is_consistent(store):
    """Backups taken while a writer commits many small actions are each a whole state."""
    stop = threading.Event()
    with store.action("起点"):
        store.update_project(1, {"scope": "起点"})
        store.update_project(2, {"scope": "起点"})
    writer = Store.open(store.path, user="写入者")

    def write() -> None:
        i = 0
        while not stop.is_set():
            with writer.action("成对修改"):  # two projects changed together, always equal
                writer.update_project(1, {"scope": f"轮次{i}"})
                writer.update_project(2, {"scope": f"轮次{i}"})
            i += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        made = [backups.make_backup(store, f"第{n}次", keep=100) for n in range(8)]
        rounds = writer.action_count()
    finally:
        stop.set()
        thread.join()
        writer.close()
    for b in made:
        with sqlite3.connect(b.path) as c:
            a, b2 = (r[0] for r in c.execute("SELECT scope FROM projects WHERE id IN (1, 2)"))
            assert a == b2
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert rounds > 10  # the writer really was committing meanwhile
    assert len({b.fingerprint for b in made}) > 1


def test_rotation_keeps_the_configured_number(store):
    backups.set_keep_count(store.path, 3)
    made = []
    for i in range(5):
        store.update_project(1, {"scope": f"第{i}版"})
        made.append(backups.make_backup(store, f"第{i}次"))
    listed = backups.list_backups(store.path)
    assert [b.reason for b in listed] == ["第4次", "第3次", "第2次"]
    assert not made[0].path.exists() and not made[0].path.with_suffix(".json").exists()
    assert backups.keep_count(store.path) == 3
    backups.set_keep_count(store.path, 1)
    assert [b.reason for b in backups.list_backups(store.path)] == ["第4次"]
    with pytest.raises(Exception, match="1 到 1000"):
        backups.set_keep_count(store.path, 0)


def test_backup_on_open_skips_an_unchanged_ledger(store):
    first = backups.backup_on_open(store)
    assert first is not None and first.reason == "打开时自动备份"
    assert backups.backup_on_open(store) is None
    store.update_project(1, {"scope": "新的内容"})
    assert backups.backup_on_open(store) is not None
    assert len(backups.list_backups(store.path)) == 2


def test_migration_is_preceded_by_a_backup(tmp_path):
    path = tmp_path / "v1.sqlite"
    shutil.copyfile(FIXTURES / "ledger_schema_v1.sqlite", path)
    with Store.open(path) as s:
        assert s.schema_version >= 2
    (made,) = backups.list_backups(path)
    assert "升级前" in made.reason and made.schema_version == 1
    with sqlite3.connect(made.path) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == 1


def test_restore_into_the_open_ledger_backs_up_first(store):
    before = backups.make_backup(store, "修改前")
    store.update_project(1, {"name": "修改后的名称"})
    result = backups.restore_backup(store, before)
    assert store.get_project(1).name != "修改后的名称"  # the same connection sees the restore
    assert result.safety is not None and "恢复前" in result.safety.reason
    with sqlite3.connect(result.safety.path) as c:
        assert c.execute("SELECT name FROM projects WHERE id = 1").fetchone()[0] == "修改后的名称"
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.update_project(2, {"scope": "恢复后仍可编辑"})  # the store keeps working
    other = Store.open(store.path)
    assert other.get_project(1).name == before_name(before) and other.get_project(2).scope
    other.close()


def before_name(b: backups.Backup) -> str:
    with sqlite3.connect(b.path) as c:
        return c.execute("SELECT name FROM projects WHERE id = 1").fetchone()[0]


def test_restore_does_not_rotate_away_the_chosen_backup(store):
    backups.set_keep_count(store.path, 2)
    for i in range(2):
        store.update_project(1, {"scope": str(i)})
        backups.make_backup(store, f"第{i}次")
    chosen = backups.list_backups(store.path)[-1]  # the oldest of the two kept
    result = backups.restore_backup(store, chosen)  # its safety backup would push it out
    assert chosen.path.exists() and result.safety is not None and result.safety.path.exists()
    assert store.get_project(1).scope == "0"


def _truncate(path: Path, pages: int = 3) -> None:
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size - 4096 * pages)


def test_damaged_ledger_is_refused_and_the_latest_good_backup_restores_it(ledger_path):
    with Store.open(ledger_path) as s:
        backups.make_backup(s, "好的备份")
        s.update_project(1, {"name": "最后的修改"})
        backups.make_backup(s, "最后的备份")
    _truncate(ledger_path)
    with pytest.raises(DatabaseDamaged, match="已损坏"):
        Store.open(ledger_path)
    good = backups.latest_good_backup(ledger_path)
    assert good is not None and good.reason == "最后的备份"
    result = backups.restore_latest_good(ledger_path)
    assert result.moved_aside is not None and result.moved_aside.exists()  # the damaged file kept
    assert "损坏" in result.moved_aside.name
    with Store.open(ledger_path) as s:
        assert s.get_project(1).name == "最后的修改" and s.project_count() == 51
    assert check_file(ledger_path, "full").ok


def test_damaged_backups_are_skipped_when_looking_for_a_good_one(ledger_path):
    with Store.open(ledger_path) as s:
        good = backups.make_backup(s, "好的")
        s.update_project(1, {"scope": "x"})
        bad = backups.make_backup(s, "坏的")
    _truncate(bad.path, 2)
    assert backups.latest_good_backup(ledger_path) == good
    with pytest.raises(DatabaseDamaged, match="不能用来恢复"):
        backups.restore_backup(ledger_path, bad)


def test_foreign_and_newer_backups_are_refused(ledger_path, tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(NotOurDatabase, match="不是重点项目调度台"):
        backups.restore_backup(ledger_path, other)
    newer = tmp_path / "newer.sqlite"
    with Store.open(ledger_path) as s:
        b = backups.make_backup(s, "x")
    shutil.copyfile(b.path, newer)
    with sqlite3.connect(newer) as c:
        c.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerSchema, match="更新版本"):
        backups.restore_backup(ledger_path, newer)
    with Store.open(ledger_path) as s:
        assert s.project_count() == 51  # untouched


def test_backup_on_a_full_disk_fails_cleanly(store, monkeypatch):
    """The backup file may not grow beyond a few pages (SQLite's max_page_count)."""
    real_connect = sqlite3.connect

    def small_disk(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if ".partial-" in str(target):
            conn.execute("PRAGMA max_page_count = 5")
        return conn

    monkeypatch.setattr(backups.sqlite3, "connect", small_disk)
    with pytest.raises(WriteFailed, match="备份失败，台账未受影响：磁盘空间已满"):
        backups.make_backup(store, "x")
    monkeypatch.undo()
    folder = backups.backup_folder(store.path)
    assert not list(folder.glob("*.sqlite")) and not list(folder.glob(".partial-*"))
    assert backups.make_backup(store, "空间够了").verified


def test_backups_are_listed_even_without_their_sidecar(store):
    made = backups.make_backup(store, "有说明")
    made.path.with_suffix(".json").unlink()
    (listed,) = backups.list_backups(store.path)
    assert listed.path == made.path and listed.reason == "（无说明）"
    assert abs((listed.created - made.created).total_seconds()) < 1


def test_each_ledger_has_its_own_folder(tmp_path):
    a, b = tmp_path / "a" / "台账.sqlite", tmp_path / "b" / "台账.sqlite"
    assert backups.backup_folder(a) != backups.backup_folder(b)
    assert backups.backup_folder(a) == backups.backup_folder(
        tmp_path / "a" / ".." / "a" / "台账.sqlite"
    )
    assert os.fspath(backups.backup_folder(a)).startswith(os.fspath(backups.backup_root()))


def test_an_import_is_preceded_by_a_backup(store, tmp_path):
    import openpyxl

    from desktop_app.importers import apply_preview, preview_file

    book = openpyxl.Workbook()
    book.active.append(["项目名称", "建设单位", "总投资"])
    book.active.append(["新建的导入项目", "某公司", 100])
    path = tmp_path / "东丰县台账.xlsx"
    book.save(path)
    apply_preview(store, preview_file(store, path))
    made = backups.list_backups(store.path)
    assert made and "导入前" in made[0].reason and "东丰县台账.xlsx" in made[0].reason
    with sqlite3.connect(made[0].path) as c:  # the backup holds the ledger before the import
        assert c.execute(
            "SELECT count(*) FROM projects WHERE name = '新建的导入项目'"
        ).fetchone() == (0,)
