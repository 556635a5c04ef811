"""The one API over the ledger database that the UI, the command line and the reports call.

:class:`Store` is the front; each concern lives in its own module and is mixed in here:

========================  ===========================================================
:mod:`.opening`           open (checked, migrated), ``open_reader``, create, close
:mod:`.actions`           the action (transaction) context and the history rows it writes
:mod:`.codes`             code lists, indicators, meta
:mod:`.projects`          projects: read, validate, add, change, delete, restore, import
:mod:`.monthly`           monthly reports
:mod:`.children`          milestones and problems
:mod:`.history`           change-history queries
:mod:`.reads`             bulk reads for tables and charts, derived figures
:mod:`.rounds`            closed rounds (关账): close, reopen, the frozen rows
:mod:`.years_change`      年度切换: the new year's list proposed and started
:mod:`.units`             the unit directory (责任单位), the returns' deadline
:mod:`.reviews`           the review of the units' returns (审核, 退回), the board, 报送及时率
:mod:`.sqlite_engine`     everything only SQLite does (the seam for a second engine)
========================  ===========================================================

Every method that changes data runs as one *action*: one transaction that also writes an
``actions`` row and one ``history`` row per changed field.  A failing action changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .actions import Action, ActionsMixin, default_user, now_text
from .children import ChildrenMixin
from .codes import CodesMixin
from .history import HistoryMixin
from .integrity import CheckResult
from .monthly import MonthlyMixin
from .opening import OpeningMixin
from .projects import ProjectsMixin
from .reads import ReadsMixin
from .returns import ReturnsMixin
from .reviews import ReviewsMixin
from .rounds import RoundsMixin
from .sqlite_engine import SQLiteEngine
from .units import UnitsMixin
from .years_change import YearsChangeMixin

__all__ = ["Action", "Store", "default_user", "now_text"]

#: Rows per INSERT statement when writing many (imports, their history); read at every
#: write, so it can be lowered at run time (the tests do, to write several statements).
_ROWS_PER_INSERT = 100


class Store(
    OpeningMixin,
    ProjectsMixin,
    MonthlyMixin,
    ChildrenMixin,
    CodesMixin,
    HistoryMixin,
    ReadsMixin,
    RoundsMixin,
    YearsChangeMixin,
    UnitsMixin,
    ReviewsMixin,
    ReturnsMixin,
    ActionsMixin,
):
    """A ledger database file opened for reading and writing (or, from
    :meth:`open_reader`, for reading only)."""

    ENGINE = SQLiteEngine(rows_per_insert=lambda: _ROWS_PER_INSERT)

    def __init__(
        self,
        conn: Any,
        path: Path,
        user: str,
        *,
        engine: SQLiteEngine | None = None,
        readonly: bool = False,
    ) -> None:
        self.conn = conn
        self.path = path
        self.user = user
        self.engine = engine or self.ENGINE
        self.readonly = readonly  # every action refuses (WriteFailed)
        self.open_check: CheckResult | None = None  # what the check on opening found
