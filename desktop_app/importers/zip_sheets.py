"""The zip workbooks other than .xlsx: .xlsb and .ods, checked before python-calamine reads them.

The zip checks of :mod:`.safety` (members, sizes counted while decompressing, compression
ratio, DOCTYPE in XML parts) run on every member; then the sheets are measured as calamine
holds them — an .xlsb's BIFF12 cell records (a column is a 32-bit number there, so one cell far
to the right would make calamine allocate a block of billions), an .ods's rows and cells with
their ``number-rows-repeated`` / ``number-columns-repeated`` expanded — against
:class:`~.scan_parts.Limits`, and the text of the shared strings the cells copy.
"""

from __future__ import annotations

import html
import re
import struct
import zipfile
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import ImportRefused
from .refusals import (
    MACRO_WARNING,
    WorkbookFile,
    _check_sheet,
    _text_message,
    _wan,
    check_members,
    scan_member,
    zip_refusals,
)
from .scan_parts import DEFAULT_LIMITS, Limits, SheetStats

Merged = tuple[tuple[int, int], tuple[int, int]]
#: Merged ranges kept per sheet for the reader (one past the limit is enough to refuse it).
MERGES_KEPT = DEFAULT_LIMITS.merged_ranges


class _Keep:
    """A member's bytes, kept as they are read."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def feed(self, chunk: bytes) -> None:
        self.chunks.append(chunk)

    def finish(self) -> None:
        pass


def _scan_zip(path: Path, limits: Limits, wanted: Callable[[str], bool]) -> dict[str, bytes]:
    """The zip checks of :mod:`.safety` on every member; the members ``wanted(name)`` picks,
    read whole (their size was counted while reading)."""
    name = path.name
    out: dict[str, bytes] = {}
    with zip_refusals(name, "工作簿文件"), zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        check_members(infos, name, limits)
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            keep = _Keep() if wanted(info.filename) else None
            total = scan_member(archive, info, name, limits, total, keep)
            if keep is not None:
                out[info.filename] = b"".join(keep.chunks)
    return out


def _verdict(
    name: str, sheets: list[tuple[str, SheetStats, int, list[Merged]]], limits: Limits
) -> None:
    if len(sheets) > limits.sheets:
        raise ImportRefused(
            f"“{name}”有 {len(sheets)} 个工作表，超过导入上限 {limits.sheets} 个，拒绝导入"
        )
    total = text = 0
    for sheet, stats, sheet_text, _merged in sheets:
        total += _check_sheet(sheet, stats, limits)
        if total > limits.total_cells:
            raise ImportRefused(
                f"“{name}”各工作表合计约 {_wan(total)}个单元格（算到工作表“{sheet}”），"
                f"超过导入上限 {_wan(limits.total_cells)}个；请只保留要导入的工作表后再导入"
            )
        text += sheet_text
        if text > limits.shared_text_bytes:
            raise ImportRefused(_text_message(f"“{name}”各工作表的单元格", text, limits))


def check_xlsb(path: Path, limits: Limits = DEFAULT_LIMITS) -> WorkbookFile:
    """An .xlsb: the zip checks, then each sheet's BIFF12 records as calamine reads them."""
    names: list[str] = []

    def wanted(member: str) -> bool:
        names.append(member)
        low = member.lower()
        if low in ("xl/sharedstrings.bin", "xl/workbook.bin", "xl/_rels/workbook.bin.rels"):
            return True
        base = low.rsplit("/", 1)[-1]
        return (
            low.endswith(".bin")
            and "/worksheets/" in f"/{low}"
            and "/_rels/" not in low
            and not base.startswith("binaryindex")  # Excel's index of the sheet's records
        )

    parts = {m.lower(): data for m, data in _scan_zip(path, limits, wanted).items()}
    rels = parts.pop("xl/_rels/workbook.bin.rels", b"")
    strings = _xlsb_strings(parts.pop("xl/sharedstrings.bin", b""), path.name, limits)
    listed = _xlsb_bundles(parts.pop("xl/workbook.bin", b""), rels)
    measured = {m: _xlsb_sheet(data, strings) for m, data in parts.items()}
    # each sheet the workbook lists is read (and held) once, even two sharing one part
    sheets = [(name, *measured[m]) for name, m in listed if m in measured]
    if not sheets:  # no usable list: every part may be a sheet
        sheets = [(m.rsplit("/", 1)[-1], *found) for m, found in measured.items()]
    _verdict(path.name, sheets, limits)
    merges = {name: merged for name, _stats, _text, merged in sheets if merged}
    macros = any(n.lower() == "xl/vbaproject.bin" for n in names)
    warnings = (MACRO_WARNING.format(name=path.name),) if macros else ()
    return WorkbookFile("xlsb", warnings, merges)


