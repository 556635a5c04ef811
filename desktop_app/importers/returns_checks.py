"""Is a returned file one of this ledger's templates for this round, as it was sent?

:func:`template_refusal` says why not, in one line, or None:

- no 模板信息 sheet (a unit's own sheet, another program's workbook): not a template;
- 期间 another period's; 台账标识 another ledger's (when the template carries one);
- 项目行 (the 项目编号 of the rows as sent): a row deleted, added, moved or its code edited;
- 校验 (:func:`~desktop_app.formats.identity_digest` of the locked 项目编号 / 项目名称 /
  建设单位 cells): an edited name or owner;
- the validation lists of the input cells (an .xlsx/.xlsm only): removed, cut short or
  pointing at ``#REF!`` — what pasting a block from another workbook over them does, and the
  values were then typed without Excel's checks.

Templates made before the ledger had an identifier carry no 台账标识 / 项目行 / 校验: their row
count is checked against 项目数 instead.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePosixPath

from .. import formats
from ..domain.periods import Period, PeriodError
from .headers import Header
from .rows import classify
from .source import ImportSource
from .values import text

#: The input columns a template validates (by the field they feed) and the kinds accepted.
VALIDATED = {
    "month_investment": ("本月完成投资", frozenset({"decimal", "whole"})),
    "progress_pct": ("形象进度(%)", frozenset({"decimal", "whole"})),
    "report_date": ("填报日期", frozenset({"date"})),
}
_IDENTITY = getattr(formats, "IDENTITY_HEADERS", ("项目编号", "项目名称", "建设单位"))
_SEPARATOR = getattr(formats, "ROW_SEPARATOR", ",")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")
_VALIDATION = re.compile(
    rb"<(?:\w+:)?dataValidation\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?dataValidation>)", re.DOTALL
)
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_FORMULA = re.compile(rb"<(?:\w+:)?formula[12]>(.*?)</(?:\w+:)?formula[12]>", re.DOTALL)


def template_meta(source: ImportSource) -> dict[str, str]:
    """The template's meta rows (a long value continues in the cells to the right)."""
    if not source.meta:
        return {}
    join = getattr(formats, "meta_value", None)
    for sheet in source.sheets:
        if sheet.name != formats.META_SHEET:
            continue
        out = {}
        for row in sheet.rows:
            if not row or not str(row[0]).strip():
                continue
            value = join(row[1:]) if join else str(row[1] if len(row) > 1 else "").strip()
            out[str(row[0]).strip()] = value
        return out
    return dict(source.meta)


def template_refusal(
    source: ImportSource,
    name: str,
    *,
    period: Period,
    ledger_id: str,
    project_name: Callable[[str], str | None] = lambda code: None,
    rows: Sequence[tuple[int, tuple[object, ...]]] | None = None,
) -> str | None:
    """Why ``source`` (shown as ``name``) is not a template of this ledger for ``period``
    as it was sent, or None.  ``project_name``: the ledger's name of a code (to point at an
    edited name); ``rows``: :func:`identity_rows` of its header, when the caller has them."""
    meta = template_meta(source)
    if not meta:
        return f"“{name}”不是项目办发出的填报模板（没有“模板信息”工作表），请用本期模板填报"
    written = meta.get(formats.META_PERIOD, "")
    try:
        theirs = Period.parse(written)
    except PeriodError:
        return f"“{name}”的模板信息中期间“{written}”无法识别，请用本期模板填报"
    if theirs != period:
        return f"“{name}”是 {theirs} 的填报模板，不是本轮 {period} 的，请用本期模板填报"
    ledger_key = getattr(formats, "META_LEDGER", None)
    if ledger_key and meta.get(ledger_key) and meta[ledger_key] != ledger_id:
        return f"“{name}”是另一本台账发出的填报模板（台账标识不符），不是本台账的"
    if rows is None:
        rows = identity_rows(source.header)
    found = _rows_refusal(meta, rows, project_name)
    if found:
        return f"“{name}”{found}，与发出的模板不符，请用原模板填报"
    broken = validation_refusal(source, [r for r, _ in rows])
    if broken:
        return f"“{name}”{broken}（常见于从其他表格复制粘贴），请在原模板中填写后再发回"
    return None


def identity_rows(header: Header) -> list[tuple[int, tuple[object, ...]]]:
    """The data rows of the sheet (Excel row number) with their identity cells as read, in
    :data:`~desktop_app.formats.IDENTITY_HEADERS` order (None for a missing column)."""
    columns = []
    for label in _IDENTITY:
        found = next((c.index for c in header.columns if _label(c.header) == label), None)
        columns.append(found)
    out = []
    for row in classify(header):
        if row.kind != "data":
            continue
        cells = tuple(
            row.cells[c] if c is not None and c < len(row.cells) else None for c in columns
        )
        if any(text(c) for c in cells):
            out.append((row.number, cells))
    return out


def _label(header: str) -> str:
    return header.rsplit(" / ", 1)[-1].strip()


def _code(cells: tuple[object, ...]) -> str:
    return text(cells[0]) or ""


def _name(cells: tuple[object, ...]) -> str:
    return (text(cells[1]) if len(cells) > 1 else None) or ""


