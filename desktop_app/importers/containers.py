"""The containers a workbook comes in besides .xlsx, checked before python-calamine opens them.

:func:`sniff` tells from the bytes (not the name) what a file is: an OLE compound file
(D0 CF 11 E0: an .xls, or a password-protected .xlsx/.xlsb, whose package is encrypted inside
one), a zip (.xlsx/.xlsm, .xlsb, .ods), or something else.  A WPS ``.et`` file and a ``.csv``
are refused by name, with the way to save them.

An .xls is measured as python-calamine would read it, because calamine allocates what the file
declares and a failed Rust allocation aborts the whole process:

- the compound file (:func:`check_ole`): the header's counts (FAT sectors, the DIFAT chain,
  the mini-FAT) against the sectors the file really has; every chain calamine follows (DIFAT,
  directory, mini-FAT, the root's mini stream, the Workbook stream) walked with a visited set,
  so a loop or a sector past the end is refused instead of read forever; each stream's
  declared size against the file's size; at most :data:`OLE_ENTRIES` directory entries;
- the Workbook stream's records (:func:`_scan_biff`): an encrypted workbook (FilePass) is
  refused; each sheet's DIMENSIONS (calamine reserves rows × columns cells for it), the cells
  calamine keeps (its block runs from A1 to the farthest of them), merged ranges, and the text
  its LabelSst cells copy out of the shared-string table, all against :class:`Limits`.

An .xlsb and an .ods are zips, checked by :mod:`.zip_sheets`.
"""

from __future__ import annotations

import struct
import zipfile
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import ImportRefused
from .refusals import (
    MACRO_WARNING,
    OLE_MAGIC,
    ZIP_MAGIC,
    WorkbookFile,
    _check_sheet,
    _looks_encrypted,
    _text_message,
    _wan,
)
from .scan_parts import DEFAULT_LIMITS, Limits, SheetStats

#: File kinds read through python-calamine (the suffix calamine is given for each).
KINDS = ("xlsx", "xlsm", "xlsb", "ods", "xls")
SUFFIXES = tuple(f".{k}" for k in KINDS)
#: Directory entries of a compound file: an .xls has a handful (a few hundred with pictures).
OLE_ENTRIES = 4096
#: calamine reserves room for this many DIFAT entries read from the header (4 bytes each).
OLE_DIFAT_RESERVE = 16 * 1024 * 1024

_SAVE_AS = "请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx）再导入"


def refuse_by_name(path: Path) -> None:
    """A WPS .et or a CSV: one line on how to save it."""
    suffix = path.suffix.lower()
    if suffix in (".et", ".ett"):
        raise ImportRefused(
            f"“{path.name}”是 WPS 表格（.et）文件，无法直接导入；请在 WPS 中“文件→另存为”"
            "Excel 工作簿（.xlsx）后再导入"
        )
    if suffix in (".csv", ".txt", ".tsv"):
        raise ImportRefused(
            f"“{path.name}”是文本（CSV）文件，不含表格格式，无法直接导入；{_SAVE_AS}"
        )


def refuse_other(path: Path) -> None:
    """What offices' systems save under an Excel name that is no workbook python-calamine
    reads: a web page or Excel 2003 XML, an Excel 4.0 (or older) sheet."""
    with path.open("rb") as f:
        head = f.read(512)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        text.startswith((b"<html", b"<!doctype html", b"<table", b"<meta"))
        or (text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head)
        or (text.startswith(b"<") and b"<table" in text)
    ):
        raise ImportRefused(
            f"“{path.name}”实际是网页（HTML）或 XML 格式的表格，只是扩展名像 Excel 文件；{_SAVE_AS}"
        )
    bof, size = struct.unpack_from("<HH", head.ljust(4, b"\0"))
    if bof in (0x0009, 0x0209, 0x0409, 0x0809) and 4 <= size <= 20:
        raise ImportRefused(f"“{path.name}”是 Excel 4.0 或更早版本的文件，无法直接导入；{_SAVE_AS}")


