"""What both front ends do to start: open the ledger, open the window.

Shared by the command line (:mod:`desktop_app.cli`), the launcher (:mod:`desktop_app.gui`)
and the window's start-up (:mod:`desktop_app.ui.app`), so that none of them imports another
for it.  Cheap to import (the cold start passes through here before the first paint): the
store and the window are imported inside the functions that need them.  Qt-free itself.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import default_database

if TYPE_CHECKING:
    from .store import Store

__all__ = ["open_ledger", "run_window"]


def open_ledger(db: Path | None) -> Store:
    """The ledger ``db``, or the user's default ledger when ``db`` is None.

    The default ledger is created with the shipped 2022 portfolio the first time it is
    asked for (also when ``db`` names it); any other file must exist and is opened with
    :meth:`Store.open <desktop_app.store.Store.open>` (its checks, migration and errors).
    """
    from .store import Store

    path = db if db is not None else default_database()
    # default_database() creates the data folder: asked only when the file is missing
    if not path.exists() and (db is None or path == default_database()):
        return Store.create(path)
    return Store.open(path)


def run_window(
    db: Path | None = None, argv: list[str] | None = None, *, smoke: bool = False
) -> int:
    """Open the main window on ``db`` (default: the user's ledger, created on first launch);
    the application's exit code.  Where Qt's window plugin cannot start (missing system
    libraries, no display), one Chinese line on stderr and 1 instead of Qt's abort."""
    from .qt_libraries import window_problem

    argv = argv if argv is not None else sys.argv[:1]
    problem = window_problem(argv)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from .ui.app import run_app

    return run_app(db, argv, opener=open_ledger, smoke=smoke)
