"""Checks an .xlsx file must pass before any reader opens it.

An .xlsx is a zip of XML parts.  Before python-calamine (or openpyxl, which uses defusedxml)
reads one, :func:`check_xlsx` refuses, with a plain-Chinese message:

- files larger than a ledger can be, and anything that is not a zip;
- password-protected workbooks and old .xls files (both are OLE compound files, D0 CF 11 E0);
- zips with too many members, too much uncompressed data, or a compression ratio no spreadsheet
  has (zip bombs) — sizes are counted while decompressing, so lying headers do not help;
- XML with a document type declaration (``<!DOCTYPE``/``<!ENTITY``): spreadsheets never carry
  one, and it is how entity bombs (billion laughs) and external entities get in;
- workbooks that are small on disk but huge once read (:class:`Limits`): python-calamine
  allocates every sheet as one block from A1 to its farthest cell, so one cell at KN250000 costs
  75 million cells; every cell that refers to a shared string gets its own copy of it, so 50,000
  references to one 32,000-character string cost gigabytes; the shared-string table, the number
  of cells, of merged ranges and of sheets are counted too.  A Rust allocation that fails aborts
  the whole process, so these are measured here, before python-calamine sees the file.

Memory stays bounded: members are streamed in 1 MB chunks.  Sheets are measured on the same
pass: a vectorised scan (numpy) of the plain form every common writer uses (Excel, WPS,
LibreOffice, openpyxl, this application: ``<c r="A1" ...>`` with ``r`` first, ``t="s"><v>N</v>``,
optionally all under one namespace prefix).  A part in any other form is measured again by
:func:`_exact_sheet` / :func:`_exact_strings`, which follow python-calamine's own reading rules
(quick-xml events, its attribute parser, cells without ``r`` placed after the previous one) —
about 2 µs a cell, so only unusual files pay for it; it stops after ``Limits.cells`` cells.
The measure is never less than what calamine allocates (tested against calamine itself).
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ImportRefused

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 20
_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")
_OVERLAP = max(len(m) for m in _MARKERS)


@dataclass(frozen=True)
class Limits:
    """How big an import file may be; a ledger of 200,000 projects stays within them.

    ``rows``/``columns``/``cells`` bound each worksheet as python-calamine holds it: one block
    from A1 to the farthest cell with a value, wherever its reference (or, without one, its
    place after the previous cell and row) puts it — the size in memory, not on disk.  A
    200,000-project ledger of 40 columns has 8 million.  The ``<dimension>`` a sheet declares
    is not trusted either way: calamine only pre-reserves it up to 100,000 cells, and Excel
    counts formatted empty cells in it (bloated files that import fine).
    """

    file_bytes: int = 100 * 1024 * 1024
    members: int = 1000
    uncompressed_bytes: int = 400 * 1024 * 1024
    ratio: int = 150  # uncompressed / compressed, for members above ratio_floor
    ratio_floor: int = 1024 * 1024
    rows: int = 250_000
    columns: int = 300
    #: One sheet: rows × columns from A1 to its farthest cell, and its cell elements
    #: (200,000 rows × 60 columns).
    cells: int = 12_000_000
    #: All sheets together (each one stays in memory during the import).
    total_cells: int = 24_000_000
    #: UTF-8 bytes of text the cells take from the shared-string table, all sheets together:
    #: every reference becomes a copy.  200,000 projects with ~600 bytes of text each: 120 MB.
    shared_text_bytes: int = 256 * 1024 * 1024
    #: Entries of the shared-string table (declared in ``uniqueCount`` or present).
    shared_strings: int = 12_000_000
    #: Merged ranges of one sheet: a ledger merges its header (dozens) and some group or
    #: subtotal rows; 50,000 is one on every row of a 50,000-row sheet.
    merged_ranges: int = 50_000
    sheets: int = 255


DEFAULT_LIMITS = Limits()


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_xlsx(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise :class:`ImportRefused` unless ``path`` looks like a sound, ordinary .xlsx file."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImportRefused(f"文件不存在：{path}")
    if path.is_dir():
        raise ImportRefused(f"“{name}”是文件夹，不是 Excel 文件")
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(f"“{name}”是空文件")
    if size > limits.file_bytes:
        raise ImportRefused(
            f"“{name}”有 {_mb(size)}，超过导入上限 {_mb(limits.file_bytes)}，不像是项目台账；"
            "请删去无关的工作表或拆分后再导入"
        )
    with path.open("rb") as f:
        head = f.read(8)
        if head == OLE_MAGIC:
            f.seek(0)
            encrypted = _looks_encrypted(f.read(min(size, 4 * 1024 * 1024)))
            if encrypted:
                raise ImportRefused(
                    f"“{name}”设有打开密码（已加密），无法读取；请在 Excel 中取消密码"
                    "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存再导入"
                )
            raise ImportRefused(
                f"“{name}”是旧版 Excel（.xls）文件，请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入"
            )
    if head[:4] not in ZIP_MAGIC:
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（.xlsx）文件，无法导入")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, name, limits)
    except zipfile.BadZipFile as exc:
        raise ImportRefused(f"“{name}”已损坏，不是完整的 Excel 工作簿（.xlsx）") from exc
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise ImportRefused(f"“{name}”的压缩格式无法识别，请在 Excel 中另存后再导入") from exc


def _looks_encrypted(data: bytes) -> bool:
    """An OLE file holding an encrypted OOXML package names these streams."""
    return any(
        marker.encode("utf-16-le") in data for marker in ("EncryptionInfo", "EncryptedPackage")
    )


def _check_archive(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise ImportRefused(
            f"“{name}”内含 {len(infos)} 个部件，超过上限 {limits.members}，拒绝导入"
        )
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（可能是 Word 或其他压缩文件），无法导入")
    if any(i.flag_bits & 0x1 for i in infos):
        raise ImportRefused(f"“{name}”的内容已加密，无法读取；请取消密码后另存再导入")
    declared = sum(i.file_size for i in infos)
    if declared > limits.uncompressed_bytes:
        raise ImportRefused(_too_big(name, declared, limits))
    total = 0
    parts: dict[str, _PartScan] = {}
    for info in infos:
        if info.is_dir():
            continue
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(
            1, info.compress_size
        ):
            raise ImportRefused(_bomb(name))
        part = _PartScan(_is_shared_strings(info.filename))
        total = _scan_member(archive, info, name, limits, total, part)
        parts[info.filename] = part
    _check_contents(archive, parts, name, limits)


def _scan_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    limits: Limits,
    total: int,
    part: _PartScan | None = None,
) -> int:
    """Stream one member: count its real size, look for DTDs in XML parts, measure its cells."""
    is_xml = info.filename.endswith((".xml", ".rels", ".vml"))
    member_bytes = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            member_bytes += len(chunk)
            total += len(chunk)
            if total > limits.uncompressed_bytes:
                raise ImportRefused(_too_big(name, total, limits))
            if member_bytes > limits.ratio_floor and member_bytes > limits.ratio * max(
                1, info.compress_size
            ):
                raise ImportRefused(_bomb(name))
            if is_xml:
                window = tail + chunk
                if b"!" in window and any(m in window for m in _MARKERS):
                    raise ImportRefused(_doctype(name))
                tail = window[-_OVERLAP:]
            if part is not None:
                part.feed(chunk)
    if part is not None:
        part.finish()
    return total


def _too_big(name: str, size: int, limits: Limits) -> str:
    return (
        f"“{name}”解压后超过 {_mb(limits.uncompressed_bytes)}（至少 {_mb(size)}），"
        "远大于项目台账应有的大小，拒绝导入"
    )


def _bomb(name: str) -> str:
    return f"“{name}”的压缩比异常（可能是“压缩炸弹”），拒绝导入"


def _doctype(name: str) -> str:
    return (
        f"“{name}”含有文档类型声明（DOCTYPE/ENTITY），正常的 Excel 文件不会有，"
        "可能是恶意构造的文件，拒绝导入"
    )


# ------------------------------------------------------------------------------------------
# What python-calamine will hold in memory: per part, then per sheet of the workbook


@dataclass
class _SheetStats:
    """A worksheet part as python-calamine would read it (rows and columns are 1-based)."""

    cells: int = 0  # cells with a value (each is stored, even at a position used before)
    max_row: int = 0  # the farthest of them
    max_col: int = 0
    merges: int = 0
    refs: list[Any] = field(default_factory=list)  # arrays of shared-string indices, -1: any

    def extent(self) -> tuple[int, int]:
        return self.max_row, self.max_col


@dataclass
class _StringStats:
    """The shared-string table: the UTF-8 length (an upper bound) of each entry, in order."""

    lengths: list[Any] = field(default_factory=list)  # numpy int64 arrays
    count: int = 0
    declared: int | None = None  # uniqueCount, which python-calamine reserves room for


class _Irregular(Exception):
    """Not the plain form the fast scan reads: measure the part exactly instead."""


class _PartScan:
    """Measures one zip member while it streams past (see the module docstring)."""

    def __init__(self, strings: bool) -> None:
        self.sheet: _SheetStats | None = _SheetStats()
        self.strings: _StringStats | None = _StringStats() if strings else None
        self._sheet_cut: _Cutter | None = _Cutter((b"</row>", b"</c>", b">"))
        self._strings_cut: _Cutter | None = _Cutter((b"</si>", b">")) if strings else None
        self._prefix: bytes | None = None  # of the root element (<x:worksheet>), read away
        self._seen_sst = False
        self._strings_offset = 0

    def feed(self, chunk: bytes) -> None:
        if self._prefix is None:
            m = _ROOT.search(chunk)
            self._prefix = (m.group(1) or b"") if m else b""
            if self._prefix:
                p = self._prefix
                if self._sheet_cut is not None:
                    self._sheet_cut.ends = (
                        b"</row>",
                        b"</%s:row>" % p,
                        b"</c>",
                        b"</%s:c>" % p,
                        b">",
                    )
                if self._strings_cut is not None:
                    self._strings_cut.ends = (b"</si>", b"</%s:si>" % p, b">")
        if self._sheet_cut is not None:
            try:
                body = self._sheet_cut.cut(chunk)
                if body:
                    self._sheet_body(body)
            except _Irregular:
                self._sheet_cut, self.sheet = None, None
        if self._strings_cut is not None:
            try:
                body = self._strings_cut.cut(chunk)
                if body:
                    self._strings_body(body)
            except _Irregular:
                self._strings_cut, self.strings = None, None

    def finish(self) -> None:
        if self._sheet_cut is not None:
            try:
                if self._sheet_cut.carry:
                    self._sheet_body(self._sheet_cut.carry)
            except _Irregular:
                self._sheet_cut, self.sheet = None, None
        if self._strings_cut is not None:
            try:
                if self._strings_cut.carry:
                    self._strings_body(self._strings_cut.carry)
            except _Irregular:
                self._strings_cut, self.strings = None, None

    # -------------------------------------------------------------------- worksheets, fast
    def _unprefixed(self, body: bytes) -> bytes:
        """``body`` with the root element's namespace prefix removed from every element name
        (``<x:c>`` is ``<c>`` for calamine, which compares local names); other prefixes stay
        and make the part irregular."""
        if self._prefix:
            body = body.replace(b"<" + self._prefix + b":", b"<")
            body = body.replace(b"</" + self._prefix + b":", b"</")
        return body

    def _sheet_body(self, body: bytes) -> None:
        stats = self.sheet
        body = self._unprefixed(body)
        assert stats is not None
        if b"<c" not in body and b":c" not in body and b"mergeCell" not in body:
            return
        T = _tables()
        np = T.np
        n = len(body)
        a = np.frombuffer(body + _PAD, dtype=np.uint8)
        head = a[:n]
        lt = np.flatnonzero(head == 60)  # '<'
        nx = a[lt + 1]
        colon = np.flatnonzero(head == 58)  # ':' — a prefixed <x:c> is read as <c> too
        if len(colon) and _names_after(a, colon, _SHEET_NAMES).any():
            raise _Irregular
        m = lt[nx == 109]  # '<m'
        if len(m):
            stats.merges += int((_match(a, m + 1, b"mergeCell") & T.delim[a[m + 10]]).sum())
        c = lt[nx == 99]  # '<c'
        c = c[T.delim[a[c + 2]]]
        if not len(c):
            return
        if not _match(a, c + 2, b' r="').all():
            raise _Irregular
        # every attribute key "r" must be the first one of a <c> or a <row>: no duplicate
        eq = np.flatnonzero(head == 61)  # '='
        before = a[eq - 1]
        spaced = eq[T.space[before]]
        if len(spaced):
            _spaced_keys(body, spaced)
        keyed = T.key_start[a[eq - 2]]
        r_keys = eq[(before == 114) & keyed]
        rows = lt[nx == 114]
        rows = rows[_match(a, rows + 2, b'ow r="')]
        if len(r_keys) != len(c) + len(rows):
            raise _Irregular
        stored, row, col = _cells(np, a, c + 6)
        stats.cells += stored
        stats.max_row = max(stats.max_row, row)
        stats.max_col = max(stats.max_col, col)
        t_keys = eq[(before == 116) & keyed]
        if len(t_keys):
            if not (a[t_keys + 1] == 34).all():
                raise _Irregular
            shared = t_keys[(a[t_keys + 2] == 115) & (a[t_keys + 3] == 34)]  # t="s"
            if len(shared):
                stats.refs.append(_shared_refs(np, a, shared + 4))

    # ---------------------------------------------------------------- shared strings, fast
    def _strings_body(self, body: bytes) -> None:
        stats = self.strings
        assert stats is not None
        offset, self._strings_offset = self._strings_offset, self._strings_offset + len(body)
        body = self._unprefixed(body)
        T = _tables()
        np = T.np
        n = len(body)
        a = np.frombuffer(body + _PAD, dtype=np.uint8)
        head = a[:n]
        lt = np.flatnonzero(head == 60)
        if not len(lt):
            return
        nx = a[lt + 1]
        special = (nx == 33) | (nx == 63)  # <! <?
        if offset == 0 and nx[0] == 63 and not body[: lt[0]].lstrip(b"\xef\xbb\xbf"):
            special[0] = False  # the XML declaration
        if special.any():
            raise _Irregular
        colon = np.flatnonzero(head == 58)
        if len(colon) and _names_after(a, colon, _STRING_NAMES).any():
            raise _Irregular
        # a '<' inside a tag or a quoted value would hide a tag from this scan
        gt = np.flatnonzero(head == 62)
        if not len(gt):
            raise _Irregular
        ends = gt[np.minimum(np.searchsorted(gt, lt), len(gt) - 1)]
        if not (ends > lt).all() or not (ends[:-1] < lt[1:]).all():
            raise _Irregular
        for quote in (34, 39):
            marks = np.flatnonzero(head == quote)
            if len(marks):
                inside = np.searchsorted(marks, ends) - np.searchsorted(marks, lt)
                if (inside % 2).any():
                    raise _Irregular
        s = lt[(nx == 115) & (a[lt + 2] == 105) & T.delim[a[lt + 3]]]  # <si
        e = lt[(nx == 47) & (a[lt + 2] == 115) & (a[lt + 3] == 105) & T.end_delim[a[lt + 4]]]
        if not self._seen_sst:  # calamine reads the entries after <sst> only
            sst = lt[(nx == 115) & (a[lt + 2] == 115) & (a[lt + 3] == 116) & T.delim[a[lt + 4]]]
            if len(sst):
                self._seen_sst = True
                first = int(sst[0])
                attrs = _strip_empty(body[first + 4 : body.find(b">", first)])
                stats.declared = _count_value(_raw_attr(attrs, b"uniqueCount"))
                if (len(s) and s[0] < first) or (len(e) and e[0] < first):
                    raise _Irregular
            elif len(s) or len(e):
                raise _Irregular
        t = lt[(nx == 116) & T.delim[a[lt + 2]]]  # <t
        if len(t):  # no tag inside a <t>, so no </si> hides in one
            t = t[a[ends[np.searchsorted(lt, t)] - 1] != 47]  # not <t/>
            following = np.searchsorted(lt, t) + 1
            if (following >= len(lt)).any():
                raise _Irregular
            after = lt[following]
            if not ((a[after + 1] == 47) & (a[after + 2] == 116) & (a[after + 3] == 62)).all():
                raise _Irregular
        if not len(s) and not len(e):
            return
        empty = a[s + 3] == 47
        if not ((a[s + 3] == 62) | (empty & (a[s + 4] == 62))).all() or not (a[e + 4] == 62).all():
            raise _Irregular
        full = s[~empty]
        if len(full) != len(e):
            raise _Irregular
        if len(full):
            nxt = np.append(s, n)[np.searchsorted(s, full, side="right")]
            if not ((e > full) & (e < nxt)).all():
                raise _Irregular
        lengths = np.zeros(len(s), dtype=np.int64)
        lengths[~empty] = e - (full + 4)
        stats.lengths.append(lengths)
        stats.count += len(s)


_ROOT = re.compile(rb"<(?:([^ \t\r\n/>:!?<]+):)?(?:worksheet|sst)[ \t\r\n/>]")


def _is_shared_strings(filename: str) -> bool:
    """python-calamine looks the table up case-insensitively, with \\ read as /."""
    return filename.replace("\\", "/").lower().rsplit("/", 1)[-1] == "sharedstrings.xml"


class _Cutter:
    """Splits a stream into bodies that end after a whole unit (a row, a cell, a tag)."""

    def __init__(self, ends: tuple[bytes, ...]) -> None:
        self.ends = ends
        self.carry = b""

    def cut(self, chunk: bytes) -> bytes:
        window = self.carry + chunk if self.carry else chunk
        cut = 0
        for end in self.ends:
            i = window.rfind(end)
            if i >= 0:
                cut = i + len(end)
                break
        self.carry = window[cut:]
        if len(self.carry) > 8 * _CHUNK:
            raise _Irregular
        return window[:cut]


class _Tables:
    """numpy (imported on first use) and the byte classes of the fast scan."""

    def __init__(self) -> None:
        import numpy as np

        def table(chars: bytes) -> Any:
            out = np.zeros(256, dtype=bool)
            out[list(chars)] = True
            return out

        self.np = np
        self.delim = table(b" \t\r\n/>")  # ends an element name in a start tag
        self.end_delim = table(b" \t\r\n\x0c>")  # ... in an end tag (trailing space trimmed)
        self.any_delim = self.delim | self.end_delim
        self.space = table(b" \t\r\n\x0c")  # Rust's is_ascii_whitespace
        self.key_start = table(b" \t\r\n\x0c\"'")  # what may precede an attribute key
        self.letter = table(bytes(range(65, 91)) + bytes(range(97, 123)))
        self.digit = table(b"0123456789")
        self.ar11 = np.arange(11)
        self.ar8 = np.arange(8)
        self.close_v = np.frombuffer(b"</v></c>", dtype=np.uint8)


_PAD = b"\0" * 64
_TABLES: _Tables | None = None


def _tables() -> _Tables:
    global _TABLES
    if _TABLES is None:
        _TABLES = _Tables()
    return _TABLES


#: Element names that, with a namespace prefix, would be read by python-calamine as these.
_SHEET_NAMES = (b"c", b"row", b"v", b"is", b"f", b"mergeCell", b"sheetData")
_STRING_NAMES = (b"si", b"t", b"rPh", b"sst")


def _match(a: Any, pos: Any, pattern: bytes) -> Any:
    out = a[pos] == pattern[0]
    for i, byte in enumerate(pattern[1:], 1):
        out &= a[pos + i] == byte
    return out


def _names_after(a: Any, colon: Any, names: tuple[bytes, ...]) -> Any:
    """Whether each ':' is followed by one of ``names`` and a delimiter (``x:c ``)."""
    T = _tables()
    hit = None
    for word in names:
        found = _match(a, colon + 1, word) & T.any_delim[a[colon + 1 + len(word)]]
        hit = found if hit is None else hit | found
    return hit


def _spaced_keys(body: bytes, positions: Any) -> None:
    """``r =`` or ``t =``: a key python-calamine reads that the fast scan would miss."""
    if len(positions) > 256:
        raise _Irregular
    for p in positions.tolist():
        j = p - 1
        while j >= 0 and body[j] in b" \t\r\n\x0c":
            j -= 1
        if j >= 0 and body[j] in b"rt" and (j == 0 or body[j - 1] in b" \t\r\n\x0c\"'"):
            raise _Irregular


def _cells(np: Any, a: Any, start: Any) -> tuple[int, int, int]:
    """How many of the cells whose references start at ``start`` hold a value, and the largest
    row and column (1-based) among those: python-calamine stores only them, so a formatted
    empty cell far down (``<c r="A1048576" s="3"/>``, common in bloated Excel files) costs
    nothing.  A reference is 1-3 letters and 1-7 digits without a leading zero (A1 ..
    XFD1048576), so more letters or digits is farther: only the longest are evaluated.
    Anything else is read exactly.
    """
    T = _tables()
    l2 = T.letter[a[start + 1]]
    l3 = T.letter[a[start + 2]] & l2
    if not T.letter[a[start]].all() or (l3 & T.letter[a[start + 3]]).any():
        raise _Irregular
    nl = 1 + l2.view(np.int8) + l3.view(np.int8)
    digits = start + nl
    if (a[digits] == 48).any():  # a leading zero
        raise _Irregular
    nd = _digit_run(np, a, digits, 8)
    quote = digits + nd
    if not ((nd >= 1) & (nd <= 7)).all() or not (a[quote] == 34).all():
        raise _Irregular
    # empty: <c r="A1"/>, <c r="A1"></c>, and the same with s="N" (nothing else, byte for byte)
    after = quote + 1
    styled = _match(a, after, b' s="')
    style_end = after + 4 + _digit_run(np, a, after + 4, 6)
    after = np.where(styled & (a[style_end] == 34) & (style_end > after + 4), style_end + 1, after)
    empty = _match(a, after, b"/>") | _match(a, after, b"></c>")
    keep = ~empty
    if not keep.any():
        return 0, 0, 0
    start, nl, digits, nd = start[keep], nl[keep], digits[keep], nd[keep]
    widest = int(nl.max())
    first = start[nl == widest]
    col = np.zeros(len(first), dtype=np.int64)
    for i in range(widest):
        col = col * 26 + ((a[first + i] & 0xDF).astype(np.int64) - 64)
    deepest = int(nd.max())
    first = digits[nd == deepest]
    row = np.zeros(len(first), dtype=np.int64)
    for i in range(deepest):
        row = row * 10 + (a[first + i].astype(np.int64) - 48)
    return len(start), int(row.max()), int(col.max())


def _digit_run(np: Any, a: Any, start: Any, most: int) -> Any:
    """How many ASCII digits follow each of ``start`` (up to ``most``)."""
    T = _tables()
    count = np.zeros(len(start), dtype=np.int64)
    run = np.ones(len(start), dtype=bool)
    for k in range(most):
        run &= T.digit[a[start + k]]
        if not run.any():
            break
        count += run
    return count


def _shared_refs(np: Any, a: Any, after: Any) -> Any:
    """Indices of ``t="s"><v>N</v></c>`` at ``after`` (just past ``t="s"``)."""
    empty = (a[after] == 47) & (a[after + 1] == 62)  # t="s"/>
    after = after[~empty]
    if not _match(a, after, b"><v>").all():
        raise _Irregular
    start = after + 4
    nd = _digit_run(np, a, start, 11)
    if (nd > 10).any() or not _match(a, start + nd, b"</v></c>").all():
        raise _Irregular  # a second <v>, a formula, a long number...: read it exactly
    idx = np.zeros(len(start), dtype=np.int64)
    for i in range(int(nd.max(initial=0))):
        idx = np.where(nd > i, idx * 10 + (a[start + i].astype(np.int64) - 48), idx)
    return idx[nd > 0]


# ------------------------------------------------------------------------------------------
# Exact reading, as python-calamine does it (calamine's xlsx/cells_reader.rs and attrs.rs)

_NAME = rb"(?:[^ \t\r\n/>:]*:)?"  # quick-xml's local name follows the first ':'
_ATTRS = rb"[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*"  # quote-aware, like quick-xml
_PLAIN_ATTRS = rb'(?:[ \t\r\n]+[A-Za-z_][A-Za-z0-9_:.-]*="[^"<>]*")*[ \t\r\n]*'
#: A whole cell holding nothing unusual: <c ...>, <c ...><v>1</v></c>, <c ...><is><t>x</t></is></c>
_PLAIN_CELL = (
    rb"<(" + _NAME + rb"c)(" + _PLAIN_ATTRS + rb")(?:/>|>(?:"
    rb"<(" + _NAME + rb"v)>([^<]*)</\3>"
    rb"|<("
    + _NAME
    + rb"is)><("
    + _NAME
    + rb"t)(?:[ \t\r\n]"
    + _PLAIN_ATTRS
    + rb")?>[^<]*</\6></\5>"
    rb")?</\1>)"
)

START, END, CELL = 0, 1, 2
#: (kind, qname, local name, attributes, text after the tag, start, end) of one tag; a CELL
#: is a whole plain cell: its attributes, and its <v> (qname, text, start, end) or None.
_Event = tuple[int, bytes, bytes, Any, bytes, int, int]


def _token_pattern(names: tuple[bytes, ...], cells: bool = False) -> re.Pattern[bytes]:
    """Matches the next element named in ``names`` (a start or end tag, or with ``cells`` a
    whole plain cell) and the text after it, skipping text, comments, CDATA, processing
    instructions and other elements at C speed.  Never fails: a '<' that starts nothing
    complete (quick-xml stops there with an error) or the end of the data is matched too."""
    alt = b"|".join(re.escape(n) for n in names)
    other = rb"<(?![!?]|/?" + _NAME + rb"(?:" + alt + rb")[ \t\r\n\x0c/>])" + _ATTRS + rb">"
    skip = (
        rb"(?:[^<]+|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!(?!--|\[CDATA\[)[^>]*>|"
        + other
        + rb")*+"
    )
    tag = rb"<(/?)(" + _NAME + rb"(?:" + alt + rb"))(?=[ \t\r\n\x0c/>])(" + _ATTRS + rb")>([^<]*)"
    cell = (_PLAIN_CELL + rb"|") if cells else rb"(?!)()()()()()()|"
    return re.compile(skip + rb"(?:" + cell + tag + rb"|(<)|\Z)", re.S)


_SHEET_NAMES_EXACT = (b"c", b"row", b"v", b"is", b"f", b"t", b"rPh", b"sheetData", b"mergeCell")
_SHEET_TOKENS = _token_pattern(_SHEET_NAMES_EXACT, cells=True)
_STRING_TOKENS = _token_pattern((b"si", b"t", b"rPh", b"sst"))


class _AttrError(Exception):
    pass


_SIMPLE_ATTRS = re.compile(rb'(?:[ \t\r\n]+[A-Za-z_:][A-Za-z0-9_:.-]*="[^"]*")*[ \t\r\n]*')
_SIMPLE_ATTR = re.compile(rb'([A-Za-z_:][A-Za-z0-9_:.-]*)="([^"]*)"')


def _iter_attrs(raw: bytes) -> Iterator[tuple[bytes, bytes]]:
    """calamine's RawAttrIter: key up to '=', value in either quote; malformed → error."""
    if _SIMPLE_ATTRS.fullmatch(raw):  # key="value" pairs only: the same result, faster
        yield from _SIMPLE_ATTR.findall(raw)
        return
    pos, n = 0, len(raw)
    while True:
        while pos < n and raw[pos] in b" \t\r\n\x0c":
            pos += 1
        if pos >= n:
            return
        eq = raw.find(b"=", pos)
        if eq < 0:
            raise _AttrError
        key = raw[pos:eq].rstrip(b" \t\r\n\x0c")
        pos = eq + 1
        while pos < n and raw[pos] in b" \t\r\n\x0c":
            pos += 1
        if pos >= n or raw[pos] not in b"\"'":
            raise _AttrError
        end = raw.find(raw[pos : pos + 1], pos + 1)
        end = n if end < 0 else end
        yield key, raw[pos + 1 : end]
        pos = end + 1


