"""``keyprojects units``: the unit directory (责任单位, issue 17): list, import, set, and the
returns' deadline and the planning office's contact printed on the templates."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

import click

from .base import cli, db_option, friendly, ledger
from .output import echo, json_text, table_lines
from .usage import ChineseGroup, CliError


@cli.group("units", cls=ChineseGroup)
def units_group() -> None:
    """责任单位通讯录：list 查看，import 从 Excel 导入，set 修改一个单位，deadline 报送截止日与联系人。"""


@units_group.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出")
@click.pass_context
@friendly
def list_command(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """列出责任单位：简称、联系人、电话、项目数；“未登记”为项目中填写了、通讯录中还没有的单位。"""
    with ledger(ctx, db) as store:
        units = store.units()
        deadline_day = store.report_deadline_day()
        contact, phone = store.office_contact()
    if as_json:
        echo(json_text([asdict(u) for u in units]))
        return
    rows = [
        (u.name, u.short_name or "", u.contact or "", u.phone or "", str(u.projects),
         "" if u.listed else "未登记")
        for u in units
    ]  # fmt: skip
    for line in table_lines(
        ("责任单位", "简称", "联系人", "电话", "项目数", ""), rows, lambda i: i == 4
    ):
        echo(line.rstrip())
    office = "、".join(p for p in (contact, phone) if p) or "未设置"
    echo(f"共 {len(units)} 个单位；月报截止日：次月 {deadline_day} 日；项目办联系人：{office}")


@units_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.pass_context
@friendly
def import_command(ctx: click.Context, file: Path, db: Path | None) -> None:
    """从 Excel 导入责任单位（单位名称、简称、联系人、电话）：新单位加入，已有单位补全，空格不改。"""
    from ..importers.units import read_units

    rows = read_units(file)
    with ledger(ctx, db) as store:
        added, changed = store.import_units(rows, source=file.name)
    echo(f"已导入责任单位：新增 {added} 个，补全 {changed} 个（来源：{file.name}），记入修改历史")


@units_group.command("set")
@click.argument("name", metavar="单位名称")
@db_option
@click.option("--short", "short_name", help="简称")
@click.option("--contact", help="联系人")
@click.option("--phone", help="电话")
@click.option("--rename", help="改名为（该单位的项目随之改名）")
@click.pass_context
@friendly
def set_command(
    ctx: click.Context,
    name: str,
    db: Path | None,
    short_name: str | None,
    contact: str | None,
    phone: str | None,
    rename: str | None,
) -> None:
    """修改一个责任单位（不在通讯录中的单位会加入）。"""
    with ledger(ctx, db) as store:
        unit = store.unit(name)
        if unit is None:
            if rename:
                raise CliError(f"没有名为“{name}”的责任单位，无法改名")
            from ..store import Unit

            unit = Unit(name.strip(), listed=False)
        given = {"short_name": short_name, "contact": contact, "phone": phone}
        changes = {k: v for k, v in given.items() if v is not None}
        saved = store.save_unit(
            replace(unit, **changes, name=rename or unit.name),
            old_name=unit.name if rename else None,
        )
    echo(
        f"已保存责任单位：{saved.name}（{saved.contact or '无联系人'}，{saved.phone or '无电话'}）"
    )


@units_group.command("deadline")
@db_option
@click.option("--day", type=click.IntRange(1, 28), help="月报截止日：次月几日（默认 5 日）")
@click.option("--contact", help="项目办联系人（印在填报模板上）")
@click.option("--phone", help="项目办电话")
@click.pass_context
@friendly
def deadline_command(
    ctx: click.Context, db: Path | None, day: int | None, contact: str | None, phone: str | None
) -> None:
    """设置月报截止日和项目办联系人（不带选项时显示当前设置）。"""
    with ledger(ctx, db) as store:
        store.set_return_settings(deadline_day=day, contact=contact, phone=phone)
        day_now = store.report_deadline_day()
        contact_now, phone_now = store.office_contact()
    office = "、".join(p for p in (contact_now, phone_now) if p) or "未设置"
    echo(f"月报截止日：次月 {day_now} 日；项目办联系人：{office}")
