"""``keyprojects settings``: the ledger's 填报单位 set and shown from the command line, and
printed on every report the command line and the window export (issue 14, item 4)."""

from __future__ import annotations

import openpyxl
import pytest
from click.testing import CliRunner

from desktop_app.cli import cli
from desktop_app.reports.form import DEFAULT_UNIT_NAME
from desktop_app.store import Store

COUNTY = "东丰县发展和改革局"


def _unit_line(path) -> str:
    """The 填报单位 line of the first sheet of an exported workbook."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(max_row=6, values_only=True))
    finally:
        book.close()
    for row in rows:
        for value in row:
            if isinstance(value, str) and value.startswith("填报单位："):
                return value
    raise AssertionError("no 填报单位 line in the header")


def test_office_sets_the_name_in_the_ledger_with_its_history(run, ledger_path):
    result = run("settings", "office", COUNTY, "--db", ledger_path)
    assert result.exit_code == 0, result.output
    assert f"已由“{DEFAULT_UNIT_NAME}”改为“{COUNTY}”" in result.output
    with Store.open(ledger_path) as store:
        assert store.office_name() == COUNTY
        newest = store.history(limit=1)[0]
    assert newest.description == f"修改填报单位：{COUNTY}"
    assert (newest.table_name, newest.old_value, newest.new_value) == ("meta", None, COUNTY)


def test_the_group_db_option_works_too_and_the_same_name_changes_nothing(run, ledger_path):
    assert run("--db", ledger_path, "settings", "office", COUNTY).exit_code == 0
    with Store.open(ledger_path) as store:
        actions = store.action_count()
    again = run("--db", ledger_path, "settings", "office", f"  {COUNTY} ")
    assert again.exit_code == 0 and "未修改" in again.output
    with Store.open(ledger_path) as store:
        assert store.action_count() == actions


@pytest.mark.parametrize(
    ("name", "said"), [("   ", "填报单位不能为空"), ("县" * 41, "最多 40 个字")]
)
def test_a_bad_name_is_refused_in_one_line_and_changes_nothing(run, ledger_path, name, said):
    result = CliRunner().invoke(cli, ["settings", "office", name, "--db", str(ledger_path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and said in lines[0]
    with Store.open(ledger_path) as store:
        assert store.office_name() is None


def test_show_prints_the_office_file_and_schema(run, ledger_path):
    shown = run("settings", "show", "--db", ledger_path)
    assert shown.exit_code == 0, shown.output
    assert f"{DEFAULT_UNIT_NAME}（默认）" in shown.output
    assert str(ledger_path.resolve()) in shown.output
    with Store.open(ledger_path) as store:
        assert f"v{store.schema_version}" in shown.output
    assert "项目个数：　　51\n" in shown.output
    run("settings", "office", COUNTY, "--db", ledger_path)
    after = run("settings", "show", "--db", ledger_path)
    assert f"填报单位：　　{COUNTY}\n" in after.output
    assert f"修改填报单位：{COUNTY}" in after.output  # the newest change


@pytest.mark.parametrize("report", ["ledger", "monthly", "problems"])
def test_the_exported_header_names_the_ledgers_office(run, ledger_path, tmp_path, report):
    before = tmp_path / f"before-{report}.xlsx"
    assert run("export", report, "-o", before, "--db", ledger_path, "-p", "2022-06").exit_code == 0
    assert _unit_line(before).startswith(f"填报单位：{DEFAULT_UNIT_NAME}")
    run("settings", "office", COUNTY, "--db", ledger_path)
    after = tmp_path / f"after-{report}.xlsx"
    assert run("export", report, "-o", after, "--db", ledger_path, "-p", "2022-06").exit_code == 0
    assert _unit_line(after).startswith(f"填报单位：{COUNTY}")


def test_lights_set_the_ledgers_thresholds_and_a_close_uses_them(run, ledger_path):
    result = run("settings", "lights", "8", "25", "--overdue", "2", "--db", ledger_path)
    assert result.exit_code == 0, result.output
    assert (
        "状态灯阈值已改为：落后序时进度 8.0 个百分点黄灯、25.0 个百分点红灯，计划开工逾期 2 个月红灯"
        in (result.output)
    )
    shown = run("settings", "show", "--db", ledger_path).output
    assert (
        "状态灯阈值：　落后序时进度 8.0 个百分点黄灯" in shown
        and "（默认）" not in shown.split("状态灯阈值")[1].splitlines()[0]
    )
    assert run("close", "2022-05", "--db", ledger_path).exit_code == 0
    with Store.open(ledger_path) as s:
        assert s.round_header("2022-05")["thresholds"] == {
            "yellow_points": "8.0",
            "red_points": "25.0",
            "start_overdue_months": 2,
        }
        assert s.history(limit=3)[-1].description.startswith("修改状态灯阈值")
    again = run("settings", "lights", "8", "25", "--db", ledger_path)  # --overdue kept
    assert "状态灯阈值仍为" in again.output and "逾期 2 个月" in again.output


def test_lights_refuse_yellow_above_red_in_one_line(run, ledger_path):
    result = run("settings", "lights", "40", "25", "--db", ledger_path)
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "黄灯阈值应在 0 到红灯阈值之间" in lines[0]
    with Store.open(ledger_path) as s:
        assert s.stored_light_thresholds() is None
    assert _lights_line(run("settings", "show", "--db", ledger_path).output).endswith("（默认）")


def _lights_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("状态灯阈值"))