def _raw_attr(raw: bytes, name: bytes) -> bytes | None:
    """The first attribute ``name`` (None if absent or malformed before it)."""
    try:
        return _raw_attr_strict(raw, name)
    except _AttrError:
        return None


def _raw_attr_strict(raw: bytes, name: bytes) -> bytes | None:
    for key, value in _iter_attrs(raw):
        if key == name:
            return value
    return None


def _cell_attrs(raw: bytes) -> tuple[bytes | None, bytes | None]:
    """``get_attrs!(r, s, t)``: one pass, stopping once three of those keys were seen."""
    r = t = None
    found = 0
    for key, value in _iter_attrs(raw):
        if key == b"r":
            r, found = value, found + 1
        elif key == b"t":
            t, found = value, found + 1
        elif key == b"s":
            found += 1
        if found == 3:
            break
    return r, t


_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")


def _reference(value: bytes | None) -> tuple[int, int] | None:
    """(row, column), 1-based, of ``A1``; column 0 if it has none; None where calamine errors."""
    if value is None:
        return None
    m = _REF.fullmatch(value)
    if not m or not m.group(2) or int(m.group(2)) == 0:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ch - 64
    return int(m.group(2)), col


def _strip_empty(attrs: bytes) -> bytes:
    return attrs[:-1] if attrs.endswith(b"/") else attrs


