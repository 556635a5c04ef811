"""What an import would do, row by row, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..domain.fields import FIELD_BY_NAME
from ..domain.periods import Period
from ..domain.text import shown
from .headers import ColumnMap, Header

Status = Literal["new", "changed", "unchanged", "rejected"]
STATUS_LABELS: dict[str, str] = {
    "new": "新增",
    "changed": "修改",
    "unchanged": "未变",
    "rejected": "拒绝",
}
SKIP_LABELS: dict[str, str] = {
    "blank": "空行",
    "section": "分组标题行",
    "total": "小计/合计行",
    "note": "表下注释行",
    "continued": "合并单元格的续行",
    "unfilled": "未填写的行",
}


def cleaned_rows_warning(count: int) -> str:
    """The preview's line about the rows whose text lost control or invisible characters."""
    return (
        f"有 {count} 行的文字含控制字符或不可见字符（如 ESC、NUL、文字方向控制符），"
        "导入时已去掉，见各行说明"
    )


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: Any
    new: Any

    @property
    def text(self) -> str:
        return f"{self.label}：{shown(self.old)} → {shown(self.new)}"


@dataclass
class MonthRow:
    """The month's figures of a ledger row (issue 16, item 4): the monthly report of the
    preview's period they become, compared with the report already there."""

    status: Status  # new, changed or unchanged (a refused figure refuses the whole row)
    values: dict[str, Any] = field(default_factory=dict)  # new: every value; changed: changes
    changes: list[FieldChange] = field(default_factory=list)
    version: int | None = None  # of the report there (changed)
    notes: list[str] = field(default_factory=list)  # derived figures, disagreements
    #: The report there (changed, unchanged): what the sheet's values are written over.
    report: Any = None

    @property
    def text(self) -> str:
        """The report in one line: 本月完成投资 250；形象进度(%) 45 …, then the notes."""
        if self.status == "changed":
            parts = [c.text for c in self.changes]
        else:
            parts = [f"{MONTH_VALUE_LABELS.get(k, k)}：{shown(v)}" for k, v in self.values.items()]
        return "；".join([*parts, *self.notes])


#: The labels of a monthly report's values in the preview.
MONTH_VALUE_LABELS: dict[str, str] = {
    "month_investment": "本月完成投资",
    "progress_pct": "形象进度(%)",
    "progress_text": "形象进度",
    "progress_notes": "进展情况",
    "problems": "存在问题",
}


@dataclass
class RowResult:
    """One data row of the sheet and what importing it would do."""

    row: int  # the Excel row number
    status: Status
    name: str
    code: str | None = None
    project_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)  # new: every value; changed: changes
    changes: list[FieldChange] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    version: int | None = None
    sheet: str = ""  # the worksheet the row is on
    #: A ledger row's figures of the month (the monthly report they become), if any.
    month: MonthRow | None = None

    @property
    def detail(self) -> str:
        """Why a row is refused; else its changes and warnings (such as the control
        characters its text lost), then its month's report."""
        if self.status == "rejected":
            return "；".join(self.reasons)
        if self.status == "changed":
            parts = [*(c.text for c in self.changes), *self.warnings]
        else:
            parts = list(self.warnings)
        if self.month is not None and (self.month.status != "unchanged" or self.month.notes):
            label = STATUS_LABELS[self.month.status]
            parts.append(f"月报{label}：{self.month.text}" if self.month.text else f"月报{label}")
        return "；".join(parts)


