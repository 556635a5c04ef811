"""The form meeting reports share: merged title, the 填报单位/单位/截止日期 line, a two-level
merged header with 序号, body styles per column kind, 小计/合计 rows, notes, A3 print setup."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..domain.derived import LIGHT_COLORS, LIGHT_FILLS
from .xlsx import CellStyle, Sheet, Value, Workbook, display_width

Kind = Literal["seq", "text", "wrap", "center", "amount", "pct", "int"]

DEFAULT_UNIT_NAME = "辽源市发展和改革委员会"
HEADER_FILL = "#DDEBF7"
SECTION_FILL = "#F2F2F2"
SUBTOTAL_FILL = "#FCE4D6"
TOTAL_FILL = "#E2EFDA"
AMOUNT_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.0%"
COUNT_FORMAT = "#,##0"

HEAD_TOP, HEAD_BOTTOM = 3, 4  # header rows of a report without preface rows
FIRST_BODY_ROW = 5

ROW_FILLS = {
    "yellow": LIGHT_FILLS["yellow"],
    "red": LIGHT_FILLS["red"],
    "section": SECTION_FILL,
    "subtotal": SUBTOTAL_FILL,
    "total": TOTAL_FILL,
}


@dataclass(frozen=True)
class Column:
    """One report column; ``group`` puts it under a merged upper header cell."""

    label: str
    kind: Kind = "text"
    group: str | None = None
    min_width: float = 6
    max_width: float = 30


#: The columns every project report starts with.
SEQ = Column("序号", "seq", min_width=5, max_width=7)
CODE = Column("项目编号", "center", min_width=10, max_width=14)
NAME = Column("项目名称", "wrap", min_width=16, max_width=30)


class Styles:
    """The xf indices of one workbook's report styles."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.title = book.style(CellStyle(size=18, bold=True, align="center", border=False))
        self.info_left = book.style(CellStyle(size=11, border=False))
        self.info_center = book.style(CellStyle(size=11, align="center", border=False))
        self.info_right = book.style(CellStyle(size=11, align="right", border=False))
        self.header = book.style(
            CellStyle(size=10, bold=True, align="center", wrap=True, fill=HEADER_FILL)
        )
        self.note = book.style(CellStyle(size=10, border=False, wrap=True, valign="top"))
        self._body: dict[tuple[Kind, str | None, bool], int] = {}

    def body(self, kind: Kind, fill: str | None = None, *, bold: bool = False) -> int:
        """The style of a body cell of ``kind`` in a row with ``fill`` (a ROW_FILLS key)."""
        key = (kind, fill, bold)
        found = self._body.get(key)
        if found is None:
            found = self._body[key] = self.book.style(_body_style(kind, fill, bold))
        return found

    def row(
        self, columns: Sequence[Column], fill: str | None = None, *, bold: bool = False
    ) -> list[int]:
        return [self.body(c.kind, fill, bold=bold) for c in columns]

    def light(self, light: str, fill: str | None = None) -> int:
        """The 状态灯 cell: the light's colour as bold text."""
        key = (f"light-{light}", fill, True)
        found = self._body.get(key)  # type: ignore[arg-type]
        if found is None:
            style = CellStyle(
                align="center",
                bold=True,
                color=LIGHT_COLORS.get(light),
                fill=ROW_FILLS.get(fill) if fill else None,
            )
            found = self._body[key] = self.book.style(style)  # type: ignore[index]
        return found


def _body_style(kind: Kind, fill: str | None, bold: bool) -> CellStyle:
    background = ROW_FILLS.get(fill) if fill else None
    if kind == "amount":
        return CellStyle(align="right", number_format=AMOUNT_FORMAT, fill=background, bold=bold)
    if kind == "pct":
        return CellStyle(align="right", number_format=PERCENT_FORMAT, fill=background, bold=bold)
    if kind == "int":
        return CellStyle(align="right", number_format=COUNT_FORMAT, fill=background, bold=bold)
    if kind in ("seq", "center"):
        return CellStyle(align="center", fill=background, bold=bold, wrap=kind == "center")
    return CellStyle(wrap=True, fill=background, bold=bold)


