"""Text as the ledger keeps it: no control characters, no hidden direction marks, NFC.

Every entry point (imports, the project form, the monthly grid, the store as last line of
defence) passes user text through :func:`clean_text`; imports also show what was removed
(:func:`clean_text_report` / :func:`text_problems`).  Output to a terminal goes through
:func:`printable`.

Two kinds of field:

* single-line (names, units, codes, people…): every control character is removed, line
  breaks and tabs become spaces, runs of whitespace become one space (U+3000, the
  full-width space of 张　三, is kept as typed), ends are trimmed;
* multi-line (建设内容及规模, 存在问题, 解决措施, 进展情况): control characters are removed, line
  breaks kept as ``\\n`` (``\\r\\n``, ``\\r``, U+2028/U+2029, VT, FF and NEL all become
  ``\\n``), tabs and inner spaces kept as typed, ends trimmed.

Removed everywhere: C0/C1 controls and DEL (NUL, BEL, ESC…), bidi controls (U+202A–U+202E,
U+2066–U+2069, U+200E/U+200F, U+061C), zero-width and other invisible format characters
(U+200B, U+2060, U+FEFF, soft hyphen…; the joiners U+200C/U+200D stay: emoji and some
scripts need them), lone surrogates and the non-characters U+FFFE/U+FFFF (neither can be
stored in an .xlsx).  The result is NFC-normalised.  The module has no Qt dependency.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import overload

__all__ = [
    "MULTILINE_FIELDS",
    "clean_field",
    "clean_text",
    "clean_text_report",
    "is_multiline",
    "percent",
    "printable",
    "rate_percent",
    "text_problems",
]

MULTILINE_FIELDS = frozenset({"scope", "problems", "measures", "progress_notes"})
"""Fields (project and monthly) whose text keeps its line breaks."""

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KEEP_FORMAT = frozenset("\u200c\u200d")  # ZWNJ, ZWJ
_NONCHARACTERS = frozenset("\ufffe\uffff")
_SHORT_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x1B: "ESC",
    0x7F: "DEL",
    0x200B: "零宽空格",
    0xFEFF: "BOM",
    0x00AD: "软连字符",
}


def _is_multiline(multiline: bool | str) -> bool:
    return multiline if isinstance(multiline, bool) else multiline in MULTILINE_FIELDS


def is_multiline(field: str) -> bool:
    """Whether ``field`` (a project or monthly field name) keeps line breaks."""
    return field in MULTILINE_FIELDS


def _char_name(ch: str) -> str:
    code = ord(ch)
    return _SHORT_NAMES.get(code) or f"U+{code:04X}"


def _kind(ch: str) -> str | None:
    """What a character to remove is (a key of ``_KINDS``), None to keep it."""
    if ch in _BIDI:
        return "bidi"
    category = unicodedata.category(ch)
    if category == "Cc":
        return "control"
    if category == "Cf":
        if ch in _KEEP_FORMAT or "\U000e0020" <= ch <= "\U000e007f":  # emoji tag sequences
            return None
        return "invisible"
    if category == "Cs" or ch in _NONCHARACTERS:
        return "invalid"
    return None


_KINDS = {
    "control": "控制字符",
    "bidi": "文字方向控制符",
    "invisible": "不可见字符",
    "invalid": "无效字符",
}
_SPACES = re.compile(r"[^\S\u3000]+")  # U+3000 stays: 张　三 is how names are aligned


_BREAK = re.compile("\r\n?|[\n\x0b\x0c\x85\u2028\u2029]")
# Cc but the breaks and the tab; Cf but ZWNJ, ZWJ and the emoji tags (U+E0020–E007F) —
# as of Unicode 14, with U+13439–U+1343F that later versions add; surrogates; U+FFFE/U+FFFF.
_REMOVE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b\u200e-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001"
    "\ud800-\udfff\ufffe\uffff]"
)


def _clean(value: str, multiline: bool, removed: dict[str, list[str]] | None) -> str:
    """The cleaned text; what was removed goes into ``removed`` by kind."""
    out = value
    if not out.isprintable():  # most cells are: no controls, no line breaks, no odd spaces
        out = _BREAK.sub("\n" if multiline else " ", out)
        if removed is not None:
            for ch in _REMOVE.findall(out):
                removed.setdefault(_kind(ch) or "control", []).append(ch)
        out = _REMOVE.sub("", out)
    if not unicodedata.is_normalized("NFC", out):
        out = unicodedata.normalize("NFC", out)
    if multiline:
        out = out.strip()
    elif "  " in out or not out.isprintable() or out[:1] == " " or out[-1:] == " ":
        out = _SPACES.sub(" ", out).strip()
    return out


@overload
def clean_text(value: str, *, multiline: bool | str = False) -> str: ...
@overload
def clean_text(value: None, *, multiline: bool | str = False) -> None: ...
def clean_text(value: str | None, *, multiline: bool | str = False) -> str | None:
    """``value`` as the ledger keeps it (see the module's docstring).

    ``multiline`` is True for a multi-line field, or a field name (``"scope"``) to decide by
    :data:`MULTILINE_FIELDS`.  Anything that is not a ``str`` (None, numbers) comes back as it
    is, so the store can pass every value through.  Idempotent.
    """
    if value.__class__ is not str:
        if not isinstance(value, str):
            return value
        return _cleaned(value, multiline)
    keep_lines = multiline if multiline.__class__ is bool else _is_multiline(multiline)
    memo = _MEMO[keep_lines]
    found = memo.get(value)
    if found is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[value] = _cleaned(value, keep_lines)
    return found


#: What :func:`clean_text` gave each text lately (single-line, multi-line): an import checks
#: the same cells in the preview, the validation and the store, and a ledger repeats its
#: values (县区, 责任单位, dates) down thousands of rows.  Cleared when full.
_MEMO: dict[bool, dict[str, str]] = {False: {}, True: {}}
_MEMO_SIZE = 1 << 16


def _cleaned(value: str, multiline: bool | str) -> str:
    if (  # the common case, quickly: nothing to change
        value.isprintable()
        and value[:1] != " "
        and value[-1:] != " "
        and (multiline or "  " not in value)
        and unicodedata.is_normalized("NFC", value)
    ):
        return value
    return _clean(value, _is_multiline(multiline), None)


def _describe(removed: dict[str, list[str]]) -> list[str]:
    notes = []
    for kind, label in _KINDS.items():
        chars = removed.get(kind)
        if not chars:
            continue
        names = list(dict.fromkeys(_char_name(ch) for ch in chars))
        shown = "、".join(names[:4]) + ("等" if len(names) > 4 else "")
        notes.append(f"已去掉 {len(chars)} 个{label}（{shown}）")
    return notes


def clean_text_report(value: str, *, multiline: bool | str = False) -> tuple[str, list[str]]:
    """``(clean_text(value), notes)``: what was removed, in Chinese, one note per kind —
    e.g. ``["已去掉 1 个控制字符（ESC）", "已去掉 1 个文字方向控制符（U+202E）"]``.  Only
    removed characters are noted: not trimmed or collapsed spaces, nor the line breaks a
    single-line field turns into spaces."""
    removed: dict[str, list[str]] = {}
    out = _clean(value, _is_multiline(multiline), removed)
    return out, _describe(removed)


def text_problems(value: str, *, multiline: bool | str = False) -> list[str]:
    """The notes of :func:`clean_text_report` alone; empty when ``value`` is clean."""
    if value.isprintable():
        return []
    return clean_text_report(value, multiline=multiline)[1]


def clean_field(field: str, value: str | None) -> str | None:
    """:func:`clean_text` for a field by name (multi-line for :data:`MULTILINE_FIELDS`)."""
    return clean_text(value, multiline=field)


_VISIBLE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(value: object, *, keep_newlines: bool = False) -> str:
    """``value`` as text safe to print on a terminal: control, bidi and invisible characters
    are shown as escapes (``\\x1b``, ``\\u202e``) instead of acting on the terminal; tabs and
    line breaks too unless ``keep_newlines``.  Ordinary text (Chinese included) is unchanged.
    """
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if keep_newlines and ch in "\n\t":
            out.append(ch)
        elif ch in _VISIBLE:
            out.append(_VISIBLE[ch])
        elif _kind(ch) is not None or _BREAK.match(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def shown(value: object) -> str:
    """A field value as a message shows it to the user: （空） for nothing, amounts with two
    places and thousands separators, lists joined with 、, numbers without trailing zeros."""
    if value is None or value == []:
        return "（空）"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


#: Decimal places of every percentage the user reads (形象进度, 完成率, 时序进度): the Excel
#: reports' 0.0% format too, so 77 and 87.14 read "77.0%" and "87.1%" side by side.
PERCENT_PLACES = 1


def percent(
    points: Decimal | float | int | None, places: int = PERCENT_PLACES, *, none: str = ""
) -> str:
    """A percentage given in points as every screen shows it: 77 → '77.0%', 87.14 → '87.1%'
    (halves rounded up, as Excel rounds); None → ``none``."""
    if points is None:
        return none
    value = Decimal(str(points)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if value == 0:
        value = abs(value)  # not "-0.0%"
    return f"{value:.{places}f}%"


def rate_percent(
    rate: Decimal | float | None, places: int = PERCENT_PLACES, *, none: str = ""
) -> str:
    """A fraction as a percentage (:func:`percent`): 0.871 → '87.1%'; None → ``none``."""
    if rate is None:
        return none
    return percent(Decimal(str(rate)) * 100, places)
