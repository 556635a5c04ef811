"""Rules a project must meet before the store writes it, with messages in plain Chinese."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from .fields import FIELD_BY_NAME, PROJECT_FIELDS
from .periods import date_end, date_start
from .text import clean_text, text_problems


@dataclass(frozen=True)
class Issue:
    """A problem with one field: an error refuses the save, a warning only informs."""

    field: str
    message: str
    severity: Literal["error", "warning"] = "error"


def validate_project(
    data: Mapping[str, Any],
    *,
    code_exists: Callable[[str, str], bool] | None = None,
    code_taken: Callable[[str], bool] | None = None,
) -> list[Issue]:
    """Check a full project record (store types: Decimal amounts, ISO date text, lists).

    ``code_exists(kind, name)`` says whether a value is in a code list;
    ``code_taken(code)`` whether another project already has this 项目编号.  Text is judged
    as it will be stored (:func:`~.text.clean_text`); a control, direction or invisible
    character in it is a warning naming what is removed.
    """
    issues = text_issues(data)
    name = clean_text(data.get("name") or "")
    if not name:
        issues.append(Issue("name", "项目名称不能为空"))
    elif len(name) > 200:
        issues.append(Issue("name", "项目名称过长（不超过200字）"))
    code = clean_text(data.get("code") or "")
    if code and code_taken is not None and code_taken(code):
        issues.append(Issue("code", f"项目编号“{code}”已被其他项目使用"))
    for field in ("total_investment", "annual_plan"):
        value = data.get(field)
        if value is not None and Decimal(value) < 0:
            issues.append(Issue(field, f"{FIELD_BY_NAME[field].label}不能为负数"))
    total, plan = data.get("total_investment"), data.get("annual_plan")
    if total is not None and plan is not None and Decimal(plan) > Decimal(total):
        issues.append(Issue("annual_plan", "年度计划投资大于总投资，请核对", severity="warning"))
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        s, e = data.get(start), data.get(end)
        if s and e and date_end(e) < date_start(s):  # type: ignore[operator]
            issues.append(Issue(end, f"{FIELD_BY_NAME[end].label}早于{FIELD_BY_NAME[start].label}"))
    if code_exists is not None:
        for field in ("region", "sector", "chain", "nature", "status"):
            value = data.get(field)
            kind = FIELD_BY_NAME[field].code_kind
            if value and kind and not code_exists(kind, value):
                label = FIELD_BY_NAME[field].label
                issues.append(Issue(field, f"{label}“{value}”不在代码表中"))
        for value in data.get("lists") or []:
            if not code_exists("list", value):
                issues.append(Issue("lists", f"项目清单“{value}”不在代码表中"))
    return issues


def text_issues(data: Mapping[str, Any]) -> list[Issue]:
    """A warning per text field of ``data`` holding characters the ledger does not keep
    (control, direction, invisible): “项目名称：已去掉 1 个控制字符（ESC）”."""
    issues: list[Issue] = []
    for field in PROJECT_FIELDS:
        value = data.get(field.name)
        values = value if isinstance(value, list) else [value]
        notes: list[str] = []
        for item in values:
            if isinstance(item, str) and not item.isprintable():
                notes += text_problems(item, multiline=field.name)
        if notes:
            message = f"{field.label}：{'；'.join(dict.fromkeys(notes))}"
            issues.append(Issue(field.name, message, severity="warning"))
    return issues


def errors_only(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]
