"""Closed rounds (关账) for the views: the dashboard's snapshot of a closed period built from
the round's frozen rows.  No Qt here."""

from __future__ import annotations

import json
from typing import Any

from ..domain.derived import LightThresholds
from ..domain.periods import Period
from ..store import Store
from ..store.rounds import FrozenRound
from .portfolio import CATEGORY_FIELDS, CODE_KIND, PortfolioSnapshot


def closed_snapshot(
    store: Store, period: Period, thresholds: LightThresholds | None = None
) -> PortfolioSnapshot | None:
    """The portfolio of ``period`` as it was closed (None when the period is open): the
    round's projects, plans, months and lights, with the thresholds of the close."""
    if not store.is_closed(period):
        return None
    frozen = store.frozen_round(period)
    if frozen is None:  # pragma: no cover - reopened in between
        return None
    return snapshot_of(frozen, store.search_keys())


def snapshot_of(frozen: FrozenRound, keys: dict[int, str] | None = None) -> PortfolioSnapshot:
    """The :class:`PortfolioSnapshot` of a frozen round; ``keys``: today's search keys by id
    (the search box searches them; a deleted project is found by its code and name)."""
    keys = keys or {}
    rows = frozen.rows
    values: dict[str, list[Any]] = {
        name: [r["project"].get(name) for r in rows] for name in CATEGORY_FIELDS
    }
    ids = [r["id"] for r in rows]
    codes = [r["project"]["code"] for r in rows]
    names = [r["project"]["name"] for r in rows]
    search = [keys.get(i) or f"{c} {n}".lower() for i, c, n in zip(ids, codes, names, strict=True)]
    by_month = {m: frozen.each_amount(Period(frozen.period.year, m)) for m in range(1, 13)}
    return PortfolioSnapshot._build(
        frozen.period,
        ids=ids,
        codes=codes,
        names=names,
        fields=values,
        lists=[tuple(_lists(r["project"].get("lists"))) for r in rows],
        search_keys=search,
        plans=[r["project"].get("annual_plan") for r in rows],
        planned_start=[r["project"].get("planned_start") for r in rows],
        actual_start=[r["project"].get("actual_start") for r in rows],
        amounts=by_month.__getitem__,
        thresholds=frozen.thresholds,
        group_order={f: tuple(frozen.code_names(kind)) for f, kind in CODE_KIND.items()},
        lights=frozen.lights(),
    )


def _lists(value: Any) -> list[str]:
    if isinstance(value, str):
        return list(json.loads(value or "[]"))
    return list(value or [])
