"""Closed rounds (关账) for the views: the columns of the dashboard's snapshot of a closed
period, read from the round's frozen rows.  No Qt here."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.periods import Period
from ..store import Store
from ..store.rounds import header_thresholds


def closed_columns(
    store: Store,
    period: Period,
    category_fields: Sequence[str],
    code_kinds: Mapping[str, str],
) -> dict[str, Any] | None:
    """The columns of the portfolio snapshot of ``period`` as it was closed (None when the
    period is open): the round's projects, plans, months and lights, with the thresholds of
    the close -- read by SQLite from the frozen rows, only the values the charts use.
    (:func:`~.portfolio.load_portfolio` builds the snapshot of them.)"""
    header = store.round_header(period)  # only a closed period has one
    if header is None:
        return None
    paths = (
        "$.project.code", "$.project.name",
        *(f"$.project.{name}" for name in category_fields),
        "$.project.lists", "$.project.annual_plan", "$.project.planned_start",
        "$.project.actual_start", "$.light",
    )  # fmt: skip
    rows = store.round_columns(period, paths)
    keys = store.search_keys()
    n = len(category_fields)
    ids = [r[0] for r in rows]
    codes = [r[1] for r in rows]
    names = [r[2] for r in rows]
    kept = store.round_amounts(period)

    def amounts(month: int) -> list[tuple[int, int]]:
        return list(kept.get(month, ())) if month <= period.month else []

    code_names = header.get("code_names") or {}
    lists: dict[str | None, tuple[str, ...]] = {}
    return {
        "ids": ids,
        "codes": codes,
        "names": names,
        "fields": {name: [r[3 + i] for r in rows] for i, name in enumerate(category_fields)},
        "lists": [lists.setdefault(r[n + 3], tuple(json.loads(r[n + 3] or "[]"))) for r in rows],
        "search_keys": [
            keys.get(pid) or f"{c} {nm}".lower()
            for pid, c, nm in zip(ids, codes, names, strict=True)
        ],
        "plans": [r[n + 4] for r in rows],
        "planned_start": [r[n + 5] for r in rows],
        "actual_start": [r[n + 6] for r in rows],
        "amounts": amounts,
        "thresholds": header_thresholds(header),
        "group_order": {f: tuple(code_names.get(kind, ())) for f, kind in code_kinds.items()},
        "lights": [r[n + 7] for r in rows],
    }
