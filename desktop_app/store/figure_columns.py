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

#: Light codes of :attr:`FigureColumns.codes` (index into this tuple).
LIGHTS = (Light.GREEN, Light.YELLOW, Light.RED, Light.NONE)
GREEN, YELLOW, RED, NONE = range(4)

#: Every project on the year's list (bind the year, then the period), in id order, with the
#: newest report at or before the period (which carries the running sums, schema v2) and the
#: values the figures and a round need.
COLUMNS_SQL = """
SELECT p.id, y.annual_plan, p.total_investment, p.planned_start, p.actual_start, p.status,
       m.period, m.month_investment, m.ytd_investment, m.cum_investment{names}
FROM project_years y
JOIN projects p ON p.id = y.project_id
LEFT JOIN monthly_reports m ON m.id = (
    SELECT id FROM monthly_reports
    WHERE project_id = y.project_id AND period <= ?2
    ORDER BY period DESC LIMIT 1)
WHERE y.year = ?1 AND y.on_list = 1
ORDER BY y.project_id
"""
#: :data:`COLUMNS_SQL` with 项目编号, 项目名称 and 县区 (a round's rows).
NAMED_SQL = COLUMNS_SQL.format(names=", p.code, p.name, p.region")
#: :data:`NAMED_SQL` of two periods of one year (bind the year, the later period, then the
#: earlier): the earlier one's newest report last (:data:`EARLIER`).
PAIR_SQL = COLUMNS_SQL.format(
    names=", p.code, p.name, p.region, "
    "e.period, e.month_investment, e.ytd_investment, e.cum_investment"
).replace(
    "WHERE y.year",
    "LEFT JOIN monthly_reports e ON e.id = (\n"
    "    SELECT id FROM monthly_reports\n"
    "    WHERE project_id = y.project_id AND period <= ?3\n"
    "    ORDER BY period DESC LIMIT 1)\n"
    "WHERE y.year",
)
COLUMNS_SQL = COLUMNS_SQL.format(names="")
#: Positions in a :data:`COLUMNS_SQL` row.
ID, PLAN, TOTAL, PLANNED_START, ACTUAL_START, STATUS, LAST, MONTH, YTD, CUM = range(10)
CODE, NAME, REGION = 10, 11, 12
#: Where the earlier period's (LAST, MONTH, YTD, CUM) start in a :data:`PAIR_SQL` row.
EARLIER = 13

_SAFE = 2**62  # beyond this a product could leave int64: Python integers instead


@dataclass(frozen=True, slots=True)
class FigureColumns:
    """The figures of a batch of projects for one period, column by column (Python values:
    ints, None, Light, bool -- as :meth:`figure_rows` gives them)."""

    ids: list[int]
    lights: list[Light]
    months: list[int | None]  # 本月完成; None when not reported that month
    ytd: list[int]
    cum: list[int]
    plans: list[int | None]
    totals: list[int | None]
    reported: list[bool]
    planned: list[int | None]  # 截至本月计划累计 (None: no monthly plan)
    lagging: list[bool]  # 滞后 as the comparison of rounds says it (views.compare.lags)

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
    """The figures of ``rows`` (:data:`COLUMNS_SQL` rows, or the first ten columns of them)
    for ``period``; ``plans``: the year's monthly plans (project id → month → 百元)."""
    return columns_figures(list(zip(*rows, strict=False)), period, thresholds, plans)


