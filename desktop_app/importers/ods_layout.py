"""The merged cells and hidden columns of an .ods, which python-calamine 0.9 does not give.

Read after the container checks passed (:mod:`.safety`), from ``content.xml``: a cell with
``table:number-rows-spanned`` / ``table:number-columns-spanned`` starts a merged range, a
``table:table-column`` with ``table:visibility="collapse"`` is hidden.  Rows and cells repeated
(``number-rows-repeated``, ``number-columns-repeated``) are counted, not expanded.  A file
without such attributes is not parsed at all (one streamed search for them); anything that
cannot be read gives nothing, as before.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from .workbook import Merged

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TABLE, _ROW, _COLUMN = _T + "table", _T + "table-row", _T + "table-column"
_CELL, _COVERED = _T + "table-cell", _T + "covered-table-cell"
_HIDDEN = b'visibility="collapse"'
_SPANNED = (b"number-rows-spanned", b"number-columns-spanned")
_CHUNK = 1 << 20
MAX_COLUMNS = 16384


@dataclass
class SheetLayout:
    merged: list[Merged] = field(default_factory=list)
    hidden_columns: set[int] = field(default_factory=set)


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _has_marks(book: zipfile.ZipFile, member: str, marks: tuple[bytes, ...]) -> bool:
    tail = b""
    with book.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if any(mark in window for mark in marks):
                return True
            tail = window[-32:]
    return False


def ods_layout(path: str | Path, merges: bool = True) -> dict[str, SheetLayout]:
    """Sheet name → its merged ranges (0-based, as python-calamine gives an .xlsx's) and
    hidden columns; sheets with neither are left out.  ``merges=False``: the merged ranges
    are known already (the container check's scan supplies them), so a file without hidden
    columns is not parsed."""
    marks = (_HIDDEN, *_SPANNED) if merges else (_HIDDEN,)
    try:
        with zipfile.ZipFile(path) as book:
            names = book.namelist()
            if "content.xml" not in names or not _has_marks(book, "content.xml", marks):
                return {}
            with book.open("content.xml") as stream:
                return _read(stream)
    except (OSError, zipfile.BadZipFile, ParseError, ValueError, RuntimeError):
        return {}


def _read(stream: object) -> dict[str, SheetLayout]:
    out: dict[str, SheetLayout] = {}
    layout: SheetLayout | None = None
    name = ""
    row = col = column = 0
    repeat = 1
    depth = 0  # tables inside a table's cells (rare) are not read
    for event, element in iterparse(stream, events=("start", "end")):  # type: ignore[arg-type]
        tag = element.tag
        if event == "end":
            if tag == _ROW and depth == 1:
                row += repeat
            elif tag == _TABLE:
                depth -= 1
                if depth == 0 and layout is not None and (layout.merged or layout.hidden_columns):
                    out[name] = layout
            element.clear()
            continue
        if tag == _TABLE:
            depth += 1
            if depth == 1:
                name = element.get(_T + "name") or ""
                layout, row, column = SheetLayout(), 0, 0
            continue
        if depth != 1 or layout is None:
            continue
        if tag == _ROW:
            col, repeat = 0, _count(element.get(_T + "number-rows-repeated"))
        elif tag in (_CELL, _COVERED):
            rows = _count(element.get(_T + "number-rows-spanned"))
            cols = _count(element.get(_T + "number-columns-spanned"))
            if tag == _CELL and (rows > 1 or cols > 1):
                layout.merged.append(((row, col), (row + rows - 1, col + cols - 1)))
            col += _count(element.get(_T + "number-columns-repeated"))
        elif tag == _COLUMN:
            count = _count(element.get(_T + "number-columns-repeated"))
            if element.get(_T + "visibility") == "collapse":
                layout.hidden_columns.update(range(column, min(column + count, MAX_COLUMNS)))
            column += count
    return out
