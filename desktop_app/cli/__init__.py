"""The ``keyprojects`` command: launch the app, create ledgers, list and generate projects.

Errors print one plain-Chinese line on stderr and exit non-zero; never a traceback, never the
English of the system, SQLite or click (usage errors exit 2 with a hint to ``--help``).  Text
from the ledger is printed through :func:`~desktop_app.domain.text.printable`: a control
character stored in a name shows as ``\\x1b`` instead of acting on the terminal.

``base`` holds the group and what its commands share; the commands are in
``ledger_commands`` (init, projects, demo, check), ``backup_commands`` (backup, restore),
``excel_commands`` (export, import, template), ``returns_commands`` (returns status …), ``settings_commands`` (settings
show, settings office) and ``compare_commands`` (compare); ``usage`` says click's errors in
Chinese, ``output`` prints safely.
"""

from __future__ import annotations

from . import (
    backup_commands,
    compare_commands,
    excel_commands,
    ledger_commands,
    returns_commands,  # noqa: F401 - registers ``keyprojects returns``
    review_commands,  # noqa: F401 - registers ``returns status, accept, reject …``
    round_commands,  # noqa: F401 - registers ``keyprojects close, reopen, rounds``
    settings_commands,
    units_commands,  # noqa: F401 - registers ``keyprojects units``
    year_commands,  # noqa: F401 - registers ``keyprojects year``
)
from .base import cli
from .usage import ChineseGroup, ChineseUsageError, CliError, chinese_usage_message

__all__ = [
    "ChineseGroup",
    "ChineseUsageError",
    "CliError",
    "backup_commands",
    "chinese_usage_message",
    "cli",
    "compare_commands",
    "excel_commands",
    "ledger_commands",
    "main",
    "settings_commands",
]


def main() -> None:
    """Console entry point."""
    cli(prog_name="keyprojects")
