"""Importing monthly returns (filled templates, or a unit's own sheet) as monthly reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..domain.fields import MONTHLY_FIELD_NAMES
from ..domain.periods import Period
from ..domain.text import clean_text, is_multiline
from ..domain.textmatch import normalize
from ..formats import META_UNIT
from ..store import MonthlyReport, Project, Store
from .errors import ImportRefused
from .headers import MONTHLY_LABELS, Header
from .preview import FieldChange, ImportPreview, RowResult, cleaned_rows_warning
from .rows import classify
from .source import ImportSource
from .values import CellError, amount, date, parse_cells, percent, text

INPUT_FIELDS = MONTHLY_FIELD_NAMES  # what a filled template may set


def _parsers(source: ImportSource) -> dict[int, tuple[str, Callable[[object], Any]]]:
    header = source.header
    out: dict[int, tuple[str, Callable[[object], Any]]] = {}
    seen: set[str] = set()
    for column in header.columns:
        target = column.target
        if target not in (*INPUT_FIELDS, "code", "name") or target in seen:
            continue
        seen.add(target)
        label = MONTHLY_LABELS[target]
        if target == "month_investment":
            parse = amount_parser(column.unit or header.unit, label)
        elif target == "progress_pct":
            parse = percent_parser(label, written_as_fractions(header, column.index))
        elif target == "report_date":

            def parse(v: object, label: str = label) -> Any:
                return date(v, label)
        else:

            def parse(v: object, multiline: bool = is_multiline(target)) -> Any:
                return text(v, multiline=multiline)

        out[column.index] = (target, parse)
    return out


def amount_parser(unit: str, label: str) -> Callable[[object], Any]:
    """The parser of a column of the month's investment (本月, 1-N月, 开工以来) in ``unit``:
    exact 万元, never negative."""

    def parse(v: object) -> Any:
        found = amount(v, unit, label)
        if found is not None and found < 0:
            raise CellError(f"{label}“{text(v)}”不能为负数")
        return found

    return parse


def percent_parser(label: str, fractions: bool) -> Callable[[object], Any]:
    """The parser of a 形象进度(%) column; ``fractions``: its numbers are Excel percentages
    (0.5 is 50%, :func:`written_as_fractions`)."""

    def parse(v: object) -> Any:
        if fractions and isinstance(v, int | float) and not isinstance(v, bool):
            v = Decimal(repr(v)) * 100
        return percent(v, label)

    return parse


def written_as_fractions(header: Header, col: int) -> bool:
    """Whether a 形象进度(%) column holds fractions, as a cell formatted as a percentage in
    Excel stores them (50% is the number 0.5): every number in it between 0 and 1 and one of
    them strictly between.  Text such as “50%” and whole points (65) are read as written."""
    numbers = [
        row[col]
        for row in header.sheet.rows[header.first_data_row :]
        if col < len(row) and isinstance(row[col], int | float) and not isinstance(row[col], bool)
    ]
    return bool(numbers) and all(0 <= v <= 1 for v in numbers) and any(0 < v < 1 for v in numbers)


def preview_monthly(
    store: Store, source: ImportSource, period: Period | None = None
) -> ImportPreview:
    """What importing ``source`` as monthly reports of ``period`` would do."""
    period = period or source.guess_period()
    if period is None:
        raise ImportRefused(f"无法确定“{source.path.name}”是哪个月的月报，请指定期间（如 2022-07）")
    parsers = _parsers(source)
    if "month_investment" not in {t for t, _ in parsers.values()}:
        raise ImportRefused("没有找到“本月完成投资”列，无法作为月报导入")
    projects = store.projects()
    by_code = {p.code: p for p in projects}
    by_name: dict[str, list[Project]] = {}
    for p in projects:
        by_name.setdefault(normalize(p.name), []).append(p)
    existing = store.monthly_reports(period)
    unit = clean_text(source.meta.get(META_UNIT)) or None
    rows: list[RowResult] = []
    skipped = dict.fromkeys(("blank", "section", "total", "note", "unfilled"), 0)
    seen: dict[int, int] = {}
    cleaned = 0
    columns = list(parsers.items())
    for sheet_row in classify(source.header):
        if sheet_row.kind != "data":
            skipped[sheet_row.kind] += 1
            continue
        values, reasons, notes = parse_cells(sheet_row.cells, columns, MONTHLY_LABELS)
        code, name = values.pop("code", None), values.pop("name", None)
        result = RowResult(
            sheet_row.number, "rejected", name or "（无名称）", code, reasons=reasons
        )
        result.warnings = notes
        rows.append(result)
        project = by_code.get(code) if code else None
        if project is None and not code and name:
            same = by_name.get(normalize(name), [])
            if len(same) > 1:
                reasons.append("台账中有多个同名项目，请填写项目编号")
                continue
            project = same[0] if same else None
        if project is None:
            reasons.append(
                f"台账中没有编号为“{code}”的项目" if code else f"台账中没有名为“{name}”的项目"
            )
            continue
        result.project_id, result.code, result.name = project.id, project.code, project.name
        if reasons:
            continue
        if not values:
            rows.pop()
            skipped["unfilled"] += 1
            continue
        cleaned += bool(notes)
        pid = project.id or 0
        if pid in seen:
            reasons.append(f"与第 {seen[pid]} 行是同一个项目")
            continue
        seen[pid] = sheet_row.number
        if unit and clean_text(project.department or "") != unit:
            result.warnings.append(f"该项目的责任单位是“{project.department or '未填写'}”")
        old = existing.get(pid)
        if old is None:
            result.status = "new"
            result.values = values
            continue
        result.version = old.version
        changes = {k: v for k, v in values.items() if getattr(old, k) != v}
        if not changes:
            result.status = "unchanged"
            continue
        result.status = "changed"
        result.values = changes
        result.changes = [
            FieldChange(k, MONTHLY_LABELS[k], getattr(old, k), v) for k, v in changes.items()
        ]
    return ImportPreview(
        kind="monthly",
        path=source.path,
        sheet=source.sheet.name,
        header=source.header,
        rows=rows,
        skipped=skipped,
        period=period,
        unit=unit,
        warnings=[
            *source.warnings,
            *([cleaned_rows_warning(cleaned)] if cleaned else []),
            *_fraction_notes(source),
        ],
    )


def _fraction_notes(source: ImportSource) -> list[str]:
    return [
        f"“{column.header}”列的数字都在 0～1 之间（Excel 的百分比格式），已按 0.5 = 50% 换算"
        for column in source.header.columns
        if column.target == "progress_pct" and written_as_fractions(source.header, column.index)
    ]


def reports_to_save(store: Store, preview: ImportPreview) -> list[MonthlyReport]:
    """The monthly reports an applied preview writes: existing values kept, file values over,
    each carrying the version the preview saw -- so that a report another clerk saved since
    (or created, for a row the preview called new) refuses the import instead of being
    overwritten (the store checks, :meth:`Store.save_monthly_reports` ``check_versions``)."""
    assert preview.period is not None
    existing = store.monthly_reports(preview.period)
    out = []
    for row in preview.rows:
        if row.status not in ("new", "changed") or row.project_id is None:
            continue
        fresh = MonthlyReport(row.project_id, str(preview.period))
        if row.status == "new":
            out.append(replace(fresh, **row.values))  # no id: any report there now conflicts
            continue
        base = existing.get(row.project_id) or fresh
        out.append(replace(base, **row.values, version=row.version))
    return out
