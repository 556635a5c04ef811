"""Commands on the ledger itself: create it, list projects, write a sample one, check it."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.periods import Period
from ..domain.text import printable
from ..store import Store
from .base import command, db_option, ledger, resolve_db, search_option
from .output import echo, json_text, one_line, table_lines
from .usage import CliError


@command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--empty", is_flag=True, help="只建表和代码表，不载入2022年重点项目")
def init(ctx: click.Context, file: Path | None, db: Path | None, empty: bool) -> None:
    """新建台账数据库（含2022年政府工作报告中的重点项目），不覆盖已有文件。"""
    path = file or resolve_db(ctx, db)
    with Store.create(path, portfolio=not empty) as store:
        count = store.project_count()
    echo(f"已创建 {path}，共 {count} 个项目")


@command()
@db_option
@search_option("搜索：名称、业主、内容、领导、责任单位；支持拼音首字母和繁体")
@click.option(
    "--year",
    type=click.IntRange(2000, 2099),
    default=None,
    help="列出哪一年的年度计划和名单（默认：台账的当前年度）",
)
@click.option("--listed", is_flag=True, help="只列出该年重点项目名单上的项目")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（每个项目一个对象）")
def projects(
    ctx: click.Context,
    db: Path | None,
    search: str,
    year: int | None,
    listed: bool,
    as_json: bool,
) -> None:
    """列出项目，带某一年的年度计划投资和是否列入该年名单。"""
    with ledger(ctx, db) as store:
        shown = year if year is not None else store.current_year()
        found = store.list_projects(search=search, year=shown)
    if listed:
        found = [p for p in found if p.on_list]
    if as_json:
        click.echo(json_text([p.to_json() for p in found]))
        return
    header = (
        "项目编号", "项目名称", "所属县区", "项目状态", "总投资(万元)",
        f"{shown}年计划投资(万元)", f"列入{shown}年名单",
    )  # fmt: skip
    rows = [
        (
            printable(p.code),
            printable(p.name),
            printable(p.region or ""),
            printable(p.status or ""),
            _wan(p.total_investment),
            _wan(p.annual_plan),
            "是" if p.on_list else "否",
        )
        for p in found
    ]
    for line in table_lines(header, rows, lambda i: i in (4, 5)):
        echo(line)
    on = sum(1 for p in found if p.on_list)
    echo(f"共 {len(rows)} 个项目（列入{shown}年名单 {on} 个）")


def _wan(amount: object) -> str:
    return "" if amount is None else f"{amount:,.2f}"


@command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option(
    "--projects", "count", type=click.IntRange(0, 2_000_000), required=True, help="项目数"
)
@click.option("--years", type=click.IntRange(0, 20), default=3, show_default=True, help="月报年数")
@click.option("--seed", type=int, default=1, show_default=True, help="随机种子（同一种子结果相同）")
@click.option("--until", default="2022-06", show_default=True, help="最后一个月报期间 YYYY-MM")
def demo(
    ctx: click.Context,
    file: Path | None,
    db: Path | None,
    count: int,
    years: int,
    seed: int,
    until: str,
) -> None:
    """生成示例数据库（全部标记为“示例数据”），用于演示和性能测试。"""
    from ..store.demo import make_demo

    path = file or resolve_db(ctx, db)
    result = make_demo(path, projects=count, years=years, seed=seed, until=Period.parse(until))
    echo(
        f"已生成 {path}：{result['projects']} 个项目，{result['monthly_reports']} 条月报，"
        f"{result['problems']} 个问题（示例数据），用时 {result['seconds']} 秒"
    )


@command()
@db_option
@click.option("--full", is_flag=True, help="完整检查（integrity_check 与外键检查，较慢）")
@click.option("--verbose", "-v", is_flag=True, help="发现问题时另列出 SQLite 的原始报告")
def check(ctx: click.Context, db: Path | None, full: bool, verbose: bool) -> None:
    """检查台账文件是否完好（默认 quick_check），结果一行。"""
    from ..store.backup import identity_problem
    from ..store.integrity import check_file, network_warning

    path = resolve_db(ctx, db)
    if not path.exists():
        raise CliError(f"数据库文件不存在：{path}")
    result = check_file(path, "full" if full else "quick")
    if not result.ok:
        if verbose:
            for line in (*result.problems[1:], *result.details):
                echo(line, err=True)
        if getattr(result, "could_not_check", False):  # locked, no access: no verdict
            raise CliError(result.message)
        raise CliError(f"{result.message}。可用 keyprojects restore --latest 恢复最近的完好备份")
    problem = identity_problem(path)
    if problem is not None:
        raise CliError(str(problem))
    echo(one_line(result.message))
    warning = network_warning(path)
    if warning:
        echo(f"注意：{warning}", err=True)
