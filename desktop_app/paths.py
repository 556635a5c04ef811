"""Where the app keeps its files: user data (platformdirs) and shipped resources."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from . import APP_ID, ORG_NAME

_PACKAGE = Path(__file__).resolve().parent


def _bundle_root() -> Path | None:
    """The PyInstaller bundle folder, when running frozen."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def _shipped(relative: str, packaged: str) -> Path:
    """A shipped file: inside a frozen bundle, an installed wheel, or the source checkout."""
    candidates = []
    bundle = _bundle_root()
    if bundle is not None:
        candidates.append(bundle / relative)
    candidates += [_PACKAGE / packaged, _PACKAGE.parent / relative]
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


def portfolio_file() -> Path:
    """db/portfolio_2022.json: the 2022 portfolio shipped with the app."""
    return _shipped("db/portfolio_2022.json", "_data/portfolio_2022.json")


def resources_dir() -> Path:
    """resources/: icons, fonts and translations."""
    return _shipped("resources", "_resources")


def data_dir() -> Path:
    """The user's data folder for this app (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = Path(platformdirs.user_log_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    """The ledger the app opens when no --db is given."""
    return data_dir() / "keyprojects.sqlite"
