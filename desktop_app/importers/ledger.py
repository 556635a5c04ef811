"""Importing a ledger (项目台账) as offices keep it: preview, then apply as one action."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..domain.fields import AMOUNT_FIELDS, DATE_FIELDS, FIELD_BY_NAME, PROJECT_FIELD_NAMES
from ..domain.periods import Period
from ..domain.text import is_multiline
from ..domain.textmatch import normalize, same_name
from ..domain.validation import Issue, validate_project
from ..store import Project, Store
from .errors import ImportRefused
from .headers import Header, plan_year
from .ledger_month import MonthFigures, ledger_period
from .preview import FieldChange, ImportPreview, RowResult, cleaned_rows_warning
from .rows import classify, merged_fill, with_merged
from .source import ImportSource
from .values import (
    CellError,
    amount,
    cached_parser,
    cached_text,
    code_value,
    code_values,
    date,
    parse_cells,
)

CODE_FIELDS = ("region", "sector", "chain", "nature", "status")


def _parsers(store: Store, header: Header) -> dict[int, tuple[str, Callable[[object], Any]]]:
    """Column index → (field, parser) for every mapped ledger column.  Parsers of columns
    whose values repeat (amounts, dates, code lists) remember what each value read as."""
    names = {f: store.code_names(FIELD_BY_NAME[f].code_kind or f) for f in CODE_FIELDS}
    list_names = store.code_names("list")
    out: dict[int, tuple[str, Callable[[object], Any]]] = {}
    seen: set[str] = set()
    for column in header.columns:
        target = column.target
        if not target or target.startswith("_") or target not in FIELD_BY_NAME or target in seen:
            continue
        seen.add(target)
        label = FIELD_BY_NAME[target].label
        if target in AMOUNT_FIELDS:
            unit = column.unit or header.unit

            def parse(v: object, label: str = label, unit: str = unit) -> Any:
                return amount(v, unit, label)
        elif target in DATE_FIELDS:

            def parse(v: object, label: str = label) -> Any:
                return date(v, label)
        elif target in CODE_FIELDS:

            def parse(v: object, label: str = label, target: str = target) -> Any:
                return code_value(v, names[target], label, target)
        elif target == "lists":

            def parse(v: object, label: str = label) -> Any:
                return code_values(v, list_names, label)
        else:
            out[column.index] = (target, cached_text(multiline=is_multiline(target)))
            continue
        out[column.index] = (target, cached_parser(parse))
    return out


def _same(field: str, old: Any, new: Any) -> bool:
    if field == "name" and old and new:
        return same_name(old, new)
    if field == "lists":
        return set(old or []) == set(new or [])
    if field in AMOUNT_FIELDS and old is not None and new is not None:
        return Decimal(old) == Decimal(new)
    return old == new


def preview_ledger(
    store: Store,
    source: ImportSource,
    sheets: Collection[str] | None = None,
    period: Period | None = None,
) -> ImportPreview:
    """What importing ``source`` as a ledger would do (nothing is written): the rows of every
    table, sheet by sheet (only those of ``sheets`` if given), and the monthly reports of
    ``period`` (else the period the workbook names) its month's figures become."""
    tables = [t for t in source.tables if sheets is None or t.sheet.name in sheets]
    left_out = [t.sheet.name for t in source.tables if t not in tables]
    years = {t.sheet.name: plan_year(t) for t in tables}
    named = [y for y in years.values() if y is not None]
    year = named[0] if named else store.current_year()  # the year's values are compared
    period, period_source = ledger_period(tables, period, named[0] if named else None)
    if period is not None and period.year != year:
        raise ImportRefused(
            f"本月数据的期间 {period} 与计划投资的年份（{year}年）不同；"
            "请指定同一年的期间，或分开导入"
        )
    figures = MonthFigures(store, tables, period) if period is not None else None
    projects = store.projects(year)
    by_code = {p.code: p for p in projects}
    by_name: dict[str, list[Project]] = {}
    for p in projects:
        by_name.setdefault(normalize(p.name), []).append(p)
    names = {t: store.code_names(FIELD_BY_NAME[t].code_kind or t) for t in SECTION_FIELDS}
    titles = frozenset(  # a row holding only 东丰县 or 工业项目 is a section
        normalize(n + end) for t in ("region", "sector") for n in names[t] for end in _ENDS
    )
    state = _State(_validator(store, by_code), by_code, by_name)
    rows: list[RowResult] = []
    skipped = dict.fromkeys(("blank", "section", "total", "note"), 0)  # + continued, if any
    warnings = list(source.warnings)
    cleaned = 0
    for header in tables:
        sheet = header.sheet.name
        parsers = _parsers(store, header)
        columns = list(parsers.items())
        labels = {target: FIELD_BY_NAME[target].label for target, _ in parsers.values()}
        sections = _Sections({f for f, _ in parsers.values()}, names)
        sections.sheet(sheet)
        fill = merged_fill(header)
        own_year = years[sheet]
        wrong_year = (
            f"该工作表的计划投资是{own_year}年的，与其他工作表（{year}年）不同，请分开导入"
            if own_year is not None and own_year != year
            else None
        )
        for sheet_row in classify(header, titles, fill.continued):
            if sheet_row.kind != "data":
                skipped[sheet_row.kind] = skipped.get(sheet_row.kind, 0) + 1
                if sheet_row.kind == "section" and sheet_row.section:
                    sections.section(sheet_row.section, sheet_row.level)
                continue
            index = sheet_row.number - 1
            cells = sheet_row.cells
            if index in fill.cells:
                cells = with_merged(cells, fill.cells[index])
            values, reasons, notes = parse_cells(cells, columns, labels)
            for key, value in sections.values.items():
                values.setdefault(key, value)
            if wrong_year:
                reasons.append(wrong_year)
            result = _judge(state, sheet, sheet_row.number, values, reasons)
            result.sheet = sheet
            if figures is not None and result.status != "rejected":
                result.month, refused = figures.read(sheet, cells, result.project_id)
                if refused:
                    result.status = "rejected"
                    result.reasons.extend(refused)
            if notes:
                cleaned += 1
                result.warnings = notes + result.warnings
            rows.append(result)
    if cleaned:
        warnings.append(cleaned_rows_warning(cleaned))
    if figures is not None:
        warnings.extend(figures.notes)
    if state.twice:
        shown = "；".join(state.twice[:3]) + ("等" if len(state.twice) > 3 else "")
        warnings.append(
            f"有 {len(state.twice)} 个项目在多个工作表中各出现一次，未合并：{shown}"
            "（请删去一处，或不勾选其中一个工作表）"
        )
    header = tables[0] if tables else source.header
    return ImportPreview(
        kind="ledger",
        path=source.path,
        sheet=header.sheet.name,
        header=header,
        rows=rows,
        skipped=skipped,
        warnings=warnings,
        year=year,
        tables=tables,
        left_out=left_out,
        period=period,
        period_source=period_source,
    )


