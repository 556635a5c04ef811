"""The change history as a reader sees it: every row in Chinese, as the forms show the values.

The store keeps each change as (table, record, field, old text, new text) in its own terms
(``monthly_reports`` · ``month_investment`` = ``12000.00``, 项目清单 as JSON); this module turns
such rows into :class:`HistoryLine` texts — field names by their labels, amounts with two
places and thousands separators, 项目清单 joined with 、, periods as 2026年12月, a monthly
report named by its project and period — for the project form, the command line and reports.
No Qt here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import APP_NAME
from ..domain.fields import AMOUNT_FIELDS, CODE_KINDS, FIELD_BY_NAME, MONTHLY_FIELDS
from ..domain.money import format_wan
from ..domain.periods import Period, PeriodError
from ..store import HistoryEntry, Store
from ..store.history import RecordSubject

SEP = " · "

#: What each table holds, as a reader names it.
TABLE_LABELS = {
    "projects": "项目",
    "project_years": "项目",
    "monthly_plans": "月度计划",
    "monthly_reports": "月度调度",
    "milestones": "关键节点",
    "problems": "问题",
    "code_lists": "代码表",
    "meta": "台账信息",
    "indicators": "指标",
    "closed_periods": "关账",
    "units": "责任单位",
}

_MONTHLY_LABELS = {f.name: f.label for f in MONTHLY_FIELDS}
#: The labels of each child table's fields, as the project form's tabs and dialogs show them.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "projects": {name: f.label for name, f in FIELD_BY_NAME.items()},
    "monthly_reports": {**_MONTHLY_LABELS, "project_period": "调度期间", "period": "调度期间"},
    "milestones": {
        "name": "节点名称",
        "planned_date": "计划完成",
        "actual_date": "实际完成",
        "department": "责任单位",
        "note": "备注",
        "sort_order": "排列顺序",
        "project_id": "所属项目",
    },
    "problems": {
        "text": "问题",
        "department": "责任单位",
        "deadline": "办结时限",
        "status": "状态",
        "solution": "解决情况",
        "raised_on": "提出日期",
        "solved_on": "解决日期",
        "project_id": "所属项目",
    },
    "meta": {
        "report_unit": "填报单位",
        "created_at": "创建时间",
        "app": "程序",
        "report_deadline_day": "月报截止日（次月）",
        "office_contact": "规划科联系人",
        "office_phone": "规划科电话",
    },
    "indicators": {"value": "指标值"},
    "closed_periods": {"period": "关账月份", "projects": "定稿项目个数", "reason": "重新开账原因"},
}
_CODE_ATTR_LABELS = {
    "sort_order": "排列顺序",
    "leader": "包保市级领导",
    "target_count": "目标个数",
    "note": "备注",
}
_UNIT_LABELS = {
    "name": "单位名称",
    "short_name": "简称",
    "contact": "联系人",
    "phone": "电话",
    "sort_order": "排列顺序",
    "note": "备注",
}
_PROBLEM_STATUS = {"open": "未解决", "solved": "已解决"}
_AMOUNTS = {
    ("monthly_reports", "month_investment"),
    *(("projects", n) for n in AMOUNT_FIELDS),
}
#: Columns of a deleted record's summary that say where it belonged, not what it held.
_NOT_SHOWN = {"id", "project_id", "period", "is_sample", "version", "updated_at", "created_at"}
_OTHER_FIELD = "其他内容"
_ACTION_PERIOD = re.compile(r"(?<=：)(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class HistoryLine:
    """One change as shown: when, who, which action, about what, which field, from → to."""

    at: str
    user: str
    action: str
    subject: str
    field: str
    old: str
    new: str

    @property
    def cells(self) -> tuple[str, ...]:
        return (self.at, self.user, self.action, self.subject, self.field, self.old, self.new)


def project_history(store: Store, project_id: int, *, limit: int = 1000) -> list[HistoryLine]:
    """The change history of one project (with its reports, nodes and problems), newest first,
    as its form shows it (the project itself is not named on each line)."""
    entries = store.history(project_id=project_id, limit=limit)
    return history_lines(entries, store.history_subjects(entries), project_id=project_id)


def ledger_history(store: Store, *, limit: int = 1000) -> list[HistoryLine]:
    """The latest changes of the whole ledger, each naming its project."""
    entries = store.history(limit=limit)
    return history_lines(entries, store.history_subjects(entries))


def history_lines(
    entries: Iterable[HistoryEntry],
    subjects: Mapping[tuple[str, int], RecordSubject],
    *,
    project_id: int | None = None,
) -> list[HistoryLine]:
    """The shown lines of ``entries``; ``subjects`` from :meth:`Store.history_subjects`;
    ``project_id``: the project whose form shows them (not named again on its lines)."""
    return [_line(e, subjects, project_id) for e in entries]


def _line(
    e: HistoryEntry, subjects: Mapping[tuple[str, int], RecordSubject], own: int | None
) -> HistoryLine:
    subject = subjects.get((e.table_name, e.record_id)) if e.record_id is not None else None
    table = e.table_name
    field, old, new = _field_text(table, e.field), e.old_value, e.new_value
    what = subject_text(table, subject, own)
    if table == "code_lists" and e.field:
        kind, _, rest = e.field.partition(":")
        name, _, attr = rest.partition(".")
        what = TABLE_LABELS[table] + SEP + CODE_KINDS.get(kind, _OTHER_FIELD)
        field = name + (SEP + _CODE_ATTR_LABELS.get(attr, _OTHER_FIELD) if attr else "")
        old_text, new_text = old or "", new or ""
    elif table == "units" and e.field:  # "市工信局.contact", or the name alone: added/removed
        name, _, attr = e.field.partition(".")
        what = TABLE_LABELS[table] + SEP + name
        field = _UNIT_LABELS.get(attr, _OTHER_FIELD) if attr else "整条记录"
        old_text, new_text = old or "", new or ""
    elif e.field is None and e.record_id is not None:  # a whole record deleted (or restored)
        field = "整条记录"
        old_text, new_text = _record_text(table, old), _record_text(table, new)
    else:
        old_text = value_text(table, e.field, old, subject)
        new_text = value_text(table, e.field, new, subject)
    return HistoryLine(
        _time(e.at), e.user, action_text(e.description), what, field, old_text, new_text
    )


def action_text(description: str) -> str:
    """The action as shown: '填报月度调度：2026-12' → '填报月度调度：2026年12月'."""
    return _ACTION_PERIOD.sub(lambda m: f"{int(m[1])}年{int(m[2])}月", description or "")


def _time(at: str) -> str:
    return at.replace("T", " ")


def _field_text(table: str, field: str | None) -> str:
    if field is None:
        return ""
    if table in ("project_years", "monthly_plans"):  # "2022.annual_plan", "2022-03.月度计划"
        when, dot, name = field.partition(".")
        if not dot:  # the migration's "year" row
            return _YEAR_LABELS.get(field, _OTHER_FIELD)
        label = _YEAR_LABELS.get(name) or FIELD_LABELS["projects"].get(name) or name
        return f"{label}（{period_text(when) if '-' in when else when + '年'}）"
    return FIELD_LABELS.get(table, {}).get(field, _OTHER_FIELD)


_YEAR_LABELS = {"on_list": "重点项目名单", "target": "建设目标", "year": "年度"}


def project_text(code: str | None, name: str | None) -> str:
    """A project as lines name it: 编号 名称."""
    return " ".join(p for p in (code, name) if p)


def subject_text(table: str, subject: RecordSubject | None, own: int | None = None) -> str:
    """What a row is about: 项目 (or its 编号 名称), 月度调度 · 2026年12月, 关键节点 · 开工 …"""
    label = TABLE_LABELS.get(table, _OTHER_FIELD)
    if subject is None:
        return label
    project = (
        ""
        if own is not None and subject.project_id == own
        else project_text(subject.code, subject.name)
    )
    if table in ("projects", "project_years"):
        return project or label
    detail = subject.detail
    if table == "monthly_reports":
        detail = period_text(detail)
    elif detail and len(detail) > 16:
        detail = detail[:15] + "…"
    parts = [p for p in (project, label, detail) if p]
    return SEP.join(parts)


def period_text(value: str | None) -> str:
    """'2026-12' → '2026年12月' (anything else as it is)."""
    if not value:
        return ""
    try:
        return Period.parse(value).label
    except (PeriodError, ValueError):
        return value


def amount_text(value: str) -> str:
    """'12000.00' → '12,000.00'."""
    try:
        return format_wan(Decimal(value.replace(",", "")))
    except InvalidOperation:
        return value


def value_text(
    table: str,
    field: str | None,
    value: Any,
    subject: RecordSubject | None = None,
) -> str:
    """One history value as the form shows it ("" for none); ``subject``: the record's, which
    names its project where the value is the project's id."""
    if value is None or value == "":
        return ""
    text = value if isinstance(value, str) else str(value)
    if (table, field) in _AMOUNTS:
        return amount_text(text)
    if table in ("project_years", "monthly_plans") and field:
        name = field.partition(".")[2]
        if name in ("annual_plan", "月度计划"):
            return amount_text(text)
        if name == "lists":
            return _list_text(value)
        if name == "on_list":
            return {"1": "在名单", "0": "不在名单"}.get(text, text)
    if table == "projects" and field == "lists":
        return _list_text(value)
    if table == "monthly_reports":
        if field == "progress_pct":
            try:
                return f"{float(text):g}%"
            except ValueError:
                return text
        if field == "project_period":
            return period_text(text.partition(":")[2] or text)
        if field == "period":
            return period_text(text)
    if table == "problems" and field == "status":
        return _PROBLEM_STATUS.get(text, text)
    if field == "project_id" and table in ("milestones", "problems", "monthly_reports"):
        if subject is not None and str(subject.project_id) == text and subject.code:
            return project_text(subject.code, subject.name)
        return "（已删除的项目）"
    if table == "meta":
        if field == "created_at":
            return _time(text)
        if field == "app":
            return APP_NAME
    return text


def _list_text(value: Any) -> str:
    items = value
    if isinstance(value, str):
        try:
            items = json.loads(value)
        except ValueError:
            return value
    if isinstance(items, list):
        return "、".join(str(i) for i in items if i not in (None, ""))
    return str(value)


def _record_text(table: str, value: str | None) -> str:
    """A whole record kept as JSON (a deleted one) as 字段：值；… in the form's labels."""
    if not value:
        return ""
    try:
        data = json.loads(value)
    except ValueError:
        return value
    if not isinstance(data, dict):
        return value
    labels = FIELD_LABELS.get(table, {})
    parts = []
    for key, item in data.items():
        if key in _NOT_SHOWN or item in (None, "", []) or key not in labels:
            continue
        shown = value_text(table, key, _as_history(table, key, item))
        if shown:
            parts.append(f"{labels[key]}：{shown}")
    return "；".join(parts)


def _as_history(table: str, key: str, item: Any) -> Any:
    """A value of a record's JSON summary as the history writes it."""
    if isinstance(item, list):
        return json.dumps(item, ensure_ascii=False)
    if isinstance(item, float) and (table, key) in _AMOUNTS:
        return f"{item:.2f}"
    return item
