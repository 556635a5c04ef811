"""Launching the desktop window (the ``keyprojects`` default and ``keyprojects-gui``)."""

from __future__ import annotations

import sys
from pathlib import Path


def run(db: Path | None = None, argv: list[str] | None = None, *, smoke: bool = False) -> int:
    """Open the main window on ``db`` (default: the user's ledger, created on first launch)."""
    from .ui.app import run_app

    return run_app(db, argv if argv is not None else sys.argv[:1], smoke=smoke)


def main() -> None:
    """GUI entry point (no console window on Windows)."""
    import argparse

    parser = argparse.ArgumentParser(prog="keyprojects-gui")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    sys.exit(run(args.db, [sys.argv[0], *rest], smoke=args.smoke))
