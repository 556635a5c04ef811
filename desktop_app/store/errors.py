"""Errors the store raises; every message is one plain-Chinese line for the user."""

from __future__ import annotations

from typing import Any

from ..domain.periods import Period


class StoreError(Exception):
    """Base of every error the store reports to a user."""


class DatabaseMissing(StoreError):
    pass


class NotOurDatabase(StoreError):
    """Not an SQLite file, or an SQLite file of another program."""


class NewerSchema(StoreError):
    """Written by a newer version of the app."""


class OldSchema(StoreError):
    """Opened for reading only, but its schema still needs migrating (which only a
    writer's opening does)."""


class DatabaseDamaged(StoreError):
    pass


class WriteFailed(StoreError):
    """Disk full, read-only file or folder, locked: nothing was changed."""


class NotFound(StoreError):
    pass


class ValidationFailed(StoreError):
    """The record breaks a rule; ``issues`` holds one message per field."""

    def __init__(self, issues: list[Any]) -> None:
        self.issues = issues
        super().__init__("；".join(i.message for i in issues))


class ConflictError(StoreError):
    """The record changed since it was read (another window or instance saved it)."""

    def __init__(self, message: str, current: dict[str, Any] | None = None) -> None:
        self.current = current or {}
        super().__init__(message)


class ForeignSchema(NotOurDatabase):
    """An SQLite file marked as a ledger whose tables, indexes, triggers or views are not
    exactly what this app writes: it is not opened (it could run its own SQL)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or []
        super().__init__(message)


class PeriodClosed(StoreError):
    """A monthly report of a closed period (月度调度 关账) was to be written or deleted."""

    def __init__(self, period: str) -> None:
        self.period = str(period)
        label = Period.parse(self.period).label
        super().__init__(
            f"{label}已关账，不能再修改；如需更正请先重新开账"
            f"（keyprojects reopen {self.period} --reason …）"
        )
