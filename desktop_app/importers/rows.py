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

RowKind = Literal["data", "blank", "section", "total", "note", "continued"]

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
    #: for section rows: how deep the numbering puts it (第一部分 0, 一、 1, （一） 2), None
    #: when the title has no numbering (东丰县)
    level: int | None = None


_LEVELS = (
    (re.compile(r"^\s*第[一二三四五六七八九十百]+[部分类章节]"), 0),
    (re.compile(r"^\s*[一二三四五六七八九十百]+\s*[、.．]"), 1),
    (re.compile(r"^\s*[（(]\s*[一二三四五六七八九十百]+\s*[)）]"), 2),
)


def section_title(raw: str) -> str:
    """'一、工业项目（12个）' → '工业项目'."""
    title = SECTION_RE.sub("", raw).strip()
    return re.sub(r"[（(][^）)]*[）)]\s*$", "", title).strip()


def section_level(raw: str) -> int | None:
    """How deep a section title's numbering puts it (see :attr:`SheetRow.level`)."""
    for pattern, level in _LEVELS:
        if pattern.match(raw):
            return level
    return None


@dataclass(frozen=True)
class MergedFill:
    """What the vertical merged ranges under a header show in the data rows.

    ``cells``: 0-based row → (column, value) of the cells a range covers below its top-left
    cell (县区 merged down over a county's projects: every project shows it).  ``continued``:
    rows whose 项目名称 or 项目编号 cell is covered by a range from the row above — the same
    project going on over several rows, not a project of its own."""

    cells: dict[int, list[tuple[int, object]]]
    continued: frozenset[int]


def merged_fill(header: Header) -> MergedFill:
    """The :class:`MergedFill` of ``header``'s data rows (one pass over the merged ranges)."""
    sheet = header.sheet
    first = header.first_data_row
    mapping = header.mapping()
    keys = [c for c in (mapping.get("name"), mapping.get("code")) if c is not None]
    cells: dict[int, list[tuple[int, object]]] = {}
    continued: set[int] = set()
    last = len(sheet.rows) - 1
    for (r1, c1), (r2, c2) in sheet.merged:
        if r2 <= r1 or r1 < first or r1 > last:
            continue
        below = range(r1 + 1, min(r2, last) + 1)
        if any(c1 <= k <= c2 for k in keys):
            continued.update(below)
            continue
        value = sheet.value(r1, c1)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        covered = [(c, value) for c in range(c1, c2 + 1)]
        for r in below:
            cells.setdefault(r, []).extend(covered)
        if c2 > c1:  # the top row shows it across the range too
            cells.setdefault(r1, []).extend(covered[1:])
    return MergedFill(cells, frozenset(continued))


def with_merged(cells: Sequence[object], fill: list[tuple[int, object]]) -> list[object]:
    """A row's cells with the values merged ranges show in its empty cells."""
    out = list(cells)
    for col, value in fill:
        if col >= len(out):
            out.extend([""] * (col + 1 - len(out)))
        current = out[col]
        if current is None or (isinstance(current, str) and not current.strip()):
            out[col] = value
    return out


def _leading_filled(cells: Sequence[object]) -> list[object]:
    """The first four filled cells' values of a row (is_blank, inlined: this runs for every
    row of the sheet), enough for :func:`classify`: it asks for the first, the first four,
    and whether there are one, two or more."""
    filled: list[object] = []
    for v in cells:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        filled.append(v)
        if len(filled) == 4:
            break
    return filled


def classify(
    header: Header,
    titles: frozenset[str] = frozenset(),
    continued: frozenset[int] = frozenset(),
) -> Iterator[SheetRow]:
    """Every row under the header with its kind; rows after a note are notes too.

    ``titles``: normalised names (东丰县, 工业) that a row holding nothing but its 项目名称
    cell names as a section, not as a project; ``continued``: the 0-based rows that go on
    with the project above (:attr:`MergedFill.continued`)."""
    sheet = header.sheet
    mapping = header.mapping()
    name_col = mapping.get("name")
    code_col = mapping.get("code")
    in_notes = False
    for index in range(header.first_data_row, len(sheet.rows)):
        cells = sheet.rows[index]
        number = index + 1
        filled = _leading_filled(cells)
        if not filled:
            yield SheetRow(number, "blank", cells)
            continue
        if in_notes:
            yield SheetRow(number, "note", cells)
            continue
        if index in continued:
            yield SheetRow(number, "continued", cells)
            continue
        name = text(cells[name_col]) if name_col is not None and name_col < len(cells) else None
        code = text(cells[code_col]) if code_col is not None and code_col < len(cells) else None
        first = (text(filled[0]) or "") if not name and not code else ""  # read only then
        if not name and not code and _NOTE_RE.match(first):
            in_notes = True
            yield SheetRow(number, "note", cells)
            continue
        # the name first: a project's name seldom starts with 合计, so most rows stop there
        if (name is None or _TOTAL_START_RE.match(normalize(name))) and any(
            _TOTAL_RE.search(normalize(text(v) or "")) for v in filled if isinstance(v, str)
        ):
            yield SheetRow(number, "total", cells)
            continue
        if not name and not code:
            if SECTION_RE.match(first) or len(filled) == 1:
                yield SheetRow(number, "section", cells, section_title(first), section_level(first))
                continue
        elif (
            name
            and not code
            and (
                (SECTION_RE.match(name) and len(filled) <= 2)
                or (len(filled) == 1 and titles and normalize(section_title(name)) in titles)
            )
        ):
            yield SheetRow(number, "section", cells, section_title(name), section_level(name))
            continue
        yield SheetRow(number, "data", cells)