_ENDS = ("", "项目", "类", "类项目")

#: What a section row (一、东丰县, （一）工业项目) or a sheet's name (续建项目) gives the rows
#: under it when the sheet has no such column.
SECTION_FIELDS = ("region", "sector", "nature")


class _Sections:
    """The values the section rows above a data row give it.

    A numbered section (一、 / （一）) ends every section as deep or deeper; an unnumbered one
    (东丰县) ranks by the order its kind first appeared in (a county above its sectors), and a
    sheet's name is above them all."""

    def __init__(self, mapped: set[str], names: dict[str, list[str]]) -> None:
        self._targets = [t for t in SECTION_FIELDS if t not in mapped]
        self._names = names
        self._given: dict[str, tuple[str, int]] = {}
        self._order: list[str] = []
        self.values: dict[str, str] = {}

    def _found(self, title: str) -> dict[str, str]:
        found = {}
        for target in self._targets:
            try:
                value = code_value(title, self._names[target], "", target)
            except CellError:
                continue
            if value:
                found[target] = value
        return found

    def sheet(self, name: str) -> None:
        for target, value in self._found(name).items():
            self._given[target] = (value, -1)
        self.values = {t: v for t, (v, _) in self._given.items()}

    def section(self, title: str, level: int | None) -> None:
        found = self._found(title) if self._targets else {}
        if level is None:
            if not found:
                return
            self._order += [t for t in found if t not in self._order]
            level = 10 + min(self._order.index(t) for t in found)
        self._given = {t: g for t, g in self._given.items() if g[1] < level}
        for target, value in found.items():
            self._given[target] = (value, level)
        self.values = {t: v for t, (v, _) in self._given.items()}


Validate = Callable[..., list[Issue]]


