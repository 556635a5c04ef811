"""Rules a project must meet before the store writes it, with messages in plain Chinese."""

from __future__ import annotations

import functools
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


#: (field, label) of every project field, and the code-list fields with their list's kind.
_LABELS = tuple((f.name, f.label) for f in PROJECT_FIELDS)
_NAMES = tuple(name for name, _ in _LABELS)
_CODED = tuple(
    (name, FIELD_BY_NAME[name].code_kind or name, FIELD_BY_NAME[name].label)
    for name in ("region", "sector", "chain", "nature", "status")
)
#: The first and last day a date of any precision means: a ledger repeats its dates.
_start = functools.lru_cache(maxsize=4096)(date_start)
_end = functools.lru_cache(maxsize=4096)(date_end)


def _decimal(value: Any) -> Decimal:
    return value if value.__class__ is Decimal else Decimal(value)


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
    get = data.get
    issues = text_issues(data)
    name = clean_text(get("name") or "")
    if not name:
        issues.append(Issue("name", "项目名称不能为空"))
    elif len(name) > 200:
        issues.append(Issue("name", "项目名称过长（不超过200字）"))
    code = clean_text(get("code") or "")
    if code and code_taken is not None and code_taken(code):
        issues.append(Issue("code", f"项目编号“{code}”已被其他项目使用"))
    total, plan = get("total_investment"), get("annual_plan")
    if total is not None:
        total = _decimal(total)
        if total < 0:
            issues.append(Issue("total_investment", "总投资不能为负数"))
    if plan is not None:
        plan = _decimal(plan)
        if plan < 0:
            issues.append(Issue("annual_plan", "年度计划投资不能为负数"))
    if total is not None and plan is not None and plan > total:
        issues.append(Issue("annual_plan", "年度计划投资大于总投资，请核对", severity="warning"))
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        s, e = get(start), get(end)
        if s and e and _end(e) < _start(s):  # type: ignore[operator]
            issues.append(Issue(end, f"{FIELD_BY_NAME[end].label}早于{FIELD_BY_NAME[start].label}"))
    if code_exists is not None:
        for field, kind, label in _CODED:
            value = get(field)
            if value and not code_exists(kind, value):
                issues.append(Issue(field, f"{label}“{value}”不在代码表中"))
        for value in get("lists") or ():
            if not code_exists("list", value):
                issues.append(Issue("lists", f"项目清单“{value}”不在代码表中"))
    return issues


def text_issues(data: Mapping[str, Any]) -> list[Issue]:
    """A warning per text field of ``data`` holding characters the ledger does not keep
    (control, direction, invisible): “项目名称：已去掉 1 个控制字符（ESC）”."""
    issues: list[Issue] = []
    get = data.get
    given = [get(name) for name in _NAMES]
    texts = [v for v in given if isinstance(v, str)]
    for value in given:
        if isinstance(value, list):
            texts += [v for v in value if isinstance(v, str)]
    if "".join(texts).isprintable():
        return issues  # most records: nothing to say (all their text checked at once)
    for name, label in _LABELS:
        value = get(name)
        if value is None or (value.__class__ is str and value.isprintable()):
            continue  # most fields: nothing to say
        values = value if isinstance(value, list) else [value]
        notes: list[str] = []
        for item in values:
            if isinstance(item, str) and not item.isprintable():
                notes += text_problems(item, multiline=name)
        if notes:
            message = f"{label}：{'；'.join(dict.fromkeys(notes))}"
            issues.append(Issue(name, message, severity="warning"))
    return issues


def errors_only(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]
