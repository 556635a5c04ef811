"""A round of the monthly 调度 read as columns (no Qt): what the meeting of one period was
shown -- every project of that period's list with its 本月完成, 本年累计, 年度计划, light and
滞后 -- for :mod:`.compare`.

An open period is read afresh by the rules of :meth:`Store.figure_rows`
(:func:`~.figure_columns.light_columns`: the same figures as the ledger table, the dashboard
and the reports, of the period's year), both rounds of one year by one statement; a closed
period from what its close kept (:meth:`Store.round_columns`, :meth:`Store.round_figures`).
A round is :class:`RoundColumns`: lists of what a row shows and numpy arrays of what is
counted and summed, a :class:`RoundRow` made only when one is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from ..domain.derived import Light, LightThresholds
from ..domain.periods import Period
from ..store import Store
from ..store.figure_columns import (
    LIGHTS,
    ROUND_EARLIER,
    ROUND_MONTH,
    ROUND_PAIR_SQL,
    ROUND_SQL,
    int_array,
    light_columns,
)


class RoundRow(NamedTuple):
    """One project as a round showed it; amounts in whole 百元."""

    id: int
    code: str
    name: str
    region: str | None
    light: Light
    month: int | None  # 本月完成 (None: not reported that month)
    ytd: int  # 本年累计完成
    plan: int | None  # 年度计划投资
    lagging: bool  # 滞后 (:func:`lags`)


def lags(ytd: int, plan: int | None, month: int, planned: int | None = None) -> bool:
    """滞后: a plan, and 本年累计 / 年度计划 below 时序进度 — month / 12, or ``planned`` / 年度计划
    where the project has a monthly plan (``planned``: its planned cumulative to the month)."""
    if not plan:
        return False
    if planned is not None:
        return ytd < planned
    return 12 * ytd < month * plan


_LIGHT_CODE = {light: i for i, light in enumerate(LIGHTS)}
_new_row = tuple.__new__  # a RoundRow of a tuple, without NamedTuple's Python __new__


class RoundColumns(Mapping[int, RoundRow]):
    """A round's rows as columns: Python lists of what a row shows, numpy arrays of what the
    comparison counts and sums.  100,000 projects are compared without a :class:`RoundRow`
    each; a row is made only when one is asked for (a changed pair, an exported line)."""

    def __init__(
        self,
        ids: Sequence[int],
        code: Sequence[str],
        name: Sequence[str],
        region: Sequence[str | None],
        lights: Any,  # numpy: index into LIGHTS
        month: Sequence[int | None],
        ytd: Sequence[int],
        plan: Sequence[int | None],
        lagging: Any,  # numpy bool
        amounts: tuple[Any, Any] | None = None,  # numpy 年度计划 (0: none), 本年累计
    ) -> None:
        self.ids, self.code, self.name, self.region = ids, code, name, region
        self.month, self.ytd, self.plan = month, ytd, plan
        self.lights = np.asarray(lights, dtype=np.int8)
        self.lagging = np.asarray(lagging, dtype=bool)
        self.id_array = np.array(ids, dtype=np.int64)
        if amounts is None:
            amounts = (int_array([v or 0 for v in plan]), int_array(ytd))
        self.plan0, self.ytd0 = amounts
        self.month0 = int_array([v or 0 for v in month])
        self._index: dict[int, int] | None = None
        self._groups: tuple[list[str | None], Any] | None = None

    @classmethod
    def of_rows(cls, rows: Iterable[RoundRow]) -> RoundColumns:
        """The columns of rows already made (a round built by hand, a test's)."""
        rows = list(rows)
        return cls(
            [r.id for r in rows], [r.code for r in rows], [r.name for r in rows],
            [r.region for r in rows], [_LIGHT_CODE[Light(r.light)] for r in rows],
            [r.month for r in rows], [r.ytd for r in rows], [r.plan for r in rows],
            [bool(r.lagging) for r in rows],
        )  # fmt: skip

    def row(self, i: int) -> RoundRow:
        """The row at position ``i``."""
        return _new_row(
            RoundRow,
            (
                self.ids[i], self.code[i], self.name[i], self.region[i],
                LIGHTS[self.lights[i]], self.month[i], self.ytd[i], self.plan[i],
                bool(self.lagging[i]),
            ),
        )  # fmt: skip

    def groups(self) -> tuple[list[str | None], Any]:
        """The 县区 of the round (each once, in order of appearance) and each row's index
        into them (numpy), worked out once."""
        if self._groups is None:
            regions = list(dict.fromkeys(self.region))
            index = dict(zip(regions, range(len(regions)), strict=True))
            self._groups = (
                regions,
                np.array(list(map(index.__getitem__, self.region)), dtype=np.int64),
            )
        return self._groups

    def position(self) -> dict[int, int]:
        if self._index is None:
            self._index = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self._index

    def __getitem__(self, pid: int) -> RoundRow:
        return self.row(self.position()[pid])

    def __contains__(self, pid: object) -> bool:
        return pid in self.position()

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def columns_of(rows: Mapping[int, RoundRow]) -> RoundColumns:
    """``rows`` as :class:`RoundColumns` (itself when it is)."""
    return rows if isinstance(rows, RoundColumns) else RoundColumns.of_rows(rows.values())


@dataclass(frozen=True)
class Round:
    """Every project of one period's round, by project id."""

    period: Period
    rows: Mapping[int, RoundRow]
    frozen: bool = False  # read from the closed round's frozen rows


def read_round(store: Store, period: Period, thresholds: LightThresholds | None = None) -> Round:
    """The round of ``period``: frozen when the period is closed and its rows are kept, else
    the ledger's figures for it."""
    frozen = frozen_rows(store, period, thresholds)
    if frozen is not None:
        return Round(period, frozen, frozen=True)
    return _open_round(period, _named_columns(store, period), store, thresholds)


def _named_columns(store: Store, period: Period) -> list[Sequence[Any]]:
    """The raw rows of an open round (:data:`~.figure_columns.ROUND_SQL`, one statement) as
    columns."""
    rows = store.conn.execute(ROUND_SQL, (period.year, str(period))).fetchall()
    return list(zip(*rows, strict=False)) or [()] * ROUND_EARLIER


def read_pair(
    store: Store, earlier: Period, later: Period, thresholds: LightThresholds | None
) -> tuple[Round, Round]:
    """Both rounds: the closed ones from their frozen rows, the open ones by one statement
    each -- or by one for both when they are of the same year (the same list)."""
    frozen = {p: frozen_rows(store, p, thresholds) for p in (earlier, later)}
    opened = [p for p, rows in frozen.items() if rows is None]
    cols: dict[Period, list[Sequence[Any]]] = {}
    if len(opened) == 2 and earlier.year == later.year:
        raw = store.conn.execute(ROUND_PAIR_SQL, (later.year, str(later), str(earlier)))
        both = list(zip(*raw.fetchall(), strict=False)) or [()] * (ROUND_EARLIER + 2)
        cols[later] = both[:ROUND_EARLIER]
        cols[earlier] = [*both[:ROUND_MONTH], *both[ROUND_EARLIER:]]
    else:
        for p in opened:
            cols[p] = _named_columns(store, p)

    def one(p: Period) -> Round:
        rows = frozen[p]
        if rows is not None:
            return Round(p, rows, frozen=True)
        return _open_round(p, cols[p], store, thresholds)

    return one(earlier), one(later)


def _open_round(
    period: Period,
    cols: Sequence[Sequence[Any]],
    store: Store,
    thresholds: LightThresholds | None,
) -> Round:
    """The round of an open ``period`` from the columns of its raw rows
    (:data:`~.figure_columns.ROUND_SQL`): the lights and 滞后 worked out as columns
    (:func:`~.figure_columns.light_columns`, the rules of :meth:`Store.figure_rows`)."""
    ids, plan, due, code, name, region, month, ytd = (list(c) for c in cols)
    plans = store.monthly_plan_cents(period.year)
    lit = light_columns(ids, plan, due, ytd, period, thresholds, plans)
    rows = RoundColumns(
        ids, code, name, region, lit.codes, month, ytd, plan, lit.lagging, (lit.plan, lit.ytd)
    )
    return Round(period, rows)


#: What a round needs of a closed period's projects (:meth:`Store.round_columns`).
FROZEN_PATHS = ("$.project.code", "$.project.name", "$.project.region", "$.project.annual_plan")


def frozen_rows(
    store: Store, period: Period, thresholds: LightThresholds | None
) -> RoundColumns | None:
    """The round of a closed ``period`` as it was closed (:meth:`Store.round_columns` and
    :meth:`Store.round_figures`: its projects and figures, the lights of the thresholds of
    the close), else None (an open period)."""
    if not store.is_closed(period):
        return None
    rows = store.round_columns(period, FROZEN_PATHS, ordered=False)
    if not rows:
        return RoundColumns.of_rows(())
    ids, code, name, region, plan = map(list, zip(*rows, strict=True))
    figures = store.round_figures(period)
    if figures["id"] == ids:  # both in id order (the round's primary key): nothing to align
        light, month, ytd, planned = (figures[k] for k in ("light", "month", "ytd", "planned"))
    else:
        at = positions(np.array(figures["id"], dtype=np.int64), np.array(ids, dtype=np.int64))
        light, month, ytd, planned = (
            taken(figures[k], at) for k in ("light", "month", "ytd", "planned")
        )
    ytd = [v or 0 for v in ytd]
    plan0, ytd0 = int_array([v or 0 for v in plan]), int_array(ytd)
    # 滞后 as closed (lags): by its monthly plan where it had one, else month / 12
    has_planned = np.array(planned, dtype=object) != None  # noqa: E711 - elementwise
    q = int_array([v or 0 for v in planned])
    by_plan = np.asarray(ytd0 < q, dtype=bool)
    by_time = np.asarray(12 * ytd0 < period.month * plan0, dtype=bool)
    lagging = (plan0 != 0) & np.where(has_planned, by_plan, by_time)
    none = _LIGHT_CODE[Light.NONE]
    codes = {light.value: i for light, i in _LIGHT_CODE.items()}
    lights = [codes.get(v, none) for v in light]
    return RoundColumns(
        ids, [c or "" for c in code], [n or "" for n in name], region, lights, month, ytd,
        plan, lagging, (plan0, ytd0),
    )  # fmt: skip


class Amounts(NamedTuple):
    """本月完成 of one month by project: ids (numpy) and amounts (None: no amount)."""

    ids: Any
    values: Sequence[int | None]

    @classmethod
    def of(cls, amounts: Mapping[int, int | None] | Amounts | None) -> Amounts:
        if amounts is None:
            return cls(np.zeros(0, dtype=np.int64), [])
        if isinstance(amounts, Amounts):
            return amounts
        return cls(np.array(list(amounts), dtype=np.int64), list(amounts.values()))


def positions(source: Any, wanted: Any) -> Any:
    """For each id of ``wanted`` (numpy), its position in ``source`` (numpy ids, each once),
    −1 where it is not there."""
    if not len(source) or not len(wanted):
        return np.full(len(wanted), -1, dtype=np.int64)
    if len(source) == len(wanted) and np.array_equal(source, wanted):
        return np.arange(len(wanted), dtype=np.int64)  # the same list (two months of a year)
    order = np.argsort(source, kind="stable")
    ordered = source[order]
    at = np.minimum(np.searchsorted(ordered, wanted), len(ordered) - 1)
    return np.where(ordered[at] == wanted, order[at], -1)


def taken(values: Sequence[Any], at: Any) -> list[Any]:
    """``values[k]`` for each position ``k`` of ``at`` (None where it is −1)."""
    if not len(values):
        return [None] * len(at)
    source = np.empty(len(values) + 1, dtype=object)
    source[:-1] = values
    return source[at].tolist()  # −1: the last, None


def month_amounts(
    store: Store,
    period: Period,
    rounds: tuple[Round, ...],
    thresholds: LightThresholds | None,
) -> Amounts:
    """本月完成 by project of ``period``: from a round already read when it is one of them,
    else from the closed round's frozen rows, else from the reports of that month."""
    for r in rounds:
        if r.period == period:
            cols = columns_of(r.rows)
            return Amounts(cols.id_array, cols.month)
    frozen = frozen_rows(store, period, thresholds)
    if frozen is not None:
        return Amounts(frozen.id_array, frozen.month)
    rows = list(store.each_amount(period))
    ids, values = (list(c) for c in zip(*rows, strict=True)) if rows else ([], [])
    return Amounts(np.array(ids, dtype=np.int64), values)
