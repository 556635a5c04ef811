"""The .xls check's reading of the shared-string table (containers._sst_lengths): each string's
length whether it lies inside the SST record or runs on into CONTINUE records (its characters
broken with a new width byte, its rich-text runs or phonetic block carried over)."""

from __future__ import annotations

import struct
from dataclasses import replace

import pytest

from desktop_app.importers.containers import DEFAULT_LIMITS, _sst_lengths
from desktop_app.importers.errors import ImportRefused


def _record(typ: int, body: bytes) -> bytes:
    return struct.pack("<HH", typ, len(body)) + body


def _string(chars: str, *, wide: bool = False, runs: int = 0, ext: bytes = b"") -> bytes:
    flags = (1 if wide else 0) | (8 if runs else 0) | (4 if ext else 0)
    out = struct.pack("<HB", len(chars), flags)
    if runs:
        out += struct.pack("<H", runs)
    if ext:
        out += struct.pack("<I", len(ext))
    out += chars.encode("utf-16-le" if wide else "latin-1")
    return out + b"\1\0\2\0" * runs + ext


def _lengths(parts: list[bytes], count: int) -> list[int]:
    """The SST record holding parts[0] (after its counts), CONTINUE records the others."""
    data = _record(0x00FC, struct.pack("<II", count, count) + parts[0])
    data += b"".join(_record(0x003C, p) for p in parts[1:])
    data += _record(0x000A, b"")  # EOF: not a CONTINUE, the table ends before it
    return list(_sst_lengths(data, 4, 4 + 8 + len(parts[0]), DEFAULT_LIMITS, "t.xls"))


def test_strings_inside_the_record():
    parts = [_string("abc") + _string("项目", wide=True) + _string("x", runs=2, ext=b"ph")]
    assert _lengths(parts, 3) == [9, 6, 3]


def test_a_string_broken_by_a_continue_record_goes_on_with_its_width_byte():
    whole = _string("abcdefgh")
    broken = [whole[:6], b"\0" + whole[6:] + _string("辽源", wide=True)]  # 'abc' | 'defgh'
    assert _lengths(broken, 2) == [24, 6]
    wide = _string("ABCDE", wide=True)  # two wide characters, then three narrow ones
    assert _lengths([wide[:7], b"\0CDE" + _string("z")], 2) == [15, 3]


def test_runs_and_phonetic_block_carried_over_into_the_next_record():
    first = _string("ab", runs=3, ext=b"phonetic")
    split = len(first) - 10  # inside the runs: the rest of them and the block go on
    parts = [first[:split], first[split:] + _string("c")]
    assert _lengths(parts, 2) == [6, 3]


def test_more_strings_than_the_limit_are_refused():
    limits = replace(DEFAULT_LIMITS, shared_strings=3)
    data = _record(0x00FC, struct.pack("<II", 3, 3) + _string("a") * 4)
    with pytest.raises(ImportRefused, match="共享文字表超过"):
        _sst_lengths(data, 4, len(data), limits, "t.xls")
    assert len(_sst_lengths(data[: 4 + 8 + 4 * 3], 4, 4 + 8 + 4 * 3, limits, "t.xls")) == 3
