"""keyprojects export / import / template / returns through click's runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop_app.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "xlsx"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def demo_db(demo_path, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    return path


@pytest.mark.parametrize("report", ["ledger", "monthly", "problems", "summary"])
def test_export_each_report(run, demo_db, tmp_path, report):
    out = tmp_path / f"{report}.xlsx"
    result = run("export", report, "--db", demo_db, "-o", out, "--period", "2022-06")
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 5000
    assert result.output.startswith("已导出") and str(out) in result.output


def test_export_grouping_and_search(run, demo_db, tmp_path):
    out = tmp_path / "m.xlsx"
    result = run("export", "monthly", "--db", demo_db, "-g", "status", "-s", "钢", "-o", out)
    assert result.exit_code == 0, result.output
    bad = run("export", "ledger", "--db", demo_db, "-g", "colour", "-o", out)
    assert bad.exit_code == 1
    assert bad.output.strip().splitlines() == [bad.output.strip()]
    assert bad.output.startswith("错误：不认识的分组方式“colour”")


def test_import_dry_run_then_apply(run, ledger_path):
    messy = FIXTURES / "messy_ledger.xlsx"
    dry = run("import", messy, "--db", ledger_path, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "表头在第 4～5 行" in dry.output
    assert "新增 2 个，修改 4 个，未变 0 个，拒绝 0 行" in dry.output
    assert "未写入台账" in dry.output
    again = run("import", messy, "--db", ledger_path, "--dry-run")
    assert "新增 2 个" in again.output  # the dry run wrote nothing
    done = run("import", messy, "--db", ledger_path)
    assert done.exit_code == 0, done.output
    assert "已导入：新增 2，修改 4" in done.output and "messy_ledger.xlsx" in done.output
    third = run("import", messy, "--db", ledger_path, "--dry-run")
    assert "新增 0 个，修改 0 个，未变 6 个" in third.output


def test_import_bad_file_prints_one_error_line(run, ledger_path):
    result = run("import", FIXTURES / "password_protected.xlsx", "--db", ledger_path)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：“password_protected.xlsx”设有打开密码")


def test_import_with_rejected_rows_changes_nothing(run, ledger_path, tmp_path):
    import openpyxl

    path = tmp_path / "x.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["项目名称", "总投资"])
    wb.active.append(["新项目一", 10])
    wb.active.append(["新项目二", "待定"])
    wb.save(path)
    result = run("import", path, "--db", ledger_path)
    assert result.exit_code == 1
    assert "错误：有 1 行数据有问题，未导入任何内容" in result.output
    assert "第 3 行" in result.output
    ok = run("import", path, "--db", ledger_path, "--skip-rejected")
    assert ok.exit_code == 0 and "新增 1" in ok.output


def test_template_and_returns(run, demo_db, tmp_path):
    folder = tmp_path / "模板"
    result = run("template", "--db", demo_db, "-p", "2022-07", "-o", folder)
    assert result.exit_code == 0, result.output
    files = sorted(folder.glob("*.xlsx"))
    assert len(files) == 15 and "已生成 15 份 2022年7月填报模板" in result.output
    one = run(
        "template", "--db", demo_db, "-p", "2022-07", "-u", "市工信局", "-o", tmp_path / "a.xlsx"
    )
    assert one.exit_code == 0 and (tmp_path / "a.xlsx").exists()
    returns = run("returns", "status", "--db", demo_db, "-p", "2022-07")
    assert returns.exit_code == 0
    assert "2022年7月月报报送情况" in returns.output and "未报" in returns.output