@dataclass
class ImportPreview:
    """The rows of one import with their status; :func:`~desktop_app.importers.apply_preview`
    writes it as one action."""

    kind: Literal["ledger", "monthly"]
    path: Path
    sheet: str
    header: Header
    rows: list[RowResult]
    skipped: dict[str, int] = field(default_factory=dict)
    period: Period | None = None
    unit: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: A ledger import: the year its 年度计划投资 / 建设性质 / 项目清单 are written to (the
    #: year the plan column's header names, else the ledger's current year).
    year: int | None = None
    #: The tables read, one per sheet, in the workbook's order (default: :attr:`header`'s);
    #: the rows are in this order too, grouped by sheet.
    tables: list[Header] = field(default_factory=list)
    #: Sheets with a table that the user left out of this import (their rows are not here).
    left_out: list[str] = field(default_factory=list)
    #: A ledger with the month's figures: where its :attr:`period` came from (“标题“2022年6月
    #: 重点项目台账””, “指定的期间”); empty when the ledger has none.
    period_source: str = ""

    @property
    def month_rows(self) -> list[RowResult]:
        """The ledger rows (not refused) that carry a monthly report of :attr:`period`."""
        return [r for r in self.rows if r.month is not None and r.status != "rejected"]

    def month_counts(self) -> dict[str, int]:
        out = dict.fromkeys(("new", "changed", "unchanged"), 0)
        for r in self.month_rows:
            out[r.month.status] += 1  # type: ignore[union-attr]
        return out

    def __post_init__(self) -> None:
        if not self.tables and not self.left_out:
            self.tables = [self.header]

    @property
    def sheet_names(self) -> list[str]:
        """The sheets whose rows this preview holds."""
        return [t.sheet.name for t in self.tables]

    @property
    def many_sheets(self) -> bool:
        """Whether the file's rows come from more than one sheet (left-out ones counted)."""
        return len(self.tables) + len(self.left_out) > 1

    def place(self, row: RowResult) -> str:
        """Where a row is: 第 9 行, or 工作表“续建项目”第 9 行 when the file has many sheets."""
        if self.many_sheets and row.sheet:
            return f"工作表“{row.sheet}”第 {row.row} 行"
        return f"第 {row.row} 行"

    def rows_of(self, sheet: str) -> list[RowResult]:
        return [r for r in self.rows if r.sheet == sheet]

    def sheet_counts(self) -> dict[str, dict[str, int]]:
        """Per sheet (in order): how many of its rows have each status."""
        out = {name: dict.fromkeys(STATUS_LABELS, 0) for name in self.sheet_names}
        for r in self.rows:
            out.setdefault(r.sheet, dict.fromkeys(STATUS_LABELS, 0))[r.status] += 1
        return out

    def of(self, status: Status) -> list[RowResult]:
        return [r for r in self.rows if r.status == status]

    new = property(lambda self: self.of("new"), doc="Rows that become new records.")
    changed = property(lambda self: self.of("changed"), doc="Rows that change a record.")
    unchanged = property(lambda self: self.of("unchanged"), doc="Rows equal to the ledger.")
    rejected = property(lambda self: self.of("rejected"), doc="Rows refused, with reasons.")

    @property
    def columns(self) -> list[ColumnMap]:
        return self.header.columns

    def counts(self) -> dict[str, int]:
        return {status: len(self.of(status)) for status in STATUS_LABELS}  # type: ignore[arg-type]

    @property
    def what(self) -> str:
        return "项目" if self.kind == "ledger" else "条月报"

    def summary(self) -> str:
        """One line: 新增 3 个项目，修改 2 个，未变 40 个，拒绝 1 行."""
        c = self.counts()
        unit = "个" if self.kind == "ledger" else "条"
        text = (
            f"新增 {c['new']} {unit}，修改 {c['changed']} {unit}，"
            f"未变 {c['unchanged']} {unit}，拒绝 {c['rejected']} 行"
        )
        skipped = [f"{SKIP_LABELS[k]} {v} 行" for k, v in self.skipped.items() if v]
        if skipped:
            text += "（已跳过" + "、".join(skipped) + "）"
        if self.kind == "ledger" and self.year is not None:
            of_year = [
                FIELD_BY_NAME[c.target].label
                for t in self.tables
                for c in t.columns
                if c.target in ("annual_plan", "nature", "lists")
            ]
            if of_year:
                text += f"；{'、'.join(dict.fromkeys(of_year))}写入{self.year}年"
        if self.kind == "ledger" and self.period is not None:
            m = self.month_counts()
            text += (
                f"；{self.period} 月报（期间来自{self.period_source}）：新增 {m['new']} 条，"
                f"修改 {m['changed']} 条，未变 {m['unchanged']} 条"
            )
        return text

    @property
    def has_changes(self) -> bool:
        if self.new or self.changed:
            return True
        return any(r.month is not None and r.month.status != "unchanged" for r in self.month_rows)


@dataclass(frozen=True)
class ApplyResult:
    added: int
    changed: int
    action_source: str
    #: A ledger's month figures: the monthly reports written, and their period.
    reports: int = 0
    period: Period | None = None

    @property
    def text(self) -> str:
        month = f"，{self.period} 月报 {self.reports} 条" if self.reports else ""
        return (
            f"已导入：新增 {self.added}，修改 {self.changed}{month}（来源：{self.action_source}）"
        )
