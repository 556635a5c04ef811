"""An opened import file: its sheets, which one holds the table, its header and what kind of
table it is (a ledger or a monthly return)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from ..domain.periods import Period, PeriodError
from ..formats import META_KIND, META_PERIOD, META_SHEET, TEMPLATE_KIND
from .bulk import collector_paused
from .errors import ImportRefused
from .headers import ColumnMap, Header, find_header
from .safety import DEFAULT_LIMITS, Limits
from .workbook import SheetData, read_sheets

Kind = Literal["ledger", "monthly"]
_TITLE_PERIOD = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")


@dataclass
class ImportSource:
    path: Path
    sheets: list[SheetData]
    header: Header
    kind: Kind
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def sheet(self) -> SheetData:
        return self.header.sheet

    def with_columns(self, columns: list[ColumnMap]) -> ImportSource:
        """The same source with the column mapping the user corrected."""
        targets = [c.target for c in columns if c.target and not c.target.startswith("_")]
        if "name" not in targets and "code" not in targets:
            raise ImportRefused("至少要有一列对应“项目名称”或“项目编号”")
        duplicates = sorted({t for t in targets if targets.count(t) > 1})
        if duplicates:
            raise ImportRefused(f"有多列对应同一个字段：{'、'.join(duplicates)}，请只保留一列")
        return replace(self, header=replace(self.header, columns=columns))

    def guess_period(self) -> Period | None:
        """The template's period, else one named in the title rows (2022年7月)."""
        if self.meta.get(META_PERIOD):
            try:
                return Period.parse(self.meta[META_PERIOD])
            except PeriodError:
                pass
        for row in self.sheet.rows[: self.header.top]:
            for value in row:
                if isinstance(value, str):
                    m = _TITLE_PERIOD.search(value)
                    if m and 1 <= int(m.group(2)) <= 12:
                        return Period(int(m.group(1)), int(m.group(2)))
        return None


def _template_meta(sheets: list[SheetData]) -> dict[str, str]:
    for sheet in sheets:
        if sheet.name != META_SHEET:
            continue
        meta = {
            str(row[0]).strip(): str(row[1]).strip()
            for row in sheet.rows
            if len(row) >= 2 and str(row[0]).strip()
        }
        if meta.get(META_KIND) == TEMPLATE_KIND:
            return meta
    return {}


def open_import(
    path: str | Path, kind: Kind | Literal["auto"] = "auto", limits: Limits = DEFAULT_LIMITS
) -> ImportSource:
    """Read ``path`` (after the safety checks) and find its table.  Raises ImportRefused."""
    path = Path(path)
    with collector_paused():
        sheets = read_sheets(path, limits)
    meta = _template_meta(sheets)
    if kind == "auto" and meta:
        kind = "monthly"
    candidates = [s for s in sheets if not s.hidden] or sheets
    best: tuple[int, Header, Kind] | None = None
    for sheet in candidates:
        for k in ("ledger", "monthly") if kind == "auto" else (kind,):
            header = find_header(sheet, k)
            if header is None:
                continue
            score = header.score
            if k == "monthly" and "month_investment" not in header.mapping():
                score -= 100  # a monthly return must have this month's investment
            if best is None or score > best[0]:
                best = (score, header, k)  # type: ignore[assignment]
    if best is None or best[0] < 2:
        if kind == "monthly":
            raise ImportRefused(
                f"“{path.name}”中找不到月报表头：应有“项目编号”或“项目名称”以及“本月完成投资”等列"
            )
        raise ImportRefused(
            f"“{path.name}”中找不到可识别的表头：前 40 行内应有“项目名称”或“项目编号”，"
            "以及“建设单位”“总投资”等列名"
        )
    _, header, found_kind = best
    warnings = []
    hidden = [s.name for s in sheets if s.hidden and s.name != META_SHEET]
    if hidden:
        warnings.append(f"未读取隐藏的工作表：{'、'.join(hidden)}")
    others = [s.name for s in candidates if s is not header.sheet and any(any(r) for r in s.rows)]
    if others:
        warnings.append(
            f"只导入工作表“{header.sheet.name}”，其他工作表（{'、'.join(others)}）未读取"
        )
    return ImportSource(path, sheets, header, found_kind, meta, warnings)
