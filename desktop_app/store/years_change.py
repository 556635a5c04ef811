"""A new year (年度切换): the new year's key-project list proposed, then started in one action.

:meth:`YearsChangeMixin.year_proposal` reads every project with its row of the ledger's
current year and hands them to :func:`~desktop_app.domain.new_year.propose` (the rules are
there).  :meth:`~YearsChangeMixin.start_year` backs the ledger up, then in one action writes
a ``project_years`` row of the new year for every project on the new list (年度计划投资 and
建设目标 empty, to be filled by import or the form), with one history row per project, and
makes the new year the ledger's current year.  A year whose list exists is refused.
:meth:`~YearsChangeMixin.year_counts` lists the years with their counts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.new_year import NewYearError, OldYearProject, YearProposal, propose
from .actions import now_text
from .errors import StoreError
from .rows import wan
from .years import INSERT_YEARS, YearsMixin

if TYPE_CHECKING:
    from .backup import Backup

_OLD_ROWS = (
    "SELECT p.id, p.code, p.name, p.status, coalesce(y.on_list, 0), y.nature, y.lists, "
    "y.annual_plan FROM projects p "
    "LEFT JOIN project_years y ON y.project_id = p.id AND y.year = ? ORDER BY p.code"
)


class YearAlreadyStarted(StoreError):
    """The new year's list exists already (年度切换 run twice for one year)."""


@dataclass(frozen=True, slots=True)
class YearCount:
    """One year of the ledger: projects on its list, those with a 年度计划投资, and those
    carried over from / new since the year before (None for the first year)."""

    year: int
    on_list: int
    with_plan: int
    carried: int | None
    new: int | None
    current: bool = False


