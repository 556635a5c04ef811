"""Reading cell values as offices write them: amounts in the column's unit or their own
(12,500 / 3.2亿元 / 1.5万 / 5000元 / ５０００ / 12500（万元）), exact to 0.01 万元; progress
percentages (50% / ５０％ / 50); years (2022年 / 2022.0); dates such as 2022年6月30日 /
2022.6.30 / 2022/4/1 / 2022-06; code-list values with common variants (经开区, 建设中...).
Anything else is refused with a reason naming the column and the cell (:class:`CellError`).

Text is cleaned as the ledger keeps it (:func:`desktop_app.domain.text.clean_text`: no control,
direction or invisible characters); :func:`cell_notes` says what was removed, for the
preview."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, TypeVar

from ..domain.money import AMOUNT_LIMIT_TEXT, CENT, MAX_AMOUNT, AmountError, parse_amount
from ..domain.periods import PeriodError, parse_office_date
from ..domain.text import clean_text, text_problems
from ..domain.textmatch import normalize

T = TypeVar("T")


class CellError(ValueError):
    """A cell that cannot be read; the message names the value and what was expected."""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object, multiline: bool | str = False) -> str | None:
    """A text cell, cleaned (``multiline``: keeps its line breaks; True or a field name);
    numbers keep their digits (1001.0 → '1001')."""
    if value.__class__ is str:  # most cells: the same as below, without the checks
        return clean_text(value, multiline=multiline) or None  # type: ignore[arg-type]
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return clean_text(str(value), multiline=multiline) or None


def cell_notes(value: object, field: str, label: str) -> list[str]:
    """What reading a cell of ``field`` removes from it, for the preview:
    ``["项目名称：已去掉 1 个控制字符（ESC）"]``; empty for an ordinary cell."""
    if value.__class__ is not str or value.isprintable():  # type: ignore[attr-defined]
        return []
    return [f"{label}：{note}" for note in text_problems(value, multiline=field)]  # type: ignore[arg-type]


Parser = Callable[[object], Any]


def parse_cells(
    cells: Sequence[object],
    columns: Iterable[tuple[int, tuple[str, Parser]]],
    labels: Mapping[str, str],
) -> tuple[dict[str, Any], list[str], list[str]]:
    """The values one sheet row gives its mapped ``columns`` (``(column, (field, parse))``):
    ``(values, reasons, notes)`` — the parsed non-empty values, why cells were refused, and
    what was cleaned from cells with control characters (``labels``: field → its label).
    Empty cells (None, '') are not parsed: every parser reads them as no value."""
    values: dict[str, Any] = {}
    reasons: list[str] = []
    notes: list[str] = []
    width = len(cells)
    for col, (target, parse) in columns:
        cell = cells[col] if col < width else None
        if cell.__class__ is str:
            if not cell:  # an empty cell: no value for any parser
                continue
            if not cell.isprintable():  # type: ignore[attr-defined]
                notes += cell_notes(cell, target, labels[target])
        elif cell is None:
            continue
        try:
            parsed = parse(cell)
        except CellError as exc:
            reasons.append(str(exc))
            continue
        if parsed is not None:
            values[target] = parsed
    return values, reasons, notes


def _plain(value: object) -> object:
    """A text cell without control or invisible characters, for the number and date parsers."""
    if isinstance(value, str) and not value.isprintable():
        return clean_text(value)
    return value


_SAME_WHEN_EQUAL = frozenset({str, int, bool, dt.date, dt.datetime, dt.time, dt.timedelta})


def cached_parser(parse: Callable[[object], T]) -> Callable[[object], T]:
    """``parse`` remembering what it returned for each cell value it has read: a column
    repeats its dates, codes and amounts down thousands of rows.  A cell that cannot be read
    raises each time; lists are copied so no two rows share one."""
    memo: dict[tuple[type, object], T] = {}

    def parsed(value: object) -> T:
        kind = value.__class__
        if kind is str and not value:  # an empty cell: None for every parser
            return parse(value)
        # floats: 0.0 and -0.0 are equal but may not read the same; NaN is never equal
        if kind in _SAME_WHEN_EQUAL or (kind is float and value):
            key = (kind, value)
            if key in memo:
                found = memo[key]
                return found.copy() if isinstance(found, list) else found  # type: ignore[return-value]
            found = memo[key] = parse(value)
            return found.copy() if isinstance(found, list) else found  # type: ignore[return-value]
        return parse(value)

    return parsed


_MISSING = object()


def cached_text(multiline: bool | str = False) -> Callable[[object], str | None]:
    """:func:`text` of a column, remembering what each text cell read as: most columns
    (县区, 责任单位, 包保领导…) repeat a few values down thousands of rows."""
    memo: dict[str, str | None] = {}

    def parsed(value: object) -> str | None:
        if value.__class__ is str:
            found = memo.get(value, _MISSING)  # type: ignore[call-overload]
            if found is _MISSING:
                found = memo[value] = text(value, multiline)  # type: ignore[index]
            return found  # type: ignore[return-value]
        return text(value, multiline)

    return parsed


#: Characters offices type in numbers, as the parsers read them: full-width digits and
#: punctuation (IME input), the minus sign (U+2212) and the spaces word processors paste.
_NUMBER_CHARS = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "．": ".", "，": ",", "＋": "+", "－": "-", "\u2212": "-", "（": "(", "）": ")",
        "％": "%", "／": "/", "\u3000": " ", "\xa0": " ",
    }
)  # fmt: skip
#: Cells that say "nothing here" in an amount or percentage column.
_NOTHING = frozenset({"-", "—", "——", "--", "/", "无"})
_UNITS = {"亿元": "亿元", "亿": "亿元", "万元": "万元", "万": "万元", "元": "元"}
_UNIT_RE = "亿元|亿|万元|万|元"
_TEN_THOUSAND = Decimal(10000)
_OVER = MAX_AMOUNT + CENT
#: An amount written as text (after :data:`_NUMBER_CHARS` and :func:`_squeezed`): an
#: optional accounting bracket or sign, an optional ¥, the number (thousands separators
#: only in groups of three: 12,500), an optional unit, and an optional unit in brackets
#: (12500（万元）).  No two parts can take the same characters: no backtracking.
_AMOUNT_TEXT = re.compile(
    r"(?P<open>\()?(?P<sign>[+-])?[¥￥]?"
    r"(?P<number>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
    rf"(?P<unit>{_UNIT_RE})?(?P<close>\))?(?:\((?P<bracket>{_UNIT_RE})\))?"
)
#: The same with separators anywhere (1,2345): to say why such a cell is refused.
_LOOSE_GROUPS = re.compile(
    rf"\(?[+-]?[¥￥]?[0-9][0-9,]*(?:\.[0-9]*)?(?:{_UNIT_RE})?\)?(?:\((?:{_UNIT_RE})\))?"
)
#: Spaces between digits separate thousands (12 500) like a comma; other spaces go.
_DIGIT_SPACE = re.compile(r"(?<=[0-9])\s+(?=[0-9])")


def _squeezed(s: str) -> str:
    """Amount text without its spaces, those between digits read as thousands separators."""
    if " " in s or not s.isprintable():
        s = "".join(_DIGIT_SPACE.sub(",", s).split())
    return s


def _shown(raw: str) -> str:
    """A refused cell as the reason quotes it: trimmed, and cut when it is very long."""
    s = raw.strip()
    return s if len(s) <= 40 else s[:40] + "…"


def amount(value: object, unit: str | None, label: str) -> Decimal | None:
    """An amount cell in ``unit`` (万元 when None) → 万元 rounded to 0.01 (exact Decimal).

    Numbers are the column's unit; a float is read as its shortest repr (0.1 + 0.2 →
    0.30000000000000004 → 0.30).  Text as offices type it: ``12,500`` / ``12，500`` (commas
    only between groups of three digits), ``3.2亿元`` / ``3.2亿`` (亿元), ``1.5万`` /
    ``1.5万元`` (万元), ``5000元`` (元: 0.50 万元), a unit in brackets of either width
    (``12500（万元）``), full-width digits and punctuation (``５０００``), ``¥``, a sign or an
    accounting bracket for a negative (``(1,200)`` → −1200; the field's own rules then say
    whether a negative is allowed).  ``-`` / ``—`` / ``/`` / ``无`` mean empty."""
    value = _plain(value)
    if is_blank(value):
        return None
    unit = unit or "万元"
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise CellError(f"{label}“{text(value)}”不是金额")
    if isinstance(value, int | float):
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation as exc:
            raise CellError(f"{label}“{value}”不是有效的金额") from exc
        if not number.is_finite():
            raise CellError(f"{label}“{value}”不是有效的金额")
        value = format(number, "f")
        try:
            return parse_amount(value, unit)
        except AmountError as exc:
            raise CellError(f"{label}：{exc}（应填数字，单位{unit}）") from exc
    return _amount_text(str(value), unit, label)


def _amount_text(raw: str, unit: str, label: str) -> Decimal | None:
    s = _squeezed((raw if raw.isascii() else raw.translate(_NUMBER_CHARS)).strip())
    if not s or s in _NOTHING:
        return None
    m = _AMOUNT_TEXT.fullmatch(s)
    if m is None or (m["open"] is None) != (m["close"] is None) or (m["open"] and m["sign"]):
        if m is None and "," in s and _LOOSE_GROUPS.fullmatch(s):
            raise CellError(
                f"{label}：“{_shown(raw)}”的千位分隔符位置不对（应每三位一个，如 12,500）"
            )
        raise CellError(f"{label}：“{_shown(raw)}”不是有效的金额（应填数字，单位{unit}）")
    inline, bracket = m["unit"], m["bracket"]
    if inline and bracket and _UNITS[inline] != _UNITS[bracket]:
        raise CellError(f"{label}：“{_shown(raw)}”写了两个不同的单位（{inline}、{bracket}）")
    written = _UNITS[inline or bracket] if inline or bracket else unit
    number = Decimal(m["number"].replace(",", ""))  # the pattern admits only numbers
    if m["open"] or m["sign"] == "-":
        number = -number
    if written == "亿元":
        number *= _TEN_THOUSAND
    elif written == "元":
        number /= _TEN_THOUSAND
    elif written != "万元":
        raise CellError(f"{label}：不认识的金额单位“{written}”")
    if abs(number) < _OVER:  # as parse_amount: 1e300 cannot be rounded to cents
        number = number.quantize(CENT, ROUND_HALF_UP)
    if abs(number) > MAX_AMOUNT:  # 99,999,999.995 rounds up past the ceiling
        raise CellError(f"{label}：“{_shown(raw)}”超出金额上限：{AMOUNT_LIMIT_TEXT}")
    return number


_FLOAT_DATE = re.compile(r"^(\d{4})\.(\d{1,2})$")
#: Date text that :func:`~desktop_app.domain.periods.parse_office_date` reads once reworded:
#: a date with a time (2022-06-30 00:00:00, 2022/6/30 8:00: how some files store dates), a
#: compact date (20220630), a year written from a float (2022.0), and 年度 / 月底 / 年末 /
#: 6月下旬 / 30号.
_DATE_TIME = re.compile(
    r"([0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]*)?)?"
)
_COMPACT_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_YEAR_FLOAT = re.compile(r"([0-9]{4})\.0+")
_ROUGH_DATE = re.compile(r"([0-9]{4}\s*年(?:\s*[0-9]{1,2}\s*月)?)\s*(?:度|底|末|初|上旬|中旬|下旬)")
_DAY_HAO = re.compile(r"([0-9]{4}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2})\s*号")
_DATE_HINT = "可写作 2022-03、2022年3月、2022年6月30日、2022.6.30 或 2022/4/1"


def date(value: object, label: str) -> str | None:
    """A date cell → ISO text at the precision written ('2022-03', '2022-04-01', '2021').

    Date cells read as dates.  Numbers: a year (2022, 2022.0), 2022.12 (a month, as typed;
    note Excel keeps 2022.10 as 2022.1, which reads as January) or a compact 20220630.
    Text as offices type it: 2022年6月30日 (or 30号), 2022.6.30, 2022/6/30, 2022-06,
    2022年6月, 2022年 / 2022年度, full-width digits, 2022-06-30 00:00:00; 2022年6月底 /
    2022年末 keep the month / year they name.  Excel day numbers (44652) are refused: a date
    column holding them was not kept as dates."""
    value = _plain(value)
    if is_blank(value):
        return None
    if isinstance(value, bool | dt.time | dt.timedelta):
        raise CellError(f"{label}“{value}”不是日期")
    if isinstance(value, dt.datetime | dt.date):
        try:
            return parse_office_date(value)
        except PeriodError as exc:
            raise CellError(f"{label}：{exc}") from exc
    if isinstance(value, int | float):
        number = float(value)
        if number.is_integer() and 1900 <= number <= 2200:
            return f"{int(number):04d}"
        written = repr(number)
        if number.is_integer() and 19000101 <= number <= 22001231:
            value = f"{int(number)}"  # 20220630
        elif _FLOAT_DATE.match(written):  # 2022.12 typed as a number
            value = written
        else:
            raise CellError(f"{label}“{text(value)}”不是日期，{_DATE_HINT}")
    raw = str(value)
    try:  # the usual spellings, at once
        return parse_office_date(raw)
    except PeriodError:
        pass
    s = raw.translate(_NUMBER_CHARS).strip()
    if len(s) > 40:  # no date is written so long: refused without reading it
        raise CellError(f"{label}：“{_shown(raw)}”不是有效的日期，{_DATE_HINT}")
    if m := _DATE_TIME.fullmatch(s):
        s = m[1]
    elif m := _COMPACT_DATE.fullmatch(s):
        s = f"{m[1]}-{m[2]}-{m[3]}"
    elif (m := _YEAR_FLOAT.fullmatch(s)) or (m := _ROUGH_DATE.fullmatch(s)):
        s = m[1]
    elif m := _DAY_HAO.fullmatch(s):
        s = m[1] + "日"
    else:
        s = ""
    try:
        if s:
            return parse_office_date(s)
    except PeriodError:
        pass
    raise CellError(f"{label}：“{_shown(raw)}”不是有效的日期，{_DATE_HINT}")


_YEAR_TEXT = re.compile(r"([0-9]{4})(?:\.0+)?\s*(?:年度?)?")


def year(value: object, label: str) -> int | None:
    """A year cell (计划年度, 开工年份) → the year: 2022, 2022.0, '2022', '2022年',
    '2022年度', '２０２２年'; a date cell gives its year (a date shown as yyyy).  Years
    1900–2200."""
    value = _plain(value)
    if is_blank(value):
        return None
    if isinstance(value, bool | dt.time | dt.timedelta):
        raise CellError(f"{label}“{text(value)}”不是年份，可写作 2022 或 2022年")
    if isinstance(value, dt.datetime | dt.date):
        found: int | None = value.year
    elif isinstance(value, int | float):
        found = int(value) if float(value).is_integer() else None
    else:
        m = _YEAR_TEXT.fullmatch(str(value).translate(_NUMBER_CHARS).strip())
        found = int(m[1]) if m else None
    if found is None or not 1900 <= found <= 2200:
        raise CellError(f"{label}“{_shown(text(value) or '')}”不是年份，可写作 2022 或 2022年")
    return found


STATUS_ALIASES = {
    "建设中": "在建", "施工中": "在建", "正在建设": "在建", "已开工": "在建", "开工建设": "在建",
    "前期工作": "前期", "前期阶段": "前期", "前期手续": "前期", "待开工": "前期",
    "谋划中": "谋划", "储备": "谋划", "谋划储备": "谋划",
    "已竣工": "竣工", "完工": "竣工", "已完工": "竣工", "建成": "竣工",
    "已投产": "投产", "投产运营": "投产", "运营": "投产", "达产": "投产",
    "停建": "停缓建", "缓建": "停缓建", "停工": "停缓建", "停缓": "停缓建",
}  # fmt: skip
REGION_ALIASES = {
    "经开区": "辽源经济开发区", "开发区": "辽源经济开发区", "经济开发区": "辽源经济开发区",
    "高新区": "辽源高新区", "高新技术产业开发区": "辽源高新区",
}  # fmt: skip
_ALIASES = {"status": STATUS_ALIASES, "region": REGION_ALIASES}
_SUFFIXES = ("项目", "类")


def code_value(value: object, names: list[str], label: str, kind: str) -> str | None:
    """A code-list cell → the list's own spelling (exact, alias, or a unique partial match)."""
    raw = text(value)
    if raw is None:
        return None
    key = normalize(raw)
    by_key = {normalize(n): n for n in names}
    if key in by_key:
        return by_key[key]
    alias = _ALIASES.get(kind, {}).get(key)
    if alias in names:
        return alias
    trimmed = key
    for suffix in _SUFFIXES:
        if trimmed.endswith(suffix) and len(trimmed) > len(suffix):
            trimmed = trimmed[: -len(suffix)]
    if trimmed in by_key:
        return by_key[trimmed]
    if len(trimmed) >= 2:
        partial = [n for k, n in by_key.items() if trimmed in k or (len(k) >= 2 and k in trimmed)]
        if len(partial) == 1:
            return partial[0]
    choices = "、".join(names[:12]) + ("等" if len(names) > 12 else "")
    raise CellError(f"{label}“{raw}”不在代码表中（可填：{choices}）")


