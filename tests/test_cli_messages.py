"""What the command line says when something goes wrong: plain Chinese, one line, the right
diagnosis (issue 12, items 8 and 10)."""

from __future__ import annotations

import errno
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop_app.cli import cli

ENGLISH = re.compile(r"Usage|Error|Try |No such|Missing|Invalid|[A-Za-z]{5,}")


def _one_chinese_line(result, *, keep: tuple[str, ...] = ()) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    (line,) = lines
    assert line.startswith("错误："), line
    bare = line
    for text in keep:  # paths, option names and values the user typed
        bare = bare.replace(text, "")
    assert not ENGLISH.search(bare), line
    return line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--bogus"], "没有选项 --bogus（运行 keyprojects --help 查看用法）"),
        (["bogus"], "没有命令“bogus”（运行 keyprojects --help 查看用法）"),
        (["exprot"], "没有命令“exprot”，是不是要用 export？"),
        (["export", "--bogus"], "没有选项 --bogus（运行 keyprojects export --help 查看用法）"),
        (["export", "ledger", "--period"], "选项 --period 后面要跟一个值"),
        (["export"], "缺少参数 REPORT（可选：ledger、monthly、problems、summary）"),
        (["export", "xx", "-o", "a.xlsx"], "REPORT 的值“xx”不可用（可选：ledger、monthly、"),
        (["demo", "--projects", "abc"], "选项 --projects 的值“abc”不是整数"),
        (["demo", "--projects", "-5"], "选项 --projects 的值 -5 不在 0～2000000 之间"),
        (["restore", "/不存在/备份.sqlite"], "文件不存在：/不存在/备份.sqlite"),
        (["projects", "extra"], "多余的参数：extra"),
        (["demo", "--year", "3", "--projects", "1"], "没有选项 --year，是不是要用 --years？"),
        (["template", "-o", "x"], "缺少选项 --period（-p）"),
        (["backup", "--keep", "0"], "选项 --keep 的值 0 不在 1～1000 之间"),
    ],
)
def test_usage_errors_are_one_chinese_line_with_exit_code_2(run, args, expected):
    result = run(*args)
    assert result.exit_code == 2, result.output
    line = _one_chinese_line(result, keep=(*args, "--help", "keyprojects", "ledger", "monthly",
                                            "problems", "summary", "export", "REPORT", "--period"))  # fmt: skip
    assert expected in line
    if "查看用法" not in expected:
        assert "查看用法" in line


@pytest.mark.parametrize(
    ("code", "english", "expected"),
    [
        (errno.ENOSPC, "No space left on device", "磁盘空间已满"),
        (errno.EROFS, "Read-only file system", "只读"),
        (errno.ENAMETOOLONG, "File name too long", "文件名太长"),
        (errno.EIO, "Input/output error", "磁盘读写错误"),
        (errno.EACCES, "Permission denied", "没有权限"),
    ],
)
def test_system_errors_in_plain_chinese(run, ledger_path, tmp_path, monkeypatch, code, english, expected):  # fmt: skip
    import desktop_app.reports as reports

    def fail(*args, **kwargs):
        raise OSError(code, english, str(tmp_path / "台账.xlsx"))

    monkeypatch.setattr(reports, "export_report", fail)
    result = run("export", "ledger", "--db", ledger_path, "-o", tmp_path / "台账.xlsx")
    assert result.exit_code == 1
    line = _one_chinese_line(result, keep=(str(tmp_path),))
    assert expected in line and english not in line


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("disk I/O error", "磁盘读写错误"),
        ("database or disk is full", "磁盘空间已满"),
        ("attempt to write a readonly database", "只读"),
        ("database is locked", "正被其他程序"),
        ("unable to open database file", "无法打开台账文件"),
    ],
)
def test_sqlite_errors_in_plain_chinese(run, ledger_path, monkeypatch, message, expected):
    from desktop_app.store import Store

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(Store, "list_projects", fail)
    result = run("projects", "--db", ledger_path)
    assert result.exit_code == 1
    line = _one_chinese_line(result)
    assert expected in line
    assert "Traceback" not in result.output


def test_a_real_name_too_long_says_so(run, ledger_path, tmp_path):
    target = tmp_path / ("重点项目台账" * 15 + ".xlsx")  # 275 bytes
    result = run("export", "ledger", "--db", ledger_path, "-o", target)
    assert result.exit_code == 1
    line = _one_chinese_line(result, keep=(target.name,))
    assert "文件名太长" in line
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.sqlite"]