def _count_value(value: bytes | None) -> int | None:
    m = re.fullmatch(rb"\+?([0-9]+)", value) if value else None
    return int(m.group(1)) if m else None


def _local(qname: bytes) -> bytes:
    return qname.split(b":", 1)[1] if b":" in qname else qname


class _Stream:
    """The tags quick-xml reports to calamine, in order: an empty element gives its start and
    its end (``expand_empty_elements``).  A plain cell comes whole; :meth:`next` expands it
    into its tags for the readers that need them."""

    def __init__(self, tokens: re.Pattern[bytes], data: bytes) -> None:
        self._matches = tokens.finditer(data)
        self._back: list[_Event] = []

    def __iter__(self) -> _Stream:
        return self

    def __next__(self) -> _Event:
        """The next event, a plain cell included (for the sheet's top-level loop)."""
        if self._back:
            return self._back.pop()
        for m in self._matches:
            (cq, cattrs, vq, vtext, isq, tq, close, qname, attrs, text, _bad) = m.groups()
            if cq is not None:
                v = (vq, vtext, m.start(3) - 1, m.end(4)) if vq is not None else None
                if isq is not None:
                    v = (isq, tq, m.start(5) - 1, m.start(6) - 1)
                return CELL, cq, b"c", (cattrs, v, isq is not None), b"", m.start(1) - 1, m.end()
            if qname is None:  # the end of the data, or a '<' that starts nothing complete
                self._matches = iter(())
                break
            start, after = m.start(7) - 1, m.end(9) + 1
            local = _local(qname)
            if close:
                if not attrs.strip(b" \t\r\n\x0c"):  # </c foo> is an end tag named "c foo"
                    return END, qname, local, b"", text, start, after
                continue
            if attrs[:1] == b"\x0c" or (attrs[:1] == b"/" and attrs != b"/"):
                continue  # <c\x0c...> or <c/x...>: another name for quick-xml
            if attrs.endswith(b"/"):
                self._back.append((END, qname, local, b"", text, start, after))
                return START, qname, local, attrs[:-1], b"", start, after
            return START, qname, local, attrs, text, start, after
        raise StopIteration

    def next(self) -> _Event | None:
        """The next tag (a plain cell expanded), None at the end."""
        event = next(self, None)
        while event is not None and event[0] == CELL:
            self._expand(event)
            event = next(self, None)
        return event

    def tags(self) -> Iterator[_Event]:
        while (event := self.next()) is not None:
            yield event

    def _expand(self, cell: _Event) -> None:
        _, cq, _, (attrs, inner, inline), _, start, end = cell
        events: list[_Event] = []
        first = start + len(cq) + len(attrs) + 2  # just past the start tag of the cell
        events.append((START, cq, b"c", attrs, b"", start, first))
        if inner is not None and inline:
            isq, tq, is_at, t_at = inner
            events += [
                (START, isq, _local(isq), b"", b"", is_at, t_at),
                (START, tq, _local(tq), b"", b"", t_at, t_at),
                (END, tq, _local(tq), b"", b"", t_at, t_at),
                (END, isq, _local(isq), b"", b"", t_at, t_at),
            ]
        elif inner is not None:
            vq, text, v_at, text_end = inner
            after = v_at + len(vq) + 2
            events += [
                (START, vq, _local(vq), b"", text, v_at, after),
                (END, vq, _local(vq), b"", b"", text_end, text_end + len(vq) + 3),
            ]
        events.append((END, cq, b"c", b"", b"", end, end))  # also for <c .../>
        self._back.extend(reversed(events))


