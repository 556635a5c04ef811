"""Opening a ledger: for writing (checked, migrated, backed up first) or for reading only.

:meth:`~OpeningMixin.open` is what the app does once per ledger: the header is judged
before SQLite opens the file, the file must be ours and exactly our schema, ``quick_check``
runs on files up to 64 MB, and pending migrations are applied (after a backup).
:meth:`~OpeningMixin.open_reader` is what background readers do on every refresh: a
read-only connection whose identity and schema are verified (~1 ms) and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Self

from . import schema
from .actions import ActionsMixin, default_user, now_text
from .errors import NewerSchema, NotOurDatabase, OldSchema, StoreError
from .integrity import CheckResult
from .sqlite_engine import SQLiteEngine

if TYPE_CHECKING:
    from sqlite_utils import Database


class OpeningMixin(ActionsMixin):
    """Opening, creating, migrating and closing of :class:`~.store.Store` (whose
    constructor takes the connection, path, user, engine and ``readonly``)."""

    #: The engine every store of this class opens its ledgers with.
    ENGINE: ClassVar[SQLiteEngine]
    path: Path
    open_check: CheckResult | None
    _db: Database | None = None

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection (migrations), made on first use."""
        if self._db is None:
            self._db = self.engine.migration_database(self.conn)
        return self._db

    @classmethod
    def open(cls, path: str | Path, *, user: str | None = None, create: bool = False) -> Self:
        """Open (and migrate) a ledger file.  ``create`` makes an empty ledger if missing."""
        path = Path(path)
        engine = cls.ENGINE
        engine.refuse_bad_file(path)  # truncated or foreign: refused before SQLite opens it
        conn = engine.connect(path, create=create)
        with _closed_on_failure(engine, conn, path):
            engine.check_identity(conn, path)  # ours, not newer, exactly our schema
            check = engine.check_on_open(conn, path)  # quick_check on files up to 64 MB
            store = cls(conn, path, user or default_user(), engine=engine)
            store.open_check = check
            store.migrate()
        return store

    @classmethod
    def open_reader(cls, path: str | Path, *, user: str | None = None) -> Self:
        """Open a ledger for reading only, cheaply (background readers, every refresh).

        A read-only connection, registered and hardened like every other; the file must be
        ours with a current schema exactly as this app writes it (~1 ms).  No ``quick_check``,
        no migration, no backup: the writer's :meth:`open` did those.  Raises the usual
        :class:`~.errors.StoreError` subclasses (``OldSchema`` when the ledger still needs
        migrating); any change through it raises :class:`~.errors.WriteFailed`.
        """
        path = Path(path)
        engine = cls.ENGINE
        conn = engine.connect(path, readonly=True)
        with _closed_on_failure(engine, conn, path):
            engine.check_identity(conn, path)
            if engine.schema_version(conn) == 0:
                raise NotOurDatabase(f"“{path.name}”是空文件，还不是台账")
            if not engine.schema_current(conn):
                raise OldSchema(
                    f"“{path.name}”的数据结构（v{engine.schema_version(conn)}）需要先升级："
                    "请先正常打开一次台账"
                )
            store = cls(conn, path, user or default_user(), engine=engine, readonly=True)
        return store

    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        user: str | None = None,
        portfolio: bool = True,
        code_lists: bool = True,
    ) -> Self:
        """Make a new ledger file with the shipped 2022 portfolio, or with only its code lists
        (``portfolio=False``), or bare (``code_lists=False`` too).  Never overwrites a file.
        """
        path = Path(path)
        if path.exists():
            raise StoreError(f"文件已存在，不会覆盖：{path}")
        store = cls.open(path, user=user, create=True)
        from .seed import load_code_lists, load_portfolio, read_portfolio

        try:
            if portfolio:
                load_portfolio(store)
            elif code_lists:
                with store.action("载入代码表"):
                    load_code_lists(store, read_portfolio())
        except BaseException:
            store.close()
            path.unlink(missing_ok=True)
            raise
        return store

    def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction; returns their names."""
        engine = self.engine
        if engine.schema_current(self.conn):
            return []  # the usual case: no migration machinery (sqlite-utils) at start-up
        unknown = engine.applied_migrations(self.db) - set(schema.KNOWN_MIGRATIONS)
        if unknown:
            raise NewerSchema(
                f"“{self.path.name}”由更新版本的程序创建，本程序不认识其数据结构，请升级程序"
            )
        pending = engine.pending_migrations(self.db)
        if pending and "m001_initial" not in pending:
            from .backup import make_backup

            make_backup(self, f"升级前自动备份（数据结构 v{self.schema_version}）")
        if pending:
            engine.apply_migrations(self.conn, self.db, pending)
            if "m001_initial" in pending:
                with self.action("创建数据库"):
                    self._set_meta("created_at", now_text())
                    self._set_meta("app", "keyprojects")
        return pending

    def _set_meta(self, key: str, value: str) -> None:
        """Write one ``meta`` entry (inside the action under way) with its history."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        old = row[0] if row else None
        if old == value:
            return
        self.conn.execute(self.engine.upsert_sql("meta", ("key",), ("value",)), (key, value))
        self.record_change("meta", None, key, old, value)

    @property
    def schema_version(self) -> int:
        return self.engine.schema_version(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _closed_on_failure(engine: SQLiteEngine, conn: Any, path: Path) -> Iterator[None]:
    """Close a connection whose opening failed; the engine's errors as the store's."""
    try:
        yield
    except engine.DatabaseError as exc:
        conn.close()
        raise engine.open_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise
