"""A ledger workbook as offices circulate it: several sheets, merged county cells, section
rows, header text with line breaks and units in brackets (issue 16, items 2, 3 and 5)."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop_app.importers import (
    ImportRefused,
    apply_preview,
    build_preview,
    open_import,
    preview_file,
    rejected_text,
)
from desktop_app.importers.headers import header_key, match_label

FIXTURES = Path(__file__).parent.parent / "fixtures" / "xlsx"
SHEETS = FIXTURES / "sheets_ledger.xlsx"


def _script():
    spec = importlib.util.spec_from_file_location("make_sheets", FIXTURES / "make_sheets_ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _script()


def _cells(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in r] for r in ws.iter_rows()] for ws in book.worksheets}


def test_the_fixture_is_built_by_its_script(tmp_path):
    rebuilt = MAKE.build(tmp_path / "again.xlsx")
    assert _cells(SHEETS) == _cells(rebuilt)


def _imported(store) -> dict[str, tuple]:
    out = {}
    for p in store.projects():
        total = None if p.total_investment is None else str(Decimal(p.total_investment))
        out[p.code] = (p.name, p.region, p.sector, p.nature, p.owner, total)
    return out


FORMATS = pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])


@FORMATS
def test_every_visible_sheet_with_a_table_is_read_with_its_own_header(empty_store, suffix):
    source = open_import(SHEETS.with_suffix(f".{suffix}"))
    assert source.kind == "ledger"
    assert source.sheet_names == ["新建项目", "续建项目"]
    new, old = source.tables
    assert (new.top, new.depth, old.top, old.depth) == (2, 1, 3, 1)  # rows 3 and 4
    assert new.mapping()["region"] == 2 and "region" not in old.mapping()
    assert [c.header for c in new.columns][3:7] == [
        "项目名称",
        "建设单位",
        "项目业主",
        "总投资（万元）",
    ]
    units = {c.target: c.unit for c in old.columns if c.target}
    assert units["total_investment"] == "亿元"
    warnings = "\n".join(source.warnings)
    assert "未读取隐藏的工作表：已删除项目" in warnings
    assert "工作表“填表说明”中没有可识别的项目表，未读取" in warnings
    assert "工作表“新建项目”中隐藏的列未导入：E列“建设单位”" in warnings


@FORMATS
def test_the_workbook_imports_to_exactly_the_expected_projects(empty_store, suffix):
    """The same workbook saved as .xls and .ods by LibreOffice: the same projects (.ods merged
    cells and hidden columns, and .xls hidden columns, read beside python-calamine)."""
    actions = empty_store.action_count()
    preview = preview_file(empty_store, SHEETS.with_suffix(f".{suffix}"))
    assert not preview.rejected, rejected_text(preview)
    assert preview.sheet_names == ["新建项目", "续建项目"]
    assert [(r.sheet, r.row) for r in preview.rows] == [
        ("新建项目", 4), ("新建项目", 5), ("新建项目", 6), ("新建项目", 7), ("新建项目", 8),
        ("续建项目", 7), ("续建项目", 9), ("续建项目", 11),
    ]  # fmt: skip
    assert preview.skipped["continued"] == 1  # row 9 of 新建项目 goes on with row 8
    assert preview.skipped["section"] == 4 and preview.skipped["total"] == 2
    counts = preview.sheet_counts()
    assert counts["新建项目"]["new"] == 5 and counts["续建项目"]["new"] == 3
    result = apply_preview(empty_store, preview)
    assert (result.added, result.changed) == (8, 0)
    assert empty_store.action_count() == actions + 1  # both sheets: one action
    expected = {code: tuple(v) for code, v in MAKE.EXPECTED.items()}
    assert _imported(empty_store) == expected
    assert "已删除项目" not in {p.name for p in empty_store.projects()}


def test_an_unticked_sheet_is_not_applied(empty_store):
    source = open_import(SHEETS)
    preview = build_preview(empty_store, source, sheets=["续建项目"])
    assert preview.sheet_names == ["续建项目"] and preview.left_out == ["新建项目"]
    assert {r.code for r in preview.rows} == {"XJ2021-11", "XJ2021-12", "XJ2021-13"}
    apply_preview(empty_store, preview)
    assert set(_imported(empty_store)) == {"XJ2021-11", "XJ2021-12", "XJ2021-13"}
    nothing = build_preview(empty_store, source, sheets=[])
    assert nothing.rows == [] and not nothing.has_changes


def test_each_sheet_keeps_its_own_corrected_mapping(empty_store):
    from dataclasses import replace

    source = open_import(SHEETS)
    old = source.table("续建项目")
    columns = [replace(c, target=None) if c.target == "owner" else c for c in old.columns]
    preview = build_preview(empty_store, source, columns={"续建项目": columns})
    owners = {r.code: r.values.get("owner") for r in preview.rows}
    assert owners["XJ2021-11"] is None and owners["XJ2022-01"] == "东丰鹿业公司"
    unnamed = [replace(c, target=None) if c.target in ("name", "code") else c for c in columns]
    with pytest.raises(ImportRefused, match="工作表“续建项目”中至少要有一列"):
        build_preview(empty_store, source, columns={"续建项目": unnamed})


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_a_project_on_two_sheets_is_reported_not_merged(empty_store, tmp_path):
    header = ["项目名称", "建设单位", "总投资（万元）"]
    path = _book(
        tmp_path / "两表.xlsx",
        {
            "第一批": [header, ["甲项目", "甲公司", 100], ["乙项目", "乙公司", 200]],
            "第二批": [header, ["丙项目", "丙公司", 300], ["甲 项目", "甲公司", 150]],
        },
    )
    preview = preview_file(empty_store, path)
    (rejected,) = preview.rejected
    assert (rejected.sheet, rejected.row) == ("第二批", 3)
    assert "与工作表“第一批”第 2 行是同一个项目" in rejected.detail
    assert "工作表“第二批”第 3 行" in rejected_text(preview)
    assert any(
        "在多个工作表中各出现一次" in w and "“第一批”第 2 行、“第二批”第 3 行" in w
        for w in preview.warnings
    )
    with pytest.raises(ImportRefused):
        apply_preview(empty_store, preview)
    assert empty_store.project_count() == 0
    # leaving one sheet out: the other's 甲项目 is new
    only = build_preview(empty_store, open_import(path), sheets=["第二批"])
    assert [r.status for r in only.rows] == ["new", "new"]


def test_unnumbered_section_rows_give_county_then_sector(empty_store, tmp_path):
    path = _book(
        tmp_path / "分组.xlsx",
        {
            "Sheet1": [
                ["项目名称", "建设单位", "总投资（万元）"],
                ["东丰县"],
                ["甲项目", "甲公司", 100],
                ["工业项目"],
                ["乙项目", "乙公司", 200],
                [None, "东辽县"],  # a title in another column than the name
                ["丙项目", "丙公司", 300],
            ]
        },
    )
    preview = preview_file(empty_store, path)
    got = {r.name: (r.values.get("region"), r.values.get("sector")) for r in preview.rows}
    assert got == {
        "甲项目": ("东丰县", None),
        "乙项目": ("东丰县", "工业"),
        "丙项目": ("东辽县", None),
    }
    assert preview.skipped["section"] == 3


def test_a_county_column_merged_down_fills_every_row_it_covers(empty_store, tmp_path):
    path = tmp_path / "合并.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["所属县（市、区）", "项目名称", "责任单位", "总投资(亿元)"])
    ws.append(["东丰县", "甲项目", "东丰县政府", 1])
    ws.append([None, "乙项目", None, 2])
    ws.append([None, "丙项目", "市工信局", 3])
    ws.append(["西安区", "丁项目", None, 4])
    ws.merge_cells("A2:A4")
    ws.merge_cells("C2:C3")
    wb.save(path)
    preview = preview_file(empty_store, path)
    got = {r.name: (r.values.get("region"), r.values.get("department")) for r in preview.rows}
    assert got == {
        "甲项目": ("东丰县", "东丰县政府"),
        "乙项目": ("东丰县", "东丰县政府"),
        "丙项目": ("东丰县", "市工信局"),
        "丁项目": ("西安区", None),
    }
    assert preview.rows[0].values["total_investment"] == Decimal("10000.00")


@pytest.mark.parametrize(
    ("cell", "target", "unit"),
    [
        ("总投资\n（万元）", "total_investment", "万元"),
        ("总投资\n(亿元)", "total_investment", "亿元"),
        ("总 投 资（ 亿 元 ）", "total_investment", "亿元"),
        ("总投资【亿元】", "total_investment", "亿元"),
        ("总投资〔万元〕", "total_investment", "万元"),
        ("总投资（万元", "total_investment", "万元"),
        ("总投资/亿元", "total_investment", "亿元"),
        ("总投资万元", "total_investment", "万元"),
        ("  项目\n名称 ", "name", None),
        ("项目名称：", "name", None),
        ("计划\n开工时间", "planned_start", None),
        ("2022年\n计划投资\n（万元）", "annual_plan", "万元"),
        ("县（市、区）", "region", None),
        ("所属县（市区）", "region", None),
        ("*建设单位", "owner", None),
    ],
)
def test_header_text_as_offices_type_it(cell, target, unit):
    text, found = header_key(cell)
    assert match_label(text, found, "ledger") == target
    assert found == unit


def test_the_files_own_lines_reach_the_preview(empty_store):
    """What reading the file says about itself (an .xlsm's macros never run) is in the
    preview's warnings, which the wizard and the command line show."""
    xlsm = Path(__file__).parent.parent / "fixtures" / "workbooks" / "ledger.xlsm"
    preview = preview_file(empty_store, xlsm)
    assert any("宏不会运行" in w for w in preview.warnings)


def test_the_command_line_names_each_sheet_and_takes_some(ledger_path, tmp_path):
    from click.testing import CliRunner

    from desktop_app.cli import cli

    def run(*args):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)

    dry = run("import", SHEETS, "--db", ledger_path, "--dry-run", "--all")
    assert dry.exit_code == 0, dry.output
    assert "工作表“新建项目”，表头在第 3 行；工作表“续建项目”，表头在第 4 行" in dry.output
    assert "新增 工作表“续建项目”第 11 行 龙山区街路改造" in dry.output
    assert "注意：未读取隐藏的工作表：已删除项目" in dry.output
    one = run("import", SHEETS, "--db", ledger_path, "--sheet", "续建项目")
    assert one.exit_code == 0, one.output
    assert "新增 3" in one.output
    wrong = run("import", SHEETS, "--db", ledger_path, "--sheet", "第三批")
    assert wrong.exit_code == 1
    assert "没有可导入的工作表“第三批”（可导入：新建项目、续建项目）" in wrong.output


