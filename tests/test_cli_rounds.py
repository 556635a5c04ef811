"""``keyprojects close / reopen / rounds`` (issue 15, item 4): closing a period after the
meeting, reopening it only with a reason, and the list of closed periods."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.store import MonthlyReport, PeriodClosed, Store


@pytest.fixture
def db(demo_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    return path


def test_close_then_writes_are_refused_and_rounds_lists_it(run, db):
    result = run("close", "2022-06", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2022年6月已关账：300 个项目的月度调度已定稿（")
    listed = run("rounds", "--db", db)
    assert listed.exit_code == 0
    lines = listed.output.splitlines()
    assert lines[0] == "已关账 1 个月份："
    assert lines[1].split()[:3] == ["2022-06", "2022年6月", "300"]
    with Store.open(db) as store:
        user = store.user
        pid = next(iter(store.monthly_reports("2022-06")))
        with pytest.raises(PeriodClosed, match="2022年6月已关账"):
            store.save_monthly_report(MonthlyReport(pid, "2022-06", Decimal("1")))
    assert f"关账人：{user}" in lines[1]
    again = run("close", "2022-06", "--db", db)
    assert again.exit_code == 1 and "2022年6月已经关账" in again.output


def test_reopen_without_a_reason_is_refused_with_a_clear_line(run, db):
    run("close", "2022-06", "--db", db)
    for args in ((), ("--reason", ""), ("--reason", "  ")):
        result = run("reopen", "2022-06", "--db", db, *args)
        assert result.exit_code == 1
        assert result.output.strip() == (
            "错误：重新开账须写明原因：keyprojects reopen 2022-06 --reason “……”（原因记入修改记录）"
        )
    with Store.open(db) as store:
        assert store.is_closed("2022-06")
    result = run("reopen", "2022-06", "--reason", "县区数据更正", "--db", db)
    assert result.exit_code == 0
    assert result.output.strip() == "2022年6月已重新开账，可以修改该月月报了（原因：县区数据更正）"
    with Store.open(db) as store:
        assert not store.is_closed("2022-06")
        (reason,) = [h for h in store.history(table="closed_periods") if h.field == "reason"]
        assert reason.new_value == "县区数据更正" and "县区数据更正" in reason.description
    assert run("rounds", "--db", db).output.startswith("还没有关账的月份")


def test_a_closed_periods_export_is_the_round(run, db, tmp_path):
    run("close", "2022-06", "--db", db)
    with Store.open(db) as store:
        project = store.projects(2022, listed=True)[0]
        store.update_project(project.id, {"name": "会后改名"}, year=2022)
    out = tmp_path / "月度调度表.xlsx"
    assert run("export", "monthly", "-p", "2022-06", "-o", out, "--db", db).exit_code == 0
    import openpyxl

    book = openpyxl.load_workbook(out, read_only=True)
    names = [row[2] for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    assert project.name in names and "会后改名" not in names


def test_a_bad_period_is_one_line(run, db):
    result = run("close", "2022-13", "--db", db)
    assert result.exit_code == 1 and "期间 2022-13 不存在" in result.output
