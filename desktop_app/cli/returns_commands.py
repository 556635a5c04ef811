"""``keyprojects returns``: the monthly cycle with the units (issue 17).

The group lives here with ``returns receive`` (a round of filled templates taken back at once:
:mod:`desktop_app.importers.returns`); its review and board commands (``returns status``,
``accept``, ``reject``, ``notice``, ``chase``, ``timeliness``) are in :mod:`.review_commands`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..domain.periods import Period
from ..domain.text import printable
from .base import cli, db_option, friendly, ledger, period_option
from .output import echo
from .usage import ChineseGroup, CliError

if TYPE_CHECKING:
    from ..importers.returns import RoundPreview

LINE_LABELS = {
    "new": "新增",
    "changed": "修改",
    "unchanged": "未变",
    "rejected": "拒绝",
    "conflict": "冲突",
}


@cli.group("returns", cls=ChineseGroup)
def returns_group() -> None:
    """各责任单位的月报：receive 收取一轮月报，status 报送情况。"""


def _received(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"收取日期“{text}”应写作 YYYY-MM-DD，如 2022-08-05") from None


@returns_group.command("receive")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@period_option("本轮的期间 YYYY-MM", required=True)
@click.option("--dry-run", is_flag=True, help="只预览，不写入台账")
@click.option(
    "--received",
    default=None,
    metavar="YYYY-MM-DD",
    help="收取日期（默认今天；晚于截止日期为逾期）",
)
@click.option(
    "--prefer",
    "prefer",
    multiple=True,
    metavar="文件",
    help="同一项目在多份文件中填报时采用这份文件（可重复）",
)
@click.option(
    "--take",
    "take",
    multiple=True,
    metavar="项目编号=文件",
    help="只为这个项目选定采用哪份文件（可重复）",
)
@click.option("--drop", "drop", multiple=True, metavar="文件", help="把这份文件移出本轮（可重复）")
@click.option("--skip-rejected", is_flag=True, help="跳过有问题的行，收取其余各行")
@click.option("--all", "show_all", is_flag=True, help="列出每一行（默认每类最多列 20 行）")
@click.pass_context
@friendly
def receive_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    db: Path | None,
    period: str,
    dry_run: bool,
    received: str | None,
    prefer: tuple[str, ...],
    take: tuple[str, ...],
    drop: tuple[str, ...],
    skip_rejected: bool,
    show_all: bool,
) -> None:
    """收取一轮月报：多个填好的填报模板、文件夹或 .zip，合并预览后一次写入（写入前自动备份）。"""
    import time

    from ..importers.returns import apply_round, preview_round

    started = time.perf_counter()
    month = Period.parse(period)
    with ledger(ctx, db) as store:
        preview = preview_round(store, paths, month, received=_received(received))
        for name in drop:
            preview.drop(name)
        for name in prefer:
            preview.prefer(name)
        for item in take:
            code, sep, name = item.partition("=")
            if not sep or not code.strip() or not name.strip():
                raise CliError(f"--take 应写作 项目编号=文件，不是“{item}”")
            preview.resolve(code.strip(), name.strip())
        _show_round(preview, None if show_all else 20)
        if preview.closed:
            raise CliError(f"{month.label}已关账，不能再收取月报")
        if dry_run:
            echo(f"预览完毕，未写入台账（--dry-run），用时 {time.perf_counter() - started:.1f} 秒")
            return
        result = apply_round(store, preview, skip_rejected=skip_rejected)
    echo(f"{result.text}，记入修改历史，用时 {time.perf_counter() - started:.1f} 秒")


def _show_round(preview: RoundPreview, limit: int | None) -> None:
    echo(
        f"收取 {preview.period.label}月报：截止日期 {preview.deadline.isoformat()}，"
        f"收取日期 {preview.received.isoformat()}"
    )
    for note in preview.notes:
        echo(f"注意：{note}")
    echo("文件：")
    for f in preview.files:
        unit = printable(f.unit) if f.unit else "—"
        if f.refused is not None:
            echo(f"  拒绝 {printable(f.name)}：{printable(f.refused)}")
            continue
        echo(f"  {f.state} {printable(f.name)}（{unit}）")
        for warning in f.warnings:
            echo(f"    注意：{printable(warning)}")
    echo("各单位：")
    for u in preview.units():
        c = u.counts
        late = "，逾期" if u.late else ""
        refused = f"，拒绝文件 {u.refused} 个" if u.refused else ""
        echo(
            f"  {printable(u.unit)}：{len(u.files)} 个文件{refused}{late}；新增 {c['new']}，"
            f"修改 {c['changed']}，未变 {c['unchanged']}，冲突 {c['conflict']}，拒绝 {c['rejected']}"
        )
    echo("项目：")
    for status in ("new", "changed"):
        lines = preview.of(status)  # type: ignore[arg-type]
        for line in lines[:limit]:
            entry = line.entry
            assert entry is not None
            detail = f"：{printable(entry.detail)}" if entry.detail else ""
            echo(
                f"  {LINE_LABELS[status]} {printable(entry.file.name)} 第 {entry.row.row} 行 "
                f"{line.code} {printable(line.name)}{detail}"
            )
        _more(len(lines), limit, LINE_LABELS[status])
    warned = [x for x in preview.of("unchanged") if x.entry is not None and x.entry.warnings]
    for line in warned[:limit]:
        entry = line.entry
        assert entry is not None
        echo(
            f"  未变 {printable(entry.file.name)} 第 {entry.row.row} 行 {line.code} "
            f"{printable(line.name)}：{printable('；'.join(entry.warnings))}"
        )
    _more(len(warned), limit, "未变")
    rejected = preview.rejected
    for e in rejected[:limit]:
        echo(
            f"  拒绝 {printable(e.file.name)} 第 {e.row.row} 行 {printable(e.row.name)}：{printable(e.row.detail)}"
        )
    _more(len(rejected), limit, "拒绝")
    conflicts = preview.conflicts
    for line in conflicts[:limit]:
        files = "、".join(printable(e.file.name) for e in line.candidates)
        echo(f"  冲突 {line.code} {printable(line.name)}：在 {files} 中都有填报")
    _more(len(conflicts), limit, "冲突")
    if conflicts:
        echo(
            "  （用 --prefer 文件 选定采用哪份文件，--take 项目编号=文件 逐个选定，或 --drop 文件 移出重复的文件）"
        )
    echo(preview.summary())


def _more(count: int, limit: int | None, label: str) -> None:
    if limit is not None and count > limit:
        echo(f"  ……另有 {count - limit} 行{label}（加 --all 查看全部）")
