"""Every subcommand with every value its help documents: never a traceback (issue 14, item 2:
`export ledger --group-by none`, offered by the help as “none 不分组”, died with KeyError)."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from desktop_app.cli import cli
from desktop_app.store import Store
from desktop_app.store.demo import make_demo

#: The values the --group-by help offers, read from the help text itself.
GROUP_HELP = next(p.help for p in cli.commands["export"].params if p.name == "group_by") or ""
GROUP_VALUES = re.findall(r"\b([a-z]+) [\u4e00-\u9fff]", GROUP_HELP)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("options")
    make_demo(folder / "demo.sqlite", projects=40, years=1, seed=5)
    return folder


def _run(*args: object) -> click.testing.Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)


def _no_traceback(result: click.testing.Result, what: str) -> None:
    """Exit 0, or 1/2 with one line starting 错误： — never an exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        what,
        result.exception,
    )
    assert result.exit_code in (0, 1, 2), (what, result.output)
    if result.exit_code:
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误："), (what, result.output)


def test_the_help_documents_the_groupings():
    assert {"region", "chain", "sector", "status", "none", "leader", "department"} <= set(
        GROUP_VALUES
    )


@pytest.mark.parametrize("report", ["ledger", "monthly", "problems", "summary"])
@pytest.mark.parametrize("group_by", GROUP_VALUES)
def test_every_report_with_every_documented_grouping(sample, report, group_by):
    out = sample / f"{report}-{group_by}.xlsx"
    result = _run(
        "export", report, "--group-by", group_by, "-o", out, "--db", sample / "demo.sqlite"
    )
    what = f"export {report} --group-by {group_by}"
    _no_traceback(result, what)
    if _documented(report, group_by):
        assert result.exit_code == 0 and out.exists(), (what, result.output)
    else:  # a grouping the help offers for another report: refused, saying which apply
        assert result.exit_code == 1 and "可用" in result.output, (what, result.output)
        assert not out.exists()


def _documented(report: str, group_by: str) -> bool:
    """What the help promises: the ledger and the monthly report group by 县区, 产业链, 产业类别,
    状态 or not at all; the problem list by 包保领导, 责任单位, 县区 or not at all; the summary
    has its own sections and ignores the option."""
    if report in ("ledger", "monthly"):
        return group_by in {"region", "chain", "sector", "status", "none"}
    if report == "problems":
        return group_by in {"leader", "department", "region", "none"}
    return True


def test_no_grouping_writes_no_subtotals(sample):
    out = sample / "ungrouped.xlsx"
    result = _run(
        "export", "ledger", "--group-by", "none", "-o", out, "--db", sample / "demo.sqlite"
    )
    assert result.exit_code == 0, result.output
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    cells = [str(c) for row in rows for c in row]
    assert not any(c.startswith("小计") for c in cells)
    assert any(c.startswith("合计") for c in cells)
    with Store.open(sample / "demo.sqlite") as store:
        assert any(f"合计（{store.project_count()}个）" in c for c in cells)


def _choice_values() -> list[tuple[str, str, str]]:
    """(command, option, value) for every option of a fixed set of values."""
    out = []
    for name, command in sorted(cli.commands.items()):
        for param in command.params:
            if isinstance(param, click.Option) and isinstance(param.type, click.Choice):
                out += [(name, param.opts[0], str(v)) for v in param.type.choices]
    return out


#: What each subcommand needs beyond --db to do its work.
BASE_ARGS = {
    "export": ["ledger", "-o", "{folder}/out.xlsx"],
    "import": ["{folder}/ledger.xlsx", "--dry-run"],
    "template": ["--period", "2022-06", "-o", "{folder}/templates"],
    "demo": ["{folder}/demo-{n}.sqlite", "--projects", "3", "--years", "1"],
    "init": ["{folder}/init-{n}.sqlite"],
}


@pytest.mark.parametrize(("command", "option", "value"), _choice_values())
def test_every_choice_of_every_command(sample, command, option, value):
    n = abs(hash((command, option, value)))
    args = [a.format(folder=sample, n=n) for a in BASE_ARGS.get(command, [])]
    if command == "import":
        _run("export", "ledger", "-o", sample / "ledger.xlsx", "--db", sample / "demo.sqlite")
    db = [] if command in ("demo", "init") else ["--db", sample / "demo.sqlite"]
    _no_traceback(_run(command, *args, option, value, *db), f"{command} {option} {value}")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_answers_help_and_bad_input_in_one_line(command):
    assert _run(command, "--help").exit_code == 0
    _no_traceback(_run(command, "--no-such-option"), f"{command} --no-such-option")