def _exact_sheet(data: bytes, limits: Limits) -> _SheetStats:
    """A worksheet part measured event by event, following calamine's cell reader."""
    stats = _SheetStats()
    refs: list[int] = []
    stats.refs.append(refs)
    stream = _Stream(_SHEET_TOKENS, data)
    row_index = col_index = 0  # 0-based, as calamine keeps them
    elements = 0  # <c> elements read, with a value or not: bounds the time this takes
    phase = "before"
    for kind, _qname, local, attrs, _text, _start, _after in stream:
        if kind == CELL:
            if phase != "data":
                continue  # cells outside <sheetData> are not read
            cell_attrs, inner, inline = attrs
        elif local == b"mergeCell":
            stats.merges += kind == START
            continue
        if phase == "before":
            if kind == START and local == b"sheetData":
                phase = "data"
            continue
        if phase == "done":
            continue  # only merged ranges are still counted
        if kind == END:
            if local == b"row":
                row_index, col_index = row_index + 1, 0
            elif local == b"sheetData":
                phase = "done"
            continue
        if local == b"row":
            try:
                r = _raw_attr_strict(attrs, b"r")
            except _AttrError:
                break
            if r is not None:
                got = _reference(r)
                if got is None:
                    break
                row_index = got[0] - 1
            continue
        if local != b"c":
            continue
        try:
            r, t = _cell_attrs(cell_attrs if kind == CELL else attrs)
        except _AttrError:
            break
        if r is not None:
            got = _reference(r)
            if got is None or got[1] == 0:
                break
            row, col = got[0] - 1, got[1] - 1
            col_index = col
        else:
            row, col = row_index, col_index
        elements += 1
        if elements > limits.cells:
            stats.cells = elements  # refused anyway
            break
        if kind == CELL:  # read whole
            stored = inner is not None and (inline or (bool(inner[1]) and t not in _INLINE))
            if stored and t == b"s" and not inline:
                text = inner[1]
                refs.append(int(text) if text.isdigit() and len(text) <= 19 else -1)
        else:
            stored = _read_cell(stream, t, refs)
            if stored is None:
                break
        if stored:  # calamine keeps cells with a value only
            stats.cells += 1
            stats.max_row = max(stats.max_row, row + 1)
            stats.max_col = max(stats.max_col, col + 1)
        col_index += 1
    return stats


