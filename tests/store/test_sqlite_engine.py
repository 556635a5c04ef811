"""The SQLite engine under the store: each member against a real connection."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.store import Store
from desktop_app.store.sqlite_engine import SQLiteEngine


@pytest.fixture
def conn():
    c = sqlite3.connect(":memory:", isolation_level=None)
    c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, n INTEGER)")
    yield c
    c.close()


def test_every_store_uses_the_engine_of_its_class(store):
    assert isinstance(store.engine, SQLiteEngine) and store.engine is Store.ENGINE


def test_insert_rows_writes_every_row_in_order_whatever_the_chunking(conn):
    for per in (1, 3, 7, 100):
        engine = SQLiteEngine(rows_per_insert=lambda per=per: per)
        conn.execute("DELETE FROM t")
        rows = [(i, f"c{i}", i * i) for i in range(1, 24)]  # 23 rows: chunks and a remainder
        statements = []
        conn.set_trace_callback(statements.append)
        engine.insert_rows(conn, "INSERT INTO t (id, code, n) VALUES ", 3, rows)
        conn.set_trace_callback(None)
        assert conn.execute("SELECT id, code, n FROM t ORDER BY id").fetchall() == rows
        assert len(statements) == 23 // per + (1 if 23 % per else 0)
    engine.insert_rows(conn, "INSERT INTO t (id, code, n) VALUES ", 3, [])  # nothing: no error


def test_insert_rows_stays_under_the_parameter_limit(conn):
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10)
    try:
        SQLiteEngine().insert_rows(
            conn, "INSERT INTO t (id, code, n) VALUES ", 3, [(i, f"c{i}", i) for i in range(50)]
        )
    finally:
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 50


def test_insert_id_and_the_failed_column(conn):
    engine = SQLiteEngine()
    assert engine.insert_id(conn, "INSERT INTO t (code) VALUES (?)", ("a",)) == 1
    assert engine.insert_id(conn, "INSERT INTO t (code) VALUES (?)", ("b",)) == 2
    with pytest.raises(engine.IntegrityError) as unique:
        conn.execute("INSERT INTO t (code) VALUES ('a')")
    assert engine.failed_column(unique.value) == "t.code"
    with pytest.raises(engine.IntegrityError) as missing:
        conn.execute("INSERT INTO t (n) VALUES (1)")
    assert engine.failed_column(missing.value) == "t.code"
    assert engine.failed_column(sqlite3.IntegrityError("CHECK constraint failed: n > 0")) is None


def test_id_lists_contains_and_json_lists(conn):
    engine = SQLiteEngine()
    conn.executemany("INSERT INTO t (id, code) VALUES (?, ?)", [(1, "钢铁"), (2, "x"), (3, "y")])
    sql = "SELECT id FROM t WHERE " + engine.ids_filter("id") + " ORDER BY id"
    assert conn.execute(sql, (engine.ids_param([3, 1, 9]),)).fetchall() == [(1,), (3,)]
    assert conn.execute(sql, (engine.ids_param([]),)).fetchall() == []
    found = conn.execute("SELECT id FROM t WHERE " + engine.contains("code"), ("钢",)).fetchall()
    assert found == [(1,)]
    conn.execute("CREATE TABLE p (lists TEXT)")
    conn.executemany("INSERT INTO p VALUES (?)", [('["甲", "乙"]',), ('["乙"]',), ("[]",)])
    assert engine.count_in_list(conn, "p", "lists", "乙") == 2
    assert engine.count_in_list(conn, "p", "lists", "丙") == 0


def test_upsert_and_insert_ignore(conn):
    engine = SQLiteEngine()
    upsert = engine.upsert_sql("t", ("code",), ("n",))
    conn.execute(upsert, ("a", 1))
    conn.execute(upsert, ("a", 2))
    ignore = engine.insert_ignore_sql("t", ("code", "n"))
    conn.execute(ignore, ("a", 3))
    conn.execute(ignore, ("b", 4))
    assert conn.execute("SELECT code, n FROM t ORDER BY code").fetchall() == [("a", 2), ("b", 4)]


def test_periods_newest_first(store):
    assert SQLiteEngine.periods(store.conn) == []
    pid = store.find_project("LY2022-001").id
    for period in ("2021-12", "2022-03", "2022-01"):
        store.conn.execute(
            "INSERT INTO monthly_reports (project_id, period, updated_at) VALUES (?, ?, 'x')",
            (pid, period),
        )
    assert SQLiteEngine.periods(store.conn) == ["2022-03", "2022-01", "2021-12"]


def test_begin_write_takes_the_write_lock_at_once(ledger_path):
    with Store.open(ledger_path) as first, Store.open(ledger_path) as second:
        second.conn.execute("PRAGMA busy_timeout = 0")
        first.engine.begin_write(first.conn)
        assert first.engine.in_transaction(first.conn)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            second.engine.begin_write(second.conn)
        first.conn.execute("ROLLBACK")
        assert not first.engine.in_transaction(first.conn)


def test_errors_in_plain_chinese():
    engine = SQLiteEngine()
    assert (
        engine.plain_error(sqlite3.OperationalError("database or disk is full")) == "磁盘空间已满"
    )
    assert engine.is_overflow(sqlite3.OperationalError("integer overflow"))
    assert not engine.is_overflow(sqlite3.OperationalError("database is locked"))
