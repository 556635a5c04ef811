"""Control characters (NUL, ESC, BEL, U+202E...) never reach the ledger from an import, and the
preview says what was removed (issue 12, item 8)."""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from desktop_app.cli import cli
from desktop_app.domain.periods import Period
from desktop_app.domain.validation import validate_project
from desktop_app.importers import apply_preview, preview_file

# Excel writes a control character in a cell as _xHHHH_; every reader turns it back
ESC, NUL, BEL = "_x001B_", "_x0000_", "_x0007_"


def _ledger_file(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["项目编号", "项目名称", "建设单位", "建设内容及规模", "责任单位", "总投资（万元）"]
    )
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _bad_chars(text: str) -> list[str]:
    return [ch for ch in text if ch not in "\n" and not ch.isprintable()]


def test_ledger_import_removes_control_characters_and_says_so(store, tmp_path):
    path = _ledger_file(
        tmp_path / "台账.xlsx",
        [
            ["CC-001", f"控制{ESC}[31m字符项目", f"业主{NUL}公司", f"第一行{BEL}\n第二行", f"市{NUL}局", 100],
            ["CC-002", "方向\u202e控制项目", "正常业主", "正常内容", "市发改委", f"2{ESC}00"],
            ["CC-003", "干净的项目", "业主", "一行\n二行", "市发改委", 5],
        ],
    )  # fmt: skip
    preview = preview_file(store, path)
    assert [r.status for r in preview.rows] == ["new", "new", "new"]
    first, second, third = preview.rows
    assert first.values["name"] == "控制[31m字符项目"
    assert first.values["owner"] == "业主公司"
    assert first.values["scope"] == "第一行\n第二行"  # multi-line text keeps its line break
    assert first.values["department"] == "市局"
    assert first.warnings == [
        "项目名称：已去掉 1 个控制字符（ESC）",
        "建设单位：已去掉 1 个控制字符（NUL）",
        "建设内容及规模：已去掉 1 个控制字符（BEL）",
        "责任单位：已去掉 1 个控制字符（NUL）",
    ]
    assert "项目名称：已去掉 1 个控制字符（ESC）" in first.detail
    assert second.values["name"] == "方向控制项目"
    assert second.warnings[0] == "项目名称：已去掉 1 个文字方向控制符（U+202E）"
    assert str(second.values["total_investment"]) == "200.00"
    assert third.warnings == [] and third.values["scope"] == "一行\n二行"
    assert any("有 2 行的文字含控制字符" in w for w in preview.warnings)

    apply_preview(store, preview)
    for code in ("CC-001", "CC-002", "CC-003"):
        project = store.find_project(code)
        for field, value in project.values().items():
            if isinstance(value, str):
                assert not _bad_chars(value), (code, field, value)


def test_a_changed_row_shows_its_notes_too(store, tmp_path):
    project = store.find_project("LY2022-001")
    path = _ledger_file(
        tmp_path / "改.xlsx", [["LY2022-001", project.name, f"新业主{ESC}", None, None, None]]
    )
    (row,) = preview_file(store, path).rows
    assert row.status == "changed"
    assert (
        row.detail
        == f"建设单位：{project.owner or '（空）'} → 新业主；建设单位：已去掉 1 个控制字符（ESC）"
    )


def test_cli_import_preview_says_what_was_removed_and_prints_nothing_raw(ledger_path, tmp_path):
    path = _ledger_file(
        tmp_path / "台账.xlsx", [["CC-001", f"项目{ESC}]0;标题{BEL}", None, None, None, 1]]
    )
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(ledger_path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "已去掉 2 个控制字符（ESC、BEL）" in result.output
    assert "有 1 行的文字含控制字符" in result.output


def test_monthly_import_removes_control_characters(store, tmp_path):
    from desktop_app.reports.template import units, write_template

    july = Period(2022, 7)
    unit = units(store)[0][0]
    template = tmp_path / "模板.xlsx"
    write_template(store, template, period=july, unit=unit)
    book = openpyxl.load_workbook(template)
    ws = book["月度调度填报"]
    headers = {ws.cell(5, c).value or ws.cell(4, c).value: c for c in range(1, ws.max_column + 1)}
    ws.cell(6, headers["本月完成投资"]).value = f"12{NUL}"
    ws.cell(6, headers["进展情况"]).value = f"一、主体{ESC}[2J完工\n二、设备进场"
    ws.cell(6, headers["存在问题"]).value = "用电\u202e增容"
    ws.cell(6, headers["填报人"]).value = f"王{BEL}五"
    filled = tmp_path / "已填.xlsx"
    book.save(filled)
    preview = preview_file(store, filled)
    (row,) = preview.rows
    assert row.status == "new", row.detail
    assert row.values["progress_notes"] == "一、主体[2J完工\n二、设备进场"
    assert row.values["problems"] == "用电增容"
    assert row.values["reporter"] == "王五"
    assert str(row.values["month_investment"]) == "12.00"
    assert "进展情况：已去掉 1 个控制字符（ESC）" in row.warnings
    assert "存在问题：已去掉 1 个文字方向控制符（U+202E）" in row.warnings
    assert any("有 1 行的文字含控制字符" in w for w in preview.warnings)
    apply_preview(store, preview)
    saved = store.monthly_reports(july)[row.project_id]
    for value in (saved.progress_notes, saved.problems, saved.reporter):
        assert not _bad_chars(value)


def test_validate_project_warns_of_control_characters_and_judges_the_clean_text():
    issues = validate_project({"name": "鑫达\x1b钢铁", "scope": "一\n二\x07", "owner": "a\u202eb"})
    warnings = {i.field: i.message for i in issues if i.severity == "warning"}
    assert warnings == {
        "name": "项目名称：已去掉 1 个控制字符（ESC）",
        "scope": "建设内容及规模：已去掉 1 个控制字符（BEL）",
        "owner": "建设单位：已去掉 1 个文字方向控制符（U+202E）",
    }
    assert not [i for i in issues if i.severity == "error"]
    errors = [i for i in validate_project({"name": "\x1b\x00 \u200b"}) if i.severity == "error"]
    assert [(i.field, i.message) for i in errors] == [("name", "项目名称不能为空")]