def sniff(f: BinaryIO) -> str:
    """ "ole", "zip" or "other", from the first bytes."""
    head = f.read(8)
    f.seek(0)
    if head == OLE_MAGIC:
        return "ole"
    if head[:4] in ZIP_MAGIC:
        return "zip"
    return "other"


def zip_kind(path: Path) -> str:
    """Which zip workbook ``path`` is: "xlsx", "xlsm", "xlsb", "ods" (names only, no reading)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {n.replace("\\", "/").lower() for n in archive.namelist()[:100_000]}
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as stream:
                    mimetype = stream.read(200)
    except Exception:  # a damaged zip: check_xlsx says what is wrong with it
        return "xlsx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if "content.xml" in names and "[content_types].xml" not in names:
        return "ods"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "xl/vbaproject.bin" in names or path.suffix.lower() == ".xlsm":
        return "xlsm"
    return "xlsx"


# ------------------------------------------------------------------------------------------
# OLE compound files (.xls; encrypted .xlsx/.xlsb)

FREESECT, ENDOFCHAIN, FATSECT, DIFSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
_ENCRYPTED = ("EncryptionInfo", "EncryptedPackage")
_BOOK_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")  # the names calamine tries, in order


class _Corrupt(Exception):
    """The compound file is damaged; the text says where (for the user's line)."""


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


@dataclass
class OleFile:
    path: Path
    size: int
    sector: int
    fat: array
    entries: list[_Entry] = field(default_factory=list)
    minifat: array | None = None
    ministream: bytes = b""


def encrypted_message(name: str) -> str:
    return (
        f"“{name}”设有打开密码（已加密），无法读取；请在 Excel 中取消密码"
        "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存再导入"
    )


def check_xls(path: Path, limits: Limits = DEFAULT_LIMITS) -> WorkbookFile:
    """Refuse an OLE file python-calamine could not read safely; what it is otherwise."""
    name = path.name
    size = path.stat().st_size
    with path.open("rb") as f:
        try:
            ole = _open_ole(f, path, size)
        except _Corrupt as exc:
            f.seek(0)
            if _looks_encrypted(f.read(min(size, 4 * 1024 * 1024))):
                raise ImportRefused(encrypted_message(name)) from exc
            raise ImportRefused(_corrupt(name, str(exc))) from exc
        names = {e.name for e in ole.entries if e.kind in (1, 2)}
        if any(n in names for n in _ENCRYPTED):
            raise ImportRefused(encrypted_message(name))
        book = next(
            (e for n in _BOOK_STREAMS for e in ole.entries if e.kind == 2 and e.name == n), None
        )
        if book is None:
            raise ImportRefused(
                f"“{name}”不是 Excel 工作簿（可能是 Word 或其他 Office 文件），无法导入"
            )
        try:
            data = _stream(f, ole, book)
        except _Corrupt as exc:
            raise ImportRefused(_corrupt(name, str(exc))) from exc
    _scan_biff(data, name, limits)
    warnings = ()
    if "_VBA_PROJECT_CUR" in names:
        warnings = (MACRO_WARNING.format(name=name),)
    return WorkbookFile("xls", warnings)


def _corrupt(name: str, detail: str) -> str:
    return f"“{name}”是旧版 Excel（.xls）文件，但已损坏（{detail}），无法读取；{_SAVE_AS}"


def _u32s(data: bytes) -> array:
    out = array("I")
    out.frombytes(data[: len(data) // 4 * 4])
    if out.itemsize != 4:  # pragma: no cover - every platform we ship has a 4-byte "I"
        raise _Corrupt("平台不支持")
    if struct.pack("=I", 1) != struct.pack("<I", 1):  # pragma: no cover - big-endian hosts
        out.byteswap()
    return out


def _open_ole(f: BinaryIO, path: Path, size: int) -> OleFile:
    header = f.read(512)
    if len(header) < 512:
        raise _Corrupt("文件不完整")
    _major, order, shift, mini_shift = struct.unpack_from("<HHHH", header, 26)
    if order != 0xFFFE or shift not in (9, 12) or mini_shift != 6:
        raise _Corrupt("文件头无效")
    sector = 1 << shift
    (n_fat, dir_start, _sig, cutoff, mini_start, n_mini, difat_start, n_difat) = struct.unpack_from(
        "<IIIIIIII", header, 44
    )
    if cutoff != 4096:
        raise _Corrupt("文件头无效")
    sectors = max(0, -(-(size - sector) // sector))  # the last one may be short
    if n_fat == 0 or n_fat > sectors or n_mini > sectors or n_difat > sectors:
        raise _Corrupt(f"文件头声明的扇区数超过文件实际的 {sectors:,} 个扇区")
    # calamine reserves a DIFAT of the u32 read at offset 62 (sic) before reading anything
    if struct.unpack_from("<I", header, 62)[0] > OLE_DIFAT_RESERVE:
        raise _Corrupt("文件头无效")
    ole = OleFile(path, size, sector, array("I"))

    def read_sector(sid: int) -> bytes:
        if sid >= sectors:
            raise _Corrupt(f"扇区 {sid:,} 超出文件末尾")
        f.seek((sid + 1) * sector)
        data = f.read(sector)
        if len(data) < sector:
            data += b"\0" * (sector - len(data))
        return data

    difat = list(_u32s(header[76:512]))
    sid, seen = difat_start, set()
    while sid < 0xFFFFFFFA:  # calamine follows the DIFAT chain while it names a sector
        if sid in seen or len(seen) > sectors:
            raise _Corrupt("DIFAT 扇区链成环")
        seen.add(sid)
        entries = _u32s(read_sector(sid))
        difat.extend(entries[:-1])
        sid = entries[-1]
    fat_ids = [s for s in difat if s < DIFSECT]
    if len(fat_ids) > sectors:
        raise _Corrupt("FAT 扇区数超过文件的扇区数")
    fat = array("I")
    for s in fat_ids:
        fat.extend(_u32s(read_sector(s)))
    ole.fat = fat
    dirs = _chain(fat, dir_start, sectors, "目录")
    if len(dirs) * sector // 128 > OLE_ENTRIES:
        raise _Corrupt(f"目录超过 {OLE_ENTRIES} 项")
    raw = b"".join(read_sector(s) for s in dirs)
    for i in range(0, len(raw) - 127, 128):
        entry = raw[i : i + 128]
        length = min(struct.unpack_from("<H", entry, 64)[0], 64)
        kind = entry[66]
        start = struct.unpack_from("<I", entry, 116)[0]
        stream_size = struct.unpack_from("<Q" if sector == 4096 else "<I", entry, 120)[0]
        text = entry[: max(0, length - 2)].decode("utf-16-le", "replace")
        if kind in (2, 5) and stream_size > size:
            raise _Corrupt(
                f"数据流“{text}”声明有 {stream_size:,} 字节，比整个文件（{size:,} 字节）还大"
            )
        ole.entries.append(_Entry(text, kind, start, stream_size))
    if not ole.entries or ole.entries[0].kind != 5:
        raise _Corrupt("缺少根目录")
    root = ole.entries[0]
    if n_mini > 0:
        mini_ids = _chain(fat, mini_start, sectors, "迷你 FAT")
        if len(mini_ids) < n_mini:
            raise _Corrupt("迷你 FAT 不完整")
        ole.minifat = _u32s(b"".join(read_sector(s) for s in mini_ids[:n_mini]))
        stream_ids = _chain(fat, root.start, sectors, "迷你数据流")
        if len(stream_ids) * sector < root.size:
            raise _Corrupt("迷你数据流不完整")
        ole.ministream = b"".join(read_sector(s) for s in stream_ids)[: root.size]
    return ole


def _chain(fat: array, start: int, limit: int, what: str) -> list[int]:
    """The sectors of a chain: each in the file and the FAT, none twice."""
    out: list[int] = []
    seen: set[int] = set()
    sid = start
    while sid != ENDOFCHAIN:
        if sid >= len(fat) or sid >= limit:
            raise _Corrupt(f"{what}的扇区链指向文件之外")
        if sid in seen:
            raise _Corrupt(f"{what}的扇区链成环")
        seen.add(sid)
        out.append(sid)
        sid = fat[sid]
    return out


def _stream(f: BinaryIO, ole: OleFile, entry: _Entry) -> bytes:
    """A stream's bytes, as calamine reads it (short ones from the mini stream)."""
    if entry.size < 4096:
        if ole.minifat is None:
            raise _Corrupt(f"数据流“{entry.name}”不完整")
        count = len(ole.ministream) // 64
        ids = _chain(ole.minifat, entry.start, count, f"数据流“{entry.name}”")
        data = b"".join(ole.ministream[i * 64 : i * 64 + 64] for i in ids)
    else:
        sectors = max(0, -(-(ole.size - ole.sector) // ole.sector))
        ids = _chain(ole.fat, entry.start, sectors, f"数据流“{entry.name}”")
        parts = []
        for sid in ids:
            f.seek((sid + 1) * ole.sector)
            parts.append(f.read(ole.sector))
        data = b"".join(parts)
    if len(data) < entry.size:
        raise _Corrupt(f"数据流“{entry.name}”不完整，文件可能被截断")
    return data[: entry.size]


# ------------------------------------------------------------------------------------------
# The BIFF records of the Workbook stream

_BOF, _EOF, _CONTINUE = 0x0809, 0x000A, 0x003C
#: The records calamine makes cells of: Number, Label, RString, BoolErr, String (a formula's
#: text), Rk, Formula, LabelSst, MulRk.
_CELLS = frozenset((0x0203, 0x0204, 0x00D6, 0x0205, 0x0207, 0x027E, 0x0006, 0x00FD, 0x00BD))
_HH = struct.Struct("<HH")
_HB = struct.Struct("<HB")
_H = struct.Struct("<H")
_I = struct.Struct("<I")
#: A LabelSst record's row, column, format and shared-string index.
_LABEL_SST = struct.Struct("<HHHI")


@dataclass
class _Sub:
    """One substream (from its BOF to its EOF) as calamine reads a sheet."""

    cells: int = 0
    max_row: int = -1
    max_col: int = -1
    merges: int = 0
    text: int = 0
    reserved: int = 0  # cells the DIMENSIONS record makes calamine reserve


def _scan_biff(data: bytes, name: str, limits: Limits) -> None:
    n = len(data)
    pos = 0
    subs: dict[int, _Sub] = {}
    current: _Sub | None = None
    depth = 0
    in_globals = True
    in_sheet = False  # in a sheet's own records (not the globals, not a chart inside it)
    sheets: list[tuple[int, str]] = []
    sst = array("I")
    count_sst = 0
    last_row = last_col = 0
    cells = text = 0  # of the current sheet, kept in locals: a sheet is mostly cell records
    max_row = max_col = -1
    unpack = _HH.unpack_from
    u32 = struct.Struct("<I").unpack_from
    label_sst = _LABEL_SST.unpack_from
    while pos + 4 <= n:
        typ, size = unpack(data, pos)
        body = pos + 4
        end = body + size
        if end > n:
            raise ImportRefused(_corrupt(name, "记录超出数据流末尾，文件可能被截断"))
        if in_sheet and typ in _CELLS:
            if typ == 0x00FD and size >= 10:  # LabelSst, most cells: all of it at once
                row, col, _, index = label_sst(data, body)
                if index < count_sst:
                    text += sst[index]
            elif typ == 0x0207:  # the string value of the formula before it
                row, col = last_row, last_col
            elif size < 4:
                raise ImportRefused(_corrupt(name, "单元格记录不完整"))
            else:
                row, col = unpack(data, body)
                if typ == 0x00FD:  # LabelSst: a copy of a shared string
                    if size >= 10:
                        index = u32(data, body + 6)[0]
                        if index < count_sst:
                            text += sst[index]
                elif typ == 0x00BD:  # MulRk: several cells of one row
                    more = (size - 6) // 6 - 1
                    if more < 0:
                        pos = end
                        continue
                    cells += more
                    col += more
                elif typ == 0x0006:
                    last_row, last_col = row, col
            cells += 1
            if row > max_row:
                max_row = row
            if col > max_col:
                max_col = col
        elif typ == _BOF:
            if current is None:
                current = _Sub()
                subs[pos] = current
                depth = 0
                in_sheet = not in_globals
            else:
                depth += 1
                in_sheet = False
        elif typ == _EOF:
            if depth:
                depth -= 1
                in_sheet = not depth and not in_globals
            elif current is not None:
                current.cells, current.max_row, current.max_col = cells, max_row, max_col
                current.text = text
                cells = text = 0
                max_row = max_col = -1
                current = None
                in_globals = in_sheet = False
        elif current is None or depth:
            pass
        elif in_globals:
            if typ == 0x002F:  # FilePass: the workbook is encrypted
                raise ImportRefused(encrypted_message(name))
            if typ == 0x0085 and size >= 8:  # BoundSheet8
                sheets.append((u32(data, body)[0], _sheet_name(data, body, end)))
                if len(sheets) > limits.sheets:
                    raise ImportRefused(
                        f"“{name}”有超过 {limits.sheets} 个工作表，超过导入上限，拒绝导入"
                    )
            elif typ == 0x00FC:
                sst = _sst_lengths(data, body, end, limits, name)
                count_sst = len(sst)
        elif typ == 0x00E5 and size >= 2:  # MergeCells
            current.merges += struct.unpack_from("<H", data, body)[0]
        elif typ == 0x0200:  # Dimensions
            current.reserved = max(current.reserved, _reserved(data, body, size))
        pos = end
    if current is not None:  # a sheet without its EOF: calamine reads it to the end
        current.cells, current.max_row, current.max_col = cells, max_row, max_col
        current.text = text
    total = 0
    for offset, sheet in sheets:
        sub = subs.get(offset)
        if sub is None:
            raise ImportRefused(_corrupt(name, f"工作表“{sheet}”的位置不在数据流中"))
        if sub.reserved > limits.cells:
            raise ImportRefused(
                f"工作表“{sheet}”声明的数据区域有 {_wan(sub.reserved)}个单元格，"
                f"超过导入上限 {_wan(limits.cells)}个，可能是恶意构造的文件，拒绝导入"
            )
        stats = SheetStats(sub.cells, sub.max_row + 1, sub.max_col + 1, sub.merges)
        total += _check_sheet(sheet, stats, limits)
        if total > limits.total_cells:
            raise ImportRefused(
                f"“{name}”各工作表合计约 {_wan(total)}个单元格（算到工作表“{sheet}”），"
                f"超过导入上限 {_wan(limits.total_cells)}个；请只保留要导入的工作表后再导入"
            )
        if sub.text > limits.shared_text_bytes:
            raise ImportRefused(_text_message(f"工作表“{sheet}”的单元格", sub.text, limits))
    text = sum(subs[o].text for o, _ in sheets)
    if text > limits.shared_text_bytes:
        raise ImportRefused(_text_message(f"“{name}”各工作表的单元格", text, limits))


def _reserved(data: bytes, body: int, size: int) -> int:
    """Cells calamine reserves for a DIMENSIONS record (its u32 arithmetic, wrapping)."""
    if size == 14:
        rf, rl = struct.unpack_from("<II", data, body)
        cf, cl = struct.unpack_from("<HH", data, body + 8)
    elif size == 10:
        rf, rl, cf, cl = struct.unpack_from("<HHHH", data, body)
    else:
        return 0
    if cf > 0xFF or cl < cf:
        cf = 0
    if rl < 1 or cl < 1:
        return 1
    rows = ((rl - 1) - rf + 1) & 0xFFFFFFFF
    cols = ((cl - 1) - cf + 1) & 0xFFFFFFFF
    return rows * cols


def _sheet_name(data: bytes, body: int, end: int) -> str:
    cch = data[body + 6]
    if body + 8 <= end and data[body + 7] in (0, 1):  # BIFF8: a flag byte, then the text
        raw = data[body + 8 : min(end, body + 8 + cch * (2 if data[body + 7] else 1))]
        return raw.decode("utf-16-le" if data[body + 7] else "latin-1", "replace")
    return data[body + 7 : min(end, body + 7 + cch)].decode("gbk", "replace")


def _sst_lengths(data: bytes, body: int, end: int, limits: Limits, name: str) -> array:
    """UTF-8 bytes (an upper bound: 3 a character) of each shared string, in order.

    The strings run on through the CONTINUE records after the SST; a string's characters
    broken by one go on after a byte giving their width again.
    """
    segments = [(body + 8, end)]
    pos = end
    while pos + 4 <= len(data):
        typ, size = _HH.unpack_from(data, pos)
        if typ != _CONTINUE or pos + 4 + size > len(data):
            break
        segments.append((pos + 4, pos + 4 + size))
        pos += 4 + size
    if end - body < 8:
        raise ImportRefused(_corrupt(name, "共享文字表不完整"))
    declared = struct.unpack_from("<I", data, body + 4)[0]
    if declared > limits.shared_strings:
        raise ImportRefused(
            f"“{name}”的共享文字表声明有 {_wan(declared)}条，"
            f"超过导入上限 {_wan(limits.shared_strings)}条，可能是恶意构造的文件，拒绝导入"
        )
    lengths = array("I")
    seg = 0
    p, stop = segments[0]

    def advance(k: int) -> None:  # skip k bytes that may run over segment ends
        nonlocal seg, p, stop
        while k > 0:
            step = min(k, stop - p)
            p += step
            k -= step
            if k and seg + 1 < len(segments):
                seg += 1
                p, stop = segments[seg]
            elif k:
                p = stop
                return

    def take(k: int) -> bytes:
        nonlocal seg, p, stop
        if p + k > stop and seg + 1 < len(segments) and p == stop:
            seg += 1
            p, stop = segments[seg]
        out = data[p : min(stop, p + k)]
        advance(k)
        return out

    limit = limits.shared_strings
    while True:
        if p >= stop:
            if seg + 1 >= len(segments):
                break
            seg += 1
            p, stop = segments[seg]
            continue
        if p + 3 <= stop:  # most strings lie within one record: read at once
            cch, flags = _HB.unpack_from(data, p)
            q = p + 3
            runs = ext = 0
            if flags & 8:
                q += 2
                if q <= stop:
                    runs = _H.unpack_from(data, q - 2)[0]
            if flags & 4:
                q += 4
                if q <= stop:
                    ext = _I.unpack_from(data, q - 4)[0]
            after = q + cch * (2 if flags & 1 else 1) + 4 * runs + ext
            if after <= stop:
                p = after
                lengths.append(cch * 3)
                if len(lengths) > limit:
                    raise ImportRefused(
                        f"“{name}”的共享文字表超过 {_wan(limit)}条，超过导入上限，拒绝导入"
                    )
                continue
        head = take(3)  # a string running over a CONTINUE record: step by step
        if len(head) < 3:
            break
        cch, flags = struct.unpack("<HB", head)
        runs = struct.unpack("<H", take(2).ljust(2, b"\0"))[0] if flags & 8 else 0
        ext = struct.unpack("<I", take(4).ljust(4, b"\0"))[0] if flags & 4 else 0
        width = 2 if flags & 1 else 1
        left = cch
        while left:
            fit = min(left, (stop - p) // width)
            p += fit * width
            left -= fit
            if left:
                if seg + 1 >= len(segments):
                    break
                seg += 1
                p, stop = segments[seg]
                width = 2 if data[p] & 1 else 1
                p += 1
        advance(4 * runs + ext)
        lengths.append(cch * 3)
        if len(lengths) > limits.shared_strings:
            raise ImportRefused(
                f"“{name}”的共享文字表超过 {_wan(limits.shared_strings)}条，超过导入上限，拒绝导入"
            )
    return lengths
