"""Opening SQLite files with the settings every connection of the app uses.

Two rules keep a ledger whole when several processes use it:

- **Nothing outside SQLite opens a ledger file while this process has a connection to it.**
  On POSIX, closing *any* descriptor of a file drops every fcntl lock the process holds on
  it (SQLite's "How To Corrupt" §2.2); another process then believes it is alone,
  checkpoints and deletes the WAL under our open connection, whose next commits are lost
  into an unlinked file.  Every connection to a ledger is made here and counted per file
  (:func:`is_open_here`); :func:`read_header` refuses to touch a file that is open.
- **A ledger from outside runs none of its own SQL.**  :mod:`.schema_check` refuses, before
  any table is read, a file whose schema is not exactly what this app writes (the app
  creates no trigger and no view); ``trusted_schema`` is off, and SQLite's defensive flag is
  on where the Python build exposes it (3.12+).  No authorizer: its Python callback, called
  while SQLite holds the connection's mutex, deadlocks a connection shared by two threads.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from pathlib import Path

from .errors import DatabaseDamaged, DatabaseMissing, NotOurDatabase, WriteFailed

BUSY_TIMEOUT_MS = 5000

_registry_lock = threading.Lock()
_open_files: dict[str, weakref.WeakSet[LedgerConnection]] = {}


def file_key(path: str | Path) -> str:
    """One name per file however it is spelt (relative, symlinked, other case on Windows)."""
    return os.path.normcase(os.path.realpath(os.fspath(path)))


class LedgerConnection(sqlite3.Connection):
    """A connection that counts itself among the open connections of its file."""

    _key: str | None = None

    def _register(self, path: str | Path) -> None:
        self._key = file_key(path)
        with _registry_lock:
            _open_files.setdefault(self._key, weakref.WeakSet()).add(self)

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._key is not None:
                with _registry_lock:
                    live = _open_files.get(self._key)
                    if live is not None:
                        live.discard(self)
                        if not live:
                            del _open_files[self._key]


def is_open_here(path: str | Path) -> bool:
    """Whether this process holds a connection to ``path`` (then only SQLite may open it)."""
    with _registry_lock:
        return bool(_open_files.get(file_key(path)))


def read_header(path: str | Path, size: int = 100) -> bytes | None:
    """The first ``size`` bytes of a ledger file, or None when reading them is not safe
    because this process has the file open through SQLite (see the module's first rule)."""
    if is_open_here(path):
        return None
    with open(path, "rb") as f:
        return f.read(size)


def open_sqlite(path: str | Path, *, mode: str = "rw", uri_params: str = "") -> LedgerConnection:
    """A raw connection (autocommit, usable from any thread) counted in the registry,
    hardened against the file's own SQL.  ``mode`` is SQLite's ``ro``, ``rw`` or ``rwc``."""
    p = Path(path)
    uri = f"{p.resolve().as_uri()}?mode={mode}{uri_params}"
    conn = sqlite3.connect(
        uri,
        uri=True,
        isolation_level=None,
        check_same_thread=False,
        factory=LedgerConnection,
    )
    assert isinstance(conn, LedgerConnection)
    conn._register(p)
    try:
        harden(conn)
        _trust_only_our_old_schema(conn, p)
    except BaseException:
        conn.close()
        raise
    return conn


def _trust_only_our_old_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Ledgers before schema v4 check ``projects.lists`` with ``json_valid()``, which SQLite
    will not even load in an untrusted schema.  Such a file is trusted only when its schema
    is exactly what this app wrote at its version (then migrating it to v4 removes the
    function, and :meth:`Store.migrate` turns ``trusted_schema`` off again); any other
    schema that needs trust is refused."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return
    except sqlite3.DatabaseError as exc:
        if "unsafe use of" not in str(exc):
            return  # damaged or not a database: the caller's next statement says so
    from .schema_check import refuse_foreign_schema

    conn.execute("PRAGMA trusted_schema = ON")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    refuse_foreign_schema(conn, path, version)


def harden(conn: sqlite3.Connection) -> None:
    """Make the file's schema unable to run code of its own (read back by the tests)."""
    conn.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:  # pragma: no cover - depends on the Python build
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)


def connect(
    path: str | Path, *, create: bool = False, readonly: bool = False
) -> sqlite3.Connection:
    """Open ``path`` with foreign keys on, WAL, a busy timeout and full sync.

    The connection is in autocommit mode: the store opens every transaction itself.
    """
    p = Path(path)
    if not create and not p.exists():
        raise DatabaseMissing(f"数据库文件不存在：{p}")
    if p.exists() and p.is_dir():
        raise NotOurDatabase(f"不是数据库文件，而是文件夹：{p}")
    if create and not p.parent.exists():
        raise DatabaseMissing(f"文件夹不存在：{p.parent}")
    try:
        conn = open_sqlite(p, mode="ro" if readonly else "rwc" if create else "rw")
    except sqlite3.OperationalError as exc:
        raise WriteFailed(f"无法打开数据库文件 {p}：{plain_sqlite_error(exc)}") from exc
    try:
        configure(conn, readonly=readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        text = str(exc)
        if "not a database" in text or "file is encrypted" in text:
            raise NotOurDatabase(f"“{p.name}”不是数据库文件") from exc
        if "malformed" in text:
            raise DatabaseDamaged(f"数据库文件“{p.name}”已损坏") from exc
        if "readonly" in text or "read-only" in text:
            raise WriteFailed(
                f"无法打开数据库文件 {p}：所在文件夹是只读的"
                "（SQLite 需要在台账所在文件夹中写入 -wal/-shm 临时文件）"
            ) from exc
        raise WriteFailed(f"无法打开数据库文件 {p}：{plain_sqlite_error(exc)}") from exc
    return conn


def configure(conn: sqlite3.Connection, *, readonly: bool = False) -> None:
    """Apply the pragmas every connection needs (read back by the tests)."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Touches the file header: raises "file is not a database" for foreign files.
    conn.execute("PRAGMA schema_version").fetchone()
    if not readonly:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":  # pragma: no cover - e.g. some network filesystems
            conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -32000")


def pragmas(conn: sqlite3.Connection) -> dict[str, object]:
    """The connection settings as SQLite reports them."""
    return {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in (
            "foreign_keys",
            "journal_mode",
            "busy_timeout",
            "synchronous",
            "trusted_schema",
        )
    }


def plain_sqlite_error(exc: sqlite3.Error) -> str:
    """SQLite's English message as one plain-Chinese clause (the original when unknown)."""
    text = str(exc).lower()
    if "full" in text:
        return "磁盘空间已满"
    if "readonly" in text or "read-only" in text:
        return "数据库文件或所在文件夹是只读的"
    if "locked" in text or "busy" in text:
        return "数据库正被另一个程序占用，请稍后再试"
    if "disk i/o" in text:
        return "磁盘读写出错（磁盘故障、U 盘被拔出或网络驱动器断开）"
    if "unable to open" in text:
        return "无法打开文件（文件夹不存在或没有权限）"
    if "malformed" in text or "not a database" in text:
        return "数据库文件已损坏"
    if "interrupted" in text:
        return "操作被中断"
    return str(exc)
