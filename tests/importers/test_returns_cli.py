"""``keyprojects returns receive PATH... --period 2022-07 [--dry-run]`` (issue 17, item 3)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.periods import Period
from desktop_app.store import Store
from tests.returns_round import DONGFENG, GONGXIN, MR, PERIOD, ZHUJIAN


@pytest.fixture
def folder(ledger_path: Path, tmp_path: Path) -> Path:
    """收回/: 工信局 twice (its file and a corrected copy, both with LY2022-003), 住建局 once,
    and 东丰县's template of June (refused)."""
    with Store.open(ledger_path) as store:
        MR.assign_units(store)
        MR.last_month(store, PERIOD, {"LY2022-011": {"month_investment": Decimal("30")}})
        sent = MR.templates(store, tmp_path / "发出", PERIOD)
        june = MR.template(store, tmp_path / "六月.xlsx", Period(2022, 6), DONGFENG)
    back = tmp_path / "收回"
    back.mkdir()
    MR.fill(
        sent[GONGXIN],
        {"LY2022-001": {"本月完成投资": 10}, "LY2022-003": {"本月完成投资": 100}},
        to=back / "工信局.xlsx",
    )
    MR.fill(sent[GONGXIN], {"LY2022-003": {"本月完成投资": 60}}, to=back / "工信局-更正.xlsx")
    MR.fill(sent[ZHUJIAN], {"LY2022-011": {"本月完成投资": 30}}, to=back / "住建局.xlsx")
    shutil.copy(june, back / "东丰县.xlsx")
    return back


def _reports(ledger_path: Path) -> dict[str, Decimal | None]:
    with Store.open(ledger_path) as store:
        codes = {p.id: p.code for p in store.projects()}
        return {codes[k]: r.month_investment for k, r in store.monthly_reports(PERIOD).items()}


def test_dry_run_shows_files_units_projects_and_conflicts(run, ledger_path, folder):
    result = run("returns", "receive", folder, "--period", "2022-07", "--db", ledger_path,
                 "--dry-run", "--received", "2022-08-06")  # fmt: skip
    out = result.output
    assert result.exit_code == 0, out
    assert "收取 2022年7月月报：截止日期 2022-08-05，收取日期 2022-08-06" in out
    assert "  拒绝 东丰县.xlsx：“东丰县.xlsx”是 2022-06 的填报模板，不是本轮 2022-07 的" in out
    assert f"  逾期 住建局.xlsx（{ZHUJIAN}）" in out
    assert f"  {GONGXIN}：2 个文件，逾期；新增 1，修改 0，未变 0，冲突 1，拒绝 0" in out
    assert "  新增 工信局.xlsx 第 6 行 LY2022-001 鑫达钢铁180万吨热轧带钢" in out
    assert "LY2022-011 " in out and "本月完成投资与上月相同（30.00）" in out
    assert (
        "  冲突 LY2022-003 巨峰生化20万吨山梨酸和50万吨复合饲料：在 工信局-更正.xlsx、工信局.xlsx 中都有填报"
        in out
    )
    assert "--prefer" in out
    assert (
        "4 个文件（拒绝 1 个，逾期 3 个）：新增 2 条，修改 0 条，未变 0 条，冲突 1 个项目，拒绝 0 行"
        in out
    )
    assert "未写入台账（--dry-run）" in out
    assert _reports(ledger_path) == {}


def test_an_unresolved_conflict_refuses_the_round(run, ledger_path, folder):
    result = run(
        "returns",
        "receive",
        folder,
        "-p",
        "2022-07",
        "--db",
        ledger_path,
        "--received",
        "2022-08-01",
    )
    assert result.exit_code != 0
    assert "有 1 个项目在不止一份文件中填报，未收取任何内容" in result.output
    assert _reports(ledger_path) == {}


def test_prefer_applies_the_round_with_every_file_name(run, ledger_path, folder):
    result = run("returns", "receive", folder, "-p", "2022-07", "--db", ledger_path,
                 "--received", "2022-08-01", "--prefer", "工信局-更正.xlsx")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "已收取 3 个文件，写入月报 3 条，3 条待审核" in result.output
    assert _reports(ledger_path) == {
        "LY2022-001": Decimal("10.00"),
        "LY2022-003": Decimal("60.00"),  # the corrected file's, not 160
        "LY2022-011": Decimal("30.00"),
    }
    with Store.open(ledger_path) as store:
        action = store.history(limit=1)[0]
        assert action.source == "住建局.xlsx、工信局-更正.xlsx、工信局.xlsx"  # the folder sorted
        assert [r.late for r in store.received_returns(PERIOD)] == [False] * 3


def test_take_resolves_one_project_and_drop_leaves_a_file_out(run, ledger_path, folder):
    result = run("returns", "receive", folder, "-p", "2022-07", "--db", ledger_path,
                 "--received", "2022-08-01", "--take", "LY2022-003=工信局.xlsx")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _reports(ledger_path)["LY2022-003"] == Decimal("100.00")
    with Store.open(ledger_path) as store:
        store.return_reports(PERIOD, reason="请核实", units=[GONGXIN])
    again = run("returns", "receive", folder / "工信局-更正.xlsx", folder / "住建局.xlsx",
                "-p", "2022-07", "--db", ledger_path, "--drop", "住建局.xlsx")  # fmt: skip
    assert again.exit_code == 0, again.output
    assert "已移出 住建局.xlsx" in again.output
    assert "已收取 1 个文件" in again.output
    assert _reports(ledger_path)["LY2022-003"] == Decimal("60.00")


def test_bad_option_values_are_said_plainly(run, ledger_path, folder):
    bad_date = run(
        "returns", "receive", folder, "-p", "2022-07", "--db", ledger_path, "--received", "8月6日"
    )
    assert bad_date.exit_code != 0 and "收取日期“8月6日”应写作 YYYY-MM-DD" in bad_date.output
    bad_take = run(
        "returns", "receive", folder, "-p", "2022-07", "--db", ledger_path, "--take", "LY2022-003"
    )
    assert bad_take.exit_code != 0 and "--take 应写作 项目编号=文件" in bad_take.output
    unknown = run(
        "returns", "receive", folder, "-p", "2022-07", "--db", ledger_path, "--prefer", "无.xlsx"
    )
    assert unknown.exit_code != 0 and "本轮没有文件“无.xlsx”" in unknown.output
