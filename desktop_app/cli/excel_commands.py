"""Excel: the meeting reports, importing a ledger or filled templates, the templates."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.periods import Period
from .base import (
    command,
    db_option,
    ledger,
    output_option,
    period_of,
    period_option,
    search_option,
)
from .output import echo
from .usage import CliError

_GROUP_HELP = (
    "分组：region 所属县区、chain 产业链、sector 产业类别、status 项目状态、none 不分组"
    "（台账默认按县区；问题清单可用 leader 包保领导、department 责任单位、region）"
)


@command("export")
@click.argument("report", type=click.Choice(["ledger", "monthly", "problems", "summary"]))
@db_option
@period_option("期间 YYYY-MM（月度调度表、分类汇总；默认最近填报的月份）")
@click.option("--group-by", "-g", "group_by", default=None, help=_GROUP_HELP)
@search_option("只导出搜索到的项目（同 projects --search）")
@output_option("输出的 .xlsx 文件")
def export_command(
    ctx: click.Context,
    report: str,
    db: Path | None,
    period: str | None,
    group_by: str | None,
    search: str,
    output: Path,
) -> None:
    """导出会议报表：ledger 重点项目台账、monthly 月度调度表、problems 问题清单、summary 分类汇总。"""
    import time

    from ..reports import REPORTS, export_report

    if group_by is None and report == "ledger":
        group_by = "region"
    started = time.perf_counter()
    with ledger(ctx, db) as store:
        ids = [p.id for p in store.list_projects(search=search) if p.id] if search else None
        result = export_report(
            store,
            report,
            output,
            period=period_of(period),
            group_by=group_by,
            project_ids=ids,
        )
    what = "个问题" if report == "problems" else "个项目"
    echo(
        f"已导出{REPORTS[report]}：{result.path}（{result.items} {what}，"
        f"用时 {time.perf_counter() - started:.1f} 秒）"
    )


@command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--dry-run", is_flag=True, help="只预览，不写入台账")
@click.option(
    "--kind",
    type=click.Choice(["auto", "ledger", "monthly"]),
    default="auto",
    show_default=True,
    help="文件内容：ledger 项目台账、monthly 月报（填报模板）；auto 自动识别",
)
@period_option("月报期间 YYYY-MM；台账中有本月数据列时为其期间（文件中已写明期间时不需要）")
@click.option("--skip-rejected", is_flag=True, help="跳过有问题的行，导入其余各行")
@click.option("--all", "show_all", is_flag=True, help="列出每一行（默认每类最多列 20 行）")
@click.option(
    "--sheet",
    "sheets",
    multiple=True,
    help="只导入这个工作表（可重复；默认导入每个有项目表的工作表）",
)
def import_command(
    ctx: click.Context,
    file: Path,
    db: Path | None,
    dry_run: bool,
    kind: str,
    period: str | None,
    skip_rejected: bool,
    show_all: bool,
    sheets: tuple[str, ...],
) -> None:
    """导入 Excel（.xlsx .xlsm .xls .xlsb .ods）：各单位的项目台账，或填好的月度调度填报模板。
    先预览，全部无误才写入。"""
    import time

    from ..importers import ImportRefused, apply_preview, preview_file, rejected_text

    started = time.perf_counter()
    with ledger(ctx, db) as store:
        preview = preview_file(
            store, file, kind=kind, period=period_of(period), sheets=sheets or None
        )
        where = "；".join(
            f"工作表“{h.sheet.name}”，表头在第 {h.top + 1}"
            + ("" if h.depth == 1 else f"～{h.top + 2}")
            + " 行"
            for h in preview.tables
        )
        what = "项目台账" if preview.kind == "ledger" else f"{preview.period} 月报"
        echo(f"读取 {file.name}（{what}）：{where or '未选工作表'}")
        mapped = [
            f"{c.letter}列“{c.header}”" for c in preview.columns if c.target is None and c.header
        ]
        if mapped:
            echo("未导入的列：" + "、".join(mapped))
        for warning in preview.warnings:
            echo(f"注意：{warning}")
        echo(preview.summary())
        limit = None if show_all else 20
        for status, label in (("new", "新增"), ("changed", "修改"), ("rejected", "拒绝")):
            items = preview.of(status)  # type: ignore[arg-type]
            for r in items[:limit]:
                detail = f"：{r.detail}" if r.detail else ""
                echo(f"  {label} {preview.place(r)} {r.name}{detail}")
            if limit is not None and len(items) > limit:
                echo(f"  ……另有 {len(items) - limit} 行{label}（加 --all 查看全部）")
        # Rows whose project is unchanged but whose month's figures are new or differ.
        months = [
            r
            for r in preview.month_rows
            if r.status == "unchanged"
            and r.month
            and (r.month.status != "unchanged" or r.month.notes)
        ]
        for r in months[:limit]:
            echo(f"  月报 {preview.place(r)} {r.name}：{r.detail}")
        if limit is not None and len(months) > limit:
            echo(f"  ……另有 {len(months) - limit} 行月报（加 --all 查看全部）")
        if dry_run:
            echo(f"预览完毕，未写入台账（--dry-run），用时 {time.perf_counter() - started:.1f} 秒")
            return
        if preview.rejected and not skip_rejected:
            raise ImportRefused(
                f"有 {len(preview.rejected)} 行数据有问题，未导入任何内容（改正后重新导入，"
                f"或加 --skip-rejected 只导入其余各行）：{rejected_text(preview)}"
            )
        result = apply_preview(store, preview, skip_rejected=skip_rejected)
    month = f"，{result.period} 月报 {result.reports} 条" if result.reports else ""
    echo(
        f"已导入：新增 {result.added}，修改 {result.changed}{month}，记入修改历史"
        f"（来源：{result.action_source}），用时 {time.perf_counter() - started:.1f} 秒"
    )


@command("template")
@db_option
@period_option("填报期间 YYYY-MM", required=True)
@click.option("--unit", "-u", "units", multiple=True, help="责任单位（可重复；默认每个单位一份）")
@output_option(
    "输出文件夹；或 .zip 文件（全部模板打包为一个压缩包）；只有一个单位时也可以是 .xlsx 文件",
    file=False,
)
def template_command(
    ctx: click.Context, db: Path | None, period: str, units: tuple[str, ...], output: Path
) -> None:
    """生成各责任单位的月度调度填报模板（项目信息和上月情况锁定，填报格有数据校验，写明截止日期和项目办联系人）。"""
    from ..reports.template import write_template, write_templates, write_templates_zip
    from ..reports.template_round import date_text

    month = Period.parse(period)
    only = list(units) or None
    suffix = output.suffix.lower()
    with ledger(ctx, db) as store:
        deadline = date_text(store.report_deadline(month))
        if suffix == ".xlsx":
            if len(units) != 1:
                raise CliError("输出为单个 .xlsx 文件时，请用 --unit 指定一个责任单位")
            results = [write_template(store, output, period=month, unit=units[0])]
        elif suffix == ".zip":
            results = write_templates_zip(store, output, month, only)
        else:
            output.mkdir(parents=True, exist_ok=True)
            results = write_templates(store, output, period=month, only=only)
    for r in results:
        echo(f"{r.path}（{r.items} 个项目）")
    if suffix == ".zip":
        echo(
            f"已生成 {len(results)} 份 {month.label}填报模板，打包为 {output}（截止日期：{deadline}）"
        )
        return
    written = {str(r.path.resolve()).casefold() for r in results if r.path.is_file()}
    echo(f"已生成 {len(written)} 份 {month.label}填报模板（截止日期：{deadline}）")
