"""Reading cell values as offices write them: amounts in the column's unit, dates such as
2022年3月 / 2022.12 / 2022/4/1, code-list values with common variants (经开区, 建设中...).

Text is cleaned as the ledger keeps it (:func:`desktop_app.domain.text.clean_text`: no control,
direction or invisible characters); :func:`cell_notes` says what was removed, for the
preview."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from ..domain.money import AmountError, parse_amount
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
    what was cleaned from cells with control characters (``labels``: field → its label)."""
    values: dict[str, Any] = {}
    reasons: list[str] = []
    notes: list[str] = []
    width = len(cells)
    for col, (target, parse) in columns:
        cell = cells[col] if col < width else None
        if cell.__class__ is str and not cell.isprintable():  # type: ignore[attr-defined]
            notes += cell_notes(cell, target, labels[target])
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


def amount(value: object, unit: str | None, label: str) -> Decimal | None:
    """An amount cell in ``unit`` (万元 when None) → 万元 rounded to 0.01."""
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
        result = parse_amount(str(value), unit)
    except AmountError as exc:
        raise CellError(f"{label}：{exc}（应填数字，单位{unit}）") from exc
    return result


_FLOAT_DATE = re.compile(r"^(\d{4})\.(\d{1,2})$")


def date(value: object, label: str) -> str | None:
    """A date cell → ISO text at the precision written ('2022-03', '2022-04-01', '2021')."""
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
        # 2022.12 typed as a number
        written = repr(number)
        if _FLOAT_DATE.match(written):
            value = written
        else:
            raise CellError(f"{label}“{value}”不是日期，可写作 2022-03、2022年3月 或 2022/4/1")
    try:
        return parse_office_date(str(value))
    except PeriodError as exc:
        raise CellError(f"{label}：{exc}") from exc


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


def percent(value: object, label: str) -> float | None:
    """A progress percentage 0–100: 65, '65%', '65.5'."""
    value = _plain(value)
    if is_blank(value):
        return None
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise CellError(f"{label}“{text(value)}”不是百分数")
    if isinstance(value, int | float):
        number = float(value)
    else:
        s = str(value).strip().replace("％", "%").replace(" ", "").removesuffix("%")
        try:
            number = float(s)
        except ValueError as exc:
            raise CellError(f"{label}“{value}”不是数字（填 0～100，65 表示 65%）") from exc
    if not 0 <= number <= 100:
        raise CellError(f"{label}“{text(value)}”应在 0～100 之间")
    return round(number, 2)
