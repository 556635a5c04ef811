"""``keyprojects year``: the years of the ledger and the year change (年度切换).

``year new 2023`` prints the proposed 2023 list (counts by kind, then the lines with their
reasons) and, unless ``--dry-run``, starts the year as one action after a backup
(:meth:`~desktop_app.store.years_change.YearsChangeMixin.start_year`); ``year list`` shows the
years with their counts.  The rules of the proposal are in :mod:`desktop_app.domain.new_year`.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..domain.new_year import CARRY, DROP, FINISHED, KIND_LABELS, KINDS, RESERVE, ProposalLine
from .base import cli, db_option, friendly, ledger
from .output import echo, table_lines
from .usage import ChineseGroup

#: Lines listed per kind unless --all.
SHOWN_PER_KIND = 20


@cli.group("year", cls=ChineseGroup)
def year_group() -> None:
    """台账的年度：list 查看各年度名单，new 年度切换（建立新一年的重点项目名单）。"""


@year_group.command("new")
@click.argument("year", type=click.IntRange(2000, 2099), metavar="年度")
@db_option
@click.option("--dry-run", is_flag=True, help="只预览新年度名单，不写入台账")
@click.option(
    "--include-finished/--drop-finished",
    default=True,
    help="竣工、投产的项目列入新年度的建成达产达效项目清单（默认），或不再列入",
)
@click.option("--include-reserve", is_flag=True, help="储备项目（谋划、前期）也列入新年度名单")
@click.option("--all", "show_all", is_flag=True, help="列出每一个项目（默认每类最多列 20 个）")
@click.pass_context
@friendly
def new_command(
    ctx: click.Context,
    year: int,
    db: Path | None,
    dry_run: bool,
    include_finished: bool,
    include_reserve: bool,
    show_all: bool,
) -> None:
    """年度切换：按当前年度的名单建立新一年的重点项目名单。未完工的项目结转为续建，竣工投产的项目
    可列入建成达产达效项目，储备项目可列入；新年度的计划投资留空待填报。先预览，再备份后一次写入。"""
    started = time.perf_counter()
    options = {"include_finished": include_finished, "include_reserve": include_reserve}
    with ledger(ctx, db) as store:
        proposal = store.year_proposal(year, **options)
        echo(proposal.summary())
        echo("（✓ 列入新年度名单；○ 可列入、未选）")
        included = {line.project_id for line in proposal.included()}
        limit = None if show_all else SHOWN_PER_KIND
        for kind in KINDS:
            lines = [line for line in proposal.lines if line.kind == kind]
            if not lines:
                continue
            echo(f"{KIND_LABELS[kind]}（{len(lines)} 个）：")
            for line in lines[:limit]:
                echo("  " + _line_text(line, line.project_id in included))
            if limit is not None and len(lines) > limit:
                echo(f"  ……另有 {len(lines) - limit} 个（加 --all 查看全部）")
        if dry_run:
            echo(f"预览完毕，未写入台账（--dry-run），用时 {time.perf_counter() - started:.1f} 秒")
            return
        result = store.start_year(year, **options)
        path = store.path
    backup = f"；写入前已备份：{result.backup.path}" if result.backup is not None else ""
    echo(
        f"已建立{year}年重点项目名单：{result.total} 个项目（结转续建 {result.counts[CARRY]}，"
        f"建成达产达效 {result.counts[FINISHED]}，储备 {result.counts[RESERVE]}），"
        f"当前年度改为{year}年，记入修改历史{backup}"
    )
    echo(
        f"下一步：填报{year}年计划投资（导入表头为“{year}年计划投资”的台账，或在项目表单中填写）："
        f"{path}"
    )


def _line_text(line: ProposalLine, included: bool) -> str:
    """One line of the preview: ✓ on the new list, ○ offered and not chosen; 编号, 名称,
    the new 建设性质 and why."""
    mark = " " if line.kind == DROP else ("✓" if included else "○")
    parts = [mark, line.project.code, line.project.name]
    if included and line.nature:
        parts.append(f"→{line.nature}")
    parts.append(line.reason)
    return "  ".join(parts)


@year_group.command("list")
@db_option
@click.pass_context
@friendly
def list_command(ctx: click.Context, db: Path | None) -> None:
    """列出台账的各年度：名单内项目数、已填计划投资的项目数、由上年结转和新列入的项目数。"""
    with ledger(ctx, db) as store:
        counts = store.year_counts()
        current = store.current_year()
    if not counts:
        echo("台账还没有任何年度的项目名单")
        return
    header = ("年度", "名单内项目", "已填计划", "上年结转", "新列入")
    rows = [
        (
            f"{c.year}年" + ("（当前）" if c.current else ""),
            str(c.on_list),
            str(c.with_plan),
            "—" if c.carried is None else str(c.carried),
            "—" if c.new is None else str(c.new),
        )
        for c in counts
    ]
    for text in table_lines(header, rows, right=lambda i: i > 0):
        echo(text)
    if current not in {c.year for c in counts}:
        echo(f"当前年度：{current}年（还没有名单）")