_INLINE = (b"inlineStr", b"is")  # their <v> is ignored
_PLAIN_TYPES = (b"n", b"s", b"b", b"e", None)


def _read_cell(stream: _Stream, typ: bytes | None, refs: list[int]) -> bool | None:
    """The events of one <c> up to its end: whether it holds a value (its last child decides,
    as in calamine), None where calamine stops with an error."""
    stored = False
    for kind, qname, local, _attrs, text, _start, after in stream.tags():
        if kind == END:
            if local == b"c":
                return stored
            continue
        if local == b"is":
            ok, stored = _read_string(stream, qname), True  # a string, maybe ""
        elif local == b"v":
            if typ in _INLINE:
                ok, stored = _skip_to_end(stream, qname), False
            elif typ in _PLAIN_TYPES:
                ok, stored = _read_value(stream, qname, text, after, typ == b"s", refs), bool(text)
            else:
                ok, stored = _until_end(stream, qname), True  # str, d: the text, maybe ""
        elif local == b"f":
            ok, stored = _skip_to_end(stream, qname), False
        else:
            return None  # calamine: UnexpectedNode
        if not ok:
            return None
    return None


def _read_value(
    stream: _Stream, qname: bytes, text: bytes, after: int, shared: bool, refs: list[int]
) -> bool:
    """A <v> of a plain type: its first event is the value (empty unless it is text), the
    rest is read_to_end."""
    if text:
        if shared:  # atoi; anything else than digits: count the longest string
            refs.append(int(text) if text.isdigit() and len(text) <= 19 else -1)
        return _skip_to_end(stream, qname)
    following = stream.next()
    if following is None:
        return False
    kind, name, _local, _attrs, _text, start, _after = following
    if start == after:  # this element is the first event
        if kind == END and name == qname:
            return True  # <v></v>: empty
        return _skip_to_end(stream, qname)
    stream._back.append(following)  # something unlisted came first: read_to_end from here
    return _skip_to_end(stream, qname)


