"""Sorting text as a Chinese office expects (Excel and WPS in a Chinese locale): Chinese by
pinyin — 安 (ān) before 白 (bái) before 长 (cháng) — where Unicode order would put 长 (U+957F)
after 白 (U+767D) and 重 (U+91CD) before 长; code-list values in the code list's own order.

:func:`sort_key` turns a text into one plain string whose ordinary comparison is that order,
so that sorting 100,000 names is one ``list.sort`` over strings.  Each character becomes a
short fragment, looked up in a table filled lazily (one look-up in pypinyin's table per
distinct character, then ``str.translate`` at C speed):

* punctuation, spaces and symbols first (``\x01`` + the character), then digits (as
  themselves: compared character by character, as Excel does, so 10 sorts before 2), then
  Latin letters (case ignored, full-width as half-width), then Chinese characters, then
  every other script;
* a Chinese character is two characters: one private-use code point standing for its
  syllable and tone (syllables in alphabetical order, tones 1–4 then the neutral tone), then
  the character itself, which orders characters of the same reading by code point.

Which reading of a character with several: the one GB2312 (the order Excel's pinyin sort
follows) files it under, for the 3,755 common characters of its first level — 长 under cháng,
重 under zhòng (not chóng), 行 under xíng, 朝 under cháo; pypinyin's first reading for every
other character, so rare characters, which GB2312 puts at the end by radical, or leaves out,
still sort by their pinyin.  Readings are per character, not per word (as in Excel): 重庆
sorts under zhòng.  pypinyin's tables are exact and offline for all CJK characters.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path

_PUNCT = "\x01"
_OTHER = "\uf8ff"  # after every Chinese reading
_READING_BASE = 0xE000  # private-use code points standing for (syllable, tone): ~3,300 of them
_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def _syllable(reading: str) -> tuple[str, int]:
    """'cháng' → ('chang', 2); 'lǜ' → ('lv', 4); a neutral tone is 5."""
    tone = 5
    letters = []
    for ch in unicodedata.normalize("NFD", reading):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":  # ü
            if letters and letters[-1] == "u":
                letters[-1] = "v"
        elif not unicodedata.combining(ch):
            letters.append(ch)
    return "".join(letters).lower(), tone


@functools.cache
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's table of each character's readings.  Read alone (~40 ms) unless pypinyin is
    loaded already: importing the package loads its phrase dictionary too (~300 ms), which
    sorting does not need."""
    if "pypinyin" not in sys.modules:
        try:
            spec = importlib.util.find_spec("pypinyin")
            assert spec is not None and spec.submodule_search_locations
            path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.py"
            alone = importlib.util.spec_from_file_location("_collation_pinyin_dict", path)
            assert alone is not None and alone.loader is not None
            module = importlib.util.module_from_spec(alone)
            alone.loader.exec_module(module)
            table: dict[int, str] = module.pinyin_dict
            return table
        except Exception:  # pragma: no cover - another layout of pypinyin: import it whole
            pass
    from pypinyin.constants import PINYIN_DICT

    return PINYIN_DICT


_PLAIN = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿê",
    "aaaaeeeeiiiioooouuuuvvvvvnnnme",
)


@functools.cache
def _gb2312_readings() -> dict[str, tuple[str, int]]:
    """The reading GB2312's first level files each polyphonic character under: the one that
    fits between its neighbours with a single reading (the level is sorted by pinyin)."""
    readings = _pinyin_dict()
    chars = "".join(
        bytes(b for lo in range(0xA1, 0xFF) for b in (hi, lo)).decode("gb2312", "ignore")
        for hi in range(0xB0, 0xD8)
    )
    bases = [readings.get(ord(c), "").translate(_PLAIN).split(",") for c in chars]
    single = [b[0] if b[0] and all(x == b[0] for x in b) else None for b in bases]
    before: list[str] = []
    last = ""
    for s in single:
        last = s or last
        before.append(last)
    after: list[str] = [""] * len(single)
    nxt = "zzzzzz"
    for i in range(len(single) - 1, -1, -1):
        nxt = single[i] or nxt
        after[i] = nxt
    chosen: dict[str, tuple[str, int]] = {}
    for i, c in enumerate(chars):
        if single[i] is not None or not bases[i][0]:
            continue
        for reading in readings[ord(c)].split(","):
            syllable, tone = _syllable(reading)
            if before[i] <= syllable <= after[i]:
                chosen[c] = (syllable, tone)
                break
    return chosen


