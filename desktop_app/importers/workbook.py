"""Reading the cells of a workbook (python-calamine) after the checks of :mod:`.safety` passed:
.xlsx and .xlsm (:func:`~.safety.check_xlsx`), .xls, .xlsb and .ods
(:func:`~.safety.check_container`)."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineSheet, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from .errors import ImportRefused
from .refusals import WorkbookFile
from .safety import (
    DEFAULT_LIMITS,
    Limits,
    check_container,
    check_xlsx,
    ooxml_file,
    workbook_kind,
)

#: Exceptions that must pass through: the user or the interpreter stopping us.
_NOT_OURS = (KeyboardInterrupt, SystemExit, GeneratorExit)

Cell = Any  # str | int | float | bool | date | datetime | time | timedelta ("" when empty)


#: Rows whose merged ranges are indexed (the header search looks at the first 41 rows);
#: a query further down scans the list.
MERGE_INDEX_ROWS = 64

Merged = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class SheetData:
    """One worksheet: its cell values from A1 (row 0 is Excel row 1) and merged ranges."""

    name: str
    rows: list[list[Cell]]
    merged: list[Merged] = field(default_factory=list)
    hidden: bool = False
    _width: tuple[int, int] | None = field(default=None, init=False, repr=False, compare=False)
    _merge_index: _MergeIndex | None = field(default=None, init=False, repr=False, compare=False)

    def value(self, row: int, col: int) -> Cell:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""

    @property
    def width(self) -> int:
        """The longest row's length (computed once per row count: the header search asks
        for it hundreds of times)."""
        count = len(self.rows)
        if self._width is None or self._width[0] != count:
            self._width = (count, max(map(len, self.rows), default=0))
        return self._width[1]

    def merged_anchor(self, row: int, col: int) -> tuple[int, int] | None:
        """The top-left cell of the first merged range holding (row, col), or None."""
        if not self.merged:
            return None
        anchors = self._merges().row(row)[0] if 0 <= row < MERGE_INDEX_ROWS else None
        if anchors is not None and 0 <= col < len(anchors):
            return anchors[col]
        for (r1, c1), (r2, c2) in self.merged:
            if r1 <= row <= r2 and c1 <= col <= c2:
                return r1, c1
        return None

    def merged_value(self, row: int, col: int) -> Cell:
        """The value shown at (row, col): a merged range shows its top-left cell's."""
        anchor = self.merged_anchor(row, col)
        return self.value(*anchor) if anchor is not None else self.value(row, col)

    def merged_below(self, row: int, col: int) -> bool:
        """Whether a merged range starting on ``row`` covers ``col`` and goes on below it."""
        if not self.merged:
            return False
        below = self._merges().row(row)[1] if 0 <= row < MERGE_INDEX_ROWS else None
        if below is not None and 0 <= col < len(below):
            return below[col]
        return any(r1 == row and r2 > row and c1 <= col <= c2 for (r1, c1), (r2, c2) in self.merged)

    def _merges(self) -> _MergeIndex:
        key = (len(self.merged), self.width)
        if self._merge_index is None or self._merge_index.key != key:
            self._merge_index = _MergeIndex(self.merged, key)
        return self._merge_index


class _MergeIndex:
    """Merged ranges by row for the first MERGE_INDEX_ROWS rows: one pass over the list, then
    per row the first range holding each column (each column filled once), so the header search
    is linear in the number of ranges instead of ranges × rows × columns."""

    def __init__(self, merged: list[Merged], key: tuple[int, int]) -> None:
        self.key = key
        self._rows: dict[int, tuple[list[tuple[int, int] | None], list[bool]]] = {}
        self._buckets: list[list[tuple[int, int, int, int]]] = [[] for _ in range(MERGE_INDEX_ROWS)]
        for (r1, c1), (r2, c2) in merged:
            for r in range(max(r1, 0), min(r2, MERGE_INDEX_ROWS - 1) + 1):
                self._buckets[r].append((r1, c1, r2, c2))

    def row(self, row: int) -> tuple[list[tuple[int, int] | None], list[bool]]:
        found = self._rows.get(row)
        if found is None:
            found = self._rows[row] = self._build(row)
        return found

    def _build(self, row: int) -> tuple[list[tuple[int, int] | None], list[bool]]:
        width = self.key[1]
        anchors: list[tuple[int, int] | None] = [None] * width
        starts = [0] * (width + 1)
        free = list(range(width + 1))  # free[c]: a column >= c not filled yet (path-halved)

        def find(c: int) -> int:
            while free[c] != c:
                free[c] = free[free[c]]
                c = free[c]
            return c

        for r1, c1, r2, c2 in self._buckets[row]:
            lo, hi = max(c1, 0), min(c2, width - 1)
            if lo > hi:
                continue
            if r1 == row and r2 > row:
                starts[lo] += 1
                starts[hi + 1] -= 1
            c = find(lo)
            while c <= hi:
                anchors[c] = (r1, c1)
                free[c] = c + 1
                c = find(c + 1)
        below: list[bool] = []
        depth = 0
        for c in range(width):
            depth += starts[c]
            below.append(depth > 0)
        return anchors, below


@dataclass
class Workbook:
    """The sheets of a workbook, its kind ("xlsx", "xlsm", "xls", "xlsb", "ods") and lines
    the preview should show about the file itself (macros in it never run)."""

    sheets: list[SheetData]
    kind: str
    warnings: list[str] = field(default_factory=list)


