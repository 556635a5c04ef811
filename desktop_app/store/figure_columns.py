"""The figures of a whole period's list as columns, worked out with numpy (no Python call per
project): what :meth:`~.reads.ReadsMixin.figure_rows` yields, and the 滞后 of the comparison of
two rounds, for 100,000 projects in a fraction of a second.

The rules are those of :func:`derived.cents_rule` (the light by 时序进度 month / 12, or by the
project's monthly plan where it has one; red when the start is overdue) in the same exact
integer arithmetic: amounts are whole 百元 and the thresholds exact fractions, so every
boundary (exactly 10 points, exactly 30) falls the same way.  Amounts too large for 64-bit
integers are worked out on Python integers (numpy object arrays), still without a call per
project.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain import derived
from ..domain.derived import Light, LightThresholds
from ..domain.periods import Period, date_start
from .schema import PERIOD_INDEX_NAME

#: Light codes of :attr:`FigureColumns.codes` (index into this tuple).
LIGHTS = (Light.GREEN, Light.YELLOW, Light.RED, Light.NONE)
GREEN, YELLOW, RED, NONE = range(4)

#: Every project on the year's list (bind the year, then the period), in id order, with the
#: figures of its newest report at or before the period (which carries the running sums,
#: schema v2): the month's report from the period index alone (schema v7: one seek, no table
#: row), and only where there is none the newest report before it.  Worked out here: whether
#: the project reported that month, its 本年累计 (0 when the newest report is of an earlier
#: year), its 开工以来累计 (0 without a report) and the 计划开工 of a project that has not
#: started (``DUE_START``: the only ones whose start can be overdue).
_TEMPLATE = """
SELECT {columns}
FROM project_years y
JOIN projects p ON p.id = y.project_id{joins}
WHERE y.year = ?1 AND y.on_list = 1
ORDER BY y.project_id
"""
#: 计划开工 of a project that has not started (None otherwise).
_DUE_START = (
    "CASE WHEN coalesce(p.actual_start, '') = '' AND coalesce(p.status, '') NOT IN ({started}) "
    "THEN nullif(p.planned_start, '') END"
).format(started=", ".join(f"'{s}'" for s in sorted(derived.STARTED_STATUSES)))
#: 本月完成 (None: no report that month) and 本年累计 of one period (``{m}``, ``{o}``: the
#: aliases of its report and of the newest one before it).
_MONTH_YTD = (
    "{m}.month_investment, "
    "CASE WHEN {m}.project_id IS NOT NULL THEN {m}.ytd_investment "
    "WHEN {o}.period >= printf('%04d-01', ?1) THEN {o}.ytd_investment ELSE 0 END"
)
_JOINS = """
LEFT JOIN monthly_reports {m} INDEXED BY {index}
    ON {m}.period = {period} AND {m}.project_id = y.project_id
