"""Is a ledger's schema exactly the one this app would have written at its version?

A ledger file can come from anywhere (a colleague's USB stick, a restored backup).  SQLite
runs whatever triggers and views a file holds, so a crafted file could rewrite imported
amounts, delete history or hang the app.  Before a ledger is used or restored, every entry
of its ``sqlite_master`` -- tables, indexes, triggers, views -- is compared with the schema
that replaying this app's own migrations up to the file's ``user_version`` produces; any
difference refuses the file with its reason.  The replay runs in memory (~2 ms, cached).
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

from .errors import ForeignSchema

#: What sqlite-utils' ``Migrations`` writes for its own bookkeeping (its text, verbatim).
MIGRATIONS_TABLE = (
    "table",
    "_sqlite_migrations",
    "_sqlite_migrations",
    'CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n'
    '   "migration_set" TEXT,\n   "name" TEXT,\n   "applied_at" TEXT\n)',
)
MIGRATIONS_INDEX = (
    "index",
    "idx__sqlite_migrations_migration_set_name",
    "_sqlite_migrations",
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n'
    '    ON "_sqlite_migrations" ("migration_set", "name")',
)

#: What ``ANALYZE`` writes (the sample ledgers are analysed): statistics for the planner.
STAT_TABLE = ("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)")

Entry = tuple[str, str, str, str | None]  # type, name, tbl_name, normalised sql
_KIND = {"table": "数据表", "index": "索引", "trigger": "触发器", "view": "视图"}


def normalise(sql: str | None) -> str | None:
    """SQL text with whitespace runs made one space and none beside brackets and commas."""
    if sql is None:
        return None
    text = re.sub(r"\s+", " ", sql).strip()
    return re.sub(r"\s*([(),])\s*", r"\1", text)


class _Replay:
    """The one method of sqlite-utils' ``Database`` the migrations use, over a plain
    connection (importing sqlite-utils costs 0.3 s; opening a ledger must not)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: object = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)  # type: ignore[arg-type]


@cache
def expected_schema(version: int) -> frozenset[Entry]:
    """The schema a ledger of ``version`` has: this app's migrations 1..version replayed."""
    from . import schema

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        replay = _Replay(conn)
        for migration in schema.MIGRATION_FUNCTIONS[:version]:
            migration(replay)  # type: ignore[arg-type]
        entries = set(_entries(conn))
    finally:
        conn.close()
    if version:
        entries |= {_norm(MIGRATIONS_TABLE), _norm(MIGRATIONS_INDEX)}
    return frozenset(entries)


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """One plain-Chinese line per difference from the app's schema at ``version``.

    ``version`` 0 with no table at all is an empty file SQLite has just created: fine.
    """
    actual = set(_entries(conn)) - {_norm(STAT_TABLE)}
    if version == 0 and not actual:
        return []
    from . import schema

    if not 1 <= version <= schema.SCHEMA_VERSION:
        return [f"数据结构版本 v{version} 未知"]
    expected = expected_schema(version)
    code: list[str] = []  # said in this order: worst first
    missing: list[str] = []
    extra: list[str] = []
    changed: list[str] = []
    by_name = {(e[0], e[1]): e for e in expected}
    for entry in sorted(actual - expected):
        kind, name = entry[0], entry[1]
        label = _KIND.get(kind, kind)
        if kind in ("trigger", "view"):
            code.append(f"含有本程序不会创建的{label}“{name}”（会执行其中的命令）")
        elif (kind, name) in by_name:
            changed.append(f"{label}“{name}”的定义与本程序的不同")
        else:
            extra.append(f"含有本程序不会创建的{label}“{name}”")
    actual_names = {(e[0], e[1]) for e in actual}
    for entry in sorted(expected - actual):
        if (entry[0], entry[1]) not in actual_names:
            missing.append(f"缺少{_KIND.get(entry[0], entry[0])}“{entry[1]}”")
    return code + missing + extra + changed


def refuse_foreign_schema(conn: sqlite3.Connection, path: str | Path, version: int) -> None:
    """Raise :class:`ForeignSchema` naming the first differences when the schema is not ours."""
    problems = schema_problems(conn, version)
    if problems:
        more = f"等 {len(problems)} 处" if len(problems) > 3 else ""
        raise ForeignSchema(
            f"“{Path(path).name}”的数据结构与本程序的不符，为安全起见拒绝打开："
            f"{'；'.join(problems[:3])}{more}",
            problems,
        )


def _entries(conn: sqlite3.Connection) -> list[Entry]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return [_norm(tuple(r)) for r in rows]  # type: ignore[arg-type]


def _norm(entry: tuple[str, str, str, str | None]) -> Entry:
    return (entry[0], entry[1], entry[2], normalise(entry[3]))
