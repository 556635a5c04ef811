"""Monthly return templates: one fill-in workbook per responsible unit (责任单位) for a period.

The unit's projects are listed with their identity columns locked; the input cells (this month's
investment, progress, notes, problems, reporter, date) are unlocked and carry data validation;
instructions sit above the table.  A hidden sheet records the period and the unit so the filled
file comes back to the right month (:mod:`desktop_app.importers.monthly`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.periods import Period
from ..domain.text import clean_text, printable
from ..formats import META_KIND, META_PERIOD, META_SHEET, META_UNIT, TEMPLATE_KIND
from ..store import Store
from . import form
from .common import ExportResult, unit_name
from .form import Column, Styles
from .xlsx import CellStyle, Value, Workbook

MAIN_SHEET = "月度调度填报"
INPUT_FILL = "#FFF9DB"
LOCKED_FILL = "#F2F2F2"
NO_UNIT = "未填写责任单位"

COLUMNS: tuple[Column, ...] = (
    form.SEQ,
    form.CODE,
    replace(form.NAME, min_width=18),
    Column("建设单位", "wrap", min_width=10, max_width=18),
    Column("年度计划投资", "amount", "台账信息（万元）", min_width=12, max_width=15),
    Column("截至上月本年累计", "amount", "台账信息（万元）", min_width=12, max_width=15),
    Column("本月完成投资", "amount", "本月填报", min_width=12, max_width=15),
    Column("形象进度(%)", "amount", "本月填报", min_width=10, max_width=12),
    Column("形象进度", "wrap", "本月填报", min_width=14, max_width=20),
    Column("进展情况", "wrap", "本月填报", min_width=20, max_width=30),
    Column("存在问题", "wrap", "本月填报", min_width=18, max_width=28),
    Column("填报人", "center", min_width=9, max_width=12),
    Column("填报日期", "center", min_width=12, max_width=14),
)
LOCKED_COLS = 6  # 序号 .. 截至上月本年累计
INSTRUCTIONS = "\n".join(
    (
        "填报说明：",
        "1. 只填写淡黄色单元格；灰色列为台账信息，已锁定。请勿增删行、列，不要改动项目编号。",
        "2. 本月完成投资以万元为单位，只填数字（如 1250.5）；本月没有完成投资的填 0。",
        "3. 形象进度(%)填 0～100 的数字（65 表示 65%）；形象进度、进展情况、存在问题填文字。",
        "4. 填报日期写作 2022-07-05。填好后保存为 .xlsx，原样发回项目办。",
    )
)


@dataclass(frozen=True)
class UnitStatus:
    """Whether a responsible unit has reported a period: its projects and those reported."""

    unit: str
    projects: int
    reported: int

    @property
    def complete(self) -> bool:
        return self.projects > 0 and self.reported >= self.projects

    @property
    def label(self) -> str:
        if self.reported == 0:
            return "未报"
        return "已报" if self.complete else f"部分已报（{self.reported}/{self.projects}）"


def units(store: Store, year: int | None = None) -> list[tuple[str, int]]:
    """Responsible units with their counts of projects on ``year``'s list (default: the
    current year), the unit with most projects first."""
    counts: dict[str, int] = {}
    for p in store.projects(year, listed=True):
        key = p.department or NO_UNIT
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (kv[0] == NO_UNIT, -kv[1], kv[0]))


def reporting_status(store: Store, period: Period) -> list[UnitStatus]:
    """Per responsible unit: how many of its projects have a report for ``period``."""
    reports = store.monthly_reports(period)
    stats: dict[str, list[int]] = {}
    for p in store.projects(period.year, listed=True):
        entry = stats.setdefault(p.department or NO_UNIT, [0, 0])
        entry[0] += 1
        entry[1] += p.id in reports
    return [
        UnitStatus(unit, total, done)
        for unit, (total, done) in sorted(stats.items(), key=lambda kv: (kv[0] == NO_UNIT, kv[0]))
    ]


MAX_NAME_BYTES = 240
"""A template's file name at most, in UTF-8 bytes: file systems allow 255 (a Chinese character
takes 3), and the export's temporary file next to it needs a few more."""
MAX_UNIT_CHARS = 60
"""The unit's part of a file name at most, in characters (Windows paths stay short)."""
_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+')