LEFT JOIN monthly_reports {o} ON {o}.id = CASE WHEN {m}.project_id IS NULL THEN (
    SELECT id FROM monthly_reports
    WHERE project_id = y.project_id AND period < {period}
    ORDER BY period DESC LIMIT 1) END"""


def _columns_sql(periods: tuple[str, ...], *, rounds: bool) -> str:
    """The rows of ``periods`` (parameter names): the figure rows of one period, or
    (``rounds``) the fewer columns a round of each period needs -- each column of 100,000
    rows costs the fetch ~20 ms."""
    joins = "".join(
        _JOINS.format(m=f"m{i}", o=f"o{i}", period=p, index=PERIOD_INDEX_NAME)
        for i, p in enumerate(periods)
    )
    if rounds:
        figures = [_MONTH_YTD.format(m=f"m{i}", o=f"o{i}") for i in range(len(periods))]
        columns = ["p.id, y.annual_plan", _DUE_START, "p.code, p.name, p.region", *figures]
    else:
        columns = [
            "p.id, y.annual_plan, p.total_investment",
            _DUE_START,
            "m0.project_id IS NOT NULL",
            _MONTH_YTD.format(m="m0", o="o0"),
            "coalesce(m0.cum_investment, o0.cum_investment, 0)",
        ]
    return _TEMPLATE.format(columns=",\n       ".join(columns), joins=joins)


COLUMNS_SQL = _columns_sql(("?2",), rounds=False)
#: Positions in a :data:`COLUMNS_SQL` row.
ID, PLAN, TOTAL, DUE_START, REPORTED, MONTH, YTD, CUM = range(8)
#: A round's rows (bind the year, then the period): 项目编号, 项目名称, 县区 and the figures a
#: round compares.
ROUND_SQL = _columns_sql(("?2",), rounds=True)
#: :data:`ROUND_SQL` of two periods of one year (bind the year, the later period, then the
#: earlier): the earlier one's 本月完成 and 本年累计 last.
ROUND_PAIR_SQL = _columns_sql(("?2", "?3"), rounds=True)
#: Positions in a :data:`ROUND_SQL` row; :data:`ROUND_PAIR_SQL` adds the earlier period's
#: (ROUND_MONTH, ROUND_YTD) at ROUND_EARLIER.
ROUND_ID, ROUND_PLAN, ROUND_DUE, ROUND_CODE, ROUND_NAME, ROUND_REGION = range(6)
ROUND_MONTH, ROUND_YTD, ROUND_EARLIER = 6, 7, 8

_SAFE = 2**62  # beyond this a product could leave int64: Python integers instead


@dataclass(frozen=True, slots=True)
class FigureColumns:
    """The figures of a batch of projects for one period, column by column: Python values
    (ints, None, bool -- as :meth:`figure_rows` gives them) and, for whole-list work such as
    a comparison of two rounds, the numpy arrays they were worked out in."""

    ids: list[int]
    codes: Any  # numpy int8: the light of each project as an index into LIGHTS
    months: list[int | None]  # 本月完成; None when not reported that month
    ytd: list[int]
    cum: list[int]
    plans: list[int | None]
    totals: list[int | None]
    reported: list[bool]
    planned: list[int | None]  # 截至本月计划累计 (None: no monthly plan)
    lagging: Any  # numpy bool: 滞后 as the comparison of rounds says it (views.compare.lags)
    amounts: Any  # numpy (int64 or object) arrays of 年度计划 (0: none) and 本年累计

    @property
    def lights(self) -> list[Light]:
        return list(map(LIGHTS.__getitem__, self.codes.tolist()))

    def rows(self) -> Any:
        """The tuples of :meth:`figure_rows`."""
        return zip(
            self.ids,
            self.lights,
            self.months,
            self.ytd,
            self.cum,
            self.plans,
            self.totals,
            self.reported,
            strict=True,
        )


def figure_columns(
    rows: Sequence[Sequence[Any]],
    period: Period,
    thresholds: LightThresholds | None,
    plans: Mapping[int, Mapping[int, int]],
) -> FigureColumns:
    """The figures of ``rows`` (:data:`COLUMNS_SQL` rows, or the first eight columns of them)
    for ``period``; ``plans``: the year's monthly plans (project id → month → 百元)."""
    return columns_figures(list(zip(*rows, strict=False)), period, thresholds, plans)


def int_array(values: Sequence[int], *also: Any) -> Any:
    """``values`` as a numpy int64 array, or as Python integers (an object array) when they,
    or a product of them and ``also``'s largest factor, could leave 64 bits: exact either
    way."""
    import numpy as np

    factor = max((abs(x) for x in also), default=1) or 1
    try:
        a = np.array(values, dtype=np.int64)
    except OverflowError:
        return np.array(values, dtype=object)
    if len(a) and int(np.abs(a).max()) * factor >= _SAFE:
        return np.array(values, dtype=object)
    return a


