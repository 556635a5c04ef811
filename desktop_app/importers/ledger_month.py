"""The month's figures inside a ledger (issue 16, item 4).

County offices keep one sheet: the projects and, beside them, the month's figures (本月/6月
完成, 1-6月/本年累计完成, 开工以来累计完成, 形象进度, 本月存在问题).  Those columns become the
monthly reports of the period the workbook names -- in a column's header (1-6月完成投资), a
cut-off line (截至2022年6月30日) or a title (2022年6月重点项目台账) -- or the period the user
gives; with none, the import asks (:class:`PeriodNeeded`) instead of guessing.

The ledger keeps 本月完成 per month and adds them up (本年累计, 开工以来累计), so a 1-N月 figure
is checked against the months already reported (and gives the month when the sheet has no 本月
column), and 开工以来累计 is shown beside the ledger's own sum; neither is stored by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ..domain.money import from_cents
from ..domain.periods import Period
from ..domain.text import is_multiline, shown
from ..store import MonthlyReport, Store
from .errors import ImportRefused
from .headers import MONTH_LABELS, MONTH_TARGETS, ColumnMap, Header, named_period, plan_year
from .monthly import amount_parser, percent_parser, written_as_fractions
from .preview import FieldChange, ImportPreview, MonthRow
from .source import period_clues
from .values import parse_cells, text

#: Month target → the field of the monthly report it fills (the others are checks).
REPORT_FIELDS = {
    "month_investment": "month_investment",
    "progress_pct": "progress_pct",
    "progress_text": "progress_text",
    "progress_notes": "progress_notes",
    "month_problems": "problems",
}
_AMOUNTS = ("month_investment", "ytd_investment", "since_start_investment")


class PeriodNeeded(ImportRefused):
    """A ledger with the month's figures and no period it names (or two that disagree): the
    caller asks the user for one (``--period``, the wizard's period box)."""


def month_columns(header: Header) -> list[ColumnMap]:
    """The columns of ``header`` mapped to the month's figures (the first of each)."""
    seen: set[str] = set()
    out = []
    for column in header.columns:
        if column.target in MONTH_TARGETS and column.target not in seen:
            seen.add(column.target)
            out.append(column)
    return out


def _header_periods(column: ColumnMap) -> Iterable[tuple[int | None, int]]:
    for part in column.header.split(" / "):  # a two-level header: 1-6月完成投资 / 其中6月
        year, month = named_period(part)
        if month is not None:
            yield year, month


def ledger_period(
    tables: Iterable[Header], given: Period | None, plan_year: int | None
) -> tuple[Period | None, str]:
    """The period of a ledger's month figures and where it came from (“表头“1-6月完成投资””),
    ``(None, "")`` when no sheet has such columns.  Raises :class:`PeriodNeeded` when the
    workbook names none, or names two."""
    tables = list(tables)
    columns = [(t, c) for t in tables for c in month_columns(t)]
    if not columns:
        return None, ""
    if given is not None:
        return given, "指定的期间"
    months: dict[int, str] = {}
    years: dict[int, str] = {}
    for _, column in columns:
        for year, month in _header_periods(column):
            months.setdefault(month, f"表头“{column.header}”")
            if year is not None:
                years.setdefault(year, f"表头“{column.header}”")
    for table in {id(t): t for t, _ in columns}.values():
        for clue in period_clues(table):
            if clue.month is not None:
                months.setdefault(clue.month, f"“{clue.text}”")
            years.setdefault(clue.year, f"“{clue.text}”")
    if plan_year is not None and not years:
        years[plan_year] = f"计划投资列的年份（{plan_year}年）"
    named = "、".join(f"“{c.header}”" for _, c in columns[:4])
    ask = "请指定期间（如 2022-06）；如只导入项目信息，请在列对应中把这些列设为“不导入”"
    if len(months) > 1 or len(years) > 1:
        found = "、".join([*dict.fromkeys([*months.values(), *years.values()])][:4])
        raise PeriodNeeded(f"表中有本月数据（{named}），但文件中写的期间不一致（{found}）；{ask}")
    if not months or not years:
        raise PeriodNeeded(f"表中有本月数据（{named}），但无法确定是哪一年哪个月的；{ask}")
    (month, month_from), (year, year_from) = next(iter(months.items())), next(iter(years.items()))
    where = month_from if month_from == year_from else f"{year_from}和{month_from}"
    return Period(year, month), where


def has_month_figures(tables: Iterable[Header]) -> bool:
    """Whether any of these ledger tables has a column of the month's figures."""
    return any(month_columns(t) for t in tables)


def named_ledger_period(tables: Iterable[Header]) -> Period | None:
    """The period a ledger's month figures are of, as the workbook names it; None when it
    names none or two (the wizard's period box stays empty and asks)."""
    tables = list(tables)
    years = [y for y in map(plan_year, tables) if y is not None]
    try:
        return ledger_period(tables, None, years[0] if years else None)[0]
    except PeriodNeeded:
        return None


@dataclass
class _Sheet:
    columns: list[tuple[int, tuple[str, Callable[[object], Any]]]]
    notes: list[str]


class MonthFigures:
    """Reads and judges the month's figures of each ledger row, against the reports the
    ledger has: one query for the period's reports, one for the sums before it."""

    def __init__(self, store: Store, tables: Iterable[Header], period: Period) -> None:
        self.period = period
        self.closed = store.is_closed(period)
        self.existing = store.monthly_reports(period)
        self.before = store.amounts_before(period)
        self._sheets = {t.sheet.name: _sheet(t) for t in tables}
        m = period.month
        self._ytd = f"1-{m}月" if m > 1 else "1月"
        self._earlier = f"1-{m - 1}月" if m > 2 else "1月"

    @property
    def notes(self) -> list[str]:
        """What the preview says about the month's columns (a % column read as fractions)."""
        return [n for s in self._sheets.values() for n in s.notes]

    def read(
        self, sheet: str, cells: Sequence[object], project_id: int | None
    ) -> tuple[MonthRow | None, list[str]]:
        """The month's report a ledger row gives (None: its month cells are empty), or the
        reasons the row is refused."""
        values, reasons, _ = parse_cells(cells, self._sheets[sheet].columns, MONTH_LABELS)
        if reasons or not values:
            return None, reasons
        ytd = values.pop("ytd_investment", None)
        since = values.pop("since_start_investment", None)
        report = {REPORT_FIELDS[k]: v for k, v in values.items()}
        before_ytd, before_since = self.before.get(project_id or 0, (0, 0))
        earlier = from_cents(before_ytd) or Decimal(0)
        notes: list[str] = []
        month = report.get("month_investment")
        if ytd is not None and month is None:
            month = ytd - earlier
            if month < 0:
                return None, [
                    f"{self._ytd}累计完成投资 {shown(ytd)} 小于已报的{self._earlier}合计 "
                    f"{shown(earlier)}，无法得出本月完成投资"
                ]
            report = {"month_investment": month, **report}  # first, as the sheet's columns go
            if self.period.month > 1:
                notes.append(
                    f"本月完成投资 = {self._ytd}累计 {shown(ytd)} − 已报{self._earlier} "
                    f"{shown(earlier)} = {shown(month)}"
                )
        elif ytd is not None and month is not None and earlier + month != ytd:
            told = f"{self._ytd}累计与已有月报不一致：表中 {shown(ytd)}；"
            if (project_id or 0) in self.before or self.period.month == 1:
                told += (
                    f"已报{self._earlier} {shown(earlier)} 加本月 {shown(month)} 为 "
                    f"{shown(earlier + month)}"
                )
            else:
                told += f"台账中没有该项目{self._earlier}的月报，只有本月 {shown(month)}"
            notes.append(told + "（按本月数导入）")
        if since is not None:
            total = (from_cents(before_since) or Decimal(0)) + (month or Decimal(0))
            if total != since:
                notes.append(
                    f"开工以来累计：表中 {shown(since)}，台账按各月月报合计为 {shown(total)}"
                    "（台账的累计由月报相加得出，不单独保存）"
                )
        if not report:
            return None, []
        return self._judge(project_id, report, notes)

    def _judge(
        self, project_id: int | None, report: dict[str, Any], notes: list[str]
    ) -> tuple[MonthRow | None, list[str]]:
        old = self.existing.get(project_id) if project_id is not None else None
        if old is None:
            row = MonthRow("new", report, notes=notes)
        else:
            changes = {k: v for k, v in report.items() if getattr(old, k) != v}
            row = MonthRow(
                "changed" if changes else "unchanged",
                changes,
                [FieldChange(k, _LABELS[k], getattr(old, k), v) for k, v in changes.items()],
                old.version,
                notes,
                old,
            )
        if self.closed and row.status != "unchanged":
            return None, [
                f"{self.period} 已关账，该行的本月数据不能再导入（需先重新打开该期间；"
                "如只导入项目信息，请在列对应中把本月数据列设为“不导入”）"
            ]
        return row, []


_LABELS = {REPORT_FIELDS[k]: MONTH_LABELS[k] for k in REPORT_FIELDS}


def _sheet(header: Header) -> _Sheet:
    columns: list[tuple[int, tuple[str, Callable[[object], Any]]]] = []
    notes: list[str] = []
    for column in month_columns(header):
        target, label = column.target or "", MONTH_LABELS[column.target or ""]
        if target in _AMOUNTS:
            parse = amount_parser(column.unit or header.unit, label)
        elif target == "progress_pct":
            fractions = written_as_fractions(header, column.index)
            if fractions:
                notes.append(
                    f"工作表“{header.sheet.name}”的“{column.header}”列的数字都在 0～1 之间"
                    "（Excel 的百分比格式），已按 0.5 = 50% 换算"
                )
            parse = percent_parser(label, fractions)
        else:

            def parse(v: object, multiline: bool = is_multiline(REPORT_FIELDS[target])) -> Any:
                return text(v, multiline=multiline)

        columns.append((column.index, (target, parse)))
    return _Sheet(columns, notes)


def month_reports(
    preview: ImportPreview,
) -> tuple[list[MonthlyReport], dict[int, MonthlyReport]]:
    """The reports an applied ledger preview writes: those of existing projects (each
    carrying the version the preview saw, so a report saved elsewhere since refuses the
    import), and those of its new projects by their index among :attr:`ImportPreview.new`."""
    period = str(preview.period)
    existing: list[MonthlyReport] = []
    for row in preview.rows:
        month = row.month
        if month is None or row.status == "rejected" or row.status == "new":
            continue
        if month.status == "new":
            existing.append(MonthlyReport(row.project_id or 0, period, **month.values))
        elif month.status == "changed":  # the report there, the sheet's values over it
            assert month.report is not None
            existing.append(replace(month.report, **month.values))
    new = {
        index: MonthlyReport(0, period, **row.month.values)
        for index, row in enumerate(preview.new)
        if row.month is not None and row.month.status == "new"
    }
    return existing, new