def test_check_prints_one_line(run, ledger_path, monkeypatch):
    from desktop_app.store import backup, integrity  # imported before the patch below

    assert backup.check_file is integrity.check_file

    def damaged(path, level="quick"):
        return integrity.CheckResult(
            Path(path),
            level,
            False,
            ("完整性检查未通过：*** in database main ***\nOn tree page 3 cell 2: Extends off end"
             "\nOn tree page 3 cell 1: Extends off end of page",),
            details=("*** in database main ***\nOn tree page 3 cell 2: Extends off end",),
        )  # fmt: skip

    monkeypatch.setattr(integrity, "check_file", damaged)
    result = run("check", "--db", ledger_path)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("错误：数据库文件“ledger.sqlite”已损坏") and "restore --latest" in line
    verbose = run("check", "--db", ledger_path, "--verbose")
    assert "On tree page 3 cell 2" in verbose.output


def test_check_of_a_healthy_ledger_is_one_line(run, ledger_path):
    result = run("check", "--db", ledger_path)
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) == 1
    assert "通过" in result.output


def test_restore_of_a_backup_without_sidecar_counts_its_projects(run, ledger_path, tmp_path):
    made = run("backup", "--db", ledger_path)
    assert made.exit_code == 0, made.output
    backup = Path(re.search(r"已备份到 (.+?)（", made.output).group(1))
    backup.with_suffix(".json").unlink()
    loose = tmp_path / "拷来的备份.sqlite"
    backup.rename(loose)
    result = run("restore", loose, "--db", ledger_path, "-y")
    assert result.exit_code == 0, result.output
    assert "None" not in result.output
    assert "（51 个项目）" in result.output.splitlines()[0]


# --------------------------------------------------------- control characters (item 8)
def _raw_units(path: Path, values: dict[str, str]) -> None:
    conn = sqlite3.connect(path)
    for field, value in values.items():
        conn.execute(f"UPDATE projects SET {field} = ? WHERE code = 'LY2022-001'", (value,))
    conn.commit()
    conn.close()


def test_projects_never_prints_raw_escape_sequences(run, ledger_path):
    _raw_units(
        ledger_path, {"name": "鑫达\x1b[2J\x1b]0;被改的标题\x07钢铁\u202e", "region": "龙山\x9b区"}
    )
    table = run("projects", "--db", ledger_path)
    assert table.exit_code == 0
    for ch in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert ch not in table.output
    assert "鑫达\\x1b[2J" in table.output
    as_json = run("projects", "--db", ledger_path, "--json")
    for ch in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert ch not in as_json.output
    data = json.loads(as_json.output)  # still JSON, the value exactly as stored
    first = next(d for d in data if d["code"] == "LY2022-001")
    assert first["name"] == "鑫达\x1b[2J\x1b]0;被改的标题\x07钢铁\u202e"


def test_returns_never_prints_raw_control_characters(run, ledger_path):
    _raw_units(ledger_path, {"department": "市\x1b[31m局"})
    result = run("returns", "status", "--db", ledger_path, "-p", "2022-06")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "市\\x1b[31m局" in result.output


def test_template_for_a_unit_with_a_nul(run, ledger_path, tmp_path):
    _raw_units(ledger_path, {"department": "市\x00局"})
    out = tmp_path / "模板"
    result = run("template", "--db", ledger_path, "-p", "2022-07", "-o", out)
    assert result.exit_code == 0, result.output
    assert "embedded null byte" not in result.output
    assert any("市局" in p.name for p in out.iterdir())


def test_a_question_without_an_answer_cancels_in_chinese(run, ledger_path):
    made = run("backup", "--db", ledger_path)
    backup = Path(re.search(r"已备份到 (.+?)（", made.output).group(1))
    result = CliRunner().invoke(cli, ["restore", str(backup), "--db", str(ledger_path)], input="")
    assert result.exit_code == 1
    assert result.stderr == "错误：已取消\n"
    assert "Aborted" not in result.output


def test_the_restore_question_is_chinese_and_takes_chinese_answers(run, ledger_path):
    made = run("backup", "--db", ledger_path)
    backup = Path(re.search(r"已备份到 (.+?)（", made.output).group(1))
    args = ["restore", str(backup), "--db", str(ledger_path)]
    declined = CliRunner().invoke(cli, args, input="也许\n否\n")
    assert declined.exit_code == 1
    assert "（是/否，直接回车为否）" in declined.output and "[y/N]" not in declined.output
    assert "请回答“是”或“否”。" in declined.stderr and "invalid input" not in declined.output
    assert "已取消，台账未改变" in declined.output
    restored = CliRunner().invoke(cli, args, input="是\n")
    assert restored.exit_code == 0, restored.output
    assert "已恢复" in restored.output
