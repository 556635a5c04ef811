"""What the reports share: which projects, in which groups, for which unit and date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain import derived
from ..domain.fields import FIELD_BY_NAME
from ..domain.periods import Period
from ..store import Project, Store
from ..store.codes import OFFICE_NAME_META
from .form import DEFAULT_UNIT_NAME, Column, Styles, write_head
from .xlsx import Sheet, Workbook

#: Fields a report can group by, with the label of the group column.
GROUPINGS: dict[str, str] = {
    "region": "所属县区",
    "chain": "产业链",
    "sector": "产业类别",
    "status": "项目状态",
}
UNFILLED = "未填写"
UNIT_NAME_META = OFFICE_NAME_META  # the ledger's 填报单位 (Store.office_name)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file, how many projects (or problems) and rows."""

    path: Path
    items: int
    rows: int


def unit_name(store: Store) -> str:
    """The 填报单位 printed on reports (the ledger's :meth:`~desktop_app.store.Store.office_name`,
    else the commission's name)."""
    return store.office_name() or DEFAULT_UNIT_NAME


def report_title(title: str, project_ids: Iterable[int] | None) -> str:
    """The title of a report, marked when it holds only the projects in view."""
    return title if project_ids is None else f"{title}（筛选结果）"


def open_sheet(
    book: Workbook,
    name: str,
    store: Store,
    *,
    title: str,
    unit: str,
    as_of: dt.date | None,
    columns: Sequence[Column],
    styles: Styles | None = None,
) -> tuple[Sheet, Styles]:
    """A new report sheet ``name`` with its title, the 填报单位/单位/截止日期 line and the
    two-level header already written (:func:`~desktop_app.reports.form.write_head`)."""
    sheet = book.add_sheet(name)
    styles = styles or Styles(book)
    write_head(
        sheet,
        styles,
        title=title,
        unit_name=unit_name(store),
        unit=unit,
        as_of=as_of,
        columns=columns,
    )
    return sheet, styles


def select_projects(
    store: Store,
    project_ids: Iterable[int] | None = None,
    year: int | None = None,
    *,
    listed: bool = False,
) -> list[Project]:
    """Every project in code order, or the given ones in the order given ("what I see"), with
    their values of ``year`` (default: the current year); ``listed``: only those on that
    year's list."""
    projects = store.projects(year, listed=listed)
    if project_ids is None:
        return projects
    order: dict[int, int] = {}
    for i, pid in enumerate(project_ids):
        order.setdefault(pid, i)
    chosen = [p for p in projects if p.id in order]
    chosen.sort(key=lambda p: order[p.id or 0])
    return chosen


def period_projects(
    store: Store,
    period: Period | None,
    project_ids: Iterable[int] | None,
    thresholds: derived.LightThresholds | None,
) -> tuple[Period, list[Project], dict[int, derived.ProjectFigures]]:
    """The period of a report (default: the newest reported month), its projects (those of
    :func:`select_projects` on the list of the period's year, with that year's values) and
    their figures for that period."""
    period = period or store.default_period()
    projects = select_projects(store, project_ids, period.year, listed=True)
    figures = store.figures(period, thresholds, [p.id for p in projects if p.id is not None])
    return period, projects, figures


def check_grouping(group_by: str | None) -> str | None:
    if group_by in (None, "", "none"):
        return None
    if group_by not in GROUPINGS:
        names = "、".join(f"{k}（{v}）" for k, v in GROUPINGS.items())
        raise ValueError(f"不认识的分组方式“{group_by}”，可用：{names}")
    return group_by


def group_projects(
    store: Store, projects: Sequence[Project], group_by: str | None
) -> list[tuple[str, list[Project]]]:
    """Projects in groups ordered as the code list orders them; empty values last."""
    group_by = check_grouping(group_by)
    if group_by is None:
        return [("", list(projects))]
    kind = FIELD_BY_NAME[group_by].code_kind or group_by
    order = {name: i for i, name in enumerate(store.code_names(kind))}
    groups: dict[str, list[Project]] = {}
    for project in projects:
        value = getattr(project, group_by) or UNFILLED
        groups.setdefault(value, []).append(project)
    return sorted(
        groups.items(),
        key=lambda kv: (kv[0] == UNFILLED, order.get(kv[0], len(order)), kv[0]),
    )


def today() -> dt.date:
    return dt.date.today()


def tick(progress: Progress | None, done: int, total: int, every: int = 1000) -> None:
    """Report progress every ``every`` items (and at the end)."""
    if progress is not None and (done % every == 0 or done == total):
        progress(done, total)