def columns_figures(
    cols: Sequence[Sequence[Any]],
    period: Period,
    thresholds: LightThresholds | None,
    plans: Mapping[int, Mapping[int, int]],
) -> FigureColumns:
    """:func:`figure_columns` of rows already turned into columns (``cols[ID]`` ...)."""
    if not cols or not cols[ID]:
        cols = [()] * (CUM + 1)
    ids, plans_raw, ytd = list(cols[ID]), list(cols[PLAN]), list(cols[YTD])
    lit = light_columns(ids, plans_raw, cols[DUE_START], ytd, period, thresholds, plans)
    return FigureColumns(
        ids, lit.codes, list(cols[MONTH]), ytd, list(cols[CUM]), plans_raw, list(cols[TOTAL]),
        list(map(bool, cols[REPORTED])), lit.planned, lit.lagging, (lit.plan, lit.ytd),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class LightColumns:
    """The lights and 滞后 of a list of projects (numpy), with the arrays they came from."""

    codes: Any  # numpy int8: index into LIGHTS
    lagging: Any  # numpy bool
    planned: list[int | None]  # 截至本月计划累计 (None: no monthly plan)
    plan: Any  # 年度计划 (0: none), numpy int64 or object
    ytd: Any  # 本年累计, numpy int64 or object


def light_columns(
    ids: Sequence[int],
    plans_raw: Sequence[int | None],
    due_start: Sequence[str | None],
    ytd: Sequence[int],
    period: Period,
    thresholds: LightThresholds | None,
    plans: Mapping[int, Mapping[int, int]],
) -> LightColumns:
    """The light and 滞后 of each project: ``plans_raw`` 年度计划, ``due_start`` the 计划开工 of
    those not started, ``ytd`` 本年累计 (百元), ``plans`` the year's monthly plans (project id
    → month → 百元)."""
    import numpy as np

    t = thresholds or LightThresholds()
    month_of = period.month
    n = len(ids)
    if plans:
        cumulative = derived.planned_cumulative
        planned: list[int | None] = [
            cumulative(plans[pid], month_of) if pid in plans else None for pid in ids
        ]
        own = np.array([bool(plans.get(pid)) for pid in ids], dtype=bool)  # a non-empty plan
        has_planned = np.array([v is not None for v in planned], dtype=bool)
        planned0 = [v or 0 for v in planned]
    else:
        planned, own, has_planned, planned0 = [None] * n, None, None, None

    red_n, red_d = t.red_points.as_integer_ratio()
    yellow_n, yellow_d = t.yellow_points.as_integer_ratio()
    factor = 1200 * 12 * max(red_n, red_d, yellow_n, yellow_d, 1) * 4
    p = int_array([v or 0 for v in plans_raw], factor)
    y = int_array(ytd, factor)
    q = None if planned0 is None else int_array(planned0, factor)
    if object in (p.dtype, y.dtype) or (q is not None and q.dtype == object):
        p, y = p.astype(object), y.astype(object)
        q = None if q is None else q.astype(object)
    no_plan = p == 0

    # by 时序进度 (light_from_cents): behind × 12 × plan = (month × plan − 12 × ytd) × 100
    lhs = (month_of * p - 12 * y) * 100
    red = lhs * red_d > red_n * 12 * p
    yellow = lhs * yellow_d >= yellow_n * 12 * p
    if q is not None:
        # by the monthly plan (plan_light_from_cents): behind × plan = (planned − ytd) × 100
        lhs_p = (q - y) * 100
        red = np.where(has_planned, lhs_p * red_d > red_n * p, red)
        yellow = np.where(has_planned, lhs_p * yellow_d >= yellow_n * p, yellow)
    red, yellow = np.asarray(red, dtype=bool), np.asarray(yellow, dtype=bool)
    codes = np.where(no_plan, NONE, np.where(red, RED, np.where(yellow, YELLOW, GREEN)))
    overdue = _overdue(due_start, period, t)
    if overdue is not None:
        codes = np.where(overdue, RED, codes)

    # 滞后 (views.compare.lags): a plan, and 本年累计 below the planned cumulative (own monthly
    # plan) or 12 × 本年累计 below month × plan
    by_time = np.asarray(12 * y < month_of * p, dtype=bool)
    if own is not None and q is not None:
        by_time = np.where(own, np.asarray(y < q, dtype=bool), by_time)
    lagging = ~np.asarray(no_plan, dtype=bool) & by_time
    return LightColumns(codes.astype(np.int8), lagging, planned, p, y)


def _overdue(due_start: Sequence[str | None], period: Period, t: LightThresholds) -> Any:
    """:func:`derived.start_overdue` of every row (None: none is): ``due_start`` is the 计划开工
    of the projects that have not started (:data:`COLUMNS_SQL`), one date parse per distinct
    text."""
    import numpy as np

    if not any(due_start):
        return None
    flags: dict[str | None, bool] = {}
    for text in set(due_start):
        if text:
            start = date_start(text)
            due = None if start is None else Period.of(start).shift(t.start_overdue_months)
            flags[text] = due is not None and due <= period
    if not any(flags.values()):
        return None
    return np.array(list(map(flags.get, due_start)), dtype=bool)  # None: False
