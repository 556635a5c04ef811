"""Opening a returned template quickly: :func:`open_template` is :func:`.source.open_import`
for a file whose 模板信息 sheet says it is a template, with the header looked for only in the
rows above the first data row.

The general search (:func:`.headers.find_header`) tries every row of the first 40 as a header
(a unit's own sheet may have one anywhere); on a template the rows under the header are
project rows, and trying each of them costs most of the opening (25 ms of 37 on a 100-row
return: 2.5 s of a round of 100).  A template's header is the row holding 项目编号 or 项目名称,
so the search runs on the rows down to the one after it and gives the same header.  Anything
else — not a template, an .xls or .ods (their hidden columns are read differently) — is
opened by :func:`.source.open_import` itself.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..formats import META_SHEET
from .errors import ImportRefused
from .headers import MAX_HEADER_ROW, Header, find_header
from .hidden_columns import hidden_columns
from .safety import DEFAULT_LIMITS, Limits
from .source import ImportSource, _template_meta, _without_hidden, open_import
from .workbook import SheetData, read_workbook

_HEADER_WORDS = frozenset({"项目编号", "项目名称"})


def open_template(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> ImportSource:
    """``path`` opened as :func:`open_import` opens it (raises ImportRefused the same)."""
    path = Path(path)
    book = read_workbook(path, limits)
    meta = _template_meta(book.sheets)
    if not meta or book.kind not in ("xlsx", "xlsm"):
        return open_import(path, "auto", limits)
    candidates = [s for s in book.sheets if not s.hidden] or book.sheets
    best: tuple[int, Header] | None = None
    for sheet in candidates:
        cut = _header_end(sheet)
        if cut is None:
            return open_import(path, "auto", limits)
        header = find_header(SheetData(sheet.name, sheet.rows[:cut], sheet.merged), "monthly")
        if header is None:
            continue
        score = header.score - (0 if "month_investment" in header.mapping() else 100)
        if best is None or score > best[0]:
            best = (score, replace(header, sheet=sheet))
    if best is None or best[0] < 2:
        return open_import(path, "auto", limits)  # its own refusal
    header = best[1]
    warnings = list(book.warnings)
    hidden = [s.name for s in book.sheets if s.hidden and s.name != META_SHEET]
    if hidden:
        warnings.append(f"未读取隐藏的工作表：{'、'.join(hidden)}")
    others = [s.name for s in candidates if s is not header.sheet and any(any(r) for r in s.rows)]
    if others:
        warnings.append(
            f"只导入工作表“{header.sheet.name}”，其他工作表（{'、'.join(others)}）未读取"
        )
    hidden_cols = hidden_columns(path)
    if hidden_cols:
        header = _without_hidden(header, hidden_cols.get(header.sheet.name, frozenset()), warnings)
        if not {"name", "code"} & set(header.mapping()):
            raise ImportRefused(
                f"“{path.name}”中“项目名称”“项目编号”所在的列是隐藏的，请取消隐藏后再导入"
            )
    return ImportSource(path, book.sheets, [header], "monthly", meta, warnings)


def _header_end(sheet: SheetData) -> int | None:
    """The rows the header search needs: down to the one after the row naming 项目编号 or
    项目名称 (None: no such row near the top)."""
    for index, row in enumerate(sheet.rows[:MAX_HEADER_ROW]):
        if any(isinstance(v, str) and v.strip() in _HEADER_WORDS for v in row):
            return index + 3
    return None
