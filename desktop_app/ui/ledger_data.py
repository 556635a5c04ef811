"""Compact data behind the ledger table and the monthly grid (no Qt: safe in a worker thread).

Large ledgers hold 100,000 projects, so rows stay raw tuples from :meth:`Store.project_rows`
and the derived figures of a period become one small tuple per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ..domain import derived
from ..domain.fields import PROJECT_FIELD_NAMES
from ..domain.periods import Period
from ..store import Store

#: Index of each ledger field in a row tuple of Store.project_rows().
ROW_ID, ROW_VERSION, ROW_KEY = 0, 1, 2
FIELD_INDEX = {name: 3 + i for i, name in enumerate(PROJECT_FIELD_NAMES)}

#: A figures tuple: (light value, 本月完成 百元 or None, 本年累计 百元, 完成率 float or None, 已上报)
Figs = tuple[str, int | None, int, float | None, bool]
NO_FIGS: Figs = (derived.Light.NONE.value, None, 0, None, False)


def _cents(value: Decimal | None) -> int | None:
    return None if value is None else int(value * 100)


def figs_of(f: derived.ProjectFigures) -> Figs:
    """The compact figures tuple of one project."""
    rate = None if f.annual_rate is None else float(f.annual_rate)
    return (f.light.value, _cents(f.month), int(f.ytd * 100), rate, f.reported)


@dataclass
class LedgerData:
    """Everything the ledger table shows for one period."""

    period: Period
    rows: list[tuple] = field(default_factory=list)
    figs: list[Figs] = field(default_factory=list)  # aligned with rows
    blob: str | None = None  # the rows' search keys, one per line (see search_blob)
    starts: list[int] = field(default_factory=list)
    index: RowIndex | None = None


#: Fields whose distinct values the filter drop-downs offer.
DISTINCT_FIELDS = ("region", "sector", "chain", "status", "nature", "leader", "department")


@dataclass
class RowIndex:
    """Lookups over the rows, built once off the interface thread: where each project is,
    its amounts as plain lists (fast sums) and the values each filter field takes."""

    pos: dict[int, int]
    totals: list[int]
    plans: list[int]
    distinct: dict[str, set[str]]

    @classmethod
    def of(cls, rows: list[tuple]) -> RowIndex:
        ti, ap = FIELD_INDEX["total_investment"], FIELD_INDEX["annual_plan"]
        distinct = {}
        for name in DISTINCT_FIELDS:
            col = FIELD_INDEX[name]
            values = {r[col] for r in rows}
            values.discard(None)
            distinct[name] = values
        return cls(
            {r[ROW_ID]: i for i, r in enumerate(rows)},
            [r[ti] or 0 for r in rows],
            [r[ap] or 0 for r in rows],
            distinct,
        )

    def put(self, at: int, row: tuple) -> None:
        """Take in a changed (or appended, ``at == len``) row."""
        ti, ap = FIELD_INDEX["total_investment"], FIELD_INDEX["annual_plan"]
        self.pos[row[ROW_ID]] = at
        if at == len(self.totals):
            self.totals.append(0)
            self.plans.append(0)
        self.totals[at] = row[ti] or 0
        self.plans[at] = row[ap] or 0
        for name in DISTINCT_FIELDS:
            value = row[FIELD_INDEX[name]]
            if value is not None:
                self.distinct[name].add(value)


def search_blob(rows: list[tuple]) -> tuple[str, list[int]]:
    """Every row's search key joined by newlines (keys hold no white space), and where each
    row's key starts: one ``str.find`` walk then searches all projects at C speed."""
    keys = [r[ROW_KEY] for r in rows]
    starts, at = [], 0
    for key in keys:
        starts.append(at)
        at += len(key) + 1
    return "\n".join(keys), starts


def load_ledger(
    store: Store, period: Period, thresholds: derived.LightThresholds | None = None
) -> LedgerData:
    """Rows and figures of every project (seconds on 100,000 projects: run in a worker)."""
    rows = store.project_rows()
    figures = store.figures(period, thresholds)
    get = figures.get
    figs = [figs_of(f) if (f := get(r[ROW_ID])) is not None else NO_FIGS for r in rows]
    blob, starts = search_blob(rows)
    return LedgerData(period, rows, figs, blob, starts, RowIndex.of(rows))


def project_figures(
    store: Store,
    project_id: int,
    period: Period,
    thresholds: derived.LightThresholds | None = None,
) -> derived.ProjectFigures:
    """The figures of one project, from its own reports (fast on any ledger size)."""
    project = store.get_project(project_id)
    monthly = {
        Period.parse(r.period): r.month_investment for r in store.project_monthly(project_id)
    }
    return derived.project_figures(
        monthly,
        period,
        annual_plan=project.annual_plan,
        total_investment=project.total_investment,
        planned_start=project.planned_start,
        actual_start=project.actual_start,
        status=project.status,
        thresholds=thresholds,
    )


#: Index of each field in a report tuple of Store.monthly_rows() (本月完成投资 in 百元).
MONTHLY_INDEX = {name: i for i, name in enumerate(Store.MONTHLY_ROW_COLUMNS)}


@dataclass
class MonthlyData:
    """Which projects reported in one period, and the report tuples read so far.

    Only the project ids come up front (one index scan, ~50 ms on 100,000 projects); the grid
    reads the tuples of the rows it shows, a batch at a time, with :func:`fetch_reports`.
    The grid's figures are the ledger's own (same period), never computed twice."""

    period: Period
    present: set[int]
    reports: dict[int, tuple] = field(default_factory=dict)  # project id → report tuple


def load_monthly(store: Store, period: Period) -> MonthlyData:
    """The projects that reported in ``period`` (their reports are read when shown)."""
    return MonthlyData(period, store.reported_ids(period))


def fetch_reports(store: Store, data: MonthlyData, project_ids: Iterable[int]) -> None:
    """Read the report tuples of these projects into ``data`` (those not read yet)."""
    wanted = [p for p in project_ids if p in data.present and p not in data.reports]
    if not wanted:
        return
    fresh = store.monthly_rows(data.period, wanted)
    data.reports.update(fresh)
    data.present.difference_update(p for p in wanted if p not in fresh)


def refresh_monthly(store: Store, data: MonthlyData, project_ids: Iterable[int]) -> None:
    """Reload the reports of a few projects into ``data``."""
    ids = list(project_ids)
    fresh = store.monthly_rows(data.period, ids)
    for pid in ids:
        row = fresh.get(pid)
        if row is None:
            data.reports.pop(pid, None)
            data.present.discard(pid)
        else:
            data.reports[pid] = row
            data.present.add(pid)