def _rows_refusal(
    meta: Mapping[str, str],
    rows: Sequence[tuple[int, tuple[object, ...]]],
    project_name: Callable[[str], str | None],
) -> str | None:
    rows_key = getattr(formats, "META_ROWS", None)
    digest_key = getattr(formats, "META_DIGEST", None)
    listed = meta.get(rows_key, "") if rows_key else ""
    if not listed:  # a template made before the ledger had an identifier
        count = meta.get("项目数", "")
        if count.isdigit() and int(count) != len(rows):
            return f"有 {len(rows)} 个项目行，发出的模板有 {count} 个（删除或增加了行）"
        return None
    expected = [c.strip() for c in listed.split(_SEPARATOR) if c.strip()]
    codes = [_code(cells) for _, cells in rows]
    if codes != expected:
        return _rows_differ(expected, rows)
    digest = getattr(formats, "identity_digest", None)
    sent = meta.get(digest_key, "") if digest_key else ""
    if not sent or digest is None or digest([cells for _, cells in rows]) == sent:
        return None
    edited = [
        f"第 {number} 行的项目名称“{_name(cells)}”（台账中为“{known}”）"
        for number, cells in rows
        if (known := project_name(_code(cells))) is not None and known != _name(cells)
    ]
    if edited:
        return "改动了锁定的台账信息：" + "；".join(edited[:3])
    return "改动了锁定的台账信息（项目名称或建设单位）"


def _rows_differ(expected: list[str], rows: Sequence[tuple[int, tuple[object, ...]]]) -> str:
    wanted = set(expected)
    codes = [_code(cells) for _, cells in rows]
    have = set(codes)
    parts = []
    missing = [c for c in expected if c not in have]
    if missing:
        parts.append(f"少了模板中的项目行 {_listed(missing)}（删除了行或改动了项目编号）")
    extra = [
        f"第 {number} 行“{_code(cells) or _name(cells)}”"
        for number, cells in rows
        if _code(cells) not in wanted
    ]
    if extra:
        parts.append(f"多了模板之外的行：{_listed(extra)}（增加了行或改动了项目编号）")
    twice = sorted({c for c in codes if c and codes.count(c) > 1})
    if twice:
        parts.append(f"项目编号 {_listed(twice)} 出现了不止一次")
    if not parts:
        parts.append("项目行的顺序被改动")
    return "；".join(parts)


def _listed(items: Sequence[str], limit: int = 5) -> str:
    shown = "、".join(items[:limit])
    return shown + (f" 等 {len(items)} 个" if len(items) > limit else "")


# ---------------------------------------------------------------------- validation lists
def validation_refusal(source: ImportSource, data_rows: Sequence[int]) -> str | None:
    """What is wrong with the validation lists over the input cells of ``data_rows`` (an
    .xlsx or .xlsm; other formats keep no lists the importer can read: None)."""
    if not data_rows:
        return None
    found = sheet_validations(source.path, source.sheet.name)
    if found is None:
        return None
    wanted = set(data_rows)
    broken = []
    for column in source.header.columns:
        if column.target not in VALIDATED:
            continue
        label, kinds = VALIDATED[column.target]
        letter = _letter(column.index + 1)  # not ColumnMap.letter: it imports openpyxl
        covered: set[int] = set()
        for kind, sqref, _ in found:
            if kind in kinds:
                covered |= _rows_in(sqref, letter)
        lost = sorted(wanted - covered)
        if lost:
            where = (
                f"第 {lost[0]} 行"
                if len(lost) == 1
                else f"第 {lost[0]}～{lost[-1]} 行中 {len(lost)} 行"
            )
            broken.append(f"“{label}”列（{letter} 列）{where}")
    if broken:
        return f"的数据验证（填写限制）被删除或覆盖：{'；'.join(broken)}"
    if any("#REF!" in f for _, _, formulas in found for f in formulas):
        return "的数据验证（下拉列表）引用了已删除的单元格（#REF!）"
    return None


def _rows_in(sqref: str, letter: str) -> set[int]:
    rows: set[int] = set()
    for m in _RANGE.finditer(sqref):
        first, top, last, bottom = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        last = last or first
        bottom_n = int(bottom) if bottom else top
        if _col(first) <= _col(letter) <= _col(last):
            rows.update(range(min(top, bottom_n), max(top, bottom_n) + 1))
    return rows


def _letter(col: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def sheet_validations(path: object, sheet: str) -> list[tuple[str, str, list[str]]] | None:
    """The validation lists of ``sheet`` in the .xlsx/.xlsm at ``path``: (type, sqref,
    formulas) each; None when ``path`` is no OOXML workbook or the sheet is not found.  Read
    after the import checks passed (no DTD, sizes bounded)."""
    try:
        with zipfile.ZipFile(str(path)) as book:
            part = _sheet_part(book, sheet)
            if part is None:
                return None
            data = book.read(part)
    except (zipfile.BadZipFile, KeyError, OSError, ET.ParseError):
        return None
    start = data.find(b"dataValidations")
    if start < 0:
        return []
    end = data.rfind(b"dataValidations>")
    data = data[max(0, start - 16) : end + 16 if end > start else len(data)]
    out = []
    for m in _VALIDATION.finditer(data):
        attrs = {
            k.split(b":")[-1].decode(): html.unescape(v.decode("utf-8", "replace"))
            for k, v in _ATTR.findall(m.group(1))
        }
        formulas = [
            html.unescape(f.decode("utf-8", "replace")) for f in _FORMULA.findall(m.group(2) or b"")
        ]
        out.append((attrs.get("type", "none"), attrs.get("sqref", ""), formulas))
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_part(book: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding worksheet ``sheet`` (workbook.xml's sheet → its relationship)."""
    rid = None
    for element in ET.fromstring(book.read("xl/workbook.xml")).iter():
        if _local(element.tag) == "sheet" and element.get("name") == sheet:
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
            break
    if rid is None:
        return None
    for element in ET.fromstring(book.read("xl/_rels/workbook.xml.rels")).iter():
        if _local(element.tag) == "Relationship" and element.get("Id") == rid:
            target = element.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None
