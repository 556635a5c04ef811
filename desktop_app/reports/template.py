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
from typing import BinaryIO

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
from .errors import ExportError
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
CODE_COL = 1
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
    with _template_book(data, unit) as (book, result, _look):
        book.save(path)
    return replace(result, path=Path(path))


def _chosen(
    store: Store, period: Period, only: Sequence[str] | None
) -> tuple[RoundData, dict[str, str]]:
    """The round of the units chosen (``only``; default every unit) and each one's file name
    -- named over every unit, so a unit's file is named the same whichever units are chosen."""
    members = unit_members(store, period.year)
    every = [u for u, _ in _by_size(members)]
    if not every:
        raise ValueError(f"{period.year}年的项目名单上没有项目，无法生成{period.label}填报模板")
    named = dict(zip(every, template_file_names(period, every), strict=True))
    unknown = sorted(set(only or ()) - set(every))
    if unknown:
        shown = "、".join(printable(u) for u in unknown)
        raise ValueError(f"没有责任单位为“{shown}”的项目")
    chosen = [u for u in every if only is None or u in only]
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
    books = _RoundBooks(data)
    results = []
    for i, (unit, name) in enumerate(named.items(), start=1):
        content, result = books.book(unit)
        write_atomically(target / name, lambda raw, content=content: raw.write(content))
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
    books = _RoundBooks(data)
    results: list[ExportResult] = []

    def members(out: zipfile.ZipFile) -> None:
        stamp = dt.datetime.now().timetuple()[:6]
        for i, (unit, name) in enumerate(named.items(), start=1):
            content, result = books.book(unit)
            info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
            info.external_attr = 0o644 << 16
            out.writestr(info, content, zipfile.ZIP_STORED)  # an .xlsx is deflated already
            results.append(replace(result, path=Path(name)))
            if progress is not None:
                progress(i, len(named))

    write_zip(target, members)
    return results


@dataclass(frozen=True)
class _Look:
    """The style indices a template's cells use (the same in every workbook laid out alike)."""

    styles: Styles
    cells: list[int]
    plain: int


@contextmanager
def _template_book(
    data: RoundData,
    unit: str,
    *,
    widths: dict[int, float] | None = None,
    look: _Look | None = None,
) -> Iterator[tuple[Workbook, ExportResult, _Look]]:
    """The workbook of ``unit``'s template, laid out and filled, ready to save.  ``widths``:
    the round's column widths (default: fitted to this unit's rows); ``look``: the styles of
    the round's first workbook, whose skeleton this one's cells go into (not registered again:
    this workbook is never laid out by openpyxl itself)."""
    period = data.period
    members = data.members[unit]
    title = f"{period.year}年{period.month}月重点项目月度调度填报表"
    with Workbook(title=title) as book:
        sheet = book.add_sheet(MAIN_SHEET)
        styles = look.styles if look is not None else Styles(book)
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
        if look is None:
            look = _Look(styles, _cell_styles(book), book.style(CellStyle(border=False)))
        rows = [_row(seq, p, data) for seq, p in enumerate(members, start=1)]
        if widths is None:
            form.fit_columns(sheet, COLUMNS, rows)
        else:
            for col, width in widths.items():
                sheet.set_width(col, width)
        for values in rows:
            sheet.append(values, look.cells, height=max(30, sheet.fit_height(values) or 0))
        first, last = head + 2, sheet.row_count
        _validate(sheet.ws, first, last)
        sheet.ws.protection.sheet = True
        sheet.ws.protection.formatColumns = False
        sheet.ws.protection.formatRows = False
        form.finish(sheet, freeze_col=4, head=head)
        _meta_sheet(book, data, unit, rows, look.plain)
        yield book, ExportResult(Path(), len(members), sheet.row_count), look


def round_widths(data: RoundData) -> dict[int, float]:
    """Column widths fitted to the header and every unit's rows (the round's templates look
    alike, and share one layout)."""
    with Workbook() as scratch:
        sheet = scratch.add_sheet("widths")
        for i, column in enumerate(COLUMNS, start=1):  # as form.write_head measures a header
            width = display_width(column.label)
            sheet.widths[i] = math.ceil(width / 2) + 1 if width > 8 else width
        form.fit_columns(
            sheet,
            COLUMNS,
            (_row(0, p, data) for projects in data.members.values() for p in projects),
        )
        return dict(sheet.col_widths)


