"""Every connection is configured explicitly; foreign and damaged files are refused."""

import sqlite3

import pytest

from desktop_app.store import DatabaseMissing, NewerSchema, NotOurDatabase, Store, StoreError
from desktop_app.store.connection import pragmas


def test_pragmas_read_back(store):
    assert pragmas(store.conn) == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "busy_timeout": 5000,
        "synchronous": 2,  # FULL
        "trusted_schema": 0,  # a ledger's own schema may call no unsafe function
    }


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO monthly_reports (project_id, period, updated_at) VALUES (999999, '2022-01', 'x')"
        )


def test_create_refuses_to_overwrite(ledger_path):
    before = ledger_path.read_bytes()
    with pytest.raises(StoreError, match="不会覆盖"):
        Store.create(ledger_path)
    assert ledger_path.read_bytes() == before


def test_missing_file(tmp_path):
    with pytest.raises(DatabaseMissing, match="数据库文件不存在"):
        Store.open(tmp_path / "nope.sqlite")
    assert not (tmp_path / "nope.sqlite").exists()


def test_text_file_is_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(NotOurDatabase, match="不是数据库文件"):
        Store.open(path)


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurDatabase, match="不是重点项目调度台的数据库"):
        Store.open(path)


def test_newer_schema_is_refused(ledger_path):
    conn = sqlite3.connect(ledger_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerSchema, match="v99"):
        Store.open(ledger_path)


def test_unknown_migration_is_refused(ledger_path):
    conn = sqlite3.connect(ledger_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('keyprojects', 'm999_from_the_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchema, match="更新版本"):
        Store.open(ledger_path)
