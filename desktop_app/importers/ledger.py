"""Importing a ledger (项目台账) as offices keep it: preview, then apply as one action."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from ..domain.fields import AMOUNT_FIELDS, DATE_FIELDS, FIELD_BY_NAME, PROJECT_FIELD_NAMES
from ..domain.text import is_multiline
from ..domain.textmatch import normalize, same_name
from ..domain.validation import Issue, validate_project
from ..store import Project, Store
from .headers import Header, plan_year
from .preview import FieldChange, ImportPreview, RowResult, cleaned_rows_warning
from .rows import classify
from .source import ImportSource
from .values import (
    CellError,
    amount,
    cached_parser,
    code_value,
    code_values,
    date,
    parse_cells,
    text,
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
        elif is_multiline(target):
            out[column.index] = (target, _multiline_text)
            continue
        else:
            out[column.index] = (target, text)
            continue
        out[column.index] = (target, cached_parser(parse))
    return out


def _multiline_text(value: object) -> str | None:
    return text(value, multiline=True)


def _same(field: str, old: Any, new: Any) -> bool:
    if field == "name" and old and new:
        return same_name(old, new)
    if field == "lists":
        return set(old or []) == set(new or [])
    if field in AMOUNT_FIELDS and old is not None and new is not None:
        return Decimal(old) == Decimal(new)
    return old == new


def preview_ledger(store: Store, source: ImportSource) -> ImportPreview:
    """What importing ``source`` as a ledger would do (nothing is written)."""
    header = source.header
    parsers = _parsers(store, header)
    mapped = {f for f, _ in parsers.values()}
    year = plan_year(header) or store.current_year()  # the year's values are compared
    projects = store.projects(year)
    by_code = {p.code: p for p in projects}
    by_name: dict[str, list[Project]] = {}
    for p in projects:
        by_name.setdefault(normalize(p.name), []).append(p)
    rows: list[RowResult] = []
    skipped = dict.fromkeys(("blank", "section", "total", "note"), 0)
    context: dict[str, str] = {}
    seen: dict[object, int] = {}
    sectors = store.code_names("sector")
    regions = store.code_names("region")
    validate = _validator(store, by_code)
    columns = list(parsers.items())
    labels = {target: FIELD_BY_NAME[target].label for target, _ in parsers.values()}
    cleaned = 0
    for sheet_row in classify(header):
        if sheet_row.kind != "data":
            skipped[sheet_row.kind] += 1
            if sheet_row.kind == "section" and sheet_row.section:
                _section_context(sheet_row.section, context, mapped, sectors, regions)
            continue
        values, reasons, notes = parse_cells(sheet_row.cells, columns, labels)
        for key, value in context.items():
            values.setdefault(key, value)
        result = _judge(validate, sheet_row.number, values, reasons, by_code, by_name, seen)
        if notes:
            cleaned += 1
            result.warnings = notes + result.warnings
        rows.append(result)
    warnings = list(source.warnings)
    if cleaned:
        warnings.append(cleaned_rows_warning(cleaned))
    return ImportPreview(
        kind="ledger",
        path=source.path,
        sheet=header.sheet.name,
        header=header,
        rows=rows,
        skipped=skipped,
        warnings=warnings,
        year=year,
    )


def _section_context(
    title: str, context: dict[str, str], mapped: set[str], sectors: list[str], regions: list[str]
) -> None:
    """A section row such as 一、工业项目 gives its rows a sector (or region) when the sheet
    has no such column."""
    for target, names in (("sector", sectors), ("region", regions)):
        if target in mapped:
            continue
        try:
            found = code_value(title, names, "", target)
        except CellError:
            continue
        if found:
            context[target] = found
            return


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


def _judge(
    validate: Validate,
    number: int,
    values: dict[str, Any],
    reasons: list[str],
    by_code: dict[str, Project],
    by_name: dict[str, list[Project]],
    seen: dict[object, int],
) -> RowResult:
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
        reasons.append(f"与第 {seen[key]} 行是同一个项目")
        return result
    seen[key] = number
    if project is None:
        full = {f: values.get(f) for f in PROJECT_FIELD_NAMES}
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


def _messages(issues: Iterable[Issue]) -> tuple[list[str], list[str]]:
    """The errors and the warnings among validation ``issues``."""
    errors: list[str] = []
    warnings: list[str] = []
    for issue in issues:
        (errors if issue.severity == "error" else warnings).append(issue.message)
    return errors, warnings
