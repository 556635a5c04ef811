"""Every ``keyprojects … --help`` is Chinese (issue 14, item 13: the help mixed in "Show the
version and exit.", "Usage:", "Options:", "[required]"…) and fits an 80-column terminal."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from desktop_app import __version__
from desktop_app.cli import cli
from desktop_app.cli.usage import display_width, wrap
from desktop_app.reports import GROUPINGS
from desktop_app.reports.problems import GROUPINGS as PROBLEM_GROUPINGS

#: Names a clerk types or reads as they are: the program, file formats and SQLite's checks,
#: the date notation, the N of “第 N 个备份”.
TECHNICAL = {"keyprojects", "SQLite", "JSON", "Excel", "xlsx", "quick_check", "integrity_check"}
TECHNICAL |= {"xlsm", "xls", "xlsb", "ods"}  # the file formats the import reads
TECHNICAL |= {"zip"}  # a round of templates sent out, or taken back, in one archive
TECHNICAL |= {"YYYY", "MM", "N"}
#: The values --group-by takes (documented in its help beside their Chinese names).
VALUES = set(GROUPINGS) | set(PROBLEM_GROUPINGS) | {"none"}


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        if isinstance(command, click.Group):
            found += _commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


COMMANDS = _commands(cli)


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def _allowed(path: tuple[str, ...]) -> set[str]:
    """ASCII words this command's help may show: its names, its options' names, metavars and
    choices, its subcommands' names."""
    command = _command(path)
    words = set(path) | TECHNICAL | VALUES | set(cli.commands)  # “同 projects --search”
    words |= set(re.findall(r"[A-Za-z]+", " ".join(cli.context_settings["help_option_names"])))
    if isinstance(command, click.Group):  # its list of commands shows their short help
        for name in command.commands:
            words |= _allowed((*path, name))
    for param in command.params:
        for text in [*param.opts, *param.secondary_opts, param.metavar or ""]:
            words |= set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", text))
        if isinstance(param.type, click.Choice):
            words |= {str(choice) for choice in param.type.choices}
    return words


def _help(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="keyprojects", terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_listed():
    assert {("export",), ("import",), ("backup",), ("settings", "show")} <= set(COMMANDS)
    assert len(COMMANDS) >= 12


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "keyprojects")
def test_the_help_has_no_english_word(path):
    text = _help(path)
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", text))
    assert words - _allowed(path) == set(), text
    assert text.startswith(f"用法：keyprojects {' '.join(path)}".rstrip() + " ")
    assert "选项：" in text and "显示本帮助并退出" in text


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "keyprojects")
def test_the_help_fits_an_80_column_terminal(path):
    for line in _help(path).splitlines():
        assert display_width(line) <= 80, line


def test_the_group_help_in_chinese():
    text = _help(())
    assert "用法：keyprojects [选项] [命令] [参数]..." in text
    assert "-V, --version  显示版本号并退出" in text
    assert "\n命令：\n" in text
    for english in ("Usage", "Options", "Commands", "Show", "version and exit"):
        assert english not in text


def test_required_default_and_range_notes_are_chinese():
    demo = _help(("demo",))
    assert re.search(r"--projects 整数 +项目数 ［必填；0～2000000］", demo), demo
    assert "［默认：3；0～20］" in demo
    export = _help(("export",))
    assert "-p, --period YYYY-MM" in export and "-o, --output 文件" in export
    assert "［必填］" in export
    assert "用法：keyprojects export [选项] {ledger|monthly|problems|summary}" in export
    restore = _help(("restore",))
    assert "用法：keyprojects restore [选项] [文件]" in restore and "［不小于 1］" in restore


def test_the_version_says_the_app_and_its_number():
    result = CliRunner().invoke(cli, ["--version"], prog_name="keyprojects")
    assert result.exit_code == 0
    assert result.output.strip() == f"重点项目调度台 {__version__}"


def test_a_group_without_its_subcommand_shows_its_help_not_an_error():
    result = CliRunner().invoke(cli, ["settings"], prog_name="keyprojects")
    assert result.exit_code == 2
    assert result.output.startswith("用法：keyprojects settings [选项] 命令 [参数]...")
    assert "错误：" not in result.output


def test_chinese_wraps_between_characters_and_never_before_a_comma():
    text = "项目信息锁定，填报格有数据校验和说明。"
    lines = wrap(text, 12)
    # “锁定，” would end at column 14: “定” goes down with its comma (and “明” with its 。)
    assert lines == ["项目信息锁", "定，填报格有", "数据校验和说", "明。"]
    assert all(display_width(line) <= 12 for line in lines)
    # words break at spaces; an opening bracket goes down with what it opens
    assert wrap("期间 YYYY-MM（月度）", 13) == ["期间 YYYY-MM", "（月度）"]
    assert wrap("ab（cd", 4) == ["ab", "（cd"]
    assert wrap("导出 summary 分类汇总", 14, "  ", "  ") == ["  导出 summary", "  分类汇总"]
    assert wrap("输出文件夹  ［必填；默认：3］", 16) == [
        "输出文件夹",
        "［必填；默认：3］",
    ]  # notes whole