@dataclass(slots=True)
class YearStarted:
    """What :meth:`YearsChangeMixin.start_year` did."""

    year: int
    old_year: int
    counts: dict[str, int]  # on the new list, by kind (domain.new_year.KINDS)
    backup: Backup | None = None
    action_id: int | None = None
    description: str = ""
    project_ids: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class YearsChangeMixin(YearsMixin):
    """年度切换 of :class:`~.store.Store`."""

    conn: Any
    path: Path

    # ------------------------------------------------------------------ years
    def _refuse_started(self, year: int) -> None:
        listed = self.listed_count(year)
        if listed:
            raise YearAlreadyStarted(
                f"{year}年的项目名单已经建立（{listed}个项目）；不能再次年度切换。"
                f"如需调整某个项目，请在项目表单中修改其{year}年的年度信息，"
                f"计划投资可导入表头为“{year}年计划投资”的台账"
            )

    # --------------------------------------------------------------- proposal
    def year_proposal(
        self, year: int, *, include_finished: bool = True, include_reserve: bool = False
    ) -> YearProposal:
        """The proposed list of ``year`` from the current year's (nothing is written).
        Raises :class:`YearAlreadyStarted` when ``year`` has its list, StoreError when it
        does not come after the current year."""
        old_year = self._checked_new_year(year)
        parsed: dict[str, tuple[str, ...]] = {}

        def lists(text: str | None) -> tuple[str, ...]:
            if not text or text == "[]":
                return ()
            found = parsed.get(text)
            if found is None:
                found = parsed[text] = tuple(json.loads(text))
            return found

        rows = self.conn.execute(_OLD_ROWS, (old_year,)).fetchall()
        projects = [
            OldYearProject(pid, code, name, status, bool(on), nature, lists(ls), wan(plan))
            for pid, code, name, status, on, nature, ls, plan in rows
        ]
        return propose(
            old_year,
            year,
            projects,
            include_finished=include_finished,
            include_reserve=include_reserve,
        )

    def _checked_new_year(self, year: int) -> int:
        """The current year, once ``year`` is known to be one that can be started (else
        :class:`StoreError`, :class:`YearAlreadyStarted`): no project is read."""
        if not 2000 <= year <= 2099:
            raise StoreError(f"年度应在2000年至2099年之间，不能是{year}年")
        self._refuse_started(year)
        old_year = self.current_year()
        try:
            propose(old_year, year, ())  # the domain's refusal of a year not after it
        except NewYearError as exc:
            raise StoreError(f"{exc}（台账当前年度为{old_year}年）") from exc
        return old_year

    # ------------------------------------------------------------------ start
    def start_year(
        self,
        year: int,
        choices: Mapping[int, bool] | None = None,
        *,
        include_finished: bool = True,
        include_reserve: bool = False,
        backup_root: str | Path | None = None,
    ) -> YearStarted:
        """Start ``year``: after a backup, one action writes its list as proposed, with
        ``choices`` (project id → on the list) for the offered lines, and makes it the
        current year.  Refused (nothing written, no backup) when the year has its list."""
        self._checked_new_year(year)  # refused before the backup (the list is read below)
        from .backup import backup_before

        backup = backup_before(self, f"年度切换前：建立{year}年重点项目名单", root=backup_root)
        with self.action(f"年度切换：建立{year}年重点项目名单") as action:
            # inside the transaction: what is written is what the ledger holds now
            proposal = self.year_proposal(
                year, include_finished=include_finished, include_reserve=include_reserve
            )
            lines = proposal.included(choices)
            counts = proposal.included_counts(choices)
            description = (
                f"年度切换：建立{year}年重点项目名单（{len(lines)}个项目：结转续建"
                f"{counts['carry']}个、建成达产达效{counts['finished']}个、储备"
                f"{counts['reserve']}个）"
            )
            self.conn.execute(
                "UPDATE actions SET description = ? WHERE id = ?", (description, action.id)
            )
            self._write_new_list(year, lines)
            self.set_current_year(year)  # joins this action
        return YearStarted(
            year,
            proposal.old_year,
            counts,
            backup,
            action.id if action.changes else None,
            description,
            [line.project_id for line in lines],
        )

    def _write_new_list(self, year: int, lines: list[Any]) -> None:
        """The new year's rows of ``lines`` (a row of that year kept off the list, made by an
        import before the year started, is put on it with its plan kept)."""
        now = now_text()
        existing = {
            r[0]
            for r in self.conn.execute(
                "SELECT project_id FROM project_years WHERE year = ?", (year,)
            )
        }
        dumped: dict[tuple[str, ...], str] = {}

        def text(lists: tuple[str, ...]) -> str:
            found = dumped.get(lists)
            if found is None:
                found = dumped[lists] = json.dumps(list(lists), ensure_ascii=False)
            return found

        new_rows, updates = [], []
        for line in lines:
            if line.project_id in existing:
                updates.append((line.nature, text(line.lists), now, line.project_id, year))
            else:
                new_rows.append(
                    (line.project_id, year, 1, None, line.nature, text(line.lists), None, 1, now)
                )
        self.engine.insert_rows(self.conn, INSERT_YEARS, 9, new_rows)
        self.conn.executemany(
            "UPDATE project_years SET on_list = 1, nature = ?, lists = ?, "
            "version = version + 1, updated_at = ? WHERE project_id = ? AND year = ?",
            updates,
        )
        shown = str(year)
        self.record_changes(
            ("project_years", line.project_id, "year", None, shown)
            if line.project_id not in existing
            else ("project_years", line.project_id, "on_list", 0, 1)
            for line in lines
        )

    # ------------------------------------------------------------------ list
    def year_counts(self) -> list[YearCount]:
        """Every year that has a list, ascending, with its counts."""
        current = self.current_year()
        years = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT DISTINCT year FROM project_years WHERE on_list = 1 ORDER BY year"
            )
        ]
        out: list[YearCount] = []
        previous: int | None = None
        for year in years:
            listed, planned, carried = self.conn.execute(
                "SELECT count(*), count(y.annual_plan), count(b.project_id) "
                "FROM project_years y LEFT JOIN project_years b ON b.project_id = y.project_id "
                "AND b.year = ? AND b.on_list = 1 WHERE y.year = ? AND y.on_list = 1",
                (previous if previous is not None else -1, year),
            ).fetchone()
            if previous is None:
                out.append(YearCount(year, listed, planned, None, None, year == current))
            else:
                out.append(
                    YearCount(year, listed, planned, carried, listed - carried, year == current)
                )
            previous = year
        return out
