"""The ledgers a user has opened: the recent list (文件 ▸ 最近打开) and the ledger a start
without ``--db`` reopens.  Qt-free: the window's settings keep the list, this module says
what is in it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

#: How many ledgers 最近打开 lists.
RECENT_MAX = 8
#: The endings of a ledger file; a name typed without one gets :data:`LEDGER_SUFFIX`.
LEDGER_SUFFIXES = (".sqlite", ".sqlite3", ".db")
LEDGER_SUFFIX = ".sqlite"


def file_key(path: str | Path) -> str:
    """One name per file however it is spelt (relative, symlinked, other case on Windows)."""
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def same_file(a: str | Path, b: str | Path) -> bool:
    return file_key(a) == file_key(b)


def recent_list(
    entries: Iterable[object], newest: str | Path | None = None, *, limit: int = RECENT_MAX
) -> list[str]:
    """The recent list with ``newest`` first: absolute paths, each file once (the newest
    spelling kept), blanks and non-text dropped, at most ``limit`` entries."""
    out: list[str] = []
    seen: set[str] = set()
    candidates = [newest, *entries] if newest is not None else list(entries)
    for entry in candidates:
        if not isinstance(entry, str | Path) or not str(entry).strip():
            continue
        path = os.path.abspath(os.fspath(entry).strip())
        key = file_key(path)
        if key in seen:
            continue
        seen.add(key)
        out.append(path)
        if len(out) >= limit:
            break
    return out


def without(entries: Iterable[object], gone: str | Path) -> list[str]:
    """The recent list without ``gone`` (a file that no longer exists)."""
    return [e for e in recent_list(entries, limit=RECENT_MAX * 4) if not same_file(e, gone)][
        :RECENT_MAX
    ]


def ledger_file_name(text: str | Path) -> Path:
    """The ledger file a save dialog's answer names: ``.sqlite`` added when it has no ledger
    ending (``东丰县2027`` → ``东丰县2027.sqlite``)."""
    path = Path(text)
    if path.suffix.lower() in LEDGER_SUFFIXES:
        return path
    return path.with_name(path.name + LEDGER_SUFFIX)


def free_ledger_name(folder: Path, stem: str) -> Path:
    """``folder/stem.sqlite``, else the first of ``stem2.sqlite``, ``stem3.sqlite`` … that
    does not exist (the name a new ledger is offered)."""
    candidate = folder / f"{stem}{LEDGER_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}{number}{LEDGER_SUFFIX}"
        number += 1
    return candidate


def start_ledger(last: str | None) -> Path | None:
    """The ledger a start without ``--db`` reopens: the last one, while it still exists
    (None: the user's default ledger)."""
    if not last:
        return None
    path = Path(last)
    return path if path.is_file() else None