def _skip_to_end(stream: _Stream, qname: bytes) -> bool:
    """quick-xml's read_to_end_into: to the end tag of the same name, nesting counted."""
    depth = 0
    for kind, name, _local, _attrs, _text, _start, _after in stream.tags():
        if name != qname:
            continue
        if kind == START:
            depth += 1
        elif depth == 0:
            return True
        else:
            depth -= 1
    return False


def _until_end(stream: _Stream, qname: bytes) -> bool:
    for kind, name, _local, _attrs, _text, _start, _after in stream.tags():
        if kind == END and name == qname:
            return True
    return False


def _read_string(stream: _Stream, closing: bytes) -> bool:
    """calamine's read_string_with_bufs: to the end tag ``closing``, <t> read whole."""
    return _string_end(stream, closing) is not None


def _string_end(stream: _Stream, closing: bytes) -> int | None:
    """Where the string ends (the position of its end tag), as read_string reads it."""
    phonetic = False
    for kind, name, local, _attrs, _text, start, _after in stream.tags():
        if kind == END:
            if name == closing:
                return start
            if local == b"rPh":
                phonetic = False
        elif local == b"rPh":
            phonetic = True
        elif local == b"t" and not phonetic and not _until_end(stream, name):
            return None
    return None


def _exact_strings(data: bytes) -> _StringStats:
    """The shared-string table measured as calamine reads it: entries after <sst>, each from
    <si> to its end tag (the bytes in between bound the text it becomes)."""
    np = _tables().np
    stats = _StringStats()
    lengths: list[int] = []
    stream = _Stream(_STRING_TOKENS, data)
    for kind, _qname, local, attrs, _text, _start, _after in stream.tags():
        if kind == START and local == b"sst":
            stats.declared = _count_value(_raw_attr(attrs, b"uniqueCount"))
            break
    else:
        return stats
    for kind, qname, local, _attrs, _text, _start, after in stream.tags():
        if kind == END:
            if local == b"sst":
                break
            continue
        if local != b"si":
            continue
        end = _string_end(stream, qname)
        if end is None:
            break
        lengths.append(max(0, end - after))
    stats.lengths.append(np.array(lengths, dtype=np.int64))
    stats.count = len(lengths)
    return stats