def test_sheets_planning_different_years_are_not_mixed(empty_store, tmp_path):
    path = _book(
        tmp_path / "两年.xlsx",
        {
            "2022年": [["项目名称", "2022年计划投资（万元）"], ["甲项目", 100]],
            "2023年": [["项目名称", "2023年计划投资（万元）"], ["乙项目", 200]],
        },
    )
    preview = preview_file(empty_store, path)
    assert preview.year == 2022
    assert [(r.name, r.status) for r in preview.rows] == [("甲项目", "new"), ("乙项目", "rejected")]
    assert "2023年" in preview.rejected[0].detail and "请分开导入" in preview.rejected[0].detail
    only = build_preview(empty_store, open_import(path), sheets=["2023年"])
    assert only.year == 2023 and [r.status for r in only.rows] == ["new"]


def test_the_ods_layout_agrees_with_the_container_scan():
    """content.xml read for hidden columns gives the merged ranges the check's scan gives."""
    from desktop_app.importers.ods_layout import ods_layout
    from desktop_app.importers.workbook import read_workbook

    ods = SHEETS.with_suffix(".ods")
    layout = ods_layout(ods)
    assert layout["新建项目"].hidden_columns == {4}
    for sheet in read_workbook(ods).sheets:
        if sheet.name in layout:
            assert sorted(layout[sheet.name].merged) == sorted(sheet.merged), sheet.name
    assert ods_layout(Path(__file__).parent.parent / "fixtures" / "workbooks" / "ledger.ods") == {}