@functools.cache
def _syllables() -> dict[str, int]:
    """Every syllable pypinyin knows → its place in alphabetical order."""
    text = ",".join(_pinyin_dict().values()).translate(_PLAIN)
    return {s: i for i, s in enumerate(sorted(set(text.split(","))))}


def _reading_mark(syllable: str, tone: int) -> str:
    places = _syllables()
    place = places.get(syllable)
    if place is None:  # not among the plain syllables: next to where it would be
        place = bisect_left(sorted(places), syllable)
    return chr(_READING_BASE + place * 8 + tone)


def _fragment(ch: str) -> str:
    """The sort fragment of one character."""
    norm = unicodedata.normalize("NFKC", ch)
    if len(norm) != 1:
        return "".join(_fragment(c) for c in norm) if norm else _PUNCT + ch
    if norm.isascii():
        if "0" <= norm <= "9":
            return norm
        return norm.lower() if norm.isalpha() else _PUNCT + norm
    reading = _pinyin_dict().get(ord(norm))
    if reading:
        syllable, tone = _gb2312_readings().get(norm) or _syllable(reading.split(",")[0])
        return _reading_mark(syllable, tone) + norm
    if unicodedata.category(norm)[0] in "PSZC":
        return _PUNCT + norm
    return _OTHER + norm


class _Table(dict):
    """ord → fragment, filled on first sight of a character (``str.translate`` asks)."""

    def __missing__(self, code: int) -> str:
        fragment = _fragment(chr(code))
        self[code] = fragment
        return fragment


_TABLE = _Table()


def sort_key(text: str) -> str:
    """The key that sorts ``text`` in Chinese office order (compare keys as plain strings)."""
    return text.translate(_TABLE)


#: Keys worked out so far, by text (a ledger's names change rarely: the next sort of the
#: same column only looks them up).  Only short texts are kept (names, units, codes: not
#: 建设内容 paragraphs), and all are dropped when there are more than :data:`_MEMO_LIMIT`.
_MEMO: dict[str | None, str | None] = {None: None}
_MEMO_LIMIT = 400_000
_MEMO_LENGTH = 48
#: Long texts are ordered by their first characters only (beyond them, ties keep row order).
_KEY_LENGTH = 200


def sort_keys(texts: Iterable[str | None]) -> list[str | None]:
    """:func:`sort_key` of each text (None stays None), each distinct short text worked out
    once; long ones by their first :data:`_KEY_LENGTH` characters."""
    memo = _MEMO
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
        memo[None] = None
    get = memo.get
    out: list[str | None] = []
    append = out.append
    table = _TABLE
    for text in texts:
        key = get(text, _MISSING)
        if key is _MISSING:
            assert text is not None
            if len(text) <= _MEMO_LENGTH:
                key = memo[text] = text.translate(table)
            else:
                key = text[:_KEY_LENGTH].translate(table)
        append(key)
    return out


_MISSING = "\x00missing"


def code_keys(values: Iterable[str | None], order: Sequence[str]) -> list[str | None]:
    """Keys that sort code-list values in the list's own ``order`` (values not in it after
    those, by :func:`sort_key`); None stays None."""
    rank = {name: chr(0x1000 + i) for i, name in enumerate(order)}
    rest = chr(0x1000 + len(order))
    memo: dict[str, str] = {}
    out: list[str | None] = []
    for value in values:
        if value is None:
            out.append(None)
            continue
        key = memo.get(value)
        if key is None:
            key = memo[value] = rank.get(value) or rest + sort_key(value)
        out.append(key)
    return out


def code_list_key(items: Sequence[str], order: Sequence[str]) -> str:
    """The key of a list of code values (项目清单): item by item in the list's order."""
    keys = code_keys(items, order)
    return "\x00".join(k for k in keys if k is not None)


def sorted_texts(texts: Iterable[str]) -> list[str]:
    """Texts in Chinese office order."""
    return sorted(texts, key=sort_key)


def cell_key(value: object) -> tuple[int, float, str] | None:
    """The sort key of a table cell as shown: numbers (also as shown: 12,000.00, 87.1%) as
    numbers before text, text in Chinese office order; None for a blank cell."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), "")
    text = str(value)
    number = text.replace(",", "").removesuffix("%")
    if number and number[-1:].isdigit():
        try:
            return (0, float(number), "")
        except ValueError:
            pass
    return (1, 0.0, sort_key(text))