# ------------------------------------------------------------------------------------------
# The workbook: which parts are its sheets, and the verdict


@dataclass
class _Sheet:
    name: str
    member: str | None  # None: not found among the parts (measured as the largest one)


def _check_contents(
    archive: zipfile.ZipFile, parts: dict[str, _PartScan], name: str, limits: Limits
) -> None:
    by_key = {n.replace("\\", "/").lower(): n for n in parts}
    sheets, listed = _workbook_sheets(archive, by_key, name, limits)
    if listed and len(sheets) > limits.sheets:
        raise ImportRefused(
            f"“{name}”有 {len(sheets)} 个工作表，超过导入上限 {limits.sheets} 个，拒绝导入"
        )
    strings = _string_lengths(archive, parts, name, limits)
    wanted = {s.member for s in sheets if s.member is not None}
    if any(s.member is None for s in sheets):
        wanted = set(parts)
    measured: dict[str, _SheetStats] = {}
    for member in wanted:
        part = parts[member]
        if part.sheet is not None:
            measured[member] = part.sheet
        else:
            measured[member] = _exact_sheet(_read(archive, member, name, limits), limits)
    largest = max(measured.values(), key=lambda s: _area(s.extent()), default=_SheetStats())
    total_cells = total_text = 0
    for sheet in sheets:
        stats = measured[sheet.member] if sheet.member is not None else largest
        area = _check_sheet(sheet.name, stats, limits)
        text = _referenced_text(stats, strings)
        if text > limits.shared_text_bytes:
            raise ImportRefused(_text_message(f"工作表“{sheet.name}”的单元格", text, limits))
        total_cells += area
        total_text += text
        if total_cells > limits.total_cells:
            raise ImportRefused(
                f"“{name}”各工作表合计约 {_wan(total_cells)}个单元格（算到工作表“{sheet.name}”），"
                f"超过导入上限 {_wan(limits.total_cells)}个；请只保留要导入的工作表后再导入"
            )
        if total_text > limits.shared_text_bytes:
            raise ImportRefused(_text_message(f"“{name}”各工作表的单元格", total_text, limits))


def _area(extent: tuple[int, int]) -> int:
    return extent[0] * extent[1]


def _wan(n: int) -> str:
    """A count in 万 (ten thousands) when it is large: 75000000 → 7500 万."""
    return f"{n / 10000:.0f} 万" if n >= 100_000 else f"{n:,} "


