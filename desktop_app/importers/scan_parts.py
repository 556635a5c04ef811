"""What the two measures of a workbook part share (:mod:`.safety` explains them): the
counts they give, numpy loaded once, and python-calamine's attribute rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

CHUNK = 1 << 20  # bytes read from a zip member at a time


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


@dataclass
class SheetStats:
    """A worksheet part as python-calamine would read it (rows and columns are 1-based)."""

    cells: int = 0  # cells with a value (each is stored, even at a position used before)
    max_row: int = 0  # the farthest of them
    max_col: int = 0
    merges: int = 0
    refs: list[Any] = field(default_factory=list)  # arrays of shared-string indices, -1: any

    def extent(self) -> tuple[int, int]:
        return self.max_row, self.max_col


@dataclass
class StringStats:
    """The shared-string table: the UTF-8 length (an upper bound) of each entry, in order."""

    lengths: list[Any] = field(default_factory=list)  # numpy int64 arrays
    count: int = 0
    declared: int | None = None  # uniqueCount, which python-calamine reserves room for


class NumpyTables:
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


PAD = b"\0" * 64
_TABLES: NumpyTables | None = None


def numpy_tables() -> NumpyTables:
    global _TABLES
    if _TABLES is None:
        _TABLES = NumpyTables()
    return _TABLES


#: Element names that, with a namespace prefix, would be read by python-calamine as these.


class AttrError(Exception):
    pass


_SIMPLE_ATTRS = re.compile(rb'(?:[ \t\r\n]+[A-Za-z_:][A-Za-z0-9_:.-]*="[^"]*")*[ \t\r\n]*')
_SIMPLE_ATTR = re.compile(rb'([A-Za-z_:][A-Za-z0-9_:.-]*)="([^"]*)"')


def iter_attrs(raw: bytes) -> Iterator[tuple[bytes, bytes]]:
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
            raise AttrError
        key = raw[pos:eq].rstrip(b" \t\r\n\x0c")
        pos = eq + 1
        while pos < n and raw[pos] in b" \t\r\n\x0c":
            pos += 1
        if pos >= n or raw[pos] not in b"\"'":
            raise AttrError
        end = raw.find(raw[pos : pos + 1], pos + 1)
        end = n if end < 0 else end
        yield key, raw[pos + 1 : end]
        pos = end + 1


def raw_attr(raw: bytes, name: bytes) -> bytes | None:
    """The first attribute ``name`` (None if absent or malformed before it)."""
    try:
        return raw_attr_strict(raw, name)
    except AttrError:
        return None


def raw_attr_strict(raw: bytes, name: bytes) -> bytes | None:
    for key, value in iter_attrs(raw):
        if key == name:
            return value
    return None


def cell_attributes(raw: bytes) -> tuple[bytes | None, bytes | None]:
    """``get_attrs!(r, s, t)``: one pass, stopping once three of those keys were seen."""
    r = t = None
    found = 0
    for key, value in iter_attrs(raw):
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


def reference(value: bytes | None) -> tuple[int, int] | None:
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


def strip_empty(attrs: bytes) -> bytes:
    return attrs[:-1] if attrs.endswith(b"/") else attrs


def count_value(value: bytes | None) -> int | None:
    m = re.fullmatch(rb"\+?([0-9]+)", value) if value else None
    return int(m.group(1)) if m else None


def local_name(qname: bytes) -> bytes:
    return qname.split(b":", 1)[1] if b":" in qname else qname