def _validator(store: Store, by_code: dict[str, Project]) -> Validate:
    """``store.validate`` with the code lists and the taken 项目编号 held in memory (the
    same checks without a query per value)."""
    kinds = {FIELD_BY_NAME[f].code_kind for f in CODE_FIELDS} | {"list"}
    listed = {(kind, name) for kind in kinds if kind for name in store.code_names(kind)}

    def validate(values: dict[str, Any], project_id: int | None = None) -> list[Issue]:
        def taken(code: str) -> bool:
            found = by_code.get(code)
            return found is not None and found.id != project_id

        return validate_project(
            values, code_exists=lambda kind, name: (kind, name) in listed, code_taken=taken
        )

    return validate


@dataclass
class _State:
    """What judging the rows of all sheets shares: the ledger's projects and the rows seen."""

    validate: Validate
    by_code: dict[str, Project]
    by_name: dict[str, list[Project]]
    seen: dict[object, tuple[str, int]] = field(default_factory=dict)
    twice: list[str] = field(default_factory=list)  # projects on two sheets, for the warning


def _judge(
    state: _State, sheet: str, number: int, values: dict[str, Any], reasons: list[str]
) -> RowResult:
    validate, by_code, by_name, seen = state.validate, state.by_code, state.by_name, state.seen
    name = values.get("name") or ""
    code = values.get("code")
    result = RowResult(number, "rejected", name or "（无名称）", code, reasons=reasons)
    if reasons:
        return result
    project: Project | None = None
    if code:
        project = by_code.get(code)
        if project is None and name:
            same = [p for p in by_name.get(normalize(name), []) if p.code != code]
            if same:
                reasons.append(
                    f"项目名称与台账中的项目（编号 {same[0].code}）相同，但项目编号“{code}”不同；"
                    "请核对编号，若该列不是本台账的项目编号，可在列对应中设为“不导入”"
                )
                return result
    elif name:
        same = by_name.get(normalize(name), [])
        if len(same) > 1:
            codes = "、".join(p.code for p in same[:3])
            reasons.append(f"台账中有 {len(same)} 个同名项目（{codes}），请填写项目编号以区分")
            return result
        project = same[0] if same else None
    if project is None and not name:
        reasons.append(
            "项目名称为空" if not code else f"项目名称为空，且台账中没有编号为“{code}”的项目"
        )
        return result
    if project is not None:
        key: object = project.id
    else:  # a new project: its code, or its name when the file gives no code
        key = ("code", code) if code else ("name", normalize(name))
    if key in seen:
        other_sheet, other_row = seen[key]
        if other_sheet == sheet:
            reasons.append(f"与第 {other_row} 行是同一个项目")
        else:
            reasons.append(
                f"与工作表“{other_sheet}”第 {other_row} 行是同一个项目（未合并，请只保留一处）"
            )
            label = project.name if project is not None else name
            state.twice.append(
                f"{label}（“{other_sheet}”第 {other_row} 行、“{sheet}”第 {number} 行）"
            )
        return result
    seen[key] = (sheet, number)
    if project is None:
        full = {**_BLANK, **values}  # every field (validate_project reads no others)
        full["lists"] = values.get("lists") or []
        errors, warnings = _messages(validate(full))
        if errors:
            reasons.extend(errors)
            return result
        result.status = "new"
        result.values = values
        result.warnings = warnings
        return result
    current = project.values()
    changes = {f: v for f, v in values.items() if not _same(f, current.get(f), v)}
    result.project_id = project.id
    result.code = project.code
    result.name = project.name
    result.version = project.version
    if not changes:
        result.status = "unchanged"
        return result
    merged = {**current, **changes}
    errors, warnings = _messages(validate(merged, project.id))
    if errors:
        reasons.extend(errors)
        return result
    result.status = "changed"
    result.values = changes
    result.changes = [
        FieldChange(f, FIELD_BY_NAME[f].label, current.get(f), v) for f, v in changes.items()
    ]
    result.warnings = warnings
    return result


#: A new project's record before its values: every field empty.
_BLANK: dict[str, Any] = dict.fromkeys(PROJECT_FIELD_NAMES)


def _messages(issues: Iterable[Issue]) -> tuple[list[str], list[str]]:
    """The errors and the warnings among validation ``issues``."""
    errors: list[str] = []
    warnings: list[str] = []
    for issue in issues:
        (errors if issue.severity == "error" else warnings).append(issue.message)
    return errors, warnings
