"""Consistent backups of a ledger: made, rotated, listed, checked and restored.

A backup is written by SQLite's online backup API from a read-only connection of its own, in
one step, so it is one consistent snapshot of what was committed -- even while the app is in
the middle of an action -- and never a file copy that could catch half a transaction or miss
the WAL.  Each backup is a self-contained file (journal mode DELETE) in the user's data folder,
``backups/<ledger name>-<hash of its path>/``, with a JSON sidecar saying when, why and what.

The app backs up when it opens a ledger (only if it changed since the newest backup), before
every import (:func:`backup_before`), before every migration, and before every restore.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from .. import __version__
from ..errors_text import plain_os_error
from .connection import BUSY_TIMEOUT_MS, open_sqlite, plain_sqlite_error
from .errors import (
    DatabaseDamaged,
    ForeignSchema,
    NewerSchema,
    NotOurDatabase,
    StoreError,
    WriteFailed,
)
from .integrity import QUICK_CHECK_LIMIT, CheckResult, check_file, header_problem
from .schema import APPLICATION_ID


class OpenLedger(Protocol):
    """What this module needs of an open :class:`~.store.Store` (typed by its shape, so the
    store, which backs up before migrating, and this module do not import each other)."""

    path: Path
    conn: sqlite3.Connection

    @property
    def in_action(self) -> bool: ...

    def migrate(self) -> list[str]: ...


DEFAULT_KEEP = 10
MAX_KEEP = 1000
_SETTINGS = "settings.json"
_PARTIAL = ".partial-"
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME_RE = re.compile(r"-(\d{8}-\d{6}-\d{6})(?:-\d+)?\.sqlite$")
_lock = threading.Lock()


@dataclass(frozen=True)
class Backup:
    """One backup file and what its sidecar says about it."""

    path: Path
    created: dt.datetime
    reason: str
    size: int
    source: str = ""
    schema_version: int | None = None
    projects: int | None = None
    actions: int | None = None
    fingerprint: str = ""
    app_version: str = ""
    verified: bool | None = None  # quick_check passed right after writing (small files)

    @property
    def label(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M:%S}  {self.reason}"


@dataclass(frozen=True)
class RestoreResult:
    restored: Backup
    safety: Backup | None  # the backup of the ledger as it was before the restore
    moved_aside: Path | None  # where a damaged ledger was moved instead of being backed up


# ------------------------------------------------------------------------- where
def backup_root() -> Path:
    """The folder holding every ledger's backups (in the user's data folder)."""
    from ..paths import data_dir

    return data_dir() / "backups"


def backup_folder(db_path: str | Path, root: str | Path | None = None) -> Path:
    """The backup folder of one ledger, keyed by its full path."""
    resolved = os.path.normcase(str(Path(db_path).resolve()))
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:10]
    stem = re.sub(r"[^\w.-]+", "_", Path(db_path).stem)[:40] or "ledger"
    return Path(root or backup_root()) / f"{stem}-{digest}"


def keep_count(db_path: str | Path, root: str | Path | None = None) -> int:
    """How many backups of this ledger are kept (default :data:`DEFAULT_KEEP`)."""
    try:
        data = json.loads((backup_folder(db_path, root) / _SETTINGS).read_text("utf-8"))
        return max(1, min(MAX_KEEP, int(data["keep"])))
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_KEEP


def set_keep_count(db_path: str | Path, keep: int, root: str | Path | None = None) -> int:
    """Change how many backups are kept; removes the oldest beyond the new count."""
    if not 1 <= int(keep) <= MAX_KEEP:
        raise StoreError(f"保留的备份个数应在 1 到 {MAX_KEEP} 之间")
    folder = backup_folder(db_path, root)
    folder.mkdir(parents=True, exist_ok=True)
    _write_json(folder / _SETTINGS, {"keep": int(keep), "source": str(Path(db_path).resolve())})
    rotate(db_path, keep, root)
    return int(keep)


# ------------------------------------------------------------------------- make
def make_backup(
    db: OpenLedger | str | Path,
    reason: str,
    *,
    keep: int | None = None,
    root: str | Path | None = None,
    protect: Iterable[Path] = (),
) -> Backup:
    """Back up the committed state of a ledger now; rotates old backups afterwards.

    Raises :class:`DatabaseDamaged` when the ledger cannot be read and :class:`WriteFailed`
    when the backup cannot be written (disk full, folder read-only); a half-written backup
    never stays behind.
    """
    db_path = Path(db.path if not isinstance(db, str | Path) else db)
    folder = backup_folder(db_path, root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(f"无法创建备份文件夹 {folder}：{plain_os_error(exc, '')}") from exc
    with _lock:
        now = dt.datetime.now()
        final = _free_name(folder, db_path, now)
        partial = final.with_name(_PARTIAL + final.name)
        try:
            size, info = _write_snapshot(db_path, partial)
            os.replace(partial, final)
            _fsync_dir(folder)
        except BaseException:
            for leftover in (partial, *(Path(f"{partial}{x}") for x in ("-journal", "-wal"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise
        backup = Backup(
            path=final,
            created=now,
            reason=reason,
            size=size,
            source=str(db_path.resolve()),
            app_version=__version__,
            **info,
        )
        with contextlib.suppress(OSError):  # the sidecar is a convenience; the file is the backup
            _write_json(_sidecar(final), _backup_json(backup))
    rotate(db_path, keep, root, protect=(final, *protect))
    return backup


def backup_before(store: OpenLedger, reason: str, *, root: str | Path | None = None) -> Backup:
    """Back up a ledger before an import or another large change (the importers call this).

    Safe inside an action: the backup holds what was committed before it began.
    """
    return make_backup(store, reason, root=root)


def backup_on_open(db: OpenLedger | str | Path, *, root: str | Path | None = None) -> Backup | None:
    """The backup made when the app opens a ledger; skipped when nothing changed since the
    newest backup (same schema and newest action)."""
    db_path = Path(db.path if not isinstance(db, str | Path) else db)
    newest = next(iter(list_backups(db_path, root)), None)
    if newest is not None:
        reader = _reader(db_path)
        try:
            if newest.fingerprint == fingerprint(reader):
                return None
        finally:
            reader.close()
    return make_backup(db_path, "打开时自动备份", root=root)


def backup_on_open_async(
    db: OpenLedger | str | Path, *, root: str | Path | None = None
) -> threading.Thread | None:
    """:func:`backup_on_open` without keeping the window waiting on a large ledger.

    Ledgers up to :data:`~.integrity.QUICK_CHECK_LIMIT` are backed up at once (returns None);
    larger ones in a non-daemon thread (returned), so the process waits for it on exit.
    Errors are logged, never raised: a failed backup must not stop the app from opening.
    """
    import logging

    db_path = Path(db.path if not isinstance(db, str | Path) else db)

    def work() -> None:
        try:
            backup_on_open(db_path, root=root)
        except (StoreError, sqlite3.Error, OSError) as exc:
            logging.getLogger(__name__).warning("打开时备份失败：%s", exc)

    if _db_size(db_path) <= QUICK_CHECK_LIMIT:
        work()
        return None
    thread = threading.Thread(target=work, name="backup-on-open", daemon=False)
    thread.start()
    return thread


def copy_ledger(db: OpenLedger | str | Path, dest: str | Path) -> Path:
    """Write a consistent copy of a ledger to ``dest`` (另存为/复制台账): the committed state,
    by SQLite's backup API like every backup, never a file copy of a live ledger.  Refuses
    an existing ``dest``; a half-written copy never stays behind.  Returns ``dest``."""
    db_path = Path(db.path if not isinstance(db, str | Path) else db)
    dest = Path(dest)
    if dest.exists():
        raise StoreError(f"文件已存在，不会覆盖：{dest}")
    partial = dest.with_name(_PARTIAL + dest.name)
    try:
        _write_snapshot(db_path, partial, "复制")  # its failure said as a copy, not a backup
        if dest.exists():  # made meanwhile by someone else: still never overwritten
            raise StoreError(f"文件已存在，不会覆盖：{dest}")
        os.replace(partial, dest)
        _fsync_dir(dest.parent)
    except BaseException:
        for leftover in (partial, *(Path(f"{partial}{x}") for x in ("-journal", "-wal"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return dest


def fingerprint(conn: sqlite3.Connection) -> str:
    """Identifies the ledger's state: schema version and its newest action."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        row = conn.execute(
            "SELECT id, at, description FROM actions ORDER BY id DESC LIMIT 1"
        ).fetchone()
    except sqlite3.DatabaseError:
        return ""
    raw = json.dumps([version, *(row or ())], ensure_ascii=False)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _write_snapshot(db_path: Path, dest: Path, what: str = "备份") -> tuple[int, dict[str, object]]:
    problem = header_problem(db_path) if db_path.exists() else "文件不存在"
    if problem:
        raise DatabaseDamaged(f"无法{what}“{db_path.name}”：{problem}")
    src: sqlite3.Connection | None = None
    dst: sqlite3.Connection | None = None
    try:
        src = _reader(db_path)
        dst = sqlite3.connect(dest, isolation_level=None)
        try:
            src.backup(dst)  # one step: one read transaction, one consistent snapshot
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:
            raise DatabaseDamaged(f"无法{what}“{db_path.name}”：数据库文件已损坏（{exc}）") from exc
        dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        info = _describe(dst)
        size = dest.stat().st_size
        info["verified"] = None
        if size <= QUICK_CHECK_LIMIT:
            info["verified"] = dst.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        dst.close()
        dst = None
        _fsync(dest)
        return size, info
    except sqlite3.OperationalError as exc:
        raise WriteFailed(f"{what}失败，台账未受影响：{plain_sqlite_error(exc)}") from exc
    except OSError as exc:
        raise WriteFailed(f"{what}失败，台账未受影响：{plain_os_error(exc, '')}") from exc
    finally:
        if dst is not None:
            dst.close()
        if src is not None:
            src.close()


