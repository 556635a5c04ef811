"""An opened import file: its sheets, which one holds the table, its header and what kind of
table it is (a ledger or a monthly return)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from ..domain.periods import Period, PeriodError
from ..formats import META_KIND, META_PERIOD, META_SHEET, TEMPLATE_KIND
from .bulk import collector_paused
from .errors import ImportRefused
from .headers import ColumnMap, Header, find_header
from .hidden_columns import hidden_columns, xls_hidden_columns
from .ods_layout import ods_layout
from .safety import DEFAULT_LIMITS, Limits
from .workbook import SheetData, read_workbook

Kind = Literal["ledger", "monthly"]
_TITLE_PERIOD = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}  # fmt: skip
#: 2022年6月, 2022年1-6月, 2022年度1～6月, 二〇二二 is not read (offices type digits there).
_NAMED_MONTH = re.compile(
    r"(20\d\d)\s*年度?\s*(?:(?:1|一|01)\s*月?\s*[-~～至到—–]\s*)?"
    r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
)
#: A cut-off line written with dots or dashes: 截至2022.6.30, 截止日期：2022-06-30.
_CUTOFF_DATE = re.compile(r"截[至止][^0-9]{0,6}(20\d\d)\s*[.\-/／]\s*(1[0-2]|0?[1-9])(?!\d)")
_NAMED_YEAR_ALONE = re.compile(r"(20\d\d)\s*年")


@dataclass(frozen=True)
class PeriodClue:
    """A period (or a year alone) the rows above a table name, and the text naming it."""

    year: int
    month: int | None
    text: str


def period_clues(header: Header) -> list[PeriodClue]:
    """What the title rows and the cut-off line above ``header`` say about the period:
    “2022年6月重点项目台账”, “截至2022年6月30日”, “2022年1-6月”; a year alone
    (“2022年重点项目台账”) as a clue without a month."""
    out: list[PeriodClue] = []
    rows = header.sheet.rows
    for number, row in enumerate(rows[: header.top + header.depth]):
        for value in row:
            if not isinstance(value, str) or "20" not in value:
                continue
            if number >= header.top and "截至" not in value and "截止" not in value:
                continue  # a header row: only a cut-off line beside the labels counts
            line = " ".join(value.split())
            found = _NAMED_MONTH.search(line) or _CUTOFF_DATE.search(line)
            if found:
                word = found.group(2)
                month = _CN_MONTHS.get(word) or int(word)
                out.append(PeriodClue(int(found.group(1)), month, line))
                continue
            year = _NAMED_YEAR_ALONE.search(line)
            if year:
                out.append(PeriodClue(int(year.group(1)), None, line))
    return out


@dataclass
class ImportSource:
    """An opened file: every sheet read, and the table found on each sheet that holds one
    (:attr:`tables`, in the workbook's order; :attr:`header` is the first)."""

    path: Path
    sheets: list[SheetData]
    tables: list[Header]
    kind: Kind
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def header(self) -> Header:
        return self.tables[0]

    @property
    def sheet(self) -> SheetData:
        return self.header.sheet

    @property
    def sheet_names(self) -> list[str]:
        """The names of the sheets whose tables are read."""
        return [t.sheet.name for t in self.tables]

    def table(self, sheet: str) -> Header:
        for header in self.tables:
            if header.sheet.name == sheet:
                return header
        raise KeyError(sheet)

    def with_columns(self, columns: list[ColumnMap], sheet: str | None = None) -> ImportSource:
        """The same source with the column mapping the user corrected (of ``sheet``'s table,
        the first table by default)."""
        targets = [c.target for c in columns if c.target and not c.target.startswith("_")]
        if "name" not in targets and "code" not in targets:
            where = f"工作表“{sheet}”中" if sheet is not None and len(self.tables) > 1 else ""
            raise ImportRefused(f"{where}至少要有一列对应“项目名称”或“项目编号”")
        duplicates = sorted({t for t in targets if targets.count(t) > 1})
        if duplicates:
            raise ImportRefused(f"有多列对应同一个字段：{'、'.join(duplicates)}，请只保留一列")
        name = self.header.sheet.name if sheet is None else sheet
        self.table(name)  # KeyError for a sheet without a table
        tables = [replace(t, columns=columns) if t.sheet.name == name else t for t in self.tables]
        return replace(self, tables=tables)

    def with_mappings(self, mappings: Mapping[str, list[ColumnMap]]) -> ImportSource:
        """The same source with each named sheet's corrected mapping."""
        source = self
        for sheet, columns in mappings.items():
            source = source.with_columns(columns, sheet)
        return source

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
    """Read ``path`` (after the safety checks) and find its tables.  Raises ImportRefused.

    A ledger is read from every visible sheet holding a recognisable table, each with its own
    header and mapping (新建项目 / 续建项目); a monthly return from its best sheet.  Hidden
    sheets and sheets without a table are named in :attr:`ImportSource.warnings`."""
    path = Path(path)
    with collector_paused():
        book = read_workbook(path, limits)
    sheets = book.sheets
    hidden_cols = _ods_layout(path, sheets, limits) if book.kind == "ods" else {}
    meta = _template_meta(sheets)
    if kind == "auto" and meta:
        kind = "monthly"
    candidates = [s for s in sheets if not s.hidden] or sheets
    kinds: tuple[Kind, ...] = ("ledger", "monthly") if kind == "auto" else (kind,)  # type: ignore[assignment]
    found: dict[Kind, list[Header]] = {k: [] for k in kinds}
    best: tuple[int, Header, Kind] | None = None
    for sheet in candidates:
        for k in kinds:
            header = find_header(sheet, k)
            if header is None:
                continue
            score = header.score
            if k == "monthly" and "month_investment" not in header.mapping():
                score -= 100  # a monthly return must have this month's investment
            if score >= 2:
                found[k].append(header)
            if best is None or score > best[0]:
                best = (score, header, k)
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
    tables = found["ledger"] if found_kind == "ledger" else [header]
    warnings = list(book.warnings)  # about the file itself: macros never run
    hidden_sheets = [s.name for s in sheets if s.hidden and s.name != META_SHEET]
    if hidden_sheets:
        warnings.append(f"未读取隐藏的工作表：{'、'.join(hidden_sheets)}")
    used = {id(t.sheet) for t in tables}
    others = [s.name for s in candidates if id(s) not in used and any(any(r) for r in s.rows)]
    if others and found_kind == "ledger":
        warnings.append(f"工作表{_quoted(others)}中没有可识别的项目表，未读取")
    elif others:
        warnings.append(
            f"只导入工作表“{header.sheet.name}”，其他工作表（{'、'.join(others)}）未读取"
        )
    if book.kind in ("xlsx", "xlsm"):
        hidden_cols = hidden_columns(path)
    elif book.kind == "xls":
        hidden_cols = xls_hidden_columns(path)
    if hidden_cols:
        tables = [
            _without_hidden(t, hidden_cols.get(t.sheet.name, frozenset()), warnings) for t in tables
        ]
        named = [t for t in tables if {"name", "code"} & set(t.mapping())]
        if not named:
            raise ImportRefused(
                f"“{path.name}”中“项目名称”“项目编号”所在的列是隐藏的，请取消隐藏后再导入"
            )
        tables = named
    return ImportSource(path, sheets, tables, found_kind, meta, warnings)


def _ods_layout(path: Path, sheets: list[SheetData], limits: Limits) -> dict[str, frozenset[int]]:
    """An .ods's hidden columns by sheet, and its merged ranges put on its sheets where the
    reading gave none (python-calamine gives none; the container check's scan usually does)."""
    layout = ods_layout(path, merges=not any(s.merged for s in sheets))
    for sheet in sheets:
        found = layout.get(sheet.name)
        if found is None or sheet.merged:
            continue
        if len(found.merged) > limits.merged_ranges:
            raise ImportRefused(
                f"工作表“{sheet.name}”有 {len(found.merged):,} 处合并单元格，"
                f"超过导入上限 {limits.merged_ranges:,} 处"
            )
        sheet.merged = found.merged
    return {n: frozenset(v.hidden_columns) for n, v in layout.items() if v.hidden_columns}


def _without_hidden(header: Header, hidden: frozenset[int], warnings: list[str]) -> Header:
    """``header`` with its hidden columns not imported (named in ``warnings``)."""
    skipped = [c for c in header.columns if c.index in hidden and c.header]
    if not skipped:
        return header
    names = "、".join(f"{c.letter}列“{c.header}”" for c in skipped)
    warnings.append(f"工作表“{header.sheet.name}”中隐藏的列未导入：{names}")
    columns = [replace(c, target=None) if c.index in hidden else c for c in header.columns]
    return replace(header, columns=columns)


def _quoted(names: list[str]) -> str:
    return "、".join(f"“{n}”" for n in names)
