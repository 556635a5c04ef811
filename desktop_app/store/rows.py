"""How records are laid out in the tables, and turned from rows into records and back.

Shared by the per-concern modules of the store (no SQL here).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ..domain.fields import AMOUNT_FIELDS, MONTHLY_FIELD_NAMES, MONTHLY_FIELDS, PROJECT_FIELD_NAMES
from ..domain.money import from_cents, to_cents
from ..domain.text import clean_text
from .models import MonthlyReport, Project

#: The columns of ``projects`` a :class:`Project` is read from, in its field order.
PROJECT_COLUMNS = (*PROJECT_FIELD_NAMES, "id", "is_sample", "version", "created_at", "updated_at")
#: The fields kept per year (``project_years``), not in ``projects``.
YEAR_FIELDS = ("nature", "lists", "annual_plan")
#: The ``project_years`` row of a year joined to a project: bind the year first.
YEAR_JOIN = " FROM projects p LEFT JOIN project_years y ON y.project_id = p.id AND y.year = ?"


def project_column(name: str) -> str:
    """The SQL of one project column read with :data:`YEAR_JOIN` (a year's value for the
    fields of :data:`YEAR_FIELDS`)."""
    if name == "lists":
        return "coalesce(y.lists, '[]')"
    return f"y.{name}" if name in YEAR_FIELDS else f"p.{name}"


#: A :class:`Project` of a year: ``PROJECT_SELECT + " WHERE p.id = ?"`` with (year, id).
PROJECT_SELECT = (
    "SELECT "
    + ", ".join(map(project_column, PROJECT_COLUMNS))
    + ", coalesce(y.on_list, 0)"
    + YEAR_JOIN
)

#: The values of a monthly report a user fills in (one list for the store and the importers).
MONTHLY_VALUE_FIELDS = MONTHLY_FIELD_NAMES
#: The columns of ``monthly_reports`` a :class:`MonthlyReport` is read from, in its field order.
MONTHLY_COLUMNS = (
    "project_id",
    "period",
    *MONTHLY_VALUE_FIELDS,
    "id",
    "is_sample",
    "version",
    "updated_at",
)
MONTHLY_LABELS = {f.name: f.label for f in MONTHLY_FIELDS}


def project_from_row(row: Sequence[Any], year: int | None = None) -> Project:
    """The :class:`Project` of one row of :data:`PROJECT_SELECT` (read for ``year``)."""
    data = dict(zip(PROJECT_COLUMNS, row[:-1], strict=True))
    data["year"] = year
    data["on_list"] = bool(row[-1])
    for name in AMOUNT_FIELDS:
        data[name] = from_cents(data[name])
    data["lists"] = json.loads(data["lists"]) if data["lists"] else []
    data["is_sample"] = bool(data["is_sample"])
    return Project(**data)


def project_db_value(name: str, value: Any) -> Any:
    """A project field as stored: amounts in whole 百元, 项目清单 as JSON text."""
    if name in AMOUNT_FIELDS:
        return to_cents(value)
    if name == "lists":
        return json.dumps(value or [], ensure_ascii=False)
    return value


def monthly_from_row(row: Sequence[Any]) -> MonthlyReport:
    """The :class:`MonthlyReport` of one row of :data:`MONTHLY_COLUMNS`."""
    data = dict(zip(MONTHLY_COLUMNS, row, strict=True))
    data["month_investment"] = from_cents(data["month_investment"])
    data["is_sample"] = bool(data["is_sample"])
    return MonthlyReport(**data)


def wan(cents: int | None) -> Decimal | None:
    """Whole 百元 → 万元 (the fast path of money.from_cents for whole portfolios)."""
    return None if cents is None else Decimal(cents).scaleb(-2)


def clean(value: str | None, multiline: bool | str = False) -> str | None:
    """Text as stored, whichever way it came in (form, grid, import, a script): control,
    direction and invisible characters removed (domain.text.clean_text -- the importers and the
    form already said what they removed; this is the last line of defence), line breaks kept
    only in multi-line fields (``multiline``: a bool or the field's name), stripped, and None
    when nothing is left."""
    if value is None:
        return None
    value = clean_text(value, multiline=multiline)
    return value or None


def record_summary(record: Any) -> str:
    """A deleted record as the one history value that keeps all of it."""
    data = {
        k: getattr(record, k)
        for k in record.__slots__
        if k not in ("is_sample", "version", "updated_at")
    }
    return json.dumps(data, ensure_ascii=False, default=str)


def equal_filters(conditions: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """``" AND column = ?"`` for each condition that is not None, and their parameters: the
    optional filters of a listing."""
    given = [(column, value) for column, value in conditions.items() if value is not None]
    return "".join(f" AND {column} = ?" for column, _ in given), [v for _, v in given]