_LIST_SPLIT = re.compile(r"[、,，;；/\n]+")


def code_values(value: object, names: list[str], label: str) -> list[str] | None:
    """A cell naming several list entries (建链强链延链补链项目、路桥工程)."""
    raw = text(value, multiline=True)  # a line break separates entries
    if raw is None:
        return None
    out = []
    for part in _LIST_SPLIT.split(raw):
        if part.strip():
            found = code_value(part, names, label, "list")
            if found and found not in out:
                out.append(found)
    return out or None


#: A percentage as text (after :data:`_NUMBER_CHARS`): 65, 65.5, 65%, 65 %.
_PERCENT_TEXT = re.compile(r"\+?([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*%?")
_HUNDRED = Decimal(100)


def percent(value: object, label: str) -> float | None:
    """A progress percentage 0–100 in points: 65, '65%', '６５％', '65.5', rounded to 0.01
    as written (Decimal, so 65.555 → 65.56).

    The rule for numbers (the monthly template's: “65 表示 65%”): a number is points, so
    0.5 — typed, or 50% kept by Excel as the number 0.5 — reads as 0.5%; ``'50%'`` and
    ``50`` read as 50%.  ``-`` / ``—`` / ``/`` / ``无`` mean empty."""
    value = _plain(value)
    if is_blank(value):
        return None
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise CellError(f"{label}“{text(value)}”不是百分数")
    if isinstance(value, int | float):
        if 0 <= value <= 100 and round(value, 2) == value:  # most cells: already as written
            return float(value)
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise CellError(f"{label}“{value}”不是数字（填 0～100，65 表示 65%）")
    else:
        s = str(value).translate(_NUMBER_CHARS).strip()
        if s in _NOTHING:
            return None
        m = _PERCENT_TEXT.fullmatch(s)
        if m is None:
            if s[:1] == "-" and _PERCENT_TEXT.fullmatch(s[1:].strip()):
                raise CellError(f"{label}“{_shown(str(value))}”应在 0～100 之间")
            raise CellError(f"{label}“{_shown(str(value))}”不是数字（填 0～100，65 表示 65%）")
        number = Decimal(m[1])
    if not 0 <= number <= _HUNDRED:
        raise CellError(f"{label}“{_shown(text(value) or '')}”应在 0～100 之间")
    return float(number.quantize(CENT, rounding=ROUND_HALF_UP))
