"""A project's values as the store keeps them (shared by :mod:`.projects` and :mod:`.years`)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..domain.fields import AMOUNT_FIELDS, FIELD_BY_NAME, PROJECT_FIELD_NAMES
from ..domain.money import MAX_AMOUNT, AmountError, from_cents, parse_amount, to_cents
from ..domain.text import clean_text, is_multiline
from ..domain.validation import Issue
from .errors import ValidationFailed
from .rows import clean

#: How :func:`_normalised` treats each field: "text", "multiline", "amount" or "lists".
_KIND = {
    name: "amount"
    if name in AMOUNT_FIELDS
    else "lists"
    if name == "lists"
    else "multiline"
    if is_multiline(name)
    else "text"
    for name in PROJECT_FIELD_NAMES
}


def _normalised(values: Mapping[str, Any]) -> dict[str, Any]:
    """The given project fields as stored: text stripped, amounts to the cent of 万元 (and
    refused above the ceiling), 项目清单 without blanks or repeats."""
    out: dict[str, Any] = {}
    for name, kind in _KIND.items():
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, str):  # rows.clean, inlined: ~15 texts a record
            value = clean_text(value, multiline=kind == "multiline") or None
        if kind == "amount" and value is not None:
            if value.__class__ is not Decimal or not _in_cents(value):
                if not isinstance(value, Decimal):
                    value = _amount(name, value)
                if value is not None:
                    value = from_cents(_cents(name, value))
        elif kind == "lists":
            value = list(dict.fromkeys(c for v in (value or []) if v and (c := clean(v))))
        out[name] = value
    return out


def _in_cents(value: Decimal) -> bool:
    """Whether ``value`` is already as stored: two places, not negative, within the
    ceiling (from_cents(to_cents(value)) would give it back unchanged)."""
    return value.as_tuple().exponent == -2 and not value.is_signed() and value <= MAX_AMOUNT


def _cents(field: str, value: Decimal) -> int | None:
    """An amount as whole 百元, refused (per field, in Chinese) above the ceiling."""
    try:
        return to_cents(value)
    except AmountError as exc:
        label = FIELD_BY_NAME[field].label
        raise ValidationFailed([Issue(field, f"{label}：{exc}")]) from exc


def _amount(field: str, value: Any) -> Decimal | None:
    try:
        return parse_amount(str(value))
    except AmountError as exc:
        label = FIELD_BY_NAME[field].label
        raise ValidationFailed([Issue(field, f"{label}：{exc}")]) from exc
