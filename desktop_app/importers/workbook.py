"""Reading the cells of an .xlsx after :func:`~.safety.check_xlsx` passed (python-calamine)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from .errors import ImportRefused
from .safety import DEFAULT_LIMITS, Limits, check_xlsx

#: Exceptions that must pass through: the user or the interpreter stopping us.
_NOT_OURS = (KeyboardInterrupt, SystemExit, GeneratorExit)

Cell = Any  # str | int | float | bool | date | datetime | time | timedelta ("" when empty)


@dataclass
class SheetData:
    """One worksheet: its cell values from A1 (row 0 is Excel row 1) and merged ranges."""

    name: str
    rows: list[list[Cell]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    hidden: bool = False
    _width: tuple[int, int] | None = field(default=None, init=False, repr=False, compare=False)

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


def read_sheets(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> list[SheetData]:
    """Every worksheet of ``path`` (hidden ones marked), after the safety checks."""
    path = Path(path)
    check_xlsx(path, limits)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except _NOT_OURS:
        raise
    except BaseException as exc:  # calamine's own errors, and pyo3 panics (BaseException)
        raise ImportRefused(f"“{path.name}”已损坏或不是有效的 Excel 工作簿：{_short(exc)}") from exc
    sheets: list[SheetData] = []
    try:
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                if sheet.total_height > limits.rows:
                    raise ImportRefused(
                        f"工作表“{meta.name}”有 {sheet.total_height} 行，超过导入上限 {limits.rows} 行"
                    )
                if sheet.total_width > limits.columns:
                    raise ImportRefused(
                        f"工作表“{meta.name}”有 {sheet.total_width} 列，超过导入上限 {limits.columns} 列"
                    )
                rows = sheet.to_python(skip_empty_area=False)
                merged = sheet.merged_cell_ranges or []
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
        book.close()
    return sheets


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
