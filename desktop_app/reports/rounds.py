"""The reports of a closed period (关账) read the round's frozen rows, not today's ledger."""

from __future__ import annotations

from typing import Any

from ..store import Store


def closed_round_source(
    store: Store, takes_period: bool, given: dict[str, Any]
) -> tuple[Any, dict[str, Any]]:
    """The store a report reads and its options: for a closed period (given, or the default
    period of a period report) the round's :class:`~desktop_app.store.rounds.FrozenRound`
    with the thresholds of the close and, for the reports without a period (台账, 问题清单
    of a closed round), 截止日期 the day it was closed (what they printed then); else ``store`` as it is."""
    period = given.get("period")
    if period is None and takes_period:
        period = store.default_period()
    frozen = store.frozen_round(period) if period is not None else None
    if frozen is None:
        return store, given
    return frozen, {
        **given,
        "period": frozen.period,
        "thresholds": frozen.thresholds,
        "as_of": frozen.closed_on,
    }
