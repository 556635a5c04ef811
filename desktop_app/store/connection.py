"""Opening SQLite files with the settings every connection of the app uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import DatabaseDamaged, DatabaseMissing, NotOurDatabase, WriteFailed

APPLICATION_ID = 0x4B505244  # "KPRD": marks a file as this app's ledger
BUSY_TIMEOUT_MS = 5000


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
    uri = f"{p.resolve().as_uri()}?mode={'ro' if readonly else 'rwc' if create else 'rw'}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.OperationalError as exc:
        raise WriteFailed(f"无法打开数据库文件 {p}：{exc}") from exc
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
        raise WriteFailed(f"无法打开数据库文件 {p}：{text}") from exc
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
        for name in ("foreign_keys", "journal_mode", "busy_timeout", "synchronous")
    }
