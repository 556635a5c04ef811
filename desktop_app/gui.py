"""Launching the desktop window (the ``keyprojects`` default and ``keyprojects-gui``)."""

from __future__ import annotations

import sys
from pathlib import Path


def run(db: Path | None = None, argv: list[str] | None = None, *, smoke: bool = False) -> int:
    """Open the main window on ``db`` (default: the user's ledger, created on first launch)."""
    from .launch import run_window

    return run_window(db, argv, smoke=smoke)


def window_args(args: list[str]) -> tuple[Path | None, bool] | None:
    """``(db, smoke)`` when ``args`` only open the window (``--db FILE``, ``--smoke``), so the
    launch can skip loading the command line (click); None for anything else."""
    db: Path | None = None
    smoke = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--smoke":
            smoke = True
        elif arg == "--db" and rest and not rest[0].startswith("-"):
            db = Path(rest.pop(0))
        elif arg.startswith("--db=") and len(arg) > 5:
            db = Path(arg[5:])
        else:
            return None
    return db, smoke


def console_main() -> None:
    """The ``keyprojects`` command: only ``--db FILE`` / ``--smoke`` open the window at once,
    as ``python -m desktop_app`` does, without loading the command line (click); anything
    else goes to :func:`desktop_app.cli.main`."""
    window = window_args(sys.argv[1:])
    if window is not None:
        sys.exit(run(window[0], sys.argv[:1], smoke=window[1]))
    from .cli import main as cli_main

    cli_main()


def main() -> None:
    """GUI entry point (no console window on Windows)."""
    import argparse

    parser = argparse.ArgumentParser(prog="keyprojects-gui")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    sys.exit(run(args.db, [sys.argv[0], *rest], smoke=args.smoke))
