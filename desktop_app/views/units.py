"""How chart values are written: 万元 or 亿元 by size, percentages, counts.  No Qt here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..domain.money import format_wan, wan_to_yi
from ..domain.text import PERCENT_PLACES, rate_percent

YI = Decimal(10000)


@dataclass(frozen=True)
class MoneyScale:
    """The unit a chart's money axis is drawn in."""

    unit: str  # "万元" or "亿元"
    divisor: Decimal

    def scaled(self, wan: Decimal | None) -> float:
        """A 万元 amount as a number of this unit (for plotting)."""
        return float((wan or 0) / self.divisor)


WAN = MoneyScale("万元", Decimal(1))
YI_YUAN = MoneyScale("亿元", YI)


def money_scale(values: Iterable[Decimal | None]) -> MoneyScale:
    """亿元 when the largest amount reaches 1 亿元 (10,000 万元), else 万元."""
    largest = max((abs(v) for v in values if v is not None), default=Decimal(0))
    return YI_YUAN if largest >= YI else WAN


def format_money(wan: Decimal | None) -> str:
    """An exact amount for a tooltip: '12,345.60万元' and, from 1 亿元 up, '（1.23亿元）'."""
    if wan is None:
        return "—"
    text = f"{format_wan(wan)}万元"
    if abs(wan) >= YI:
        text += f"（{wan_to_yi(wan):,.2f}亿元）"
    return text


def format_pct(rate: Decimal | float | None, places: int = PERCENT_PLACES) -> str:
    """A fraction as a percentage (the one format, :func:`~desktop_app.domain.text.percent`):
    0.4567 → '45.7%'; None → '—'."""
    return rate_percent(rate, places, none="—")
