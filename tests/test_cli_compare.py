"""``keyprojects compare``: two rounds from the command line (issue 15, item 5)."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest
from click.testing import CliRunner

from desktop_app.cli import cli
from desktop_app.reports.compare import SHEETS
from desktop_app.store import MonthlyReport, Store


@pytest.fixture
def small(tmp_path):
    """甲 newly lagging in June, 乙 recovered (the hand-counted case of tests/views)."""
    path = tmp_path / "ledger.sqlite"
    s = Store.create(path, user="测试员", portfolio=False)
    ids = {}
    for key in ("甲", "乙"):
        p = s.add_project({"name": f"{key}项目", "region": "龙山区"})
        s.set_project_year(p.id, 2022, {"on_list": True, "annual_plan": D(1200)})
        ids[key] = p.id
    reports = []
    for m in range(1, 6):
        reports.append(MonthlyReport(ids["甲"], f"2022-{m:02d}", D(100)))
        reports.append(MonthlyReport(ids["乙"], f"2022-{m:02d}", D(40)))
    reports.append(MonthlyReport(ids["乙"], "2022-06", D(500)))
    s.save_monthly_reports(reports)
    s.close()
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def line(output: str, label: str) -> str:
    return next(x for x in output.splitlines() if x.strip().startswith(label))


def test_compare_prints_the_counts_and_writes_the_workbook(small, tmp_path):
    out = tmp_path / "对比.xlsx"
    result = run("compare", "2022-05", "2022-06", "--db", small, "-o", out)
    assert result.exit_code == 0, result.output
    assert "2022年5月与2022年6月两期对比" in result.output
    assert line(result.output, "新增滞后").split()[-2:] == ["1", "个"]
    assert line(result.output, "滞后转正常").split()[-2:] == ["1", "个"]
    assert line(result.output, "状态灯变化").split()[-2:] == ["1", "个"]  # 乙 黄灯 → 绿灯
    assert line(result.output, "本月完成（2022年6月）").split()[-2:] == ["500.00", "万元"]
    assert line(result.output, "上月完成（2022年5月）").split()[-2:] == ["140.00", "万元"]
    assert f"已导出两期对比：{out}" in result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == list(SHEETS)


def test_a_closed_period_is_compared_as_it_was_closed(small):
    store = Store.open(small, user="测试员")
    try:
        store.close_period("2022-05")
        second = next(
            pid for pid, name in store.project_columns(("id", "name")) if name == "乙项目"
        )
        store.set_project_year(second, 2022, {"annual_plan": D(300)})
    finally:
        store.close()
    result = run("compare", "2022-05", "2022-06", "--db", small)
    assert result.exit_code == 0, result.output
    assert "（2022年5月已关账，取关账时的数据）" in result.output
    assert "2022年6月已关账" not in result.output
    assert line(result.output, "年度计划变化").split()[-2:] == ["1", "个"]


def test_without_output_only_the_counts(small, tmp_path):
    result = run("compare", "2022年5月", "2022/6", "--db", small)
    assert result.exit_code == 0, result.output
    assert "新增滞后" in result.output and "已导出" not in result.output
    assert list(tmp_path.glob("*.xlsx")) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2022-06", "2022-06"), "请选择两个不同的期间"),
        (("2022-13", "2022-06"), "期间 2022-13 不存在"),
        (("五月", "2022-06"), "“五月”不是有效的期间"),
        (("2022-05", "2022-06", "-o", "对比.xls"), ".xlsx 结尾"),
    ],
)
def test_mistakes_are_one_chinese_line(small, tmp_path, args, message):
    result = CliRunner().invoke(cli, ["compare", *args, "--db", str(small)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output and "Error" not in result.output
