"""A crafted ledger runs none of its own SQL (issue 12, item 2): a file whose schema is not
exactly what this app writes is refused, with its reason, before it is used or restored."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.store import ForeignSchema, NotOurDatabase, Store
from desktop_app.store.backup import restore_backup
from desktop_app.store.connection import pragmas
from desktop_app.store.integrity import check_file
from desktop_app.store.schema import SCHEMA_VERSION
from desktop_app.store.schema_check import expected_schema, schema_problems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

TRIGGERS = {
    "rewrites amounts and the unit": """CREATE TRIGGER t_amounts AFTER INSERT ON projects BEGIN
        UPDATE projects SET total_investment = 1, department = '某单位' WHERE id = new.id; END""",
    "deletes history": """CREATE TRIGGER t_history AFTER INSERT ON history BEGIN
        DELETE FROM history; END""",
    "changes who acted": """CREATE TRIGGER t_actions AFTER INSERT ON actions BEGIN
        UPDATE actions SET user = '他人' WHERE id = new.id; END""",
    "hangs for ever": """CREATE TRIGGER t_hang BEFORE INSERT ON projects BEGIN
        SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
        SELECT x FROM c); END""",
}


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM projects ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("what", sorted(TRIGGERS))
def test_a_ledger_with_a_trigger_is_refused_and_left_unchanged(ledger_path, what):
    _tamper(ledger_path, TRIGGERS[what])
    before = _rows(ledger_path)
    started = time.perf_counter()
    with pytest.raises(ForeignSchema) as err:
        Store.open(ledger_path)
    assert time.perf_counter() - started < 5
    name = TRIGGERS[what].split()[2]
    assert f"触发器“{name}”" in str(err.value) and "拒绝打开" in str(err.value)
    assert "\n" not in str(err.value)
    assert _rows(ledger_path) == before


def test_a_view_in_place_of_a_table_is_refused(ledger_path):
    _tamper(
        ledger_path,
        "ALTER TABLE projects RENAME TO projects_real",
        """CREATE VIEW projects AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1
           FROM c) SELECT * FROM projects_real, c""",
    )
    with pytest.raises(ForeignSchema) as err:
        Store.open(ledger_path)
    assert "视图“projects”" in str(err.value)  # the worst difference is said first
    assert "含有本程序不会创建的数据表“projects_real”" in err.value.problems


def test_a_ledger_missing_tables_is_refused_with_its_reason(ledger_path):
    _tamper(ledger_path, "DROP TABLE history")
    with pytest.raises(ForeignSchema, match="缺少数据表“history”"):
        Store.open(ledger_path)


def test_a_changed_table_definition_is_refused(ledger_path):
    _tamper(ledger_path, "ALTER TABLE projects ADD COLUMN extra TEXT DEFAULT 'x'")
    with pytest.raises(ForeignSchema, match="数据表“projects”的定义与本程序的不同"):
        Store.open(ledger_path)


def test_foreign_schema_counts_as_not_our_database(ledger_path):
    _tamper(ledger_path, TRIGGERS["deletes history"])
    with pytest.raises(NotOurDatabase):  # the UI and the CLI already say so in one line
        Store.open(ledger_path)


def test_check_full_fails_on_a_crafted_ledger(ledger_path):
    assert check_file(ledger_path, "full").ok
    _tamper(ledger_path, TRIGGERS["rewrites amounts and the unit"])
    result = check_file(ledger_path, "full")
    assert not result.ok and "触发器“t_amounts”" in result.message


def test_the_cli_refuses_a_crafted_ledger_in_one_line(ledger_path):
    _tamper(ledger_path, TRIGGERS["hangs for ever"])
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "projects", "--db", str(ledger_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "t_hang" in lines[0]
    assert "Traceback" not in done.stderr


def test_restore_refuses_a_backup_with_triggers_and_keeps_the_ledger(tmp_path, ledger_path):
    crafted = tmp_path / "来路不明.sqlite"
    shutil.copy(ledger_path, crafted)
    _tamper(crafted, TRIGGERS["deletes history"])
    with Store.open(ledger_path) as store:
        before = store.action_count()
        with pytest.raises(ForeignSchema, match="不能用来恢复"):
            restore_backup(store, crafted, root=tmp_path / "备份")
        assert store.action_count() == before
    conn = sqlite3.connect(ledger_path)
    try:
        triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
        assert triggers.fetchone()[0] == 0
    finally:
        conn.close()


@pytest.mark.parametrize("version", [1, 2, 3])
def test_released_ledgers_match_the_replayed_schema_of_their_version(tmp_path, version):
    path = tmp_path / f"v{version}.sqlite"
    shutil.copy(FIXTURES / f"ledger_schema_v{version}.sqlite", path)
    conn = sqlite3.connect(path)
    try:
        assert schema_problems(conn, version) == []
        assert schema_problems(conn, SCHEMA_VERSION) != []  # each version has its own schema
    finally:
        conn.close()
    with Store.open(path) as store:  # migrated in place, and then untrusted
        assert store.schema_version == SCHEMA_VERSION
        assert pragmas(store.conn)["trusted_schema"] == 0
        assert schema_problems(store.conn, SCHEMA_VERSION) == []


def test_a_crafted_old_ledger_is_refused_before_it_is_trusted(tmp_path):
    """A pre-v4 file needs trust for SQLite to load it; it gets it only if exactly ours."""
    path = tmp_path / "v3.sqlite"
    shutil.copy(FIXTURES / "ledger_schema_v3.sqlite", path)
    _tamper(path, TRIGGERS["changes who acted"])
    with pytest.raises(ForeignSchema, match="t_actions"):
        Store.open(path)


def test_a_new_ledger_has_exactly_the_expected_schema(store):
    assert schema_problems(store.conn, SCHEMA_VERSION) == []
    kinds = {entry[0] for entry in expected_schema(SCHEMA_VERSION)}
    assert kinds == {"table", "index"}  # the app creates no trigger and no view


def test_the_lists_check_still_refuses_a_non_list(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE project_years SET lists = 'x' WHERE project_id = 1")