def _column_letter(col: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _check_sheet(sheet: str, stats: _SheetStats, limits: Limits) -> int:
    """Refuse a sheet beyond the limits; its area (cells python-calamine allocates) otherwise."""
    rows, cols = stats.extent()
    far = f"{_column_letter(cols)}{rows}"
    if rows > limits.rows:
        raise ImportRefused(
            f"工作表“{sheet}”的数据区域一直到第 {rows:,} 行（A1:{far}），"
            f"超过导入上限 {limits.rows:,} 行；请删去远处无关的单元格后另存再导入"
        )
    if cols > limits.columns:
        raise ImportRefused(
            f"工作表“{sheet}”的数据区域一直到第 {cols:,} 列（A1:{far}），"
            f"超过导入上限 {limits.columns} 列；请删去远处无关的单元格后另存再导入"
        )
    area = rows * cols
    if area > limits.cells:
        raise ImportRefused(
            f"工作表“{sheet}”的数据区域 A1:{far} 共 {_wan(area)}个单元格，"
            f"超过导入上限 {_wan(limits.cells)}个；请删去远处无关的单元格后另存再导入"
        )
    if stats.cells > limits.cells:
        raise ImportRefused(
            f"工作表“{sheet}”有 {_wan(stats.cells)}个单元格，超过导入上限 {_wan(limits.cells)}个，"
            "拒绝导入"
        )
    if stats.merges > limits.merged_ranges:
        raise ImportRefused(
            f"工作表“{sheet}”有 {stats.merges:,} 处合并单元格，超过导入上限 "
            f"{limits.merged_ranges:,} 处；请取消不必要的合并后另存再导入"
        )
    return area


def _text_message(what: str, size: int, limits: Limits) -> str:
    return (
        f"{what}引用的共享文字展开后约 {_mb(size)}，超过导入上限 {_mb(limits.shared_text_bytes)}"
        "（同一段文字被大量单元格重复引用，可能是恶意构造的文件），拒绝导入"
    )


def _referenced_text(stats: _SheetStats, strings: Any) -> int:
    """Bytes of text the sheet's shared-string references become (each one a copy)."""
    np = _tables().np if stats.refs else None
    if np is None or strings is None or not len(strings):
        return 0
    total = 0
    longest = int(strings.max())
    for refs in stats.refs:
        idx = np.asarray(refs, dtype=np.int64)
        if not len(idx):
            continue
        total += longest * int((idx < 0).sum())
        idx = idx[(idx >= 0) & (idx < len(strings))]
        total += int(strings[idx].sum())
    return total


def _string_lengths(
    archive: zipfile.ZipFile, parts: dict[str, _PartScan], name: str, limits: Limits
) -> Any:
    """Entry lengths of the shared-string table(s), checked against the limits."""
    tables: list[Any] = []
    for member, part in parts.items():
        if not _is_shared_strings(member):
            continue
        stats = part.strings
        if stats is None:
            stats = _exact_strings(_read(archive, member, name, limits))
        if stats.declared is not None and stats.declared > limits.shared_strings:
            raise ImportRefused(
                f"“{name}”的共享文字表声明有 {_wan(stats.declared)}条，"
                f"超过导入上限 {_wan(limits.shared_strings)}条，可能是恶意构造的文件，拒绝导入"
            )
        if stats.count > limits.shared_strings:
            raise ImportRefused(
                f"“{name}”的共享文字表有 {_wan(stats.count)}条，"
                f"超过导入上限 {_wan(limits.shared_strings)}条，拒绝导入"
            )
        np = _tables().np
        tables.append(np.concatenate(stats.lengths) if stats.lengths else np.zeros(0, np.int64))
    if not tables:
        return None
    np = _tables().np
    longest = max(len(t) for t in tables)
    out = np.zeros(longest, dtype=np.int64)
    for table in tables:  # two tables differing only in case: take the larger of each entry
        out[: len(table)] = np.maximum(out[: len(table)], table)
    return out


def _read(archive: zipfile.ZipFile, member: str, name: str, limits: Limits) -> bytes:
    """A whole member (sizes were checked while streaming it)."""
    with archive.open(member) as stream:
        data = stream.read(limits.uncompressed_bytes + 1)
    if len(data) > limits.uncompressed_bytes:
        raise ImportRefused(_too_big(name, len(data), limits))
    return data


_SHEET_TAGS = _token_pattern((b"sheet", b"Relationship"))


def _workbook_sheets(
    archive: zipfile.ZipFile, by_key: dict[str, str], name: str, limits: Limits
) -> tuple[list[_Sheet], bool]:
    """The worksheets python-calamine will read, in order, each with its part.

    As calamine: the workbook part is the officeDocument of ``_rels/.rels``; each ``<sheet>``
    names a relationship whose Target is its part (absolute, or relative to the workbook's
    folder); parts are looked up case-insensitively.  ``read_sheets`` reads sheets by name, so
    two sheets with one name both read the first one's part.
    """

    def member_bytes(path: str) -> bytes | None:
        member = by_key.get(path.lower())
        if member is None:
            return None
        data = _read(archive, member, name, limits)
        if len(data) > 16 * _CHUNK:
            raise ImportRefused(f"“{name}”的工作簿目录（{member}）异常庞大，拒绝导入")
        return data

    package = member_bytes("_rels/.rels") or b""
    xl_path = "xl/"
    for kind, _q, local, attrs, _t, _s, _a in _Stream(_SHEET_TAGS, package).tags():
        if kind != START or local != b"Relationship":
            continue
        typ, target = _rel_attrs(attrs, (b"Type", b"Target"))
        if typ is not None and typ.endswith(b"/relationships/officeDocument") and target:
            text = target.decode("utf-8", "replace")
            xl_path = text[: text.rfind("/") + 1].lstrip("/") if "/" in text else ""
    rels: dict[bytes, tuple[bytes, bytes]] = {}
    relationships = member_bytes(f"{xl_path}_rels/workbook.xml.rels") or b""
    for kind, _q, local, attrs, _t, _s, _a in _Stream(_SHEET_TAGS, relationships).tags():
        if kind != START or local != b"Relationship":
            continue
        rel_id, typ, target = _rel_attrs(attrs, (b"Id", b"Type", b"Target"))
        if rel_id is not None:
            rels[rel_id] = (target or b"", typ or b"")
    sheets: list[_Sheet] = []
    first: dict[str, str | None] = {}
    workbook = member_bytes(f"{xl_path}workbook.xml")
    for kind, _q, local, attrs, _t, _s, _a in _Stream(_SHEET_TAGS, workbook or b"").tags():
        if kind != START or local != b"sheet":
            continue
        sheet_name, rel_id = "", b""
        try:
            for key, value in _iter_attrs(attrs):
                if key == b"name":
                    sheet_name = html.unescape(value.decode("utf-8", "replace"))
                elif key == b"id" or key.endswith(b":id"):
                    rel_id = value
        except _AttrError:
            pass
        target, typ = rels.get(rel_id, (b"", b""))
        if typ.rsplit(b"/", 1)[-1] in (b"chartsheet", b"dialogsheet"):
            continue  # read_sheets reads worksheets only
        text = target.decode("utf-8", "replace")
        path = text[1:] if text.startswith("/") else f"{xl_path}{text}"
        member = by_key.get(path.lower()) if target else None
        if sheet_name not in first:
            first[sheet_name] = member
        sheets.append(_Sheet(sheet_name or path, first[sheet_name]))
        if len(sheets) > limits.sheets:
            break
    if workbook is None:  # no list of sheets python-calamine could use: any part may be one
        return [_Sheet(member, member) for member in by_key.values()], False
    return sheets, True


def _rel_attrs(raw: bytes, keys: tuple[bytes, ...]) -> tuple[bytes | None, ...]:
    found: dict[bytes, bytes] = {}
    try:
        for key, value in _iter_attrs(raw):
            if key in keys:
                found[key] = value
    except _AttrError:
        pass
    return tuple(found.get(k) for k in keys)
