"""The fast measure of a worksheet or shared-string part while it streams past: a
vectorised (numpy) scan of the plain form every common writer uses; anything else is handed
to :mod:`.exact_scan` (see :mod:`.safety`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .scan_parts import (
    CHUNK,
    PAD,
    SheetStats,
    StringStats,
    count_value,
    numpy_tables,
    raw_attr,
    strip_empty,
)


class Irregular(Exception):
    """Not the plain form the fast scan reads: measure the part exactly instead."""


class PartScan:
    """Measures one zip member while it streams past (see the module docstring)."""

    def __init__(self, strings: bool) -> None:
        self.sheet: SheetStats | None = SheetStats()
        self.strings: StringStats | None = StringStats() if strings else None
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
        self._each_part(lambda cutter: cutter.cut(chunk))

    def finish(self) -> None:
        self._each_part(lambda cutter: cutter.carry)

    def _each_part(self, take: Callable[[_Cutter], bytes]) -> None:
        """Scan what ``take`` gives of the sheet's and of the shared strings' stream; a part
        found irregular drops its fast scan (the exact reader takes over)."""
        for part in ("sheet", "strings"):
            cutter = getattr(self, f"_{part}_cut")
            if cutter is None:
                continue
            try:
                body = take(cutter)
                if body:
                    getattr(self, f"_{part}_body")(body)
            except Irregular:
                setattr(self, f"_{part}_cut", None)
                setattr(self, part, None)

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
        T = numpy_tables()
        np = T.np
        n = len(body)
        a = np.frombuffer(body + PAD, dtype=np.uint8)
        head = a[:n]
        lt = np.flatnonzero(head == 60)  # '<'
        nx = a[lt + 1]
        colon = np.flatnonzero(head == 58)  # ':' — a prefixed <x:c> is read as <c> too
        if len(colon) and _names_after(a, colon, _SHEET_NAMES).any():
            raise Irregular
        m = lt[nx == 109]  # '<m'
        if len(m):
            stats.merges += int((_match(a, m + 1, b"mergeCell") & T.delim[a[m + 10]]).sum())
        c = lt[nx == 99]  # '<c'
        c = c[T.delim[a[c + 2]]]
        if not len(c):
            return
        if not _match(a, c + 2, b' r="').all():
            raise Irregular
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
            raise Irregular
        stored, row, col = _cells(np, a, c + 6)
        stats.cells += stored
        stats.max_row = max(stats.max_row, row)
        stats.max_col = max(stats.max_col, col)
        t_keys = eq[(before == 116) & keyed]
        if len(t_keys):
            if not (a[t_keys + 1] == 34).all():
                raise Irregular
            shared = t_keys[(a[t_keys + 2] == 115) & (a[t_keys + 3] == 34)]  # t="s"
            if len(shared):
                stats.refs.append(_shared_refs(np, a, shared + 4))

    # ---------------------------------------------------------------- shared strings, fast
    def _strings_body(self, body: bytes) -> None:
        stats = self.strings
        assert stats is not None
        offset, self._strings_offset = self._strings_offset, self._strings_offset + len(body)
        body = self._unprefixed(body)
        T = numpy_tables()
        np = T.np
        n = len(body)
        a = np.frombuffer(body + PAD, dtype=np.uint8)
        head = a[:n]
        lt = np.flatnonzero(head == 60)
        if not len(lt):
            return
        nx = a[lt + 1]
        special = (nx == 33) | (nx == 63)  # <! <?
        if offset == 0 and nx[0] == 63 and not body[: lt[0]].lstrip(b"\xef\xbb\xbf"):
            special[0] = False  # the XML declaration
        if special.any():
            raise Irregular
        colon = np.flatnonzero(head == 58)
        if len(colon) and _names_after(a, colon, _STRING_NAMES).any():
            raise Irregular
        # a '<' inside a tag or a quoted value would hide a tag from this scan
        gt = np.flatnonzero(head == 62)
        if not len(gt):
            raise Irregular
        ends = gt[np.minimum(np.searchsorted(gt, lt), len(gt) - 1)]
        if not (ends > lt).all() or not (ends[:-1] < lt[1:]).all():
            raise Irregular
        for quote in (34, 39):
            marks = np.flatnonzero(head == quote)
            if len(marks):
                inside = np.searchsorted(marks, ends) - np.searchsorted(marks, lt)
                if (inside % 2).any():
                    raise Irregular
        s = lt[(nx == 115) & (a[lt + 2] == 105) & T.delim[a[lt + 3]]]  # <si
        e = lt[(nx == 47) & (a[lt + 2] == 115) & (a[lt + 3] == 105) & T.end_delim[a[lt + 4]]]
        if not self._seen_sst:  # calamine reads the entries after <sst> only
            sst = lt[(nx == 115) & (a[lt + 2] == 115) & (a[lt + 3] == 116) & T.delim[a[lt + 4]]]
            if len(sst):
                self._seen_sst = True
                first = int(sst[0])
                attrs = strip_empty(body[first + 4 : body.find(b">", first)])
                stats.declared = count_value(raw_attr(attrs, b"uniqueCount"))
                if (len(s) and s[0] < first) or (len(e) and e[0] < first):
                    raise Irregular
            elif len(s) or len(e):
                raise Irregular
        t = lt[(nx == 116) & T.delim[a[lt + 2]]]  # <t
        if len(t):  # no tag inside a <t>, so no </si> hides in one
            t = t[a[ends[np.searchsorted(lt, t)] - 1] != 47]  # not <t/>
            following = np.searchsorted(lt, t) + 1
            if (following >= len(lt)).any():
                raise Irregular
            after = lt[following]
            if not ((a[after + 1] == 47) & (a[after + 2] == 116) & (a[after + 3] == 62)).all():
                raise Irregular
        if not len(s) and not len(e):
            return
        empty = a[s + 3] == 47
        if not ((a[s + 3] == 62) | (empty & (a[s + 4] == 62))).all() or not (a[e + 4] == 62).all():
            raise Irregular
        full = s[~empty]
        if len(full) != len(e):
            raise Irregular
        if len(full):
            nxt = np.append(s, n)[np.searchsorted(s, full, side="right")]
            if not ((e > full) & (e < nxt)).all():
                raise Irregular
        lengths = np.zeros(len(s), dtype=np.int64)
        lengths[~empty] = e - (full + 4)
        stats.lengths.append(lengths)
        stats.count += len(s)


_ROOT = re.compile(rb"<(?:([^ \t\r\n/>:!?<]+):)?(?:worksheet|sst)[ \t\r\n/>]")


def is_shared_strings(filename: str) -> bool:
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
        if len(self.carry) > 8 * CHUNK:
            raise Irregular
        return window[:cut]


_SHEET_NAMES = (b"c", b"row", b"v", b"is", b"f", b"mergeCell", b"sheetData")
_STRING_NAMES = (b"si", b"t", b"rPh", b"sst")


def _match(a: Any, pos: Any, pattern: bytes) -> Any:
    out = a[pos] == pattern[0]
    for i, byte in enumerate(pattern[1:], 1):
        out &= a[pos + i] == byte
    return out


def _names_after(a: Any, colon: Any, names: tuple[bytes, ...]) -> Any:
    """Whether each ':' is followed by one of ``names`` and a delimiter (``x:c ``)."""
    T = numpy_tables()
    hit = None
    for word in names:
        found = _match(a, colon + 1, word) & T.any_delim[a[colon + 1 + len(word)]]
        hit = found if hit is None else hit | found
    return hit


def _spaced_keys(body: bytes, positions: Any) -> None:
    """``r =`` or ``t =``: a key python-calamine reads that the fast scan would miss."""
    if len(positions) > 256:
        raise Irregular
    for p in positions.tolist():
        j = p - 1
        while j >= 0 and body[j] in b" \t\r\n\x0c":
            j -= 1
        if j >= 0 and body[j] in b"rt" and (j == 0 or body[j - 1] in b" \t\r\n\x0c\"'"):
            raise Irregular


def _cells(np: Any, a: Any, start: Any) -> tuple[int, int, int]:
    """How many of the cells whose references start at ``start`` hold a value, and the largest
    row and column (1-based) among those: python-calamine stores only them, so a formatted
    empty cell far down (``<c r="A1048576" s="3"/>``, common in bloated Excel files) costs
    nothing.  A reference is 1-3 letters and 1-7 digits without a leading zero (A1 ..
    XFD1048576), so more letters or digits is farther: only the longest are evaluated.
    Anything else is read exactly.
    """
    T = numpy_tables()
    l2 = T.letter[a[start + 1]]
    l3 = T.letter[a[start + 2]] & l2
    if not T.letter[a[start]].all() or (l3 & T.letter[a[start + 3]]).any():
        raise Irregular
    nl = 1 + l2.view(np.int8) + l3.view(np.int8)
    digits = start + nl
    if (a[digits] == 48).any():  # a leading zero
        raise Irregular
    nd = _digit_run(np, a, digits, 8)
    quote = digits + nd
    if not ((nd >= 1) & (nd <= 7)).all() or not (a[quote] == 34).all():
        raise Irregular
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
    T = numpy_tables()
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
        raise Irregular
    start = after + 4
    nd = _digit_run(np, a, start, 11)
    if (nd > 10).any() or not _match(a, start + nd, b"</v></c>").all():
        raise Irregular  # a second <v>, a formula, a long number...: read it exactly
    idx = np.zeros(len(start), dtype=np.int64)
    for i in range(int(nd.max(initial=0))):
        idx = np.where(nd > i, idx * 10 + (a[start + i].astype(np.int64) - 48), idx)
    return idx[nd > 0]
