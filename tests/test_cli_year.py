"""``keyprojects year new`` and ``year list`` on a small ledger with every kind of project."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from desktop_app.cli import cli
from desktop_app.cli.output import width
from desktop_app.store import Store
from desktop_app.store.backup import list_backups
from tests.store.test_years_change import make_ledger, rows_of


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "years.sqlite"
    with Store.create(path, user="测试员", portfolio=False) as store:
        ids = make_ledger(store)
    return path, ids


def fingerprint(path):
    with Store.open_reader(path) as store:
        conn = store.conn
        return (
            conn.execute("SELECT count(*) FROM actions").fetchone(),
            conn.execute("SELECT count(*) FROM history").fetchone(),
            conn.execute("SELECT * FROM project_years ORDER BY project_id, year").fetchall(),
            conn.execute("SELECT * FROM meta ORDER BY key").fetchall(),
        )


def test_dry_run_prints_the_preview_and_changes_nothing(run, ledger):
    path, _ids = ledger
    before = fingerprint(path)
    result = run("year", "new", 2023, "--dry-run", "--db", path)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.splitlines()[0] == (
        "2023年名单（依据2022年名单）：结转续建 4 个；竣工投产 2 个，列入建成达产达效 2 个；"
        "储备项目 2 个，列入 0 个；不再列入 2 个。新年度名单共 6 个项目，年度计划投资待填报。"
    )
    for heading in (
        "结转续建（4 个）：",
        "竣工投产（2 个）：",
        "储备项目（2 个）：",
        "不再列入（2 个）：",
    ):
        assert heading in out
    assert "✓  NY01  项目NY01  →续建  在建，未完工：结转，建设性质为续建（上年新建）" in out
    assert "✓  NY05  项目NY05  →竣工投产  已竣工：可列入建成达产达效项目" in out
    assert "○  NY07  项目NY07  谋划，上年名单内的谋划项目：可列入" in out
    assert "NY09  项目NY09  在建，上年不在名单内：不再列入" in out
    assert "未写入台账（--dry-run）" in out
    assert fingerprint(path) == before
    assert list_backups(path) == []


def test_apply_writes_the_year_after_a_backup(run, ledger):
    path, _ids = ledger
    result = run("year", "new", 2023, "--drop-finished", "--include-reserve", "--db", path)
    assert result.exit_code == 0, result.output
    assert (
        "已建立2023年重点项目名单：6 个项目（结转续建 4，建成达产达效 0，储备 2），"
        "当前年度改为2023年，记入修改历史；写入前已备份：" in result.output
    )
    assert "导入表头为“2023年计划投资”的台账" in result.output
    with Store.open_reader(path) as store:
        assert sorted(rows_of(store, 2023)) == ["NY01", "NY02", "NY03", "NY04", "NY07", "NY08"]
        assert all(plan is None for _on, plan, *_rest in rows_of(store, 2023).values())
    (backup,) = list_backups(path)
    assert backup.reason == "年度切换前：建立2023年重点项目名单"


def test_a_second_start_is_refused_in_one_line(run, ledger):
    path, _ids = ledger
    assert run("year", "new", 2023, "--db", path).exit_code == 0
    before = fingerprint(path)
    result = CliRunner().invoke(cli, ["year", "new", "2023", "--dry-run", "--db", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "错误：2023年的项目名单已经建立（6个项目）；不能再次年度切换。如需调整某个项目，"
        "请在项目表单中修改其2023年的年度信息，计划投资可导入表头为“2023年计划投资”的台账"
    ]
    assert fingerprint(path) == before


def test_an_earlier_year_is_refused(run, ledger):
    path, _ids = ledger
    result = CliRunner().invoke(cli, ["year", "new", "2021", "--db", str(path)])
    assert result.exit_code == 1
    assert "新年度应晚于2022年，不能是2021年（台账当前年度为2022年）" in result.output


def test_list_shows_the_years_and_their_counts(run, ledger):
    path, _ids = ledger
    first = run("year", "list", "--db", path)
    assert first.exit_code == 0, first.output
    assert first.output.split() == [
        *("年度", "名单内项目", "已填计划", "上年结转", "新列入"),
        *("2022年（当前）", "7", "5", "—", "—"),
    ]
    assert run("year", "new", 2023, "--include-reserve", "--db", path).exit_code == 0
    lines = run("year", "list", "--db", path).output.splitlines()
    assert [line.split() for line in lines[1:]] == [
        ["2022年", "7", "5", "—", "—"],
        # NY01-NY06 and NY07 from the 2022 list, NY08 new (前期, off the 2022 list)
        ["2023年（当前）", "8", "0", "7", "1"],
    ]
    assert len({width(line) for line in lines}) == 1  # the columns line up, numbers right
    assert lines[1].endswith("  —") and lines[2].endswith("  1")
