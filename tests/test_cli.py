"""The command line through click's runner, on real ledger files."""

import json
import sqlite3

import pytest

from desktop_app.paths import default_database
from desktop_app.store import Project
from desktop_app.store.schema import SCHEMA_VERSION


def test_init_creates_the_portfolio_and_refuses_to_overwrite(run, tmp_path):
    path = tmp_path / "new.sqlite"
    result = run("init", path)
    assert result.exit_code == 0, result.output
    assert "共 51 个项目" in result.output
    again = run("init", path)
    assert again.exit_code == 1
    assert again.output.strip().splitlines() == [f"错误：文件已存在，不会覆盖：{path}"]


def test_init_empty_has_code_lists_but_no_projects(run, tmp_path):
    path = tmp_path / "empty.sqlite"
    assert run("init", path, "--empty").exit_code == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM projects").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM code_lists WHERE kind='region'").fetchone()[0] == 6


def test_projects_json_has_every_store_field(run, ledger_path):
    result = run("projects", "--db", ledger_path, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data) == 51
    expected_keys = set(Project.__slots__)
    assert all(set(item) == expected_keys for item in data)
    first = next(d for d in data if d["code"] == "LY2022-001")
    assert first["name"] == "鑫达钢铁180万吨热轧带钢"
    assert first["lists"] == ["建链强链延链补链项目"]


@pytest.mark.parametrize("query", ["xdgt", "xinda", "鑫達鋼鐵", "鑫达"])
def test_projects_search_matches_like_the_window(run, ledger_path, query):
    result = run("projects", "--db", ledger_path, "--search", query, "--json")
    names = [p["name"] for p in json.loads(result.output)]
    assert "鑫达钢铁180万吨热轧带钢" in names
    assert all("鑫达" in n for n in names)


def test_projects_table_output(run, ledger_path):
    result = run("--db", ledger_path, "projects", "-s", "jfsh")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "项目编号", "项目名称", "所属县区", "项目状态", "总投资(万元)", "2022年计划投资(万元)",
        "列入2022年名单",
    ]  # fmt: skip
    assert "巨峰生化" in lines[1] and lines[1].split()[-1] == "是"
    assert lines[-1] == "共 1 个项目（列入2022年名单 1 个）"


def test_projects_of_another_year(run, ledger_path):
    """A year's list and plans: 2023 has none yet; after the new year (年度切换) it has the
    projects carried over, with empty plans."""
    result = run("--db", ledger_path, "projects", "--year", "2023", "--listed")
    assert result.output.splitlines()[-1] == "共 0 个项目（列入2023年名单 0 个）"
    assert run("--db", ledger_path, "year", "new", "2023").exit_code == 0
    listed = json.loads(
        run("--db", ledger_path, "projects", "--year", "2023", "--listed", "--json").output
    )
    assert listed and all(p["year"] == 2023 and p["on_list"] for p in listed)
    assert all(p["annual_plan"] is None for p in listed)  # plans of the new year: to be filled
    every = json.loads(run("--db", ledger_path, "projects", "--year", "2023", "--json").output)
    assert len(every) == 51  # every project, on the 2023 list or not
    assert {p["code"] for p in listed} <= {p["code"] for p in every if p["on_list"]}


def test_default_database_is_created_on_first_use(run):
    assert not default_database().exists()
    result = run("projects", "--json")
    assert result.exit_code == 0
    assert default_database().exists()
    assert len(json.loads(result.output)) == 51


def test_demo_writes_a_marked_sample_portfolio(run, tmp_path):
    path = tmp_path / "demo.sqlite"
    result = run("demo", path, "--projects", 120, "--years", 1, "--seed", 5)
    assert result.exit_code == 0, result.output
    assert "120 个项目" in result.output and "示例数据" in result.output
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*), sum(is_sample) FROM projects").fetchone() == (120, 120)
    assert conn.execute("SELECT count(DISTINCT period) FROM monthly_reports").fetchone()[0] == 12


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda p: None, "数据库文件不存在"),
        (lambda p: p.write_bytes(b"PK\x03\x04 not a database at all" * 100), "不是数据库文件"),
        (lambda p: _sqlite_with_version(p, 0, foreign=True), "不是重点项目调度台的数据库"),
    ],
)
def test_errors_are_one_clear_line(run, tmp_path, prepare, message):
    path = tmp_path / "x.sqlite"
    prepare(path)
    result = run("projects", "--db", path)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and message in lines[0]
    assert "Traceback" not in result.output


def test_newer_schema_is_one_clear_line(run, ledger_path):
    conn = sqlite3.connect(ledger_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    result = run("projects", "--db", ledger_path)
    assert result.exit_code == 1
    assert "请升级程序" in result.output and len(result.output.strip().splitlines()) == 1


def test_bad_period_is_one_clear_line(run, tmp_path):
    result = run("demo", tmp_path / "d.sqlite", "--projects", 1, "--until", "2022-13")
    assert result.exit_code == 1
    assert result.output.strip() == "错误：期间 2022-13 不存在"


def _sqlite_with_version(path, version, foreign=False):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other (x)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_template_count_is_the_files_written(run, tmp_path):
    """Units that map to one file name each get their own file (issue 12, item 6)."""
    import sqlite3 as sq

    from desktop_app.store import Store

    units = ["市/局", "市 局", "市:局", "市_局", "市\x00局", "ABC局", "abc局"]
    path = tmp_path / "units.sqlite"
    Store.create(path, user="测试员", portfolio=False).close()
    with Store.open(path, user="测试员") as store:
        store.set_current_year(2022)  # the projects on the list of the templates' year
        for i in range(len(units)):
            store.add_project({"name": f"项目{i}", "department": f"单位{i}"})
    conn = sq.connect(path)
    for i, unit in enumerate(units):
        conn.execute("UPDATE projects SET department = ? WHERE name = ?", (unit, f"项目{i}"))
    conn.commit()
    conn.close()
    out = tmp_path / "模板"
    result = run("template", "--db", path, "-p", "2022-07", "-o", out)
    assert result.exit_code == 0, result.output
    written = sorted(out.iterdir())
    assert len({p.name.casefold() for p in written}) == len(units)
    assert result.output.splitlines()[-1].startswith(
        f"已生成 {len(written)} 份 2022年7月填报模板（截止日期："
    )
    assert "\x00" not in result.output


def test_no_subcommand_opens_the_window_with_the_launcher_opener(run, tmp_path, monkeypatch):
    """``keyprojects --db FILE`` through click (as after an option only click knows) reaches
    the window's start-up with the ledger, the flags and launch.open_ledger as the opener."""
    from desktop_app import launch
    from desktop_app.ui import app

    calls = []
    monkeypatch.setattr(app, "run_app", lambda db, argv, **kw: calls.append((db, kw)) or 0)
    result = run("--db", tmp_path / "x.sqlite", "--smoke")
    assert result.exit_code == 0, result.output
    assert calls == [(tmp_path / "x.sqlite", {"opener": launch.open_ledger, "smoke": True})]