def _records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(type, body start, body end) of each BIFF12 record."""
    n = len(data)
    p = 0
    while p < n:
        typ = data[p]
        p += 1
        if typ & 0x80:
            if p >= n:
                return
            typ = (typ & 0x7F) | ((data[p] & 0x7F) << 7)
            p += 1
        size = shift = 0
        for _ in range(4):
            if p >= n:
                return
            byte = data[p]
            p += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield typ, p, min(n, p + size)
        p += size


_REL = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_REL_ID = re.compile(rb"\bId\s*=\s*[\"']([^\"']*)")
_REL_TARGET = re.compile(rb"\bTarget\s*=\s*[\"']([^\"']*)")


def _xlsb_bundles(workbook: bytes, rels: bytes) -> list[tuple[str, str]]:
    """The sheets workbook.bin lists (BrtBundleSh), each with its part (lower case), as
    calamine finds it: ``xl/`` + the Target of the relationship it names."""
    targets: dict[str, str] = {}
    for m in _REL.finditer(rels):
        rel_id, target = _REL_ID.search(m.group(1)), _REL_TARGET.search(m.group(1))
        if rel_id and target:
            targets[rel_id.group(1).decode("utf-8", "replace")] = target.group(1).decode(
                "utf-8", "replace"
            )
    out: list[tuple[str, str]] = []
    for typ, body, end in _records(workbook):
        if typ == 0x0090:  # BrtEndBundleShs: calamine stops there
            break
        if typ != 0x009C or end - body < 12:
            continue
        cch = struct.unpack_from("<I", workbook, body + 8)[0]
        if cch == 0xFFFFFFFF or body + 12 + 2 * cch + 4 > end:
            continue
        rel_id = workbook[body + 12 : body + 12 + 2 * cch].decode("utf-16-le", "replace")
        at = body + 12 + 2 * cch
        length = min(struct.unpack_from("<I", workbook, at)[0], (end - at - 4) // 2)
        name = workbook[at + 4 : at + 4 + 2 * length].decode("utf-16-le", "replace")
        if rel_id in targets:
            out.append((name, f"xl/{targets[rel_id]}".lower()))
    return out


def _xlsb_strings(data: bytes, name: str, limits: Limits) -> array:
    lengths = array("I")
    for typ, body, end in _records(data):
        if typ == 0x0013 and end - body >= 5:  # BrtSSTItem: flags, then cch and UTF-16
            cch = struct.unpack_from("<I", data, body + 1)[0]
            lengths.append(min(cch, (end - body - 5) // 2) * 3)
            if len(lengths) > limits.shared_strings:
                raise ImportRefused(
                    f"“{name}”的共享文字表超过 {_wan(limits.shared_strings)}条，超过导入上限，拒绝导入"
                )
    return lengths


_XLSB_CELLS = frozenset((2, 3, 4, 5, 6, 7, 8, 9, 10))


def _xlsb_sheet(data: bytes, strings: array) -> tuple[SheetStats, int, list[Merged]]:
    """A sheet part's cells as calamine reads them (it stops at the end of the sheet data, or
    at a row past 2^20), the text its shared-string cells copy, and its merged ranges (which
    follow the sheet data; python-calamine 0.9 gives none for an .xlsb)."""
    stats = SheetStats()
    row = 0
    text = 0
    cells = True
    merged: list[Merged] = []
    for typ, body, end in _records(data):
        if not cells:
            if typ == 0x00B0 and end - body >= 16:  # BrtMergeCell: rows, then columns
                r1, r2, c1, c2 = struct.unpack_from("<IIII", data, body)
                stats.merges += 1
                if len(merged) <= MERGES_KEPT:
                    merged.append(((r1, c1), (r2, c2)))
        elif typ == 0 and end - body >= 4:  # BrtRowHdr
            row = struct.unpack_from("<I", data, body)[0]
            cells = row <= 0x100000  # calamine stops reading cells there
        elif typ in _XLSB_CELLS and end - body >= 4:
            col = struct.unpack_from("<I", data, body)[0]
            stats.cells += 1
            stats.max_row = max(stats.max_row, row + 1)
            stats.max_col = max(stats.max_col, col + 1)
            if typ == 7 and end - body >= 12:
                index = struct.unpack_from("<I", data, body + 8)[0]
                if index < len(strings):
                    text += strings[index]
        elif typ == 0x0092:  # BrtEndSheetData
            cells = False
    return stats, text, merged


_TABLE_START = re.compile(rb"<table:table(?=[\s/>])")
_ROW_START = re.compile(rb"<table:table-row(?=[\s/>])")
_CELL = re.compile(rb"<table:(?:covered-)?table-cell(?=[\s/>])([^<>]*?)(/?)>")
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated\s*=\s*["\'](\d{1,15})')
_COLS_REPEATED = re.compile(rb'table:number-columns-repeated\s*=\s*["\'](\d{1,15})')
_COLS_SPANNED = re.compile(rb'table:number-columns-spanned\s*=\s*["\'](\d{1,15})')
_ROWS_SPANNED = re.compile(rb'table:number-rows-spanned\s*=\s*["\'](\d{1,15})')
_TABLE_NAME = re.compile(rb'table:name\s*=\s*["\']([^"\']*)')


def check_ods(path: Path, limits: Limits = DEFAULT_LIMITS) -> WorkbookFile:
    """An .ods: the zip checks, then each table of content.xml with its repeats expanded."""
    wanted = ("content.xml", "META-INF/manifest.xml")
    parts = _scan_zip(path, limits, lambda member: member in wanted)
    if b"encryption-data" in parts.get("META-INF/manifest.xml", b""):
        raise ImportRefused(
            f"“{path.name}”设有打开密码（已加密），无法读取；请在 LibreOffice 或 WPS 中"
            "取消密码后另存再导入"
        )
    content = parts.get("content.xml")
    if content is None:
        raise ImportRefused(f"“{path.name}”不是完整的 ODS 电子表格（缺少 content.xml），无法导入")
    tables = _ods_tables(content)
    _verdict(path.name, tables, limits)
    return WorkbookFile("ods", (), {name: merged for name, _s, _t, merged in tables if merged})


def _ods_tables(content: bytes) -> list[tuple[str, SheetStats, int, list[Merged]]]:
    """Each table's extent as calamine holds it: repeated rows and cells expanded; a cell
    counts as holding a value unless it is empty (self-closing without a value type or a
    formula); and its
    merged cells (python-calamine 0.9 gives none for an .ods).

    Row by row: a row of plain cells (the common case, also with the run of empty cells
    LibreOffice ends each row with) is counted by ``bytes.count``; a row with other repeats
    or merged cells is read cell by cell."""
    tables: list[tuple[str, SheetStats, int, list[Merged]]] = []
    for chunk in _TABLE_START.split(content)[1:]:
        head = chunk[: chunk.find(b">") + 1]
        found = _TABLE_NAME.search(head)
        label = html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""
        stats = SheetStats()
        merged: list[Merged] = []
        tables.append((label, stats, 0, merged))
        end = chunk.find(b"</table:table>")
        row = 0  # rows before this one
        for piece in _ROW_START.split(chunk[: end if end >= 0 else len(chunk)])[1:]:
            close = piece.find(b">") + 1
            found = _ROWS_REPEATED.search(piece, 0, close)
            repeat = int(found.group(1)) if found else 1
            if piece[close - 2 : close] != b"/>":
                width, cells, spans = _ods_row(piece[close:])
                if width:
                    stats.cells += cells * repeat
                    stats.max_row = max(stats.max_row, row + repeat)
                    stats.max_col = max(stats.max_col, width)
                stats.merges += len(spans) * min(repeat, 1 << 20)
                for col, cols, rows in spans:
                    if len(merged) <= MERGES_KEPT and (cols > 1 or rows > 1):
                        merged.append(((row, col), (row + rows - 1, col + cols - 1)))
            row += repeat
    return tables


def _ods_row(body: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """A row's extent (to its last cell with a value), its cells and its merged cells
    (column, columns spanned, rows spanned)."""
    end = body.find(b"</table:table-row>")
    if end >= 0:
        body = body[:end]
    spanned = b"-spanned" in body
    # only empty cells (calamine keeps a cell with a formula and no value too)
    if not spanned and not any(m in body for m in (b"value-type", b"</table:", b"formula")):
        return 0, 0, []
    tags = body.count(b"<table:table-cell") + body.count(b"<table:covered-table-cell")
    repeats = body.count(b"-repeated")
    if not spanned and repeats <= 1:
        last = max(body.rfind(b"<table:table-cell"), body.rfind(b"<table:covered-table-cell"))
        tail = body[last:]
        if not repeats:
            return tags, tags, []
        plain = b"value-type" not in tail and b"formula" not in tail
        if plain and tail.count(b"<") == 1 and tail.rstrip().endswith(b"/>"):
            return tags - 1, tags - 1, []  # the row ends in a run of empty cells
    col = width = cells = 0
    spans: list[tuple[int, int, int]] = []
    for m in _CELL.finditer(body):
        attrs, empty = m.groups()
        found = _COLS_REPEATED.search(attrs)
        span = int(found.group(1)) if found else 1
        # covered cells can hold values too; a formula without a value is kept as well
        if not empty or b"office:value-type" in attrs or b"table:formula" in attrs:
            cells += span
            width = col + span
        if b"-spanned" in attrs:
            cols, rows = _COLS_SPANNED.search(attrs), _ROWS_SPANNED.search(attrs)
            spans.append(
                (col, int(cols.group(1)) if cols else 1, int(rows.group(1)) if rows else 1)
            )
        col += span
    return width, cells, spans
