"""The exact measure of a worksheet or shared-string part, following python-calamine's
own reading rules (quick-xml events, its attribute parser); used where the fast scan
(:mod:`.fast_scan`) meets an unusual form (see :mod:`.safety`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .scan_parts import (
    AttrError,
    Limits,
    SheetStats,
    StringStats,
    cell_attributes,
    count_value,
    local_name,
    numpy_tables,
    raw_attr,
    raw_attr_strict,
    reference,
)

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


def token_pattern(names: tuple[bytes, ...], cells: bool = False) -> re.Pattern[bytes]:
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
_SHEET_TOKENS = token_pattern(_SHEET_NAMES_EXACT, cells=True)
_STRING_TOKENS = token_pattern((b"si", b"t", b"rPh", b"sst"))


class Stream:
    """The tags quick-xml reports to calamine, in order: an empty element gives its start and
    its end (``expand_empty_elements``).  A plain cell comes whole; :meth:`next` expands it
    into its tags for the readers that need them."""

    def __init__(self, tokens: re.Pattern[bytes], data: bytes) -> None:
        self._matches = tokens.finditer(data)
        self._back: list[_Event] = []

    def __iter__(self) -> Stream:
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
            local = local_name(qname)
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
                (START, isq, local_name(isq), b"", b"", is_at, t_at),
                (START, tq, local_name(tq), b"", b"", t_at, t_at),
                (END, tq, local_name(tq), b"", b"", t_at, t_at),
                (END, isq, local_name(isq), b"", b"", t_at, t_at),
            ]
        elif inner is not None:
            vq, text, v_at, text_end = inner
            after = v_at + len(vq) + 2
            events += [
                (START, vq, local_name(vq), b"", text, v_at, after),
                (END, vq, local_name(vq), b"", b"", text_end, text_end + len(vq) + 3),
            ]
        events.append((END, cq, b"c", b"", b"", end, end))  # also for <c .../>
        self._back.extend(reversed(events))


def exact_sheet(data: bytes, limits: Limits) -> SheetStats:
    """A worksheet part measured event by event, following calamine's cell reader."""
    stats = SheetStats()
    refs: list[int] = []
    stats.refs.append(refs)
    stream = Stream(_SHEET_TOKENS, data)
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
                r = raw_attr_strict(attrs, b"r")
            except AttrError:
                break
            if r is not None:
                got = reference(r)
                if got is None:
                    break
                row_index = got[0] - 1
            continue
        if local != b"c":
            continue
        try:
            r, t = cell_attributes(cell_attrs if kind == CELL else attrs)
        except AttrError:
            break
        if r is not None:
            got = reference(r)
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


def _read_cell(stream: Stream, typ: bytes | None, refs: list[int]) -> bool | None:
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
    stream: Stream, qname: bytes, text: bytes, after: int, shared: bool, refs: list[int]
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


def _skip_to_end(stream: Stream, qname: bytes) -> bool:
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


def _until_end(stream: Stream, qname: bytes) -> bool:
    for kind, name, _local, _attrs, _text, _start, _after in stream.tags():
        if kind == END and name == qname:
            return True
    return False


def _read_string(stream: Stream, closing: bytes) -> bool:
    """calamine's read_string_with_bufs: to the end tag ``closing``, <t> read whole."""
    return _string_end(stream, closing) is not None


def _string_end(stream: Stream, closing: bytes) -> int | None:
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


def exact_strings(data: bytes) -> StringStats:
    """The shared-string table measured as calamine reads it: entries after <sst>, each from
    <si> to its end tag (the bytes in between bound the text it becomes)."""
    np = numpy_tables().np
    stats = StringStats()
    lengths: list[int] = []
    stream = Stream(_STRING_TOKENS, data)
    for kind, _qname, local, attrs, _text, _start, _after in stream.tags():
        if kind == START and local == b"sst":
            stats.declared = count_value(raw_attr(attrs, b"uniqueCount"))
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