def columns_figures(
    cols: Sequence[Sequence[Any]],
    period: Period,
    thresholds: LightThresholds | None,
    plans: Mapping[int, Mapping[int, int]],
) -> FigureColumns:
    """:func:`figure_columns` of rows already turned into columns (``cols[ID]`` ...)."""
    import numpy as np

    t = thresholds or LightThresholds()
    this, first = str(period), f"{period.year:04d}-01"
    month_of = period.month
    if not cols or not cols[ID]:
        return FigureColumns([], [], [], [], [], [], [], [], [], [])
    ids, plans_raw, last = list(cols[ID]), list(cols[PLAN]), cols[LAST]
    reported = [x == this for x in last]
    months = [m if r else None for m, r in zip(cols[MONTH], reported, strict=True)]
    # 本年累计: the newest report's when it is of the period's year (it is at or before it)
    ytd = [(v or 0) if x is not None and x >= first else 0 for v, x in zip(cols[YTD], last, strict=True)]  # fmt: skip
    cum = [(v or 0) if x else 0 for v, x in zip(cols[CUM], last, strict=True)]
    cumulative = derived.planned_cumulative
    planned: list[int | None] = [
        cumulative(plans[pid], month_of) if pid in plans else None for pid in ids
    ]
    own = [bool(plans.get(pid)) for pid in ids] if plans else None  # a non-empty plan

    plan0 = [v or 0 for v in plans_raw]
    planned0 = [v or 0 for v in planned]
    red_n, red_d = t.red_points.as_integer_ratio()
    yellow_n, yellow_d = t.yellow_points.as_integer_ratio()
    biggest = max(max(map(abs, plan0)), max(map(abs, ytd)), max(map(abs, planned0)))
    factor = 1200 * 12 * max(red_n, red_d, yellow_n, yellow_d, 1) * 4
    dtype: Any = np.int64 if biggest * factor < _SAFE else object
    p = np.array(plan0, dtype=dtype)
    y = np.array(ytd, dtype=dtype)
    q = np.array(planned0, dtype=dtype)
    has_planned = np.array([v is not None for v in planned], dtype=bool)
    no_plan = p == 0

    # by 时序进度 (light_from_cents): behind × 12 × plan = (month × plan − 12 × ytd) × 100
    lhs = (month_of * p - 12 * y) * 100
    red = lhs * red_d > red_n * 12 * p
    yellow = lhs * yellow_d >= yellow_n * 12 * p
    # by the monthly plan (plan_light_from_cents): behind × plan = (planned − ytd) × 100
    lhs_p = (q - y) * 100
    red = np.where(has_planned, lhs_p * red_d > red_n * p, red).astype(bool)
    yellow = np.where(has_planned, lhs_p * yellow_d >= yellow_n * p, yellow).astype(bool)
    codes = np.where(no_plan, NONE, np.where(red, RED, np.where(yellow, YELLOW, GREEN)))
    overdue = _overdue(cols[PLANNED_START], cols[ACTUAL_START], cols[STATUS], period, t)
    if overdue is not None:
        codes = np.where(np.array(overdue, dtype=bool), RED, codes)
    lights = list(map(LIGHTS.__getitem__, codes.tolist()))

    # 滞后 (views.compare.lags): a plan, and 本年累计 below the planned cumulative (own monthly
    # plan) or 12 × 本年累计 below month × plan
    by_time = 12 * y < month_of * p
    if own is not None:
        by_time = np.where(np.array(own, dtype=bool), y < q, by_time)
    lagging = (~no_plan & by_time.astype(bool)).tolist()
    return FigureColumns(
        ids, lights, months, ytd, cum, plans_raw, list(cols[TOTAL]), reported, planned, lagging
    )


def _overdue(
    planned_start: Sequence[str | None],
    actual_start: Sequence[str | None],
    status: Sequence[str | None],
    period: Period,
    t: LightThresholds,
) -> list[bool] | None:
    """:func:`derived.start_overdue` of every row (None: none is), one date parse per
    distinct 计划开工."""
    started = derived.STARTED_STATUSES
    deadlines: dict[str, Period | None] = {}

    def deadline(text: str) -> Period | None:
        if text not in deadlines:
            start = date_start(text)
            deadlines[text] = (
                None if start is None else Period.of(start).shift(t.start_overdue_months)
            )
        return deadlines[text]

    out = [
        bool(ps) and not a and s not in started and (d := deadline(ps)) is not None and d <= period
        for ps, a, s in zip(planned_start, actual_start, status, strict=True)
    ]
    return out if any(out) else None
