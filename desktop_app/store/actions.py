"""Actions: every change runs inside one, with the history rows it writes.

An action is one transaction that also writes an ``actions`` row (who, when, what, source
file) and one ``history`` row per changed field.  A failing action changes nothing; an
action that changed nothing leaves no ``actions`` row.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from .errors import WriteFailed
from .models import history_text
from .sqlite_engine import SQLiteEngine

#: One history row as the store writes it: (table, record id, field, old value, new value).
Change = tuple[str, int | None, str | None, Any, Any]

_HISTORY_INSERT = (
    "INSERT INTO history (action_id, at, user, table_name, record_id, field, old_value, "
    "new_value) VALUES "
)
#: One row of :data:`_HISTORY_INSERT`: the action, time and user bound once per statement.
_HISTORY_ROW = "(?1, ?2, ?3, ?, ?, ?, ?, ?)"


def now_text() -> str:
    """The time stamps the store writes (local time, to the second)."""
    return dt.datetime.now().isoformat(timespec="seconds")


def default_user() -> str:
    """The login name, written into the history when no user is given."""
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name on some systems
        return "本机用户"


@dataclass
class Action:
    """The action (transaction) under way: its id and how many history rows it wrote.

    ``running_sums_stale`` holds the projects whose reports changed: their running sums
    (本年累计, 开工以来累计) are refreshed just before the action commits.  ``receiving``: the
    action takes the units' returns back (their reports wait for review, not the staff's)."""

    id: int
    description: str
    source: str | None
    changes: int = 0
    running_sums_stale: set[int] = field(default_factory=set)
    receiving: bool = False


class ActionsMixin:
    """The action context and the change history of :class:`~.store.Store`."""

    conn: Any
    engine: SQLiteEngine
    user: str
    readonly: bool
    _action: Action | None = None

    @property
    def in_action(self) -> bool:
        """Whether an action (transaction) of this store is under way."""
        return self._action is not None

    @property
    def current_action(self) -> Action:
        """The action under way (raises RuntimeError outside one: a programming error)."""
        if self._action is None:
            raise RuntimeError("store writes must run inside an action")
        return self._action

    @contextmanager
    def action(self, description: str, *, source: str | None = None) -> Iterator[Action]:
        """One user action: one transaction and its history.  Nested calls join the outer one."""
        if self._action is not None:
            yield self._action
            return
        if self.readonly:
            raise WriteFailed("台账是以只读方式打开的（后台读取），不能在这里修改")
        conn, engine = self.conn, self.engine
        try:
            engine.begin_write(conn)
            action_id = engine.insert_id(
                conn,
                "INSERT INTO actions (at, user, description, source) VALUES (?, ?, ?, ?)",
                (now_text(), self.user, description, source),
            )
        except engine.OperationalError as exc:
            if engine.in_transaction(conn):
                conn.execute("ROLLBACK")
            raise WriteFailed(f"无法写入数据库：{engine.plain_error(exc)}") from exc
        self._action = Action(action_id, description, source)
        try:
            yield self._action
            if self._action.running_sums_stale:
                engine.refresh_running_sums(conn, self._action.running_sums_stale)
            if self._action.changes == 0:
                conn.execute("DELETE FROM actions WHERE id = ?", (self._action.id,))
            conn.execute("COMMIT")
        except BaseException as exc:
            if engine.in_transaction(conn):
                conn.execute("ROLLBACK")
            if isinstance(exc, engine.OperationalError):
                raise WriteFailed(f"保存失败，未做任何修改：{engine.plain_error(exc)}") from exc
            raise
        finally:
            self._action = None

    def record_change(
        self, table: str, record_id: int | None, field: str | None, old: Any, new: Any
    ) -> None:
        """Write one history row (``field`` of ``record_id`` in ``table`` went from ``old``
        to ``new``) into the action under way.  Callers that write rows themselves (the
        portfolio loader, sample ledgers) say so through this or :meth:`record_changes`."""
        action = self.current_action
        self.conn.execute(
            _HISTORY_INSERT + "(?, ?, ?, ?, ?, ?, ?, ?)",
            (
                action.id,
                now_text(),
                self.user,
                table,
                record_id,
                field,
                history_text(old),
                history_text(new),
            ),
        )
        action.changes += 1

    def record_changes(self, changes: Iterable[Change]) -> None:
        """Write many history rows (see :data:`Change`) into the action under way, many per
        statement (an imported ledger writes ~180,000)."""
        text = history_text
        self.record_change_texts(
            [
                (t, rid, f, None if o is None else text(o), n if n.__class__ is str else text(n))
                for t, rid, f, o, n in changes
            ]
        )

    def record_change_texts(self, rows: Sequence[Change]) -> None:
        """:meth:`record_changes` of rows whose old and new values are already history text
        (:func:`~.models.history_text`; ``str(n) is n``), as an import builds them.

        The action, time and user are bound once per statement (``?1, ?2, ?3`` in every
        row): 5 values a row instead of 8, measured 0.58 -> 0.35-0.42 s for 120,000 rows."""
        action = self.current_action
        conn = self.conn
        limit = int(conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # 999 before 3.32
        per = max(1, min(self.engine.rows_per_insert(), (limit - 3) // 5))
        head = (action.id, now_text(), self.user)
        whole = len(rows) - len(rows) % per
        if whole:
            conn.executemany(
                _HISTORY_INSERT + ", ".join([_HISTORY_ROW] * per),
                (
                    head + tuple(chain.from_iterable(rows[i : i + per]))
                    for i in range(0, whole, per)
                ),
            )
        if whole < len(rows):
            rest = rows[whole:]
            conn.execute(
                _HISTORY_INSERT + ", ".join([_HISTORY_ROW] * len(rest)),
                head + tuple(chain.from_iterable(rest)),
            )
        action.changes += len(rows)