def _describe(conn: sqlite3.Connection) -> dict[str, object]:
    info: dict[str, object] = {"fingerprint": fingerprint(conn)}
    try:
        info["schema_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
        info["projects"] = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
        info["actions"] = conn.execute("SELECT count(*) FROM actions").fetchone()[0]
    except sqlite3.DatabaseError:
        pass
    return info


# ------------------------------------------------------------------------- list
def list_backups(db_path: str | Path, root: str | Path | None = None) -> list[Backup]:
    """The backups of a ledger, newest first."""
    folder = backup_folder(db_path, root)
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*.sqlite"):
        if path.name.startswith(_PARTIAL):
            continue
        out.append(read_backup(path))
    out.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return out


def read_backup(path: Path) -> Backup:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    try:
        data = json.loads(_sidecar(path).read_text("utf-8"))
        return Backup(
            path=path,
            created=dt.datetime.fromisoformat(data["created"]),
            reason=str(data.get("reason") or ""),
            size=size,
            source=str(data.get("source") or ""),
            schema_version=data.get("schema_version"),
            projects=data.get("projects"),
            actions=data.get("actions"),
            fingerprint=str(data.get("fingerprint") or ""),
            app_version=str(data.get("app_version") or ""),
            verified=data.get("verified"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        m = _NAME_RE.search(path.name)
        try:
            created = dt.datetime.strptime(m.group(1), _STAMP) if m else None
        except ValueError:
            created = None
        if created is None:
            created = dt.datetime.fromtimestamp(path.stat().st_mtime) if size else dt.datetime.min
        return Backup(path=path, created=created, reason="（无说明）", size=size)


def rotate(
    db_path: str | Path,
    keep: int | None = None,
    root: str | Path | None = None,
    *,
    protect: Iterable[Path] = (),
) -> list[Path]:
    """Remove the oldest backups beyond ``keep`` (default: the ledger's keep count).

    Files in ``protect`` are never removed.  Returns the removed files.
    """
    keep = keep_count(db_path, root) if keep is None else max(1, int(keep))
    folder = backup_folder(db_path, root)
    protected = {Path(p).resolve() for p in protect}
    removed = []
    for backup in list_backups(db_path, root)[keep:]:
        if backup.path.resolve() in protected:
            continue
        with contextlib.suppress(OSError):
            backup.path.unlink()
            _sidecar(backup.path).unlink(missing_ok=True)
            removed.append(backup.path)
    # leftovers of a backup interrupted by a crash (an hour old: never one being written)
    for partial in folder.glob(_PARTIAL + "*"):
        with contextlib.suppress(OSError):
            if time.time() - partial.stat().st_mtime > 3600:
                partial.unlink()
    return removed


# ------------------------------------------------------------------------- check
def verify_backup(backup: Backup | str | Path, level: str = "quick") -> CheckResult:
    """Check that a backup file is whole (``quick`` or ``full``)."""
    return check_file(backup.path if isinstance(backup, Backup) else Path(backup), level)


def latest_good_backup(db_path: str | Path, root: str | Path | None = None) -> Backup | None:
    """The newest backup that passes ``quick_check`` and this version of the app can open."""
    for backup in list_backups(db_path, root):
        if verify_backup(backup).ok and identity_problem(backup.path) is None:
            return backup
    return None


def identity_problem(path: Path) -> StoreError | None:
    from .schema import SCHEMA_VERSION
    from .schema_check import schema_problems

    try:
        conn = _reader(path)
    except ForeignSchema as exc:
        return exc
    except sqlite3.Error as exc:
        return DatabaseDamaged(f"无法打开备份“{path.name}”：{plain_sqlite_error(exc)}")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        problems = schema_problems(conn, version) if version <= SCHEMA_VERSION else []
    except sqlite3.DatabaseError as exc:
        return DatabaseDamaged(f"备份“{path.name}”已损坏：{exc}")
    finally:
        conn.close()
    if app_id != APPLICATION_ID or not tables:
        return NotOurDatabase(f"“{path.name}”不是重点项目调度台的台账或备份")
    if version > SCHEMA_VERSION:
        return NewerSchema(
            f"备份“{path.name}”由更新版本的程序创建（数据结构 v{version}），请升级程序后再恢复"
        )
    if problems:
        return ForeignSchema(
            f"“{path.name}”的数据结构与本程序的不符，不能用来恢复：{'；'.join(problems[:3])}",
            problems,
        )
    return None


# ------------------------------------------------------------------------- restore
def restore_backup(
    target: OpenLedger | str | Path,
    backup: Backup | str | Path,
    *,
    root: str | Path | None = None,
) -> RestoreResult:
    """Put a backup's content into a ledger, backing up the ledger's current state first.

    ``target`` is an open :class:`Store` (the content is replaced through its connection,
    which stays open and current) or the path of a ledger that is not open, possibly damaged
    or missing.  A damaged ledger that cannot be backed up is moved aside (renamed) instead.
    The caller asks the user first.
    """
    chosen = backup if isinstance(backup, Backup) else read_backup(Path(backup))
    problem = identity_problem(chosen.path)
    if problem is not None and not isinstance(problem, DatabaseDamaged):
        raise problem  # another program's file, a newer one, or not exactly our schema
    check = verify_backup(chosen)
    if not check.ok:
        raise DatabaseDamaged(f"备份“{chosen.path.name}”已损坏，不能用来恢复：{check.problems[0]}")
    if problem is not None:
        raise problem
    live = not isinstance(target, str | Path)
    db_path = Path(target.path if live else target)  # type: ignore[union-attr]
    safety: Backup | None = None
    moved: Path | None = None
    if db_path.exists():
        try:
            safety = make_backup(
                db_path,
                f"恢复前自动备份（随后恢复到 {chosen.created:%Y-%m-%d %H:%M:%S} 的备份）",
                root=root,
                protect=(chosen.path,),
            )
        except DatabaseDamaged:
            if live:
                raise
            moved = _move_aside(db_path)
    src = _reader(chosen.path)
    try:
        if live:
            store = target  # type: ignore[assignment]
            if store.in_action:  # pragma: no cover - programming error
                raise RuntimeError("cannot restore inside an action")
            src = _same_page_size(src, store.conn, chosen.path)
            _copy_database(src, store.conn, db_path.name)
        else:
            dst = open_sqlite(db_path, mode="rwc")
            try:
                dst.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                src = _same_page_size(src, dst, chosen.path)
                _copy_database(src, dst, db_path.name)
                dst.execute("PRAGMA journal_mode = WAL")
            finally:
                dst.close()
    except sqlite3.OperationalError as exc:
        raise WriteFailed(
            f"恢复失败，台账未改变（已备份于 {safety.path if safety else moved}）："
            f"{plain_sqlite_error(exc)}"
        ) from exc
    finally:
        src.close()
    after = check_file(db_path, "quick")
    if not after.ok:  # pragma: no cover - the backup was checked before
        raise DatabaseDamaged(f"恢复后的台账未通过检查：{after.problems[0]}")
    if live:
        target.migrate()  # type: ignore[union-attr]
    rotate(db_path, None, root, protect=(chosen.path,))
    return RestoreResult(chosen, safety, moved)


def restore_latest_good(db_path: str | Path, *, root: str | Path | None = None) -> RestoreResult:
    """Restore the newest good backup into a ledger that is not open (e.g. found damaged)."""
    good = latest_good_backup(db_path, root)
    if good is None:
        raise StoreError(f"没有找到“{Path(db_path).name}”可用的备份")
    return restore_backup(db_path, good, root=root)


def _same_page_size(
    src: sqlite3.Connection, dst: sqlite3.Connection, source: Path
) -> sqlite3.Connection:
    """A reader of the backup with the destination's page size.

    SQLite cannot change the page size of a database in WAL mode, so copying a backup of
    another page size (made by another SQLite or another setting) into the ledger fails --
    with a misleading "readonly" error.  Such a backup is first copied to a temporary file
    and rebuilt there (``VACUUM``) with the ledger's page size.
    """
    try:
        want = dst.execute("PRAGMA page_size").fetchone()[0]
        empty = dst.execute("PRAGMA page_count").fetchone()[0] == 0
    except sqlite3.DatabaseError:
        return src
    have = src.execute("PRAGMA page_size").fetchone()[0]
    if have == want or empty:
        return src
    import tempfile

    fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite", dir=source.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            src.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.execute(f"PRAGMA page_size = {int(want)}")
            copy.execute("VACUUM")
        finally:
            copy.close()
        src.close()
        return _reader(tmp)
    finally:
        # unlinking an open file is fine on POSIX; on Windows the reader keeps it
        with contextlib.suppress(OSError):
            tmp.unlink()


def _move_aside(db_path: Path) -> Path:
    """Rename a damaged ledger (and its WAL) so that a restore can take its place."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.损坏-{stamp}{db_path.suffix}")
    try:
        os.replace(db_path, aside)
        for extra in ("-wal", "-shm"):
            companion = Path(f"{db_path}{extra}")
            if companion.exists():
                os.replace(companion, Path(f"{aside}{extra}"))
    except OSError as exc:
        raise WriteFailed(f"无法移开已损坏的台账：{plain_os_error(exc, '')}") from exc
    return aside


# ------------------------------------------------------------------------- helpers
def _reader(path: Path) -> sqlite3.Connection:
    """A read-only connection, counted and hardened like every other (see .connection)."""
    conn = open_sqlite(path, mode="ro")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


class _Timeout(Exception):
    pass


def _copy_database(src: sqlite3.Connection, dst: sqlite3.Connection, name: str) -> None:
    """``src.backup(dst)`` in one step, giving up after the busy timeout when another
    process holds the destination's write lock (Python's backup() retries for ever)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise _Timeout  # aborts the backup; the destination is left as it was

    try:
        src.backup(dst, pages=-1, progress=progress, sleep=0.05)
    except _Timeout:
        raise WriteFailed(
            f"“{name}”正被另一个程序写入（已等待 {BUSY_TIMEOUT_MS // 1000} 秒），未做任何修改；"
            "请关闭其他正在导入或编辑的窗口后再试"
        ) from None


def _free_name(folder: Path, db_path: Path, now: dt.datetime) -> Path:
    stem = re.sub(r"[^\w.-]+", "_", db_path.stem)[:40] or "ledger"
    base = f"{stem}-{now.strftime(_STAMP)}"
    candidate = folder / f"{base}.sqlite"
    n = 1
    while candidate.exists():
        candidate = folder / f"{base}-{n}.sqlite"
        n += 1
    return candidate


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _backup_json(backup: Backup) -> dict[str, object]:
    data = asdict(backup)
    data.pop("path")
    data["created"] = backup.created.isoformat()
    return data


def _write_json(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - directories cannot be opened on Windows
        return
    with contextlib.suppress(OSError):
        _fsync(folder)


def _db_size(path: Path) -> int:
    from .integrity import file_size

    return file_size(Path(path))