#: The suffixes python-calamine's own choice of reader takes for each kind (it goes by name).
_CALAMINE_SUFFIXES = {
    "xlsx": (".xlsx", ".xlsm"),
    "xlsm": (".xlsx", ".xlsm"),
    "xls": (".xls",),
    "xlsb": (".xlsb",),
    "ods": (".ods",),
}


def read_sheets(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> list[SheetData]:
    """Every worksheet of ``path`` (hidden ones marked), after the safety checks."""
    return read_workbook(path, limits).sheets


def read_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """``path`` of any kind python-calamine reads, after the checks of its container."""
    path = Path(path)
    kind = workbook_kind(path, limits)
    found: WorkbookFile
    if kind in ("xlsx", "xlsm"):
        check_xlsx(path, limits)
        found = ooxml_file(path, kind)
    else:
        found = check_container(path, kind, limits)
    try:
        if path.suffix in _CALAMINE_SUFFIXES[kind]:
            book = CalamineWorkbook.from_path(str(path))
        else:  # named otherwise (a renamed file, capitals): calamine tells by the bytes
            with path.open("rb") as f:
                book = CalamineWorkbook.from_filelike(f)
    except _NOT_OURS:
        raise
    except BaseException as exc:  # calamine's own errors, and pyo3 panics (BaseException)
        raise ImportRefused(f"“{path.name}”已损坏或不是有效的 Excel 工作簿：{_short(exc)}") from exc
    ahead = path.suffix in _CALAMINE_SUFFIXES[kind] and kind in ("xlsx", "xlsm")
    return Workbook(_read(book, path, limits, found, ahead), found.kind, list(found.warnings))


def _parse(path: Path, name: str) -> CalamineSheet:
    """One sheet parsed by a workbook of its own (python-calamine parses without the GIL, but
    one workbook is not shared between threads)."""
    book = CalamineWorkbook.from_path(str(path))
    try:
        return book.get_sheet_by_name(name)
    finally:
        book.close()


def _read(
    book: CalamineWorkbook, path: Path, limits: Limits, found: WorkbookFile, ahead: bool = False
) -> list[SheetData]:
    """The worksheets of ``book``.  With ``ahead`` (an .xlsx of several worksheets), the
    sheets after the first are parsed in a second thread while this one reads the first:
    the two-sheet 10k ledger's parse 0.35 s -> 0.19 s on two cores (the container check has
    measured every sheet before)."""
    sheets: list[SheetData] = []
    total = 0
    names = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    pool = ThreadPoolExecutor(max_workers=1) if ahead and len(names) > 1 else None
    parsed: dict[str, Future[CalamineSheet]] = {}
    if pool is not None:
        parsed = {name: pool.submit(_parse, path, name) for name in names[1:]}
    try:
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            try:
                if meta.name in parsed:
                    sheet = parsed[meta.name].result()
                else:
                    sheet = book.get_sheet_by_name(meta.name)
                total += _check_extent(meta.name, sheet, limits, total)
                rows = sheet.to_python(skip_empty_area=False)
                merged = sheet.merged_cell_ranges
                if merged is None:  # .ods, .xlsb: the ranges the check found
                    merged = found.merges.get(meta.name, [])
            except (ImportRefused, *_NOT_OURS):
                raise
            except Exception as exc:
                raise ImportRefused(
                    f"“{path.name}”的工作表“{meta.name}”无法读取：{_short(exc)}"
                ) from exc
            except BaseException as exc:  # a pyo3 PanicException inside python-calamine
                raise ImportRefused(
                    f"“{path.name}”的工作表“{meta.name}”无法读取：有单元格的内容超出范围"
                    "（例如日期格式的单元格里填了过大的数字），请检查后另存再导入"
                ) from exc
            sheets.append(
                SheetData(
                    meta.name, rows, list(merged), hidden=meta.visible != SheetVisibleEnum.Visible
                )
            )
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        book.close()
    return sheets


def _check_extent(name: str, sheet: CalamineSheet, limits: Limits, total: int) -> int:
    """What :func:`~.safety.check_xlsx` measured, as python-calamine read it, before the cells
    become Python objects (``to_python`` fills the whole area from A1); the sheet's area."""
    end = sheet.end
    height, width = (end[0] + 1, end[1] + 1) if end is not None else (0, 0)
    if height > limits.rows:
        raise ImportRefused(f"工作表“{name}”有 {height:,} 行，超过导入上限 {limits.rows:,} 行")
    if width > limits.columns:
        raise ImportRefused(f"工作表“{name}”有 {width:,} 列，超过导入上限 {limits.columns} 列")
    area = height * width
    if area > limits.cells or total + area > limits.total_cells:
        raise ImportRefused(
            f"工作表“{name}”的数据区域有 {height:,} 行 × {width:,} 列，超过导入上限"
            f"（每表 {limits.cells:,} 个、合计 {limits.total_cells:,} 个单元格）"
        )
    merged = sheet.merged_cell_ranges or []
    if len(merged) > limits.merged_ranges:
        raise ImportRefused(
            f"工作表“{name}”有 {len(merged):,} 处合并单元格，超过导入上限 {limits.merged_ranges:,} 处"
        )
    return area


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
