"""问题清单: the open problems for the meeting, with their leader, responsible unit and deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ..domain.collation import code_keys
from ..domain.periods import date_end
from ..store import Problem, Project, Store
from . import form
from .common import ExportResult, Progress, open_sheet, report_title, select_projects, tick, today
from .form import Column
from .xlsx import CellStyle, Value, Workbook

COLUMNS: tuple[Column, ...] = (
    form.SEQ,
    form.CODE,
    form.NAME,
    Column("所属县区", "center", max_width=16),
    Column("存在问题", "wrap", "问题情况", min_width=24, max_width=40),
    Column("提出时间", "center", "问题情况", min_width=11, max_width=12),
    Column("包保市级领导", "center", "责任落实", max_width=12),
    Column("责任单位", "center", "责任落实", max_width=14),
    Column("完成时限", "center", "责任落实", min_width=11, max_width=20),
    Column("解决措施及进展", "wrap", min_width=20, max_width=36),
)
GROUPINGS = {"leader": "包保市级领导", "department": "责任单位", "region": "所属县区"}
DEADLINE_COL = 9


def open_problems(
    store: Store, project_ids: Iterable[int] | None = None
) -> list[tuple[Problem, Project]]:
    """Open problems with their project, in project order (or the order of ``project_ids``)."""
    projects = select_projects(store, project_ids)
    order = {p.id: i for i, p in enumerate(projects)}
    by_id = {p.id: p for p in projects}
    found = [
        (q, by_id[q.project_id]) for q in store.problems(status="open") if q.project_id in by_id
    ]
    found.sort(key=lambda qp: (order[qp[1].id], qp[0].id or 0))
    return found


def write_problems(
    store: Store,
    path: str | Path,
    *,
    group_by: str | None = None,
    project_ids: Iterable[int] | None = None,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write 问题清单 to ``path``; deadlines already past are shown in red."""
    if group_by in ("", "none"):
        group_by = None
    if group_by is not None and group_by not in GROUPINGS:
        names = "、".join(f"{k}（{v}）" for k, v in GROUPINGS.items())
        raise ValueError(f"问题清单不能按“{group_by}”分组，可用：{names}")
    as_of = as_of or today()
    items = open_problems(store, project_ids)
    groups: dict[str, list[tuple[Problem, Project]]] = {}
    for problem, project in items:
        key = ""
        if group_by == "department":
            key = problem.department or project.department or "未填写"
        elif group_by:
            key = getattr(project, group_by) or "未填写"
        groups.setdefault(key, []).append((problem, project))
    order = store.code_names("region") if group_by == "region" else []
    ordered = sorted(  # 县区 in the code list's order, leaders and units by pinyin
        groups.items(), key=lambda kv: (kv[0] == "未填写", code_keys([kv[0]], order)[0])
    )
    title = report_title("重点项目存在问题清单", project_ids)
    n = len(COLUMNS)
    with Workbook(title=title) as book:
        sheet, styles = open_sheet(
            book, "问题清单", store, title=title, unit="万元", as_of=as_of, columns=COLUMNS
        )
        rows_of = [
            (_row(seq, problem, project, as_of), problem, project)
            for seq, (problem, project) in enumerate(
                (qp for _, members in ordered for qp in members), start=1
            )
        ]
        form.fit_columns(sheet, COLUMNS, [r for r, _, _ in rows_of[:600]])
        body = styles.row(COLUMNS)
        overdue_style = book.style(CellStyle(align="center", bold=True, color="#D62728", wrap=True))
        section = styles.body("text", "section", bold=True)
        total_style = styles.row(COLUMNS, "total", bold=True)
        seq = overdue = 0
        for index, (name, members) in enumerate(ordered, start=1):
            if group_by:
                form.section_row(sheet, section, index, f"{name}（{len(members)}个问题）", n)
            for _ in members:
                values, problem, _project = rows_of[seq]
                seq += 1
                late = _overdue(problem.deadline, as_of)
                overdue += late
                cell_styles = list(body)
                if late:
                    cell_styles[DEADLINE_COL - 1] = overdue_style
                sheet.append(values, cell_styles, fit=True)
                tick(progress, seq, len(items))
        total: list[Value] = [None] * n
        total[2] = f"合计：{len(items)}个问题，其中已逾期{overdue}个"
        sheet.append(total, total_style)
        notes = ["注：只列未解决的问题；完成时限早于截止日期而仍未解决的标为“已逾期”。"]
        samples = any(project.is_sample for _, project in items)
        form.close_sheet(sheet, styles, notes, n, samples=samples)
        book.save(path)
        rows = sheet.row_count
    if progress is not None and not items:
        progress(0, 0)
    return ExportResult(Path(path), len(items), rows)


def _row(seq: int, problem: Problem, project: Project, as_of: dt.date) -> list[Value]:
    late = _overdue(problem.deadline, as_of)
    deadline = form.date_text(problem.deadline) or ""
    return [
        seq,
        project.code,
        project.name,
        project.region,
        problem.text,
        form.date_text(problem.raised_on),
        project.leader,
        problem.department or project.department,
        (deadline + ("（已逾期）" if late else "")) or None,
        problem.solution,
    ]


def _overdue(deadline: str | None, as_of: dt.date) -> bool:
    try:
        end = date_end(deadline)
    except ValueError:
        return False
    return end is not None and end < as_of
