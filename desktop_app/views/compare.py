"""Two rounds of the monthly 调度 side by side (no Qt): what changed between them.

A *round* is what the meeting of one period was shown: every project of that period's list
with its 本月完成, 本年累计, 年度计划 and light (:mod:`.round_rows` reads it: an open period
by the rules of the ledger's figures, a closed one as it was closed).

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

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple, overload

import numpy as np

from ..collector import collector_paused
from ..domain.collation import code_keys
from ..domain.derived import Light, LightThresholds
from ..domain.money import from_cents
from ..domain.periods import Period
from ..store import Store
from .round_rows import (
    Amounts,
    Round,
    RoundColumns,
    RoundRow,
    columns_of,
    lags,
    month_amounts,
    positions,
    read_pair,
    read_round,
    taken,
)

__all__ = [
    "Comparison", "CountyLine", "InvestmentLine", "Pair", "Round", "RoundRow", "Sums",
    "compare", "compare_rounds", "lags", "read_round",
]  # fmt: skip

UNFILLED = "未填写"


def wan(cents: int | None) -> Decimal | None:
    """百元 → 万元 (None stays None)."""
    return from_cents(cents)


def change_pct(now: int | None, before: int | None) -> Decimal | None:
    """(now − before) / before as a fraction; None without a base (no amount or zero)."""
    if now is None or not before:
        return None
    return Decimal(now - before) / Decimal(before)


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
    thresholds = thresholds or store.light_thresholds()  # the ledger's (an open round's)
    with collector_paused():  # 100,000s of values made at once: no collection in between
        before, after = read_pair(store, earlier, later, thresholds)
        last_month, last_year = later.shift(-1), later.shift(-12)
        prev = month_amounts(store, last_month, (before, after), thresholds)
        year_ago = month_amounts(store, last_year, (before, after), thresholds)
        order = store.code_names("region")
        return compare_rounds(before, after, prev, year_ago, region_order=order)


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
    lm, ly = taken(month_before.values, lm_at), taken(year_ago.values, ly_at)
    ytd_before = taken(a.ytd, at0)
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
