"""Everything the store does that only SQLite does: the engine under :class:`~.store.Store`.

The per-concern modules of the store (:mod:`.projects`, :mod:`.monthly`, :mod:`.children`,
:mod:`.codes`, :mod:`.history`, :mod:`.reads`, :mod:`.actions`, :mod:`.opening`) write portable
SQL -- plain ``SELECT``/``INSERT``/``UPDATE``/``DELETE``, ``SAVEPOINT``, ``COMMIT``,
``ROLLBACK``, ``coalesce``, ``substr``, ``LIMIT``, qmark (``?``) placeholders -- and ask this
object for the rest.  Below it sit the SQLite machinery modules: :mod:`.connection` (the
per-file registry of connections, hardening, pragmas), :mod:`.integrity` (header and
``quick_check``), :mod:`.schema` (sqlite-utils migrations, the running-sums ``UPDATE … FROM``),
:mod:`.schema_check` (``sqlite_master`` compared with our migrations) and :mod:`.backup`
(SQLite's online backup API).

A second engine (PostgreSQL through psycopg 3, a later issue) is a class with the same
members as :class:`SQLiteEngine`; the store uses nothing else of it:

- **errors**: ``Error``, ``DatabaseError``, ``OperationalError``, ``IntegrityError`` (the
  DB-API classes of its driver); :meth:`~SQLiteEngine.plain_error` (the driver's English as one
  plain-Chinese clause), :meth:`~SQLiteEngine.open_error`, :meth:`~SQLiteEngine.failed_column`
  (which ``table.column`` a constraint violation names), :meth:`~SQLiteEngine.is_overflow`.
- **opening**: :meth:`~SQLiteEngine.refuse_bad_file`, :meth:`~SQLiteEngine.connect` (a
  connection in autocommit mode whose ``execute(sql, params)`` returns a cursor -- psycopg's
  does; it translates ``?`` to ``%s``), :meth:`~SQLiteEngine.check_identity`,
  :meth:`~SQLiteEngine.check_on_open`, :meth:`~SQLiteEngine.schema_version`,
  :meth:`~SQLiteEngine.schema_current` and the migration members
  (:meth:`~SQLiteEngine.migration_database`, :meth:`~SQLiteEngine.applied_migrations`,
  :meth:`~SQLiteEngine.pending_migrations`, :meth:`~SQLiteEngine.apply_migrations`).
- **transactions**: :meth:`~SQLiteEngine.begin_write` (``BEGIN IMMEDIATE`` here: the write
  lock at once, so a busy ledger fails before any work; ``BEGIN`` plus row locks there),
  :meth:`~SQLiteEngine.in_transaction`.
- **statements**: :meth:`~SQLiteEngine.insert_id` (``lastrowid`` here, ``RETURNING id``
  there), :meth:`~SQLiteEngine.insert_rows` (many rows per statement),
  :meth:`~SQLiteEngine.ids_filter` / :meth:`~SQLiteEngine.ids_param` (a list of ids as one
  parameter: ``json_each`` here, ``= ANY(%s)`` there), :meth:`~SQLiteEngine.contains`
  (``instr`` / ``strpos``), :meth:`~SQLiteEngine.count_in_list` (a JSON list column:
  ``json_each`` / ``jsonb ? value``), :meth:`~SQLiteEngine.upsert_sql`,
  :meth:`~SQLiteEngine.insert_ignore_sql`, :meth:`~SQLiteEngine.periods` (here a recursive
  skip scan; there ``SELECT DISTINCT`` over the index), :meth:`~SQLiteEngine.refresh_running_sums`
  (window sums written back: ``UPDATE … FROM`` in both, with ``IS DISTINCT FROM`` there).
- **bulk files** (sample ledgers): :meth:`~SQLiteEngine.bulk_writes`,
  :meth:`~SQLiteEngine.finish_bulk_file`.

Explicit ids (``coalesce(max(id), 0) + 1``, restored projects keeping theirs) need a
``setval`` of the id sequence in PostgreSQL after such inserts; the column ``user`` of
``actions`` and ``history`` must be quoted there.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import schema
from .connection import connect, plain_sqlite_error
from .errors import DatabaseDamaged, NewerSchema, NotOurDatabase, StoreError, WriteFailed
from .integrity import CheckResult, check_on_open, refuse_bad_header
from .schema_check import refuse_foreign_schema

if TYPE_CHECKING:
    from sqlite_utils import Database

_FAILED_COLUMN = re.compile(r"constraint failed: (\w+\.\w+)")


class SQLiteEngine:
    """The SQLite side of the store (see the module's docstring for the interface).

    ``rows_per_insert`` gives how many rows one ``INSERT`` of :meth:`insert_rows` holds at
    most; it is asked at every write, so the front can lower it at run time.
    """

    name = "sqlite"
    Error = sqlite3.Error
    DatabaseError = sqlite3.DatabaseError
    OperationalError = sqlite3.OperationalError
    IntegrityError = sqlite3.IntegrityError

    def __init__(self, rows_per_insert: Callable[[], int] = lambda: 100) -> None:
        self.rows_per_insert = rows_per_insert

    # ------------------------------------------------------------------ errors
    @staticmethod
    def plain_error(exc: BaseException) -> str:
        """The driver's English message as one plain-Chinese clause."""
        return plain_sqlite_error(exc)  # type: ignore[arg-type]

    def open_error(self, exc: sqlite3.DatabaseError, path: Path) -> StoreError:
        """The error to raise for ``exc`` met while opening ``path``."""
        if isinstance(exc, sqlite3.OperationalError):
            return WriteFailed(f"无法打开台账：{self.plain_error(exc)}")
        return DatabaseDamaged(f"数据库文件“{path.name}”已损坏：{exc}")

    @staticmethod
    def failed_column(exc: Exception) -> str | None:
        """The ``table.column`` a UNIQUE or NOT NULL violation names, if any."""
        match = _FAILED_COLUMN.search(str(exc))
        return match.group(1) if match else None

    @staticmethod
    def is_overflow(exc: sqlite3.Error) -> bool:
        """Whether a sum overflowed 64 bits (amounts of older versions above the ceiling)."""
        return isinstance(exc, sqlite3.OperationalError) and "overflow" in str(exc)

    # ------------------------------------------------------------------ opening
    @staticmethod
    def refuse_bad_file(path: Path) -> None:
        """Refuse, before the driver touches it, a file that is cut short or not SQLite."""
        refuse_bad_header(path)

    @staticmethod
    def connect(path: Path, *, create: bool = False, readonly: bool = False) -> Any:
        """A registered, hardened connection in autocommit mode (see :mod:`.connection`)."""
        return connect(path, create=create, readonly=readonly)

    @staticmethod
    def check_identity(conn: sqlite3.Connection, path: Path) -> None:
        """Refuse a file that is not ours, written by a newer version, or not exactly our
        schema (it could run SQL of its own)."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id not in (0, schema.APPLICATION_ID) or (app_id == 0 and tables > 0):
            raise NotOurDatabase(f"“{path.name}”不是重点项目调度台的数据库")
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        if user_version > schema.SCHEMA_VERSION:
            raise NewerSchema(
                f"“{path.name}”由更新版本的程序创建（数据结构 v{user_version}），"
                f"本程序只支持到 v{schema.SCHEMA_VERSION}，请升级程序"
            )
        refuse_foreign_schema(conn, path, user_version)

    @staticmethod
    def check_on_open(conn: sqlite3.Connection, path: Path) -> CheckResult:
        """``quick_check`` on files up to 64 MB, else only the header (see :mod:`.integrity`)."""
        return check_on_open(conn, path)

    @staticmethod
    def schema_version(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def schema_current(self, conn: sqlite3.Connection) -> bool:
        """Whether every known migration is recorded and ``user_version`` says so."""
        if self.schema_version(conn) != schema.SCHEMA_VERSION:
            return False
        try:
            names = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'keyprojects'"
                )
            }
        except sqlite3.OperationalError:  # no migrations table
            return False
        return names == set(schema.KNOWN_MIGRATIONS)

    @staticmethod
    def migration_database(conn: sqlite3.Connection) -> Database:
        """The sqlite-utils view of ``conn`` the migrations run on (imports sqlite-utils)."""
        from sqlite_utils import Database

        return Database(conn, execute_plugins=False)

    @staticmethod
    def applied_migrations(db: Database) -> set[str]:
        return {m.name for m in schema.migrations.applied(db)}

    @staticmethod
    def pending_migrations(db: Database) -> list[str]:
        return [m.name for m in schema.migrations.pending(db)]

    def apply_migrations(self, conn: sqlite3.Connection, db: Database, pending: list[str]) -> None:
        """Apply the pending migrations, each in its own transaction (a failed one leaves no
        trace).  Table rebuilds run with foreign keys off; the sorter uses temporary files
        where it can (in memory where it cannot)."""
        try:
            rebuilds = bool(schema.REBUILDS_TABLES.intersection(pending))
            # The schema was verified to be exactly ours (check_identity), and the
            # migrations before v4 create and copy a CHECK with json_valid().
            conn.execute("PRAGMA trusted_schema = ON")
            with schema.foreign_keys_off(conn, rebuilds):
                try:
                    with schema.sorting_on_disk(conn):
                        schema.migrations.apply(db)
                except sqlite3.OperationalError:  # e.g. no temporary folder: sort in memory
                    schema.migrations.apply(db)  # (a failed migration left no trace)
        except sqlite3.OperationalError as exc:
            raise WriteFailed(f"无法升级数据库结构：{self.plain_error(exc)}") from exc
        finally:
            conn.execute("PRAGMA trusted_schema = OFF")  # from v4 on, nothing needs trust

    # ------------------------------------------------------------- transactions
    @staticmethod
    def begin_write(conn: sqlite3.Connection) -> None:
        """Begin a write transaction holding the write lock from its first statement."""
        conn.execute("BEGIN IMMEDIATE")

    @staticmethod
    def in_transaction(conn: sqlite3.Connection) -> bool:
        return conn.in_transaction

    # --------------------------------------------------------------- statements
    @staticmethod
    def insert_id(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> int:
        """Run one ``INSERT`` and return the id of the row it made."""
        return int(conn.execute(sql, params).lastrowid or 0)

    def insert_rows(
        self, conn: sqlite3.Connection, insert: str, width: int, rows: Sequence[Sequence[Any]]
    ) -> None:
        """``insert`` (ending in VALUES) for every row of ``width`` values, in order, many rows
        per statement: an imported ledger writes ~180,000 history rows, and a statement per
        row costs twice the time.

        Not sqlite-utils' ``insert_all``: measured on 180,000 history rows it takes 0.9-1.0 s
        against 0.2 s here (it builds a dict and checks every value of every row), and
        importing it costs 0.3 s more on the first import of a session."""
        limit = int(conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # 999 before 3.32
        per = max(1, min(self.rows_per_insert(), limit // width))
        one = "(" + ", ".join("?" * width) + ")"
        whole = len(rows) - len(rows) % per
        if whole:
            conn.executemany(
                insert + ", ".join([one] * per),
                (tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, whole, per)),
            )
        if whole < len(rows):
            rest = rows[whole:]
            conn.execute(insert + ", ".join([one] * len(rest)), tuple(chain.from_iterable(rest)))

    @staticmethod
    def ids_filter(column: str) -> str:
        """A condition: ``column`` is one of the ids passed as one :meth:`ids_param`."""
        return f"{column} IN (SELECT value FROM json_each(?))"

    @staticmethod
    def ids_param(ids: Iterable[int]) -> str:
        return json.dumps([int(i) for i in ids])

    @staticmethod
    def contains(column: str) -> str:
        """A condition: the text parameter occurs in ``column``."""
        return f"instr({column}, ?) > 0"

    @staticmethod
    def count_in_list(conn: sqlite3.Connection, table: str, column: str, value: str) -> int:
        """How many rows of ``table`` hold ``value`` in the JSON list of ``column``."""
        return int(
            conn.execute(
                f"SELECT count(*) FROM {table}, json_each({table}.{column}) "
                "WHERE json_each.value = ?",
                (value,),
            ).fetchone()[0]
        )

    @staticmethod
    def upsert_sql(table: str, key: Sequence[str], columns: Sequence[str]) -> str:
        """Insert ``key`` + ``columns``, or on a key already there update ``columns``."""
        names = (*key, *columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
        return (
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
        )

    @staticmethod
    def insert_ignore_sql(table: str, columns: Sequence[str]) -> str:
        """Insert ``columns``, skipping a row whose key is already there."""
        return (
            f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )

    @staticmethod
    def periods(conn: sqlite3.Connection) -> list[str]:
        """Every period with at least one report, newest first."""
        # One index seek per period (skip scan) instead of reading every report's index
        # entry: ~0.5 ms instead of ~300 ms on 3 million reports.
        return [
            r[0]
            for r in conn.execute(
                """WITH RECURSIVE app_periods(period) AS (
                       SELECT max(period) FROM monthly_reports
                       UNION ALL
                       SELECT (SELECT max(period) FROM monthly_reports
                               WHERE period < app_periods.period)
                       FROM app_periods WHERE app_periods.period IS NOT NULL)
                   SELECT period FROM app_periods WHERE period IS NOT NULL"""
            )
        ]

    def refresh_running_sums(self, conn: sqlite3.Connection, project_ids: Iterable[int]) -> None:
        """Recompute 本年累计/开工以来累计 on every report of ``project_ids``."""
        conn.execute(
            schema.CUMULATIVE_REFRESH.format(where=self.ids_filter("project_id")),
            (self.ids_param(sorted(project_ids)),),
        )

    # --------------------------------------------------------------- bulk files
    @staticmethod
    @contextmanager
    def bulk_writes(conn: sqlite3.Connection) -> Iterator[None]:
        """Writes into a fresh file nobody else uses: no syncing, a large cache (a failure
        throws the file away anyway); full sync again afterwards."""
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        try:
            yield
        finally:
            conn.execute("PRAGMA synchronous = FULL")

    @staticmethod
    def finish_bulk_file(conn: sqlite3.Connection) -> None:
        """Statistics for the planner, and the WAL folded into the file."""
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