def _unit_part(unit: str, room: int) -> str:
    """``unit`` as part of a file name: no characters Windows refuses, no control characters,
    no dot or space at the end, within ``room`` bytes and :data:`MAX_UNIT_CHARS`; a shortened
    unit ends with a hash of the whole so two long units stay apart."""
    safe = _UNSAFE.sub("_", clean_text(unit)).strip("_ ").rstrip(". ") or "单位"
    if len(safe) <= MAX_UNIT_CHARS and len(safe.encode("utf-8")) <= room:
        return safe
    digest = "~" + hashlib.sha1(unit.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    keep = safe[: MAX_UNIT_CHARS - len(digest)]
    while len(keep.encode("utf-8")) > room - len(digest):
        keep = keep[:-1]
    return keep.rstrip("_. ") + digest


def template_file_names(period: Period, units: Sequence[str]) -> list[str]:
    """One file name per unit, in the order given, no two alike even where case does not count
    (Windows, macOS): units that read the same once made safe (市/局, 市:局, 市 局, 市_局) get
    -2, -3… in the order given, so the same units in the same order always get the same
    names.  Every name starts with 月度调度填报_, so none is a device name (CON, NUL...)."""
    prefix = f"月度调度填报_{period}_"
    room = MAX_NAME_BYTES - len(prefix.encode("utf-8")) - len(".xlsx") - len("-999")
    taken: set[str] = set()
    names: list[str] = []
    for unit in units:
        stem = prefix + _unit_part(unit, room)
        name, n = f"{stem}.xlsx", 1
        while name.casefold() in taken:
            n += 1
            name = f"{stem}-{n}.xlsx"
        taken.add(name.casefold())
        names.append(name)
    return names


def write_template(
    store: Store,
    path: str | Path,
    *,
    period: Period,
    unit: str,
) -> ExportResult:
    """Write the fill-in template of ``unit`` for ``period`` to ``path``."""
    members = [
        p for p in store.projects(period.year, listed=True) if (p.department or NO_UNIT) == unit
    ]
    if not members:
        raise ValueError(f"责任单位“{unit}”没有项目，无法生成填报模板")
    ids = [p.id for p in members if p.id is not None]
    before = store.figures(period.shift(-1), project_ids=ids) if period.month > 1 else {}
    reports = store.monthly_reports(period)
    title = f"{period.year}年{period.month}月重点项目月度调度填报表"
    with Workbook(title=title) as book:
        sheet = book.add_sheet(MAIN_SHEET)
        styles = Styles(book)
        head = form.write_head(
            sheet,
            styles,
            title=title,
            unit_name=unit,
            unit="万元",
            as_of=None,
            right_text=f"报送期间：{period.year}年{period.month}月",
            columns=COLUMNS,
            preface=[(INSTRUCTIONS, 5 * 15 + 6)],
        )
        cell_styles = _cell_styles(book)
        rows: list[list[Value]] = []
        for seq, p in enumerate(members, start=1):
            r = reports.get(p.id or 0)
            previous = before.get(p.id or 0)
            values: list[Value] = [
                seq,
                p.code,
                p.name,
                p.owner,
                p.annual_plan,
                previous.ytd if previous is not None else Decimal(0),
                r.month_investment if r else None,
                Decimal(str(r.progress_pct)) if r and r.progress_pct is not None else None,
                r.progress_text if r else None,
                r.progress_notes if r else None,
                r.problems if r else None,
                r.reporter if r else None,
                r.report_date if r else None,
            ]
            rows.append(values)
        form.fit_columns(sheet, COLUMNS, rows)
        for values in rows:
            sheet.append(values, cell_styles, height=max(30, sheet.fit_height(values) or 0))
        first, last = head + 2, sheet.row_count
        _validate(sheet.ws, first, last)
        sheet.ws.protection.sheet = True
        sheet.ws.protection.formatColumns = False
        sheet.ws.protection.formatRows = False
        form.finish(sheet, freeze_col=4, head=head)
        _meta_sheet(book, store, period, unit, len(members))
        book.save(path)
        count = sheet.row_count
    return ExportResult(Path(path), len(members), count)


def write_templates(
    store: Store,
    folder: str | Path,
    *,
    period: Period,
    only: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ExportResult]:
    """One template per responsible unit (or per unit in ``only``) into ``folder``."""
    target = Path(folder)
    if not target.is_dir():
        raise ValueError(f"文件夹不存在：{target}")
    every = [u for u, _ in units(store, period.year)]
    # names over every unit, so a unit's file is named the same whichever units are chosen
    named = dict(zip(every, template_file_names(period, every), strict=True))
    chosen = [u for u in every if only is None or u in only]
    unknown = sorted(set(only or ()) - set(chosen))
    if unknown:
        shown = "、".join(printable(u) for u in unknown)
        raise ValueError(f"没有责任单位为“{shown}”的项目")
    results = []
    for i, unit in enumerate(chosen, start=1):
        results.append(write_template(store, target / named[unit], period=period, unit=unit))
        if progress is not None:
            progress(i, len(chosen))
    return results


def _cell_styles(book: Workbook) -> list[int]:
    locked = {
        "seq": CellStyle(align="center", fill=LOCKED_FILL),
        "center": CellStyle(align="center", fill=LOCKED_FILL),
        "wrap": CellStyle(wrap=True, fill=LOCKED_FILL),
        "amount": CellStyle(align="right", number_format=form.AMOUNT_FORMAT, fill=LOCKED_FILL),
    }
    free = {
        "amount": CellStyle(
            align="right", number_format=form.AMOUNT_FORMAT, fill=INPUT_FILL, locked=False
        ),
        "wrap": CellStyle(wrap=True, fill=INPUT_FILL, locked=False),
        "center": CellStyle(align="center", fill=INPUT_FILL, locked=False),
    }
    out = []
    for i, column in enumerate(COLUMNS, start=1):
        table = locked if i <= LOCKED_COLS else free
        out.append(book.style(table[column.kind]))
    out[7] = book.style(  # 形象进度(%): a plain number 0..100
        CellStyle(align="right", number_format="0.0", fill=INPUT_FILL, locked=False)
    )
    out[12] = book.style(
        CellStyle(align="center", number_format="yyyy-mm-dd", fill=INPUT_FILL, locked=False)
    )
    return out


#: The input checks Excel makes on the filled cells: column, type, bounds, the error shown,
#: and the prompt shown while typing (None: none).
_VALIDATIONS: tuple[tuple[str, str, str, str | None, str, str, str | None], ...] = (
    ("G", "decimal", "0", None, "本月完成投资", "请填写不小于 0 的数字，单位万元", "单位：万元，只填数字"),
    ("H", "decimal", "0", "100", "形象进度(%)", "请填写 0～100 之间的数字，65 表示 65%", "填 0～100 的数字"),
    ("M", "date", "DATE(2000,1,1)", "DATE(2100,12,31)", "填报日期", "请填写日期，如 2022-07-05", None),
)  # fmt: skip


def _validate(ws: object, first: int, last: int) -> None:
    if last < first:
        return
    for col, kind, low, high, title, error, prompt in _VALIDATIONS:
        validation = DataValidation(
            type=kind,
            operator="greaterThanOrEqual" if high is None else "between",
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=prompt is not None,
            errorTitle=title,
            error=error,
            promptTitle=title if prompt is not None else None,
            prompt=prompt,
        )
        validation.add(f"{col}{first}:{col}{last}")
        ws.data_validations.append(validation)  # type: ignore[attr-defined]


def _meta_sheet(book: Workbook, store: Store, period: Period, unit: str, count: int) -> None:
    meta = book.add_sheet(META_SHEET)
    meta.ws.sheet_state = "hidden"
    plain = book.style(CellStyle(border=False))
    for key, value in (
        (META_KIND, TEMPLATE_KIND),
        (META_PERIOD, str(period)),
        (META_UNIT, unit),
        ("项目数", str(count)),
        ("填报单位", unit_name(store)),
        ("生成时间", dt.datetime.now().isoformat(timespec="seconds")),
        ("说明", "本工作表供导入时识别期间和单位，请勿修改"),
    ):
        meta.append([key, value], plain)
    meta.set_width(1, 12)
    meta.set_width(2, 40)
