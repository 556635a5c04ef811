"""Telling data rows from the other rows of an office sheet: blank rows, section rows
(一、工业项目), 小计/合计 rows and the notes under the table."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from ..domain.textmatch import normalize
from .headers import Header
from .values import text

RowKind = Literal["data", "blank", "section", "total", "note"]

SECTION_RE = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十百]+\s*[)）]|[一二三四五六七八九十百]+\s*[、.．]"
    r"|第[一二三四五六七八九十百]+[部分类章节])"
)
_NOTE_RE = re.compile(
    r"^\s*(注|备注|说明|填表说明|填报说明|制表|制表人|审核|审核人|填表人|填报人|联系人|"
    r"联系电话|负责人|单位负责人|分管领导|主要领导)\s*[0-9一二三四五六七八九十]*\s*[:：、.．]"
)
_TOTAL_WORDS = ("合计", "小计", "总计", "共计")
_TOTAL_RE = re.compile("|".join(_TOTAL_WORDS))
_TOTAL_START_RE = re.compile("(?:" + "|".join(_TOTAL_WORDS) + ")")


@dataclass
class SheetRow:
    number: int  # Excel row number
    kind: RowKind
    cells: Sequence[object]
    section: str | None = None  # for section rows: the title without its numbering


def section_title(raw: str) -> str:
    """'一、工业项目（12个）' → '工业项目'."""
    title = SECTION_RE.sub("", raw).strip()
    return re.sub(r"[（(][^）)]*[）)]\s*$", "", title).strip()


def classify(header: Header) -> Iterator[SheetRow]:
    """Every row under the header with its kind; rows after a note are notes too."""
    sheet = header.sheet
    mapping = header.mapping()
    name_col = mapping.get("name")
    code_col = mapping.get("code")
    in_notes = False
    for index in range(header.first_data_row, len(sheet.rows)):
        cells = sheet.rows[index]
        number = index + 1
        # the filled cells' values (is_blank, inlined: this runs for every cell of the sheet)
        filled = [v for v in cells if v is not None and (not isinstance(v, str) or v.strip())]
        if not filled:
            yield SheetRow(number, "blank", cells)
            continue
        if in_notes:
            yield SheetRow(number, "note", cells)
            continue
        first = text(filled[0]) or ""
        name = text(cells[name_col]) if name_col is not None and name_col < len(cells) else None
        code = text(cells[code_col]) if code_col is not None and code_col < len(cells) else None
        if not name and not code and _NOTE_RE.match(first):
            in_notes = True
            yield SheetRow(number, "note", cells)
            continue
        leading = [normalize(text(v) or "") for v in filled[:4] if isinstance(v, str)]
        if any(_TOTAL_RE.search(t) for t in leading) and (
            name is None or _TOTAL_START_RE.match(normalize(name))
        ):
            yield SheetRow(number, "total", cells)
            continue
        if not name and not code:
            if SECTION_RE.match(first) or len(filled) == 1:
                yield SheetRow(number, "section", cells, section_title(first))
                continue
        elif name and SECTION_RE.match(name) and len(filled) <= 2 and not code:
            yield SheetRow(number, "section", cells, section_title(name))
            continue
        yield SheetRow(number, "data", cells)
