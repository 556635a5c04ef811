"""Taking a round of returns back (issue 17, item 3): many filled templates — files, a
folder, a .zip — read into one combined preview, then applied as one action.

:func:`preview_round` reads every file (:mod:`.returns_files`: folders one level deep, archives
checked member by member), checks that it is one of this ledger's templates for the round as
it was sent (:mod:`.returns_checks`) — a file that is not is named with the reason and the
others still preview — and reads its rows as the single-file import does
(:func:`.monthly.preview_monthly`).  It then combines them (:mod:`.returns_round`): per project
the row that would be applied, a project in two files a conflict; each file 逾期 when received
after the deadline; a project that is not the file's unit's flagged (非本单位项目); an input
cell equal to last month's flagged 与上月相同.

:func:`apply_round` writes the round after a backup as ONE store action
(:meth:`~desktop_app.store.returns.ReturnsMixin.receive_round`): the reports, one
``unit_returns`` row per file, each written report 待审核.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..domain.periods import Period
from ..domain.text import clean_text
from ..domain.textmatch import normalize
from ..formats import META_UNIT
from ..store import MonthlyReport, Project, Store
from ..store.returns import ReceivedFile, ReceivedReport, RoundReceipt
from .bulk import collector_paused
from .errors import ImportRefused
from .headers import MONTHLY_LABELS
from .monthly import _parsers, preview_monthly
from .preview import MONTH_VALUE_LABELS, RowResult
from .returns_checks import identity_rows, template_meta, template_refusal
from .returns_files import RoundFile, gathered
from .returns_round import Entry, ProjectLine, ReturnFile, RoundPreview
from .returns_source import open_template
from .safety import DEFAULT_LIMITS, Limits
from .source import ImportSource
from .values import parse_cells, text

#: The template of the projects without a 责任单位 (``reports.template.NO_UNIT``).
NO_UNIT = "未填写责任单位"
_OWN_UNIT_NOTE = "该项目的责任单位是"  # preview_monthly's warning on a project of another unit
#: The input cells compared with last month's report (与上月相同).
SAME_FIELDS = tuple(MONTH_VALUE_LABELS)

__all__ = [
    "Entry",
    "ProjectLine",
    "ReturnFile",
    "RoundPreview",
    "RoundResult",
    "apply_round",
    "preview_round",
]


def preview_round(
    store: Store,
    paths: Iterable[str | Path],
    period: Period,
    *,
    received: dt.date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[int, int], None] | None = None,
) -> RoundPreview:
    """The combined preview of the returns ``paths`` name (files, folders, .zip archives)
    for ``period``, received on ``received`` (default: today)."""
    day = received or dt.date.today()
    deadline = store.report_deadline(period)
    with collector_paused(), gathered(paths, limits) as found:
        reads = _Reads(store, period)
        files: list[ReturnFile] = []
        taken: set[str] = set()
        for i, item in enumerate(found.files, start=1):
            files.append(
                _read(reads, item, period, limits, _unique(item.name, taken), day > deadline)
            )
            if progress is not None:
                progress(i, len(found.files))
    seen: dict[str, str] = {}
    for f in files:
        if f.refused is None and f.digest:
            if f.digest in seen:
                f.same_as = seen[f.digest]
                f.warnings.append(f"与“{f.same_as}”内容完全相同（同一份文件提交了不止一次）")
            else:
                seen[f.digest] = f.name
    preview = RoundPreview(
        period=period,
        received=day,
        deadline=deadline,
        files=files,
        lines={},
        notes=list(found.notes),
        closed=store.is_closed(period),
        unit_order=[u.name for u in store.units()],
        received_at=received.isoformat() if received is not None else None,
    )
    _combine(preview, reads)
    return preview


def _unique(name: str, taken: set[str]) -> str:
    out, n = name, 1
    while out in taken:
        n += 1
        out = f"{name}（第{n}份）"
    taken.add(out)
    return out


class _Reads:
    """What the round reads of the ledger, once for all its files: every project (by code
    and by name), the period's reports and last month's.  :meth:`for_file` gives
    :func:`preview_monthly` a view of the store holding only the projects a file names, so
    a round of 100 files does not read 10,000 projects 100 times."""

    def __init__(self, store: Store, period: Period) -> None:
        self.store = store
        self.period = period
        self.projects = store.projects()
        self.by_id = {p.id or 0: p for p in self.projects}
        self.by_code = {p.code: p for p in self.projects}
        self.by_name: dict[str, list[Project]] = {}
        for p in self.projects:
            self.by_name.setdefault(normalize(p.name), []).append(p)
        self.reports = store.monthly_reports(period)
        self.last = store.monthly_reports(period.shift(-1))
        self.ledger_id = store.ledger_id()

    def for_file(self, rows: list[tuple[int, tuple[object, ...]]]) -> Any:
        """The store for one template whose :func:`.returns_checks.identity_rows` are
        ``rows`` (项目编号 and 项目名称 first): every project a code or a name names."""
        chosen: dict[int, Project] = {}
        for _, cells in rows:
            code, name = text(cells[0]), text(cells[1])
            if code and code in self.by_code:
                project = self.by_code[code]
                chosen[project.id or 0] = project
            if name:
                chosen.update((p.id or 0, p) for p in self.by_name.get(normalize(name), []))
        return _FileStore(self.store, list(chosen.values()), self.period, self.reports)


class _FileStore:
    """The store as :func:`preview_monthly` sees it for one file (see :class:`_Reads`)."""

    def __init__(self, store: Store, projects: list[Project], period: Period, reports: Any):
        self._store, self._projects, self._period, self._reports = store, projects, period, reports

    def projects(self, *args: Any, **kwargs: Any) -> list[Project]:
        return self._projects

    def monthly_reports(self, period: Any) -> Any:
        if str(period) == str(self._period):
            return self._reports
        return self._store.monthly_reports(period)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _read(
    reads: _Reads, item: RoundFile, period: Period, limits: Limits, name: str, late: bool
) -> ReturnFile:
    """One file of the round read, checked and previewed (or refused with the reason)."""
    out = ReturnFile(name, item.origin, item.digest, refused=item.refused, late=late)
    if item.refused is not None or item.path is None:
        out.late = False
        return out
    temp = item.path.name if item.path != item.origin else None

    def named(message: str) -> str:  # a copied member's messages name the member
        return message.replace(f"“{temp}”", f"“{name}”") if temp else message

    try:
        source = open_template(item.path, limits)
        out.unit = clean_text(template_meta(source).get(META_UNIT)) or None
        rows = identity_rows(source.header) if source.meta else []
        reason = template_refusal(
            source,
            name,
            period=period,
            ledger_id=reads.ledger_id,
            project_name=lambda code: p.name if (p := reads.by_code.get(code)) else None,
            rows=rows,
        )
        if reason is not None:
            out.refused, out.late = reason, False
            return out
        out.preview = preview_monthly(reads.for_file(rows), source, period)
    except ImportRefused as exc:
        out.refused, out.late = named(str(exc)), False
        return out
    out.warnings = [named(w) for w in out.preview.warnings]
    if out.blank:
        out.warnings.append("没有填写任何项目（空白模板），不计为已报送")
    _file_values(out, source)
    return out


def _file_values(out: ReturnFile, source: ImportSource) -> None:
    """Keep, on each row of the preview, every value the file gives it (a changed row's
    ``values`` holds only its changes): what 与上月相同 compares."""
    columns = list(_parsers(source).items())
    rows = source.header.sheet.rows
    assert out.preview is not None
    for row in out.preview.rows:
        if row.status == "new":
            out.values[row.row] = row.values  # every value the file gives it already
            continue
        if row.status == "rejected" or row.row - 1 >= len(rows):
            continue
        values, _, _ = parse_cells(rows[row.row - 1], columns, MONTHLY_LABELS)
        values.pop("code", None)
        values.pop("name", None)
        out.values[row.row] = values


def _combine(preview: RoundPreview, reads: _Reads) -> None:
    for f in preview.files:
        if f.preview is None:
            continue
        for row in f.preview.rows:
            entry = Entry(f, row, f.values.get(row.row, {}))
            project = reads.by_id.get(row.project_id or -1)
            if project is None:
                preview.orphans.append(entry)
                continue
            _flags(entry, project, reads.last.get(project.id or 0))
            line = preview.lines.get(project.id or 0)
            if line is None:
                line = preview.lines[project.id or 0] = ProjectLine(
                    project.id or 0, project.code, project.name, project.department
                )
            line.entries.append(entry)


def _flags(entry: Entry, project: Project, last: MonthlyReport | None) -> None:
    """非本单位项目 and 与上月相同 on one row."""
    row: RowResult = entry.row
    row.warnings = [w for w in row.warnings if not w.startswith(_OWN_UNIT_NOTE)]
    unit = entry.file.unit
    department = clean_text(project.department or "")
    if unit and department != ("" if unit == NO_UNIT else unit) and row.status != "rejected":
        row.warnings.insert(0, f"非本单位项目：该项目的责任单位是“{department or '未填写'}”")
    if last is None or row.status == "rejected":
        return
    for field in SAME_FIELDS:
        value = entry.values.get(field)
        if value is None or value == "" or (field == "month_investment" and value == 0):
            continue  # an empty cell, or no investment this month again: not a copy
        if getattr(last, field) == value:
            entry.same_as_last.append(MONTH_VALUE_LABELS[field])


# ---------------------------------------------------------------------------- applying
@dataclass(frozen=True)
class RoundResult:
    """What an applied round wrote."""

    files: int
    reports: int
    pending: int
    source: str
    action_id: int | None

    @property
    def text(self) -> str:
        return (
            f"已收取 {self.files} 个文件，写入月报 {self.reports} 条，{self.pending} 条待审核"
            f"（来源：{self.source}）"
        )


def apply_round(
    store: Store, preview: RoundPreview, *, skip_rejected: bool = False, backup: bool = True
) -> RoundResult:
    """Write the round as ONE action after a backup: all of it or nothing.  Refused while a
    conflict is unresolved, or with refused rows unless ``skip_rejected``."""
    if preview.conflicts:
        raise ImportRefused(conflicts_text(preview))
    if preview.rejected and not skip_rejected:
        raise ImportRefused(
            f"有 {len(preview.rejected)} 行数据有问题，未收取任何内容：{rejected_text(preview)}"
        )
    files = [f for f in preview.taken if not f.blank]
    if not files:
        raise ImportRefused(
            "本轮没有可收取的文件" + (f"：{refused_text(preview)}" if preview.refused else "")
        )
    index = {f.name: i for i, f in enumerate(files)}
    existing = store.monthly_reports(preview.period)
    period = str(preview.period)
    reports: list[ReceivedReport] = []
    for line in preview.lines.values():
        entry = line.entry
        if entry is None or entry.row.status == "rejected":
            continue
        row = entry.row
        report = None
        if row.status == "new":
            report = replace(MonthlyReport(line.project_id, period), **row.values)
        elif row.status == "changed":
            base = existing.get(line.project_id) or MonthlyReport(line.project_id, period)
            report = replace(base, **row.values, version=row.version)
        reports.append(
            ReceivedReport(line.project_id, index[entry.file.name], report, tuple(entry.warnings))
        )
    received = [ReceivedFile(f.unit or NO_UNIT, f.name, f.digest, f.late) for f in files]
    source = source_text([f.name for f in files])
    if backup and any(r.report is not None for r in reports):
        from ..store.backup import backup_before

        backup_before(store, f"收取月报前：{preview.period}")
    with collector_paused():
        receipt: RoundReceipt = store.receive_round(
            reports,
            received,
            period=preview.period,
            received_at=preview.received_at,
            description=(
                f"收取月度调度（{preview.period}，{len(files)} 个文件，"
                f"{sum(r.report is not None for r in reports)} 条）"
            ),
            source=source,
        )
    return RoundResult(len(files), receipt.written, receipt.pending, source, receipt.action_id)


def source_text(names: list[str], limit: int = 1000) -> str:
    """Every file name joined by “、”; past ``limit`` characters the rest counted."""
    out: list[str] = []
    length = 0
    for i, name in enumerate(names):
        if out and length + len(name) + 1 > limit:
            return "、".join(out) + f"……等 {len(names)} 个文件（另 {len(names) - i} 个见收取记录）"
        out.append(name)
        length += len(name) + 1
    return "、".join(out)


def conflicts_text(preview: RoundPreview, limit: int = 5) -> str:
    lines = preview.conflicts
    parts = [
        f"{x.code} {x.name}（{'、'.join(e.file.name for e in x.candidates)}）"
        for x in lines[:limit]
    ]
    more = f"……等共 {len(lines)} 个" if len(lines) > limit else ""
    return (
        f"有 {len(lines)} 个项目在不止一份文件中填报，未收取任何内容；请选定采用哪一份"
        f"（或移出重复的文件）：{'；'.join(parts)}{more}"
    )


def rejected_text(preview: RoundPreview, limit: int = 5) -> str:
    rows = preview.rejected
    parts = [f"“{e.file.name}”第 {e.row.row} 行：{e.row.detail}" for e in rows[:limit]]
    more = f"……等共 {len(rows)} 行" if len(rows) > limit else ""
    return "；".join(parts) + more


def refused_text(preview: RoundPreview) -> str:
    return "；".join(f.refused or "" for f in preview.refused)
