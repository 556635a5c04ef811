"""Monthly return templates: one fill-in workbook per responsible unit (责任单位) for a period.

The unit's projects are listed with their identity columns locked; the input cells (this month's
investment, progress, notes, problems, reporter, date) are unlocked and carry data validation;
beside them, locked, what each project reported last month (上月本月完成, 截至上月本年累计,
上月形象进度).  Above the table: the deadline, the planning office's contact and how to fill it
in.  A hidden sheet records the period, the unit, the ledger, the rows and a digest of their
identity cells so the filled file comes back to the right month and can be checked
(:mod:`desktop_app.importers.monthly`).  A round is written into a folder or one .zip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.periods import Period
from ..domain.text import clean_text, printable
from ..errors_text import plain_os_error
from ..formats import (
    IDENTITY_HEADERS,
    META_CONTACT,
    META_DEADLINE,
    META_DIGEST,
    META_KIND,
    META_LEDGER,
    META_PERIOD,
    META_PHONE,
    META_ROWS,
    META_SHEET,
    META_UNIT,
    META_VALUE_CHARS,
    ROW_SEPARATOR,
    TEMPLATE_KIND,
    identity_digest,
)
from ..leftovers import remove_stale, temp_prefix
from ..store import Project, Store
from . import form
from .common import ExportResult
from .form import Column, Styles
from .template_round import NO_UNIT, RoundData, date_text, instructions, round_data, unit_members
from .xlsx import CellStyle, ExportWriteFailed, Value, Workbook, display_width

__all__ = [
    "COLUMNS",
    "MAIN_SHEET",
    "META_SHEET",
    "NO_UNIT",
    "UnitStatus",
    "reporting_status",
    "template_file_names",
    "units",
    "write_template",
    "write_templates",
    "write_templates_zip",
]

MAIN_SHEET = "月度调度填报"
INPUT_FILL = "#FFF9DB"
LOCKED_FILL = "#F2F2F2"
REFERENCE_COLOR = "#404040"
REFERENCE = "上月情况（参考）"

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
    # last month's, locked, for reference: the importer knows neither header (not 形象进度(%),
    # which it would take for this month's)
    Column("上月本月完成", "amount", REFERENCE, min_width=12, max_width=15),
    Column("上月形象进度", "wrap", REFERENCE, min_width=16, max_width=26),
)
LOCKED_COLS = 6  # 序号 .. 截至上月本年累计
INPUT_COLS = range(LOCKED_COLS + 1, 14)  # 本月完成投资 .. 填报日期; then the reference
IDENTITY_COLS = tuple(c for c, col in enumerate(COLUMNS) if col.label in IDENTITY_HEADERS)


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
    return _by_size(unit_members(store, year))


def _by_size(members: dict[str, list[Project]]) -> list[tuple[str, int]]:
    counts = [(unit, len(projects)) for unit, projects in members.items()]
    return sorted(counts, key=lambda kv: (kv[0] == NO_UNIT, -kv[1], kv[0]))


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
    data = round_data(store, period, [unit])
    if not data.members.get(unit):
        raise ValueError(f"责任单位“{unit}”没有项目，无法生成填报模板")
    with _template_book(data, unit) as (book, result):
        book.save(path)
    return replace(result, path=Path(path))


def _chosen(
    store: Store, period: Period, only: Sequence[str] | None
) -> tuple[RoundData, dict[str, str]]:
    """The round of the units chosen (``only``; default every unit) and each one's file name
    -- named over every unit, so a unit's file is named the same whichever units are chosen."""
    members = unit_members(store, period.year)
    every = [u for u, _ in _by_size(members)]
    named = dict(zip(every, template_file_names(period, every), strict=True))
    unknown = sorted(set(only or ()) - set(every))
    if unknown:
        shown = "、".join(printable(u) for u in unknown)
        raise ValueError(f"没有责任单位为“{shown}”的项目")
    chosen = [u for u in every if only is None or u in only]
    if not every:
        raise ValueError(f"{period.year}年的项目名单上没有项目，无法生成{period.label}填报模板")
    if not chosen:
        raise ValueError("请至少选择一个责任单位")
    data = round_data(store, period, chosen, members)
    return data, {u: named[u] for u in chosen}


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
    data, named = _chosen(store, period, only)
    results = []
    for i, (unit, name) in enumerate(named.items(), start=1):
        with _template_book(data, unit) as (book, result):
            book.save(target / name)
        results.append(replace(result, path=target / name))
        if progress is not None:
            progress(i, len(named))
    return results


