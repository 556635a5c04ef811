"""The ledger's fields: names used in the store, JSON and code, with their Chinese labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "longtext", "amount", "date", "code", "codes"]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: Kind = "text"
    code_kind: str | None = None  # for "code"/"codes": which code list
    searchable: bool = False


PROJECT_FIELDS: tuple[Field, ...] = (
    Field("code", "项目编号"),
    Field("name", "项目名称", searchable=True),
    Field("owner", "建设单位", searchable=True),
    Field("region", "所属县区", "code", "region"),
    Field("sector", "产业类别", "code", "sector"),
    Field("chain", "产业链", "code", "chain"),
    Field("nature", "建设性质", "code", "nature"),
    Field("lists", "项目清单", "codes", "list"),
    Field("scope", "建设内容及规模", "longtext", searchable=True),
    Field("total_investment", "总投资", "amount"),
    Field("annual_plan", "年度计划投资", "amount"),
    Field("planned_start", "计划开工", "date"),
    Field("planned_end", "计划竣工", "date"),
    Field("actual_start", "实际开工", "date"),
    Field("actual_end", "实际竣工", "date"),
    Field("status", "项目状态", "code", "status"),
    Field("leader", "包保市级领导", searchable=True),
    Field("department", "责任单位", searchable=True),
    Field("secretary", "项目秘书"),
    Field("problems", "存在问题", "longtext"),
    Field("measures", "解决措施", "longtext"),
    Field("source", "数据来源"),
)

FIELD_BY_NAME = {f.name: f for f in PROJECT_FIELDS}
PROJECT_FIELD_NAMES = tuple(f.name for f in PROJECT_FIELDS)
AMOUNT_FIELDS = tuple(f.name for f in PROJECT_FIELDS if f.kind == "amount")
DATE_FIELDS = tuple(f.name for f in PROJECT_FIELDS if f.kind == "date")
SEARCH_FIELDS = tuple(f.name for f in PROJECT_FIELDS if f.searchable)

CODE_KINDS: dict[str, str] = {
    "region": "所属县区",
    "sector": "产业类别",
    "chain": "产业链",
    "status": "项目状态",
    "nature": "建设性质",
    "list": "项目清单",
}

STATUSES = ("谋划", "前期", "在建", "竣工", "投产", "停缓建")

MONTHLY_FIELDS: tuple[Field, ...] = (
    Field("month_investment", "本月完成投资", "amount"),
    Field("progress_pct", "形象进度(%)"),
    Field("progress_text", "形象进度"),
    Field("progress_notes", "进展情况", "longtext"),
    Field("problems", "存在问题", "longtext"),
    Field("reporter", "填报人"),
    Field("report_date", "填报日期", "date"),
)
#: The values of a monthly report a user fills in, in this order everywhere (store, import).
MONTHLY_FIELD_NAMES = tuple(f.name for f in MONTHLY_FIELDS)

SAMPLE_MARK = "示例数据"
