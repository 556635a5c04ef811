"""Excel import (no Qt): ledgers as offices keep them and the units' monthly returns.

Three steps, the same for the GUI wizard and ``keyprojects import``:

1. :func:`open_import` checks the file (size, zip, password, bombs), reads it with
   python-calamine and finds the tables: a ledger on every visible sheet that holds one (each
   with its own header position and mapping), where each header is, how its columns map.
2. :func:`build_preview` (optionally with the mapping the user corrected) says, row by row,
   what would be new, changed (field by field), unchanged or rejected (row number and reason).
3. :func:`apply_preview` writes it as ONE store action, recorded with the file name: all or
   nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from ..domain.periods import Period
from ..store import Store
from .bulk import collector_paused
from .errors import ImportRefused
from .headers import LEDGER_LABELS, MONTHLY_LABELS, ColumnMap
from .ledger_month import PeriodNeeded, has_month_figures, named_ledger_period
from .preview import STATUS_LABELS, ApplyResult, FieldChange, ImportPreview, RowResult
from .source import ImportSource, Kind, open_import


def build_preview(
    store: Store,
    source: ImportSource,
    *,
    columns: list[ColumnMap] | Mapping[str, list[ColumnMap]] | None = None,
    period: Period | None = None,
    sheets: Collection[str] | None = None,
) -> ImportPreview:
    """The preview of ``source``: with corrected ``columns`` if given (of the first table, or
    by sheet name), of the tables on ``sheets`` only if given (a ledger; the others are
    :attr:`ImportPreview.left_out`)."""
    unknown = [s for s in sheets or () if s not in source.sheet_names]
    if unknown:
        raise ImportRefused(
            f"“{source.path.name}”中没有可导入的工作表“{'”“'.join(unknown)}”"
            f"（可导入：{'、'.join(source.sheet_names)}）"
        )
    if isinstance(columns, Mapping):
        source = source.with_mappings(columns)
    elif columns is not None:
        source = source.with_columns(columns)
    with collector_paused():
        if source.kind == "monthly":
            from .monthly import preview_monthly

            return preview_monthly(store, source, period)
        from .ledger import preview_ledger

        return preview_ledger(store, source, sheets, period)


def preview_file(
    store: Store,
    path: str | Path,
    *,
    kind: Kind | str = "auto",
    period: Period | None = None,
    sheets: Collection[str] | None = None,
) -> ImportPreview:
    """Open ``path`` and preview it in one call (the command line; ``sheets``: only these)."""
    with collector_paused():
        source = open_import(path, kind)  # type: ignore[arg-type]
        return build_preview(store, source, period=period, sheets=sheets)


def rejected_text(preview: ImportPreview, limit: int = 5) -> str:
    rows = preview.rejected
    lines = [f"{preview.place(r)}：{r.detail}" for r in rows[:limit]]
    more = f"……等共 {len(rows)} 行" if len(rows) > limit else ""
    return "；".join(lines) + more


def apply_preview(
    store: Store, preview: ImportPreview, *, skip_rejected: bool = False
) -> ApplyResult:
    """Write the new and changed rows of ``preview`` as one action (source: the file name).

    With rejected rows, nothing is written unless ``skip_rejected``.
    """
    if preview.rejected and not skip_rejected:
        raise ImportRefused(
            f"有 {len(preview.rejected)} 行数据有问题，未导入任何内容：{rejected_text(preview)}"
        )
    source = preview.path.name
    if preview.has_changes:
        from ..store.backup import backup_before

        backup_before(store, f"导入前：{source}")
    with collector_paused():
        return _write(store, preview, source)


def _write(store: Store, preview: ImportPreview, source: str) -> ApplyResult:
    """The store action of :func:`apply_preview`."""
    if preview.kind == "ledger":
        from .ledger_month import month_reports

        new = [r.values for r in preview.new]
        updates = [(r.project_id or 0, r.values, r.version) for r in preview.changed]
        monthly, new_monthly = month_reports(preview) if preview.period else ([], {})
        reports = len(monthly) + len(new_monthly)
        if not new and not updates and not reports:
            return ApplyResult(0, 0, source)
        description = f"导入台账：新增{len(new)}个、修改{len(updates)}个项目"
        if reports:
            description += f"，{preview.period} 月报 {reports} 条"
        added, changed = store.import_projects(
            new,
            updates,
            source=source,
            description=description,
            year=preview.year,
            monthly=monthly,
            new_monthly=new_monthly,
        )
        return ApplyResult(added, changed, source, reports, preview.period)
    from .monthly import reports_to_save

    reports = reports_to_save(store, preview)
    if reports:
        who = f"{preview.unit}，" if preview.unit else ""
        store.save_monthly_reports(
            reports,
            description=f"导入月度调度（{who}{preview.period}，{len(reports)}条）",
            source=source,
            check_versions=True,  # saved elsewhere since the preview: refused, all of it
        )
    return ApplyResult(len(preview.new), len(preview.changed), source)


__all__ = [
    "LEDGER_LABELS",
    "MONTHLY_LABELS",
    "STATUS_LABELS",
    "ApplyResult",
    "ColumnMap",
    "FieldChange",
    "ImportPreview",
    "ImportRefused",
    "ImportSource",
    "PeriodNeeded",
    "RowResult",
    "apply_preview",
    "build_preview",
    "has_month_figures",
    "named_ledger_period",
    "open_import",
    "preview_file",
    "rejected_text",
]
