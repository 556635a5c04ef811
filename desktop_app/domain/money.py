"""Money in the ledger: amounts are 万元, stored as whole 百元 (0.01 万元) integers.

Why integers: SQLite sums integers exactly, so a report's 合计 equals the sum of its rows to
the cent of 万元 on any portfolio size.  Python code works with :class:`~decimal.Decimal`
values of 万元 quantised to two places; the store converts at its boundary.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")

#: The largest amount one field may hold: 99,999,999.99 万元, just under 1 万亿元 -- far
#: above any one project (the largest in the country are a few thousand 亿元), yet every sum
#: of whole 百元 over a million projects times a hundred months stays exact in 64 bits
#: (SQLite's integers, numpy's int64): 10^10 × 10^8 = 10^18 < 9.2 × 10^18.
MAX_AMOUNT = Decimal("99999999.99")
MAX_CENTS = 9_999_999_999
AMOUNT_LIMIT_TEXT = "单项金额不能超过 99,999,999.99 万元（即 1 万亿元）"
_YI_TO_WAN = Decimal(10000)
_AMOUNT_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


class AmountError(ValueError):
    """An amount that cannot be read; the message is plain Chinese for the user."""


def to_cents(wan: Decimal | int | float | str | None) -> int | None:
    """万元 → whole 百元 for the store (None stays None)."""
    if wan is None:
        return None
    value = wan if isinstance(wan, Decimal) else parse_amount(str(wan))
    if value is None:
        return None
    cents = int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if abs(cents) > MAX_CENTS:
        raise AmountError(f"{format_wan(value)} 万元超出金额上限：{AMOUNT_LIMIT_TEXT}")
    return cents


def from_cents(cents: int | None) -> Decimal | None:
    """Whole 百元 from the store → 万元 as a two-place Decimal."""
    if cents is None:
        return None
    return (Decimal(int(cents)) / 100).quantize(CENT)


def parse_amount(text: str | None, unit: str = "万元") -> Decimal | None:
    """Read an amount as people type it: '1,234.5', '１２３４', '1.2亿', ' 300 '.

    Returns 万元 rounded to 0.01, or None for empty text.  ``unit`` is the unit the
    number is written in when the text carries none ('万元', '亿元' or '元').
    Raises :class:`AmountError` for anything else.
    """
    if text is None:
        return None
    s = str(text).strip()
    if not s or s in {"-", "—", "/", "无"}:
        return None
    s = s.translate(_FULLWIDTH).replace("，", ",").replace(" ", "")
    for suffix, u in (
        ("亿元", "亿元"),
        ("亿", "亿元"),
        ("万元", "万元"),
        ("万", "万元"),
        ("元", "元"),
    ):
        if s.endswith(suffix):
            s, unit = s[: -len(suffix)], u
            break
    if "," in s:  # thousands separators only between groups of three digits (not 1,23)
        if not _GROUPED_RE.fullmatch(s):
            raise AmountError(f"“{text}”的千位分隔符位置不对")
        s = s.replace(",", "")
    if not _AMOUNT_RE.match(s):
        raise AmountError(f"“{text}”不是有效的金额")
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - regex already guards
        raise AmountError(f"“{text}”不是有效的金额") from exc
    if unit == "亿元":
        value *= _YI_TO_WAN
    elif unit == "元":
        value /= _YI_TO_WAN
    elif unit != "万元":
        raise AmountError(f"不认识的金额单位“{unit}”")
    if abs(value) >= MAX_AMOUNT + CENT:  # before rounding: 1e300 cannot be rounded to cents
        raise AmountError(f"“{text}”超出金额上限：{AMOUNT_LIMIT_TEXT}")
    value = value.quantize(CENT, rounding=ROUND_HALF_UP)
    if abs(value) > MAX_AMOUNT:  # 99,999,999.995 rounds up past the ceiling
        raise AmountError(f"“{text}”超出金额上限：{AMOUNT_LIMIT_TEXT}")
    return value


def format_wan(value: Decimal | None, places: int = 2) -> str:
    """万元 with thousands separators: 12345.6 → '12,345.60'; None → ''."""
    if value is None:
        return ""
    return f"{value:,.{places}f}"


def wan_to_yi(value: Decimal | None) -> Decimal | None:
    """万元 → 亿元 (exact, not rounded)."""
    return None if value is None else value / _YI_TO_WAN


_FULLWIDTH = str.maketrans("０１２３４５６７８９．＋－", "0123456789.+-")
