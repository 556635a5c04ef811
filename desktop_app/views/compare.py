"""Two rounds of the monthly 调度 side by side (no Qt): what changed between them.

A *round* is what the meeting of one period was shown: every project of that period's list
with its 本月完成, 本年累计, 年度计划 and light.  An open period is read afresh by the rules
of :meth:`Store.figure_rows` (:func:`~.figure_columns.columns_figures`: the same figures as
the ledger table, the dashboard and the reports, of the period's year); a closed period is read from its frozen rows
(:meth:`Store.round_columns`), as it was when it was closed.

:func:`compare` then says, for the later round against the earlier one:

* 滞后 — the dashboard's rule (:func:`~.dashboard.lagging_projects`): a project with a plan
  whose 完成率 is below 时序进度 (month / 12; where the project has a monthly plan, its
  planned cumulative, as :meth:`Store.figures` says ``lagging``); *newly lagging* projects
  lag in the later round but not in
  the earlier, *recovered* ones the other way round (projects of both rounds only);
* the light changes (绿灯 → 黄灯 …) of the projects in both rounds;
* 本月完成 against 上月 and against 去年同月 (the later period's month a month and a year
  before), with the change and the percentage;
* 年度计划 changes, projects added to the list (later round only) and removed from it;
* counts and amounts by 县区 in both rounds and their difference.

Amounts stay whole 百元 integers until shown (:func:`wan`): every total is exact to the cent.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple, overload

import numpy as np

from ..domain.collation import code_keys
from ..domain.derived import Light, LightThresholds
from ..domain.money import from_cents
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

UNFILLED = "未填写"


def wan(cents: int | None) -> Decimal | None:
    """百元 → 万元 (None stays None)."""
    return from_cents(cents)


def change_pct(now: int | None, before: int | None) -> Decimal | None:
    """(now − before) / before as a fraction; None without a base (no amount or zero)."""
    if now is None or not before:
        return None
    return Decimal(now - before) / Decimal(before)


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
    frozen = _frozen_rows(store, period, thresholds)
    if frozen is not None:
        return Round(period, frozen, frozen=True)
    return _open_round(period, _named_columns(store, period), store, thresholds)


def _named_columns(store: Store, period: Period) -> list[Sequence[Any]]:
    """The raw rows of an open round (:data:`~.figure_columns.ROUND_SQL`, one statement) as
    columns."""
    rows = store.conn.execute(ROUND_SQL, (period.year, str(period))).fetchall()
    return list(zip(*rows, strict=False)) or [()] * ROUND_EARLIER


def _read_pair(
    store: Store, earlier: Period, later: Period, thresholds: LightThresholds | None
) -> tuple[Round, Round]:
    """Both rounds: the closed ones from their frozen rows, the open ones by one statement
    each -- or by one for both when they are of the same year (the same list)."""
    frozen = {p: _frozen_rows(store, p, thresholds) for p in (earlier, later)}
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


def _frozen_rows(
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
            _taken(figures[k], at) for k in ("light", "month", "ytd", "planned")
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


# ------------------------------------------------------------------------ the comparison
class Pair(NamedTuple):
    """A project of both rounds."""

    before: RoundRow
    after: RoundRow

    @property
    def id(self) -> int:
        return self.after.id

    @property
    def code(self) -> str:
        return self.after.code

    @property
    def name(self) -> str:
        return self.after.name

    @property
    def region(self) -> str | None:
        return self.after.region


class InvestmentLine(NamedTuple):
    """本月完成 of a project of the later round against 上月 and 去年同月 (百元)."""

    row: RoundRow
    month: int | None
    last_month: int | None
    last_year: int | None
    ytd_before: int | None  # 本年累计 in the earlier round (None: not in it)

    @property
    def month_change(self) -> int:
        return (self.month or 0) - (self.last_month or 0)

    @property
    def year_change(self) -> int:
        return (self.month or 0) - (self.last_year or 0)

    @property
    def month_pct(self) -> Decimal | None:
        return change_pct(self.month or 0, self.last_month)

    @property
    def year_pct(self) -> Decimal | None:
        return change_pct(self.month or 0, self.last_year)


class InvestmentLines(Sequence[InvestmentLine]):
    """The investment lines of every project of the later round in 项目编号 order, each made
    when it is read (an export reads them one by one; the comparison itself makes none)."""

    def __init__(
        self,
        after: RoundColumns,
        order: Sequence[int],
        last_month: Sequence[int | None],
        last_year: Sequence[int | None],
        ytd_before: Sequence[int | None],
    ) -> None:
        self.after, self.order = after, order
        self.last_month, self.last_year, self.ytd_before = last_month, last_year, ytd_before

    def line(self, i: int) -> InvestmentLine:
        j = self.order[i]
        r = self.after
        return InvestmentLine(
            r.row(j), r.month[j], self.last_month[j], self.last_year[j], self.ytd_before[j]
        )

    @overload
    def __getitem__(self, i: int) -> InvestmentLine: ...
    @overload
    def __getitem__(self, i: slice) -> list[InvestmentLine]: ...
    def __getitem__(self, i: int | slice) -> InvestmentLine | list[InvestmentLine]:
        if isinstance(i, slice):
            return [self.line(k) for k in range(*i.indices(len(self.order)))]
        if i < 0:
            i += len(self.order)
        if not 0 <= i < len(self.order):
            raise IndexError(i)
        return self.line(i)

    def __iter__(self) -> Iterator[InvestmentLine]:
        return map(self.line, range(len(self.order)))

    def __len__(self) -> int:
        return len(self.order)


class Made(Sequence[Any]):
    """A sequence whose items are made when read (``make(i)``): the pairs and rows of a
    comparison of 100,000 projects are many, and most are never looked at one by one."""

    def __init__(self, count: int, make: Any) -> None:
        self.count, self.make = count, make

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self.make(k) for k in range(*i.indices(self.count))]
        if i < 0:
            i += self.count
        if not 0 <= i < self.count:
            raise IndexError(i)
        return self.make(i)

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, range(self.count))

    def __len__(self) -> int:
        return self.count

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self.count and all(
                x == y for x, y in zip(self, other, strict=True)
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Made({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Sums:
    """Counts and amounts of one group of projects in one round (百元)."""

    count: int = 0
    plan: int = 0
    ytd: int = 0
    month: int = 0
    lagging: int = 0
    lights: tuple[int, int, int, int] = (0, 0, 0, 0)  # green, yellow, red, none


@dataclass(frozen=True, slots=True)
class CountyLine:
    """One 县区 in both rounds."""

    region: str | None
    before: Sums
    after: Sums

    @property
    def label(self) -> str:
        return self.region or UNFILLED


@dataclass(frozen=True)
class Comparison:
    """What changed from the ``earlier`` round to the ``later`` one."""

    earlier: Round
    later: Round
    last_month: Period
    last_year: Period
    newly_lagging: Sequence[Pair]  # each in 项目编号 order, made when read (Made)
    recovered: Sequence[Pair]
    light_changes: Sequence[Pair]
    plan_changes: Sequence[Pair]
    added: Sequence[RoundRow]
    removed: Sequence[RoundRow]
    investment: Sequence[InvestmentLine]
    counties: tuple[CountyLine, ...]
    total_before: Sums
    total_after: Sums
    sums: dict[str, int] = field(default_factory=dict)  # totals(), worked out once

    @property
    def both(self) -> int:
        """Projects in both rounds."""
        return len(self.later.rows) - len(self.added)

    def totals(self) -> dict[str, int]:
        """本月完成, 上月, 去年同月 over the later round's projects, and their 本年累计 in the
        earlier round (百元)."""
        return dict(self.sums)

    def counts(self) -> list[tuple[str, int]]:
        """The 概况 lines: what a reader checks first, as (label, count)."""
        return [
            (f"{self.earlier.period.label}项目数", len(self.earlier.rows)),
            (f"{self.later.period.label}项目数", len(self.later.rows)),
            ("两期都有的项目", self.both),
            ("新增滞后", len(self.newly_lagging)),
            ("滞后转正常", len(self.recovered)),
            (f"{self.earlier.period.label}滞后项目", self.total_before.lagging),
            (f"{self.later.period.label}滞后项目", self.total_after.lagging),
            ("状态灯变化", len(self.light_changes)),
            ("年度计划变化", len(self.plan_changes)),
            ("新列入名单", len(self.added)),
            ("移出名单", len(self.removed)),
        ]


_LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.NONE)


def compare(
    store: Store,
    earlier: Period,
    later: Period,
    thresholds: LightThresholds | None = None,
) -> Comparison:
    """Compare the rounds of ``earlier`` and ``later`` (any two periods; the later one is the
    round the investment lines and 县区 order follow)."""
    if earlier == later:
        raise ValueError(f"请选择两个不同的期间（都是{later.label}）")
    if later < earlier:
        earlier, later = later, earlier
    with _no_collection():  # 100,000s of tuples made at once: no collection in between
        before, after = _read_pair(store, earlier, later, thresholds)
        last_month, last_year = later.shift(-1), later.shift(-12)
        prev = _month_amounts(store, last_month, (before, after), thresholds)
        year_ago = _month_amounts(store, last_year, (before, after), thresholds)
        order = store.code_names("region")
        return compare_rounds(before, after, prev, year_ago, region_order=order)


@contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused (it would walk every tuple made so far, again and
    again, while a comparison of 100,000 projects makes its rows: nothing here is a cycle)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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


def _taken(values: Sequence[Any], at: Any) -> list[Any]:
    """``values[k]`` for each position ``k`` of ``at`` (None where it is −1)."""
    if not len(values):
        return [None] * len(at)
    source = np.empty(len(values) + 1, dtype=object)
    source[:-1] = values
    return source[at].tolist()  # −1: the last, None


def _sum(values: Any) -> int:
    return int(values.sum()) if len(values) else 0


def compare_rounds(
    before: Round,
    after: Round,
    last_month: Mapping[int, int | None] | Amounts | None = None,
    last_year: Mapping[int, int | None] | Amounts | None = None,
    *,
    region_order: Iterable[str] = (),
) -> Comparison:
    """The comparison of two rounds already read; ``last_month`` / ``last_year``: 本月完成
    (百元) by project id of the later period's previous month and of its month a year ago.
    Worked out on the rounds' columns (a project's rows are made only where something
    changed)."""
    p1 = after.period
    a, b = columns_of(before.rows), columns_of(after.rows)
    at0 = positions(a.id_array, b.id_array)  # each later project in the earlier round
    both = at0 >= 0
    i1 = np.flatnonzero(both)
    i0 = at0[i1]
    lag0, lag1 = a.lagging[i0], b.lagging[i1]

    def pairs(mask: Any) -> Made:
        at0, at1 = i0[mask].tolist(), i1[mask].tolist()
        order = _code_order(b, at1)
        return Made(len(order), lambda k: Pair(a.row(at0[order[k]]), b.row(at1[order[k]])))

    def rows(cols: RoundColumns, at: list[int]) -> Made:
        order = _code_order(cols, at)
        return Made(len(order), lambda k: cols.row(at[order[k]]))

    newly = pairs(lag1 & ~lag0)
    recovered = pairs(lag0 & ~lag1)
    lights = pairs(a.lights[i0] != b.lights[i1])
    plans = pairs(np.asarray(a.plan0[i0] != b.plan0[i1], dtype=bool))
    added = rows(b, np.flatnonzero(~both).tolist())
    removed = rows(a, np.flatnonzero(positions(b.id_array, a.id_array) < 0).tolist())

    month_before, year_ago = Amounts.of(last_month), Amounts.of(last_year)
    lm_at = positions(month_before.ids, b.id_array)
    ly_at = positions(year_ago.ids, b.id_array)
    lm, ly = _taken(month_before.values, lm_at), _taken(year_ago.values, ly_at)
    ytd_before = _taken(a.ytd, at0)
    order = sorted(range(len(b)), key=b.code.__getitem__)  # codes are unique in a round
    sums = {
        "month": _sum(b.month0),
        "last_month": sum(filter(None, lm)),
        "last_year": sum(filter(None, ly)),
        "ytd_before": _sum(a.ytd0[i0]),
    }
    counties, total0, total1 = _counties(a, b, list(region_order))
    return Comparison(
        earlier=before,
        later=after,
        last_month=p1.shift(-1),
        last_year=p1.shift(-12),
        newly_lagging=newly,
        recovered=recovered,
        light_changes=lights,
        plan_changes=plans,
        added=added,
        removed=removed,
        investment=InvestmentLines(b, order, lm, ly, ytd_before),
        counties=counties,
        total_before=total0,
        total_after=total1,
        sums=sums,
    )


def _code_order(cols: RoundColumns, at: list[int]) -> list[int]:
    """The indexes of ``at`` in 项目编号 order (then id: the rows' positions are in id order)."""
    codes, ids = cols.code, cols.ids
    return sorted(range(len(at)), key=lambda k: (codes[at[k]], ids[at[k]]))


def _sums(rows: RoundColumns) -> dict[str | None, Sums]:
    """Counts and amounts by 县区, each a column summed per group (exact integers)."""
    regions, g = rows.groups()
    k = len(regions)
    if not k:
        return {}

    def summed(values: Any) -> list[int]:
        out = np.zeros(k, dtype=values.dtype)
        np.add.at(out, g, values)
        return [int(x) for x in out.tolist()]

    count = np.bincount(g, minlength=k).tolist()
    plan, ytd, month = summed(rows.plan0), summed(rows.ytd0), summed(rows.month0)
    lagging = np.bincount(g[rows.lagging], minlength=k).tolist()
    by_light = [np.bincount(g[rows.lights == i], minlength=k).tolist() for i in range(4)]
    lit = list(zip(*by_light, strict=True))
    return {
        r: Sums(count[i], plan[i], ytd[i], month[i], lagging[i], lit[i])
        for i, r in enumerate(regions)
    }


def _sums_of(v: list[int]) -> Sums:
    return Sums(v[0], v[1], v[2], v[3], v[4], (v[5], v[6], v[7], v[8]))


def _total(groups: Iterable[Sums]) -> Sums:
    v = [0] * 9
    for s in groups:
        for i, x in enumerate((s.count, s.plan, s.ytd, s.month, s.lagging, *s.lights)):
            v[i] += x
    return _sums_of(v)


def _counties(
    before: RoundColumns, after: RoundColumns, order: list[str]
) -> tuple[tuple[CountyLine, ...], Sums, Sums]:
    s0 = _sums(before)
    s1 = _sums(after)
    regions = [r for r in dict.fromkeys([*s1, *s0]) if r is not None]
    keys = dict(zip(regions, code_keys(regions, order), strict=True))
    regions.sort(key=keys.__getitem__)
    if None in s0 or None in s1:
        regions.append(None)  # type: ignore[arg-type]
    empty = Sums()
    lines = tuple(CountyLine(r, s0.get(r, empty), s1.get(r, empty)) for r in regions)
    return lines, _total(s0.values()), _total(s1.values())


def _month_amounts(
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
    frozen = _frozen_rows(store, period, thresholds)
    if frozen is not None:
        return Amounts(frozen.id_array, frozen.month)
    rows = list(store.each_amount(period))
    ids, values = (list(c) for c in zip(*rows, strict=True)) if rows else ([], [])
    return Amounts(np.array(ids, dtype=np.int64), values)
