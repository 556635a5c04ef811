"""Temporary files written next to their target, and what a killed run left of them.

An export (:meth:`desktop_app.reports.xlsx.Workbook.save`) and ``keyprojects demo``
(:func:`desktop_app.store.demo.make_demo`) write into a temporary file in the target's folder
and rename it into place only when it is complete.  The temporary file is named

    .~<start of the target's name>.<host>-<pid>-<8 random characters>.tmp

(``host``: 4 hex digits of the computer's name) so a later run can tell its own kind of
leftover from anything else in the folder: :func:`remove_stale` deletes such a file (and the
``-wal``/``-shm``/``-journal`` SQLite keeps beside it) when the process that wrote it on this
computer is gone, or when it has not changed for :data:`STALE_SECONDS` (a running export
keeps writing to its file; a file on a network folder may be another computer's).  Files of
any other name are never touched.  Qt-free.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import secrets
import socket
import time
from pathlib import Path

__all__ = ["STALE_SECONDS", "is_ours", "remove_stale", "temp_name", "temp_prefix"]

STALE_SECONDS = 10 * 60
_PREFIX_BYTES = 60  # of the target's name in a temporary name (the full name may be long)
_RANDOM = "abcdefghijklmnopqrstuvwxyz0123456789_"
_OURS = re.compile(
    r"^\.~.+\.(?:(?P<host>[0-9a-f]{4})-(?P<pid>\d{1,10})-)?[a-z0-9_]{8}\.tmp"
    r"(?P<sibling>-wal|-shm|-journal)?$",
    re.DOTALL,
)


@functools.cache
def _host() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]


def _short(stem: str) -> str:
    raw = stem.encode("utf-8", "surrogatepass")[:_PREFIX_BYTES]
    return raw.decode("utf-8", "ignore") or "x"


def temp_prefix(target: str | Path) -> str:
    """The ``prefix`` for :func:`tempfile.mkstemp` in ``target``'s folder (with ``.tmp`` as
    ``suffix``): ``.~<stem>.<host>-<pid>-``; the stem shortened to a few dozen bytes so the
    temporary name fits wherever the target's name fits."""
    return f".~{_short(Path(target).stem)}.{_host()}-{os.getpid()}-"


def temp_name(target: str | Path) -> Path:
    """A temporary path beside ``target`` that does not exist yet (for writers that must
    create the file themselves, as SQLite does)."""
    target = Path(target)
    while True:
        token = "".join(secrets.choice(_RANDOM) for _ in range(8))
        candidate = target.with_name(f"{temp_prefix(target)}{token}.tmp")
        if not candidate.exists():
            return candidate


def is_ours(name: str) -> bool:
    """Whether a file name is one of our temporary files (or SQLite's file beside one)."""
    return _OURS.match(name) is not None


def _alive(pid: int) -> bool:
    """Whether process ``pid`` may still be running (True when it cannot be told)."""
    if pid == os.getpid():
        return True  # another thread of this process may be writing it
    if os.name != "posix":  # pragma: no cover - os.kill would end the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def remove_stale(folder: str | Path, *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Delete our temporary files in ``folder`` that no running process is writing: their
    process has ended, or they have not changed for ``older_than`` seconds.  Never raises
    (a file that cannot be deleted is left); returns the files deleted."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _OURS.match(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid, host = match.group("pid"), match.group("host")
        gone = pid is not None and host == _host() and not _alive(int(pid))
        if age < older_than and not gone:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
