"""The user's settings: one wrapper over QSettings that every window and dialog uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from ... import APP_ID, ORG_NAME

if TYPE_CHECKING:  # imported where used: the window's first paint needs no domain rules
    from ...domain.derived import LightThresholds

#: Groupings a ledger report can use by default (field → Chinese label).
GROUPINGS = {"region": "所属县区", "chain": "产业链", "sector": "产业类别", "status": "项目状态"}
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def default_settings_file() -> Path:
    """settings.ini in the user's config folder (looked up each time, never cached)."""
    return Path(platformdirs.user_config_dir(APP_ID, ORG_NAME)) / "settings.ini"


class _Choice:
    """A setting that is one of a few values: anything else stored reads as ``default``, and
    setting anything else raises ValueError."""

    def __init__(self, key: str, allowed: Any, default: str, what: str, doc: str) -> None:
        self.key, self.allowed, self.default, self.what = key, allowed, default, what
        self.__doc__ = doc

    def __get__(self, settings: Settings | None, owner: type | None = None) -> Any:
        if settings is None:
            return self
        value = str(settings._get(self.key, self.default))
        return value if value in self.allowed else self.default

    def __set__(self, settings: Settings, value: str) -> None:
        if value not in self.allowed:
            raise ValueError(f"unknown {self.what} {value!r}")
        settings.qsettings.setValue(self.key, value)


class Settings:
    """Typed access to the app's QSettings (an INI file in the user's config folder).

    ``path`` makes a settings file of its own (tests, portable installs).
    """

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            path = default_settings_file()
        self._q = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def qsettings(self) -> QSettings:
        return self._q

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    def sync(self) -> None:
        self._q.sync()

    # -- plain values -----------------------------------------------------------------
    def _get(self, key: str, default: Any = None) -> Any:
        value = self._q.value(key, default)
        return default if value is None else value

    def _get_int(self, key: str, default: int) -> int:
        try:
            return int(self._get(key, default))
        except (TypeError, ValueError):
            return default

    @property
    def user_name(self) -> str:
        """Who the change history names for edits made in this app (the login name until the
        user gives a name: see :attr:`has_user_name`)."""
        from ...store.store import default_user

        return self.stored_user_name or default_user()

    @property
    def stored_user_name(self) -> str:
        """The name the user gave ('' when never given)."""
        return str(self._get("user/name", "") or "").strip()

    @property
    def has_user_name(self) -> bool:
        """Whether the user has given a name (else the first launch asks for one)."""
        return bool(self.stored_user_name)

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._q.setValue("user/name", value.strip())

    @property
    def thresholds(self) -> LightThresholds:
        """The status-light thresholds (falls back to the defaults when the file is damaged)."""
        from decimal import Decimal

        from ...domain.derived import LightThresholds

        default = LightThresholds()
        try:
            return LightThresholds(
                Decimal(str(self._get("lights/yellow_points", default.yellow_points))),
                Decimal(str(self._get("lights/red_points", default.red_points))),
                int(self._get("lights/start_overdue_months", default.start_overdue_months)),
            )
        except (ArithmeticError, TypeError, ValueError):
            return default

    @thresholds.setter
    def thresholds(self, value: LightThresholds) -> None:
        self._q.setValue("lights/yellow_points", str(value.yellow_points))
        self._q.setValue("lights/red_points", str(value.red_points))
        self._q.setValue("lights/start_overdue_months", value.start_overdue_months)

    default_grouping = _Choice(
        "reports/grouping",
        GROUPINGS,
        "region",
        "grouping",
        "The field ledger reports group by unless told otherwise (region, chain, ...).",
    )
    language = _Choice(
        "ui/language",
        LANGUAGES,
        "zh_CN",
        "language",
        "Interface language: 'zh_CN' (the source language) or 'en'; applies on restart.",
    )

    @property
    def last_database(self) -> str | None:
        value = self._get("files/last_database", "")
        return str(value) or None

    @last_database.setter
    def last_database(self, value: str) -> None:
        self._q.setValue("files/last_database", value)

    def recent_ledgers(self) -> list[str]:
        """The ledgers opened lately, newest first (文件 ▸ 最近打开)."""
        from ...recent import recent_list

        raw = self._get("files/recent", "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else []
        except ValueError:
            return []
        return recent_list(data if isinstance(data, list) else [])

    def set_recent_ledgers(self, paths: list[str]) -> None:
        from ...recent import recent_list

        self._q.setValue("files/recent", json.dumps(recent_list(paths), ensure_ascii=False))

    def remember_ledger(self, path: str | Path) -> None:
        """``path`` was opened: the last ledger (reopened by a start without ``--db``) and
        first in the recent list."""
        from ...recent import recent_list

        resolved = str(Path(path).absolute())
        self.last_database = resolved
        self.set_recent_ledgers(recent_list(self.recent_ledgers(), resolved))
        self.sync()

    def forget_ledger(self, path: str | Path) -> None:
        """``path`` is gone: off the recent list (and no longer the last ledger)."""
        from ...recent import same_file, without

        self.set_recent_ledgers(without(self.recent_ledgers(), path))
        last = self.last_database
        if last and same_file(last, path):
            self.last_database = ""
        self.sync()

    # -- window and column state --------------------------------------------------------
    def byte_state(self, key: str) -> QByteArray | None:
        """A saved window/header state (None when never saved)."""
        value = self._q.value(f"state/{key}")
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    def set_byte_state(self, key: str, value: QByteArray) -> None:
        self._q.setValue(f"state/{key}", value)

    def window_geometry(self) -> QByteArray | None:
        return self.byte_state("window_geometry")

    def set_window_geometry(self, value: QByteArray) -> None:
        self.set_byte_state("window_geometry", value)

    def window_state(self) -> QByteArray | None:
        return self.byte_state("window_state")

    def set_window_state(self, value: QByteArray) -> None:
        self.set_byte_state("window_state", value)

    def column_state(self, table: str = "ledger") -> QByteArray | None:
        """The header state (order, widths, hidden columns, sort) of a table."""
        return self.byte_state(f"columns_{table}")

    def set_column_state(self, value: QByteArray, table: str = "ledger") -> None:
        self.set_byte_state(f"columns_{table}", value)

    # -- saved views ---------------------------------------------------------------------
    def saved_views(self) -> dict[str, dict[str, Any]]:
        """Named views: ``{name: {"query": ProjectQuery.to_dict(), "columns": hex header state}}``."""
        raw = self._get("views/saved", "")
        try:
            data = json.loads(raw) if raw else {}
        except (TypeError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save_view(self, name: str, view: dict[str, Any]) -> None:
        views = self.saved_views()
        views[name] = view
        self._q.setValue("views/saved", json.dumps(views, ensure_ascii=False))

    def delete_view(self, name: str) -> None:
        views = self.saved_views()
        views.pop(name, None)
        self._q.setValue("views/saved", json.dumps(views, ensure_ascii=False))

    # -- anything else -------------------------------------------------------------------
    def value(self, key: str, default: Any = None) -> Any:
        """A setting other parts of the app keep (e.g. the export folder)."""
        return self._get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._q.setValue(key, value)
