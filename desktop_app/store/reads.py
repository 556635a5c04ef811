"""Bulk reads for tables and charts over large ledgers: raw tuples, whole 百元 integers.

Nothing here builds a record per row unless asked (:meth:`ReadsMixin.figures`): the UI
compacts each tuple as it arrives, the charts sum integers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from ..domain import derived
from ..domain.fields import PROJECT_FIELD_NAMES
from ..domain.money import from_cents
from ..domain.periods import Period
from .figure_columns import COLUMNS_SQL, figure_columns
from .models import MonthlyReport
from .rows import (
    MONTHLY_COLUMNS,
    PROJECT_COLUMNS,
    YEAR_JOIN,
    monthly_from_row,
    project_column,
)
from .sqlite_engine import SQLiteEngine

#: Bind the year first (:data:`YEAR_JOIN`).
_PROJECT_ROW_SQL = (
    "SELECT p.id, p.version, p.search_key, "
    + ", ".join(map(project_column, PROJECT_FIELD_NAMES))
    + YEAR_JOIN
)
#: Projects worked out at a time by :meth:`ReadsMixin.figure_rows` (with numpy).
BATCH = 8192

FigureRow = tuple[int, derived.Light, int | None, int, int, int | None, int | None, bool]


class ReadsMixin:
    """Bulk reads of :class:`~.store.Store`."""

    conn: Any
    engine: SQLiteEngine

    #: Column order of :meth:`monthly_rows` tuples (the fields of MonthlyReport).
    MONTHLY_ROW_COLUMNS = MONTHLY_COLUMNS

    # ----------------------------------------------------------------- projects
    def project_rows(
        self, ids: Iterable[int] | None = None, year: int | None = None
    ) -> list[tuple[Any, ...]]:
        """Every project (or those of ``ids``) as one raw tuple, in code order, for tables over
        large ledgers: ``(id, version, search_key, *values of PROJECT_FIELD_NAMES)`` with amounts
        as whole 百元 integers (see money.from_cents) and 项目清单 as JSON text; 年度计划投资,
        建设性质 and 项目清单 those of ``year`` (default: the current year)."""
        if ids is None:
            return list(self.each_project_row(year))
        return self.conn.execute(
            _PROJECT_ROW_SQL + " WHERE " + self.engine.ids_filter("p.id") + " ORDER BY p.code",
            (self.year_of(year), self.engine.ids_param(ids)),  # type: ignore[attr-defined]
        ).fetchall()

    def each_project_row(self, year: int | None = None) -> Iterator[tuple[Any, ...]]:
        """The tuples of :meth:`project_rows` for every project, one at a time (a loader can
        compact each row before the next is read)."""
        year = self.year_of(year)  # type: ignore[attr-defined]
        return self.conn.execute(_PROJECT_ROW_SQL + " ORDER BY p.code", (year,))

    def project_columns(
        self, columns: Sequence[str], year: int | None = None
    ) -> list[tuple[Any, ...]]:
        """Raw values of some columns of every project, in id order, for whole-portfolio
        aggregation (charts): amounts stay whole 百元 integers, ``lists`` stays JSON text."""
        unknown = [c for c in columns if c not in (*PROJECT_COLUMNS, "search_key")]
        if unknown or not columns:
            raise ValueError(f"unknown project columns: {unknown}")
        return self.conn.execute(
            f"SELECT {', '.join(map(project_column, columns))}{YEAR_JOIN} ORDER BY p.id",
            (self.year_of(year),),  # type: ignore[attr-defined]
        ).fetchall()

    def totals(
        self, project_ids: Iterable[int] | None = None, year: int | None = None
    ) -> dict[str, Decimal]:
        """Exact sums of 总投资 and 年度计划 (万元, of ``year``: default the current year) over
        all projects or the given ones."""
        where, params = "", [self.year_of(year)]  # type: ignore[attr-defined]
        if project_ids is not None:
            where = " WHERE " + self.engine.ids_filter("p.id")
            params.append(self.engine.ids_param(project_ids))
        try:
            row = self.conn.execute(
                "SELECT coalesce(sum(p.total_investment), 0), coalesce(sum(y.annual_plan), 0)"
                + YEAR_JOIN
                + where,
                params,
            ).fetchone()
        except self.engine.OperationalError as exc:
            if not self.engine.is_overflow(exc):
                raise
            # amounts above today's ceiling written by an older version: sum them in Python
            rows = self.conn.execute(
                "SELECT p.total_investment, y.annual_plan" + YEAR_JOIN + where, params
            ).fetchall()
            row = (sum(r[0] or 0 for r in rows), sum(r[1] or 0 for r in rows))
        return {
            "total_investment": from_cents(row[0]) or Decimal(0),
            "annual_plan": from_cents(row[1]) or Decimal(0),
        }

    # ------------------------------------------------------------------ reports
    def monthly_rows(
        self, period: Period | str, project_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[Any, ...]]:
        """The reports of one period (or of ``project_ids`` only) as raw tuples by project id,
        in MONTHLY_ROW_COLUMNS order with 本月完成投资 in whole 百元 — for grids over large
        ledgers; :meth:`report_from_row` turns one into its MonthlyReport."""
        sql = f"SELECT {', '.join(MONTHLY_COLUMNS)} FROM monthly_reports WHERE period = ?"
        params: list[Any] = [str(period)]
        if project_ids is not None:
            sql += " AND " + self.engine.ids_filter("project_id")
            params.append(self.engine.ids_param(project_ids))
        return {r[0]: r for r in self.conn.execute(sql, params)}

    @staticmethod
    def report_from_row(row: Sequence[Any]) -> MonthlyReport:
        """The MonthlyReport of one :meth:`monthly_rows` tuple."""
        return monthly_from_row(row)

    def reported_ids(self, period: Period | str) -> set[int]:
        """The projects with a report for ``period`` (an index scan: fast on any size)."""
        rows = self.conn.execute(
            "SELECT project_id FROM monthly_reports WHERE period = ?", (str(period),)
        )
        return {r[0] for r in rows}

    def monthly_amounts(self, first: Period, last: Period) -> list[tuple[int, str, int]]:
        """``(project_id, period, 本月完成 in whole 百元)`` of every report with an amount from
        ``first`` to ``last`` (inclusive), for whole-portfolio aggregation (charts)."""
        return self.conn.execute(
            "SELECT project_id, period, month_investment FROM monthly_reports "
            "WHERE period BETWEEN ? AND ? AND month_investment IS NOT NULL",
            (str(first), str(last)),
        ).fetchall()

    def unreviewed(
        self, period: Period | str, project_ids: Iterable[int] | None = None
    ) -> dict[int, str]:
        """Project id → 'pending' (待审核) or 'returned' (退回) for the reports of ``period``
        a unit's return brought and no reviewer accepted yet (issue 17): what the grid and the
        月度调度表 mark.  The staff's own reports are never here."""
        sql = (
            "SELECT m.project_id, r.state FROM report_reviews r "
            "JOIN monthly_reports m ON m.id = r.report_id "
            "WHERE m.period = ? AND r.state IN ('pending', 'returned')"
        )
        if project_ids is None:
            return dict(self.conn.execute(sql, (str(period),)).fetchall())
        sql += " AND " + self.engine.ids_filter("m.project_id")
        params = (str(period), self.engine.ids_param(sorted(project_ids)))
        return dict(self.conn.execute(sql, params).fetchall())

    def amounts_before(self, period: Period | str) -> dict[int, tuple[int, int]]:
        """Project id → (本月完成 of the months of ``period``'s year before it, of every month
        before it), whole 百元, for the projects with such reports: what a ledger's 1-N月 and
        开工以来累计 figures are checked against (an import of the month inside a ledger)."""
        month = Period.parse(str(period))
        out: dict[int, tuple[int, int]] = {}
        for pid, since in self.conn.execute(
            "SELECT project_id, sum(month_investment) FROM monthly_reports "
            "WHERE period < ? AND month_investment IS NOT NULL GROUP BY project_id",
            (str(month),),
        ):
            out[pid] = (0, since)
        for pid, ytd in self.conn.execute(
            "SELECT project_id, sum(month_investment) FROM monthly_reports "
            "WHERE period >= ? AND period < ? AND month_investment IS NOT NULL "
            "GROUP BY project_id",
            (str(Period(month.year, 1)), str(month)),
        ):
            out[pid] = (ytd, out[pid][1])
        return out

    def each_amount(self, period: Period | str) -> Iterator[tuple[int, int]]:
        """``(project_id, 本月完成 in whole 百元)`` of every report of ``period`` with an
        amount, one at a time: read from the covering period index alone (schema v3), for
        whole-portfolio charts."""
        return self.conn.execute(
            "SELECT project_id, month_investment FROM monthly_reports "
            "WHERE period = ? AND month_investment IS NOT NULL",
            (str(period),),
        )

    # ---------------------------------------------------------- derived figures
    def figures(
        self,
        period: Period,
        thresholds: derived.LightThresholds | None = None,
        project_ids: Iterable[int] | None = None,
    ) -> dict[int, derived.ProjectFigures]:
        """Every derived figure of every project on the period's year's list (or of those of
        ``project_ids`` on it) for ``period``; 序时进度 from a project's monthly plan where it
        has one."""
        wanted = None if project_ids is None else set(project_ids)
        share = derived.time_progress(period)
        make = derived.figures_from_cents
        plans = self.monthly_plan_cents(period.year)  # type: ignore[attr-defined]
        out = {}
        for pid, light, month, ytd, cum, plan, total, reported in self.figure_rows(
            period, thresholds, plans=plans
        ):
            if wanted is None or pid in wanted:
                own = share
                if pid in plans and plan:
                    own = Decimal(derived.planned_cumulative(plans[pid], period.month)) / plan
                out[pid] = make(period, month, ytd, cum, plan, total, light, reported, own)
        return out

    def figure_rows(
        self,
        period: Period,
        thresholds: derived.LightThresholds | None = None,
        *,
        plans: dict[int, dict[int, int]] | None = None,
    ) -> Iterator[FigureRow]:
        """The figures of every project for ``period`` as raw values, one tuple at a time
        (no Decimal, nothing held: for tables over large ledgers): ``(id, light, 本月完成 or
        None when not reported, 本年累计, 开工以来累计, 年度计划, 总投资, reported)``, amounts
        in whole 百元, of the projects on the period's year's list.  :meth:`figures` is built
        from these; the rules are :func:`derived.cents_rule` (by the monthly plan where a
        project has one: ``plans``, the year's :meth:`monthly_plan_cents` when the caller
        has read them already), worked out a batch at a time (:func:`figure_columns`)."""
        if plans is None:
            plans = self.monthly_plan_cents(period.year)  # type: ignore[attr-defined]
        thresholds = thresholds or self.light_thresholds()  # type: ignore[attr-defined]
        return self._each_figure_row(period, thresholds, plans)

    def _each_figure_row(
        self,
        period: Period,
        thresholds: derived.LightThresholds | None,
        plans: dict[int, dict[int, int]],
    ) -> Iterator[FigureRow]:
        cursor = self.conn.execute(COLUMNS_SQL, (period.year, str(period)))
        while batch := cursor.fetchmany(BATCH):
            yield from figure_columns(batch, period, thresholds, plans).rows()