def write_head(
    sheet: Sheet,
    styles: Styles,
    *,
    title: str,
    unit_name: str,
    unit: str,
    as_of: dt.date | None,
    columns: Sequence[Column],
    right_text: str | None = None,
    preface: Sequence[tuple[str, float]] = (),
) -> int:
    """Title, the 填报单位/单位/截止日期 line, optional preface rows (text, height) and the
    two-level header.  Returns the row number of the header's upper row."""
    n = len(columns)
    row = sheet.append([title] + [None] * (n - 1), styles.title, height=36)
    sheet.merge(row, 1, row, n)
    left = max(1, math.ceil(n * 0.4))
    right = max(1, math.ceil(n * 0.3))
    middle = n - left - right
    info: list[Value] = [None] * n
    info_styles = [styles.info_left] * left
    info[0] = f"填报单位：{unit_name}"
    if middle > 0:
        info[left] = f"单位：{unit}"
        info_styles += [styles.info_center] * middle
    if right_text is None and as_of is not None:
        right_text = f"截止日期：{as_of.year}年{as_of.month}月{as_of.day}日"
    info[n - right] = right_text
    info_styles += [styles.info_right] * right
    if middle <= 0:  # a very narrow table: the unit joins the left part
        info[0] = f"填报单位：{unit_name}    单位：{unit}"
    row = sheet.append(info, info_styles, height=22)
    sheet.merge(row, 1, row, left)
    if middle > 0:
        sheet.merge(row, left + 1, row, left + middle)
    sheet.merge(row, n - right + 1, row, n)
    for text, height in preface:
        row = sheet.append([text] + [None] * (n - 1), styles.note, height=height)
        sheet.merge(row, 1, row, n)
    head = sheet.row_count + 1
    top: list[Value] = []
    bottom: list[Value] = []
    col = 1
    while col <= n:
        column = columns[col - 1]
        if column.group is None:
            top.append(column.label)
            bottom.append(None)
            sheet.merge(head, col, head + 1, col)
            col += 1
            continue
        end = col
        while end < n and columns[end].group == column.group:
            end += 1
        top += [column.group] + [None] * (end - col)
        bottom += [c.label for c in columns[col - 1 : end]]
        sheet.merge(head, col, head, end)
        col = end + 1
    sheet.append(top, styles.header, height=24)
    sheet.append(bottom, styles.header, height=30)
    for i, column in enumerate(columns, start=1):
        width = display_width(column.label)
        if width > 8:  # the header wraps onto two lines
            width = math.ceil(width / 2) + 1
        sheet.widths[i] = max(sheet.widths.get(i, 0), width)
    return head


def write_notes(sheet: Sheet, styles: Styles, notes: Sequence[str], columns: int) -> None:
    """Notes under the table, each merged across the table's width."""
    room = sum(sheet.col_widths.get(c, 8.43) for c in range(1, columns + 1)) - 2
    for note in notes:
        lines = max(1, math.ceil(display_width(note) / max(20, room)))
        row = sheet.append([note] + [None] * (columns - 1), styles.note, height=15 * lines + 4)
        sheet.merge(row, 1, row, columns)


def fit_columns(
    sheet: Sheet, columns: Sequence[Column], samples: Iterable[Sequence[Value]]
) -> None:
    """Column widths that fit the header and the sample rows (call before the body)."""
    for row in samples:
        sheet.measure(row)
    sheet.fit_widths(
        len(columns),
        {i: c.min_width for i, c in enumerate(columns, start=1)},
        {i: c.max_width for i, c in enumerate(columns, start=1)},
    )


SAMPLE_NOTE = "本表含示例数据，不是真实项目数据。"


def section_row(sheet: Sheet, style: int, index: int, text: str, columns: int) -> None:
    """A group's heading row (``一、text``), merged across the table."""
    row = sheet.append([f"{chinese_number(index)}、{text}"] + [None] * (columns - 1), style)
    sheet.merge(row, 1, row, columns)


def close_sheet(
    sheet: Sheet,
    styles: Styles,
    notes: list[str],
    columns: int,
    *,
    samples: bool,
    sample_note: str = SAMPLE_NOTE,
    freeze_col: int = 4,
) -> None:
    """The notes under the table (with ``sample_note`` when the rows hold sample data), then
    the frozen header and the print setup (:func:`finish`)."""
    if samples:
        notes = [*notes, sample_note]
    write_notes(sheet, styles, notes, columns)
    finish(sheet, freeze_col=freeze_col)


def finish(sheet: Sheet, *, freeze_col: int = 4, head: int = HEAD_TOP) -> None:
    """Frozen header, A3 landscape fitted to width, header rows on every printed page."""
    freeze = f"{_letter(freeze_col)}{head + 2}"
    sheet.print_setup(title_rows=(head, head + 1), freeze=freeze)


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五, 101 → 101 (section numbering)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def date_text(iso: str | None) -> str | None:
    """'2022-03' → '2022年3月'; '2022-04-01' → '2022年4月1日'; '2021' → '2021年'."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    units = ("年", "月", "日")
    return "".join(f"{n}{u}" for n, u in zip(numbers, units, strict=False))


def pct_of(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """``part / whole`` as a fraction rounded to 0.0001% (None when there is no whole)."""
    if part is None or not whole:
        return None
    return (part / whole).quantize(Decimal("0.000001"))
