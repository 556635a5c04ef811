"""Finding projects the way planning staff type: plain text, pinyin initials, full pinyin,
traditional or simplified characters.

Each searchable field becomes ``simplified-text \\x1e full-pinyin \\x1e initials``; fields are
joined by ``\\x1f`` into one search key stored with the project.  A query matches when its
normalised form is a substring of the key, so ``xdgt``, ``xinda``, ``鋼鐵`` and ``钢铁`` all
find 鑫达钢铁.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from typing import Any

FIELD_SEP = "\x1f"
PART_SEP = "\x1e"

_LITERAL = "\x00"


@functools.cache
def _t2s_convert() -> Any:
    """OpenCC's traditional → simplified converter, loaded on first use (start-up speed)."""
    import opencc

    return opencc.OpenCC("t2s").convert


@functools.cache
def _pinyin_tools() -> tuple[Any, Any]:
    """pypinyin's converter and its word segmentation, loaded on first use: only writing a
    project needs them."""
    from pypinyin import lazy_pinyin
    from pypinyin.core import Pinyin

    return lazy_pinyin, Pinyin().seg


@functools.lru_cache(maxsize=262144)
def _word_syllables(word: str) -> tuple[str, ...]:
    """The syllables of one segmented word (names share words: 10k imported names are ~3×
    faster with this cache than converting each name whole)."""
    return tuple(_pinyin_tools()[0](word, errors=lambda run: _LITERAL + run))


def _syllables(text: str) -> list[str]:
    """``lazy_pinyin(text)``, with non-Han runs marked: pypinyin segments the text into words
    and converts each on its own, so converting cached words gives the same result."""
    segment = _pinyin_tools()[1]
    return [syllable for word in segment(text) for syllable in _word_syllables(word)]


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """NFKC, traditional → simplified, lower case, no white space."""
    text = unicodedata.normalize("NFKC", text)
    text = _t2s_convert()(text).lower()
    return "".join(text.split())


@functools.lru_cache(maxsize=65536)
def field_key(text: str) -> str:
    """The search key of one field value."""
    norm = normalize(text)
    if not norm:
        return ""
    # Non-Han runs (digits, Latin) come back marked so they stay whole in the initials.
    syllables = _syllables(norm)
    full = "".join(s.removeprefix(_LITERAL) for s in syllables)
    initials = "".join(s[1:] if s.startswith(_LITERAL) else s[:1] for s in syllables)
    return PART_SEP.join((norm, full, initials))


def field_key_concat(*parts: str) -> str:
    """The key of the concatenated text, built from cached keys of its parts (fast for
    generated names; polyphones are read per part)."""
    keys = [field_key(p).split(PART_SEP) for p in parts if p and field_key(p)]
    if not keys:
        return ""
    return PART_SEP.join("".join(k[i] for k in keys) for i in range(3))


def search_key(values: Iterable[str | None]) -> str:
    """The search key of a record from its searchable field values."""
    return FIELD_SEP.join(field_key(v) for v in values if v)


def normalize_query(query: str) -> str:
    """The form a query is matched in (strips the separators a user cannot mean)."""
    q = normalize(query)
    return q.replace(FIELD_SEP, "").replace(PART_SEP, "")


def matches(query: str, key: str) -> bool:
    """Whether a record with ``key`` matches ``query`` (empty query matches everything)."""
    q = normalize_query(query)
    return not q or q in key


def same_name(a: str, b: str) -> bool:
    """Two project names are the same ignoring spaces, width and script (遼源 = 辽源)."""
    return normalize(a) == normalize(b)