class _RoundBooks:
    """A round's templates as .xlsx bytes, laid out once.

    openpyxl takes some 20-30 ms to lay out a workbook (styles, merges, validation, print
    setup): the first unit's layout is kept and every other unit's rows are streamed into it,
    only the validations' last row changed.  The round shares its column widths."""

    def __init__(self, data: RoundData) -> None:
        self.data = data
        self.widths = round_widths(data)
        self.look: _Look | None = None
        self.parts: list[tuple[str, bytes]] = []
        self.paths: list[str] = []  # the sheets' parts (openpyxl names them when it saves)
        self.last = 0

    def book(self, unit: str) -> tuple[bytes, ExportResult]:
        with _template_book(self.data, unit, widths=self.widths, look=self.look) as made:
            book, result, look = made
            last = book.sheets[0].row_count
            if self.look is None:
                skeleton = io.BytesIO()
                book.openpyxl.save(skeleton)
                with zipfile.ZipFile(skeleton) as src:
                    self.parts = [(info.filename, src.read(info)) for info in src.infolist()]
                self.paths = [sheet.ws.path.lstrip("/") for sheet in book.sheets]
                self.look, self.last = look, last
            return _spliced(book, self._parts(last - result.items + 1, last), self.paths), result

    def _parts(self, first: int, last: int) -> list[tuple[str, bytes]]:
        if last == self.last:
            return self.parts
        out = []
        for name, data in self.parts:
            if name == self.paths[0]:
                for col, *_ in _VALIDATIONS:  # openpyxl writes G6:G6 as G6
                    ref = f"{col}{first}:{col}{last}" if last > first else f"{col}{first}"
                    pattern = re.compile(f'sqref="{col}{first}(?::{col}\\d+)?"'.encode())
                    data, n = pattern.subn(f'sqref="{ref}"'.encode(), data)
                    if n != 1:
                        raise ExportError("内部错误：填报模板的数据校验范围异常")
            out.append((name, data))
        return out


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
    book: Workbook, data: RoundData, unit: str, rows: list[list[Value]], plain: int
) -> None:
    meta = book.add_sheet(META_SHEET)
    meta.ws.sheet_state = "hidden"
    identity = [tuple("" if row[c] is None else str(row[c]) for c in IDENTITY_COLS) for row in rows]
    for key, value in (
        (META_KIND, TEMPLATE_KIND),
        (META_PERIOD, str(data.period)),
        (META_UNIT, unit),
        ("项目数", str(len(rows))),
        ("填报单位", data.office),
        (META_LEDGER, data.ledger_id),
        (META_DEADLINE, data.deadline.isoformat()),
        (META_CONTACT, data.contact or ""),
        (META_PHONE, data.phone or ""),
        (META_ROWS, ROW_SEPARATOR.join(str(row[CODE_COL] or "") for row in rows)),
        (META_DIGEST, identity_digest(identity)),
        ("生成时间", dt.datetime.now().isoformat(timespec="seconds")),
        ("说明", "本工作表供导入时识别期间、单位和项目行，请勿修改"),
    ):
        pieces = [value[i : i + META_VALUE_CHARS] for i in range(0, len(value), META_VALUE_CHARS)]
        meta.append([key, *(pieces or [""])], plain)
    meta.set_width(1, 12)
    meta.set_width(2, 40)


def _spliced(book: Workbook, parts: list[tuple[str, bytes]], paths: list[str]) -> bytes:
    """The .xlsx file of openpyxl's ``parts`` with the rows of ``book``'s sheets streamed into
    the parts named ``paths`` (one per sheet, in order)."""
    spools = dict(zip(paths, book.sheets, strict=True))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as out:
        for name, data in parts:
            sheet = spools.get(name)
            if sheet is None:
                out.writestr(name, data)
            else:
                sheet.splice_into(out, name, data)
    return buffer.getvalue()


def write_zip(target: Path, fill: Callable[[zipfile.ZipFile], None]) -> None:
    """A .zip written by ``fill`` (its members stored: they are compressed already), atomically
    (:func:`write_atomically`)."""

    def write(raw: BinaryIO) -> None:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as out:
            fill(out)

    write_atomically(target, write)


def write_atomically(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """A file written by ``write`` into a temporary file beside ``target``, fsynced and moved
    into place when complete: a failure leaves no half file and keeps an older one intact; the
    leftovers of a killed run are removed by the next export into that folder."""
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
            write(raw)
            raw.flush()
            os.fsync(raw.fileno())
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise ExportError(
                f"无法写入“{target.name}”：文件可能正被 Excel 或其他程序打开，请关闭后再导出"
            ) from exc
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