def write_templates_zip(
    store: Store,
    path: str | Path,
    period: Period,
    only: Sequence[str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[ExportResult]:
    """Every unit's template (or those of ``only``) into one .zip at ``path``, each under the
    name :func:`template_file_names` gives it (the results' ``path``: that member name).

    Written like every export: into a temporary file beside ``path``, moved into place when
    complete, so a failure leaves no half archive and keeps an older one intact."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValueError(f"文件夹不存在：{folder}")
    data, named = _chosen(store, period, only)
    results: list[ExportResult] = []

    def members(out: zipfile.ZipFile) -> None:
        stamp = dt.datetime.now().timetuple()[:6]
        for i, (unit, name) in enumerate(named.items(), start=1):
            with _template_book(data, unit) as (book, result):
                info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
                info.external_attr = 0o644 << 16
                out.writestr(info, book_bytes(book), zipfile.ZIP_STORED)  # xlsx: deflated
            results.append(replace(result, path=Path(name)))
            if progress is not None:
                progress(i, len(named))

    write_zip(target, members)
    return results


@contextmanager
def _template_book(data: RoundData, unit: str) -> Iterator[tuple[Workbook, ExportResult]]:
    """The workbook of ``unit``'s template, laid out and filled, ready to save."""
    period = data.period
    members = data.members[unit]
    title = f"{period.year}年{period.month}月重点项目月度调度填报表"
    with Workbook(title=title) as book:
        sheet = book.add_sheet(MAIN_SHEET)
        styles = Styles(book)
        lines = instructions(data, unit)
        room = sum(c.min_width for c in COLUMNS) - 2
        height = sum(max(1, math.ceil(display_width(t) / room)) for t in lines) * 15 + 6
        head = form.write_head(
            sheet,
            styles,
            title=title,
            unit_name=unit,
            unit="万元",
            as_of=None,
            right_text=f"报送期间：{period.year}年{period.month}月　截止日期：{date_text(data.deadline)}",
            columns=COLUMNS,
            preface=[("\n".join(lines), height)],
        )
        cell_styles = _cell_styles(book)
        rows = [_row(seq, p, data) for seq, p in enumerate(members, start=1)]
        form.fit_columns(sheet, COLUMNS, rows)
        for values in rows:
            sheet.append(values, cell_styles, height=max(30, sheet.fit_height(values) or 0))
        first, last = head + 2, sheet.row_count
        _validate(sheet.ws, first, last)
        sheet.ws.protection.sheet = True
        sheet.ws.protection.formatColumns = False
        sheet.ws.protection.formatRows = False
        form.finish(sheet, freeze_col=4, head=head)
        _meta_sheet(book, data, unit, members, rows)
        yield book, ExportResult(Path(), len(members), sheet.row_count)


def _row(seq: int, p: Project, data: RoundData) -> list[Value]:
    r = data.reports.get(p.id or 0)
    ref = data.reference.get(p.id or 0)
    return [
        seq,
        p.code,
        p.name,
        p.owner,
        p.annual_plan,
        ref.ytd if ref is not None else Decimal(0),
        r.month_investment if r else None,
        Decimal(str(r.progress_pct)) if r and r.progress_pct is not None else None,
        r.progress_text if r else None,
        r.progress_notes if r else None,
        r.problems if r else None,
        r.reporter if r else None,
        r.report_date if r else None,
        ref.month if ref is not None else None,
        ref.progress if ref is not None else None,
    ]


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
    reference = {
        "amount": CellStyle(
            align="right", number_format=form.AMOUNT_FORMAT, fill=LOCKED_FILL, color=REFERENCE_COLOR
        ),
        # centred: the text does not run on from the amount beside it
        "wrap": CellStyle(align="center", wrap=True, fill=LOCKED_FILL, color=REFERENCE_COLOR),
    }
    out = []
    for i, column in enumerate(COLUMNS, start=1):
        table = free if i in INPUT_COLS else locked if i <= LOCKED_COLS else reference
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


def _meta_sheet(
    book: Workbook, data: RoundData, unit: str, members: list[Project], rows: list[list[Value]]
) -> None:
    meta = book.add_sheet(META_SHEET)
    meta.ws.sheet_state = "hidden"
    plain = book.style(CellStyle(border=False))
    identity = [tuple("" if row[c] is None else str(row[c]) for c in IDENTITY_COLS) for row in rows]
    for key, value in (
        (META_KIND, TEMPLATE_KIND),
        (META_PERIOD, str(data.period)),
        (META_UNIT, unit),
        ("项目数", str(len(members))),
        ("填报单位", data.office),
        (META_LEDGER, data.ledger_id),
        (META_DEADLINE, data.deadline.isoformat()),
        (META_CONTACT, data.contact or ""),
        (META_PHONE, data.phone or ""),
        (META_ROWS, ROW_SEPARATOR.join(p.code or "" for p in members)),
        (META_DIGEST, identity_digest(identity)),
        ("生成时间", dt.datetime.now().isoformat(timespec="seconds")),
        ("说明", "本工作表供导入时识别期间、单位和项目行，请勿修改"),
    ):
        pieces = [value[i : i + META_VALUE_CHARS] for i in range(0, len(value), META_VALUE_CHARS)]
        meta.append([key, *(pieces or [""])], plain)
    meta.set_width(1, 12)
    meta.set_width(2, 40)


def book_bytes(book: Workbook) -> bytes:
    """The .xlsx file of ``book`` in memory (what :meth:`Workbook.save` writes to disk)."""
    skeleton = io.BytesIO()
    book.openpyxl.save(skeleton)
    spools = {sheet.ws.path.lstrip("/"): sheet for sheet in book.sheets}
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(skeleton) as src,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as out,
    ):
        for info in src.infolist():
            data = src.read(info)
            sheet = spools.get(info.filename)
            if sheet is None:
                out.writestr(info.filename, data)
            else:
                sheet.splice_into(out, info.filename, data)
    return buffer.getvalue()


def write_zip(target: Path, fill: Callable[[zipfile.ZipFile], None]) -> None:
    """A .zip written by ``fill`` into a temporary file beside ``target``, moved into place
    when complete (a failure leaves no half archive; the leftovers of a killed run are
    removed by the next export into that folder)."""
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    tmp = Path(name)
    try:
        if os.name == "posix":  # mkstemp makes 0600; give the file the usual mode
            mask = os.umask(0o022)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as out:
                fill(out)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_error(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_error(target: Path, exc: OSError) -> ExportWriteFailed:
    error = ExportWriteFailed(f"无法写入“{target.name}”：{plain_os_error(exc, '')}")
    error.errno = exc.errno
    return error
