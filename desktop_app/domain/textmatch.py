"""Finding projects the way planning staff type: plain text, pinyin initials, full pinyin,
traditional or simplified characters.

Each searchable field becomes ``simplified-text \\x1e full-pinyin \\x1e initials``; fields are
joined by ``\\x1f`` into one search key stored with the project.  A query matches when its
normalised form is a substring of the key, so ``xdgt``, ``xinda``, ``鋼鐵`` and ``钢铁`` all
find 鑫达钢铁.
"""

from __future__ import annotations

import functools
import operator
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


def _mark_literal(run: str) -> str:
    return _LITERAL + run


@functools.lru_cache(maxsize=262144)
def _word_syllables(word: str) -> tuple[str, ...]:
    """The syllables of one segmented word."""
    return tuple(_pinyin_tools()[0](word, errors=_mark_literal))


def _syllables(text: str) -> list[str]:
    """``lazy_pinyin(text)``, with non-Han runs marked: pypinyin segments the text into words
    and converts each on its own, so converting cached words gives the same result."""
    segment = _pinyin_tools()[1]
    return [syllable for word in segment(text) for syllable in _word_syllables(word)]


class _CharTable:
    """Full pinyin and initial of each Han character, read from pypinyin once per character,
    applied with ``str.translate``: the same result as converting the text whole.

    pypinyin reads a text word by word (its phrase dictionary, longest match first).  A phrase
    whose characters carry the same tone-marked reading as each character alone converts to
    exactly the characters' own syllables, so where the text contains none of the other
    phrases ("risky": 长春 chang-chun, 重庆 chong-qing, 万俟 mo-qi, ~9k of 47k), segmentation
    cannot change the result and the per-character table gives it.  The stretch around a
    risky phrase is converted the segmenting way (:func:`_syllables`).  Built once from
    pypinyin's dictionaries as shipped (the app never adds words to them); safe to share
    between threads.
    """

    def __init__(self) -> None:
        from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

        self._is_han = RE_HANS.match
        self.full: dict[int, str] = {}
        self.initials: dict[int, str] = {}
        self.known: set[str] = set()
        own: dict[str, str | None] = {}  # a character's reading as a word of its own

        def alone(char: str) -> str | None:
            if char in PHRASES_DICT:
                return PHRASES_DICT[char][0][0]
            readings = PINYIN_DICT.get(ord(char))
            return readings.split(",")[0] if readings else None

        risky: set[str] = set()
        for phrase, readings in PHRASES_DICT.items():
            if len(phrase) < 2:  # a one-character word: the table holds its own reading
                continue
            if len(readings) != len(phrase):
                risky.add(phrase)
                continue
            for char, item in zip(phrase, readings, strict=True):
                reading = own[char] if char in own else own.setdefault(char, alone(char))
                if reading is None or item[0] != reading:
                    risky.add(phrase)
                    break
        lengths: dict[str, set[int]] = {}
        for phrase in risky:
            lengths.setdefault(phrase[:2], set()).add(len(phrase))
        self._risky = risky
        self._heads = {head: tuple(sorted(n)) for head, n in lengths.items()}
        self._phrases = PHRASES_DICT

    @functools.cached_property
    def _pairs(self) -> set[str]:
        """Every two characters some phrase holds side by side: segmentation starts afresh
        between two characters that are not such a pair (read when first needed)."""
        pairs: set[str] = set()
        for phrase in self._phrases:
            pairs.update(map(operator.add, phrase, phrase[1:]))
        return pairs

    def learn(self, chars: Iterable[str]) -> None:
        """Add characters not seen yet (non-Han ones stay as they are, like pypinyin's
        literal runs)."""
        lazy_pinyin = _pinyin_tools()[0]
        for char in chars:
            if self._is_han(char):
                syllables = lazy_pinyin(char, errors=_mark_literal)
                self.full[ord(char)] = "".join(s.removeprefix(_LITERAL) for s in syllables)
                self.initials[ord(char)] = "".join(
                    s[1:] if s.startswith(_LITERAL) else s[:1] for s in syllables
                )
            self.known.add(char)  # last: another thread may be reading the table

    def risky_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the stretches of ``text`` whose pinyin depends on how pypinyin
        segments them: each risky phrase found, widened to the nearest points no phrase
        spans (a character pair no phrase holds side by side, or a non-Han character), where
        segmentation starts afresh.  All characters of ``text`` must be learnt."""
        heads = self._heads
        if heads.keys().isdisjoint(map(operator.add, text, text[1:])):  # C speed: most texts
            return []
        spans: list[tuple[int, int]] = []
        pairs, risky = self._pairs, self._risky
        done = 0
        for at, head in enumerate(map(operator.add, text, text[1:])):
            if at < done or head not in heads:
                continue
            for n in heads[head]:
                if text[at : at + n] in risky:
                    start, end = at, at + n
                    while start > done and text[start - 1 : start + 1] in pairs:
                        start -= 1
                    while end < len(text) and text[end - 1 : end + 1] in pairs:
                        end += 1
                    if spans and start == done:
                        start = spans.pop()[0]
                    spans.append((start, end))
                    done = end
                    break
        return spans

    def parts(self, norm: str) -> tuple[str, str]:
        """(full pinyin, initials) of a normalised text."""
        unseen = set(norm).difference(self.known)
        if unseen:
            self.learn(unseen)
        spans = self.risky_spans(norm)
        if not spans:
            return norm.translate(self.full), norm.translate(self.initials)
        full: list[str] = []
        initials: list[str] = []
        done = 0
        for start, end in spans:
            piece_full, piece_initials = _segmented(norm[start:end])
            full += (norm[done:start].translate(self.full), piece_full)
            initials += (norm[done:start].translate(self.initials), piece_initials)
            done = end
        full.append(norm[done:].translate(self.full))
        initials.append(norm[done:].translate(self.initials))
        return "".join(full), "".join(initials)


@functools.lru_cache(maxsize=65536)
def _segmented(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of ``text`` converted the segmenting way."""
    syllables = _syllables(text)
    full = "".join(s.removeprefix(_LITERAL) for s in syllables)
    initials = "".join(s[1:] if s.startswith(_LITERAL) else s[:1] for s in syllables)
    return full, initials


@functools.cache
def _char_table() -> _CharTable:
    return _CharTable()


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
    # Non-Han runs (digits, Latin) stay whole in the initials.
    return PART_SEP.join((norm, *_char_table().parts(norm)))


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
