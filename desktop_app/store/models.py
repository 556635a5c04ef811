"""Plain records the store hands out (no Qt, no SQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from ..domain.fields import PROJECT_FIELD_NAMES


@dataclass(slots=True)
class Project:
    """One row of the ledger.  Amounts are 万元 (two-place Decimal)."""

    code: str
    name: str
    owner: str | None = None
    region: str | None = None
    sector: str | None = None
    chain: str | None = None
    nature: str | None = None
    lists: list[str] = field(default_factory=list)
    scope: str | None = None
    total_investment: Decimal | None = None
    annual_plan: Decimal | None = None
    planned_start: str | None = None
    planned_end: str | None = None
    actual_start: str | None = None
    actual_end: str | None = None
    status: str | None = None
    leader: str | None = None
    department: str | None = None
    secretary: str | None = None
    problems: str | None = None
    measures: str | None = None
    source: str | None = None
    id: int | None = None
    is_sample: bool = False
    version: int = 0
    created_at: str | None = None
    updated_at: str | None = None
    #: The year whose 年度计划投资 / 建设性质 / 项目清单 this record carries, and whether the
    #: project is on that year's list.
    year: int | None = None
    on_list: bool = False

    def values(self) -> dict[str, Any]:
        """The ledger fields only (what a form edits)."""
        return {name: getattr(self, name) for name in PROJECT_FIELD_NAMES}

    def to_json(self) -> dict[str, Any]:
        """Every field, keys as in the store; amounts as numbers of 万元."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in out.items():
            if isinstance(value, Decimal):
                out[key] = float(value)
        return out


@dataclass(slots=True)
class MonthlyReport:
    project_id: int
    period: str
    month_investment: Decimal | None = None
    progress_pct: float | None = None
    progress_text: str | None = None
    progress_notes: str | None = None
    problems: str | None = None
    reporter: str | None = None
    report_date: str | None = None
    id: int | None = None
    is_sample: bool = False
    version: int = 0
    updated_at: str | None = None


@dataclass(slots=True)
class Milestone:
    project_id: int
    name: str
    planned_date: str | None = None
    actual_date: str | None = None
    department: str | None = None
    note: str | None = None
    sort_order: int = 0
    id: int | None = None
    is_sample: bool = False
    version: int = 0
    updated_at: str | None = None


@dataclass(slots=True)
class Problem:
    project_id: int
    text: str
    department: str | None = None
    deadline: str | None = None
    status: str = "open"
    solution: str | None = None
    raised_on: str | None = None
    solved_on: str | None = None
    id: int | None = None
    is_sample: bool = False
    version: int = 0
    updated_at: str | None = None


@dataclass(slots=True)
class CodeEntry:
    kind: str
    name: str
    sort_order: int = 0
    leader: str | None = None
    target_count: int | None = None
    note: str | None = None


@dataclass(slots=True)
class Indicator:
    name: str
    period: str
    kind: str
    measure: str = "增长"
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    source: str | None = None
    quote: str | None = None
    id: int | None = None


@dataclass(slots=True)
class HistoryEntry:
    id: int
    action_id: int
    at: str
    user: str
    table_name: str
    record_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None
    description: str = ""
    source: str | None = None


def history_text(value: Any) -> str | None:
    """How a value is written into the change history."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


@dataclass(slots=True)
class ProjectYear:
    """What a project is in one year: on that year's key-project list or not, its 年度计划投资
    (万元), 建设性质, 项目清单 and 建设目标 of the year."""

    project_id: int
    year: int
    on_list: bool = True
    annual_plan: Decimal | None = None
    nature: str | None = None
    lists: list[str] = field(default_factory=list)
    target: str | None = None
    version: int = 0
    updated_at: str | None = None
