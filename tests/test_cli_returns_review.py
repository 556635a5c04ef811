"""``keyprojects returns status / accept / reject / notice / chase / timeliness`` and ``close``
with reports not yet reviewed (issue 17, items 4-5), through click's runner on a real ledger."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from desktop_app.store import Store
from tests.review_fixtures import JULY, receive, with_units


@pytest.fixture
def db(empty_store: Store):
    store = with_units(empty_store)
    receive(store, JULY, "市工信局", {"GX-1": "100", "GX-2": "250.5"}, at="2022-08-04T09:00:00",
            warnings={"GX-2": ["本月完成投资与上月相同"]})  # fmt: skip
    receive(store, JULY, "东丰县政府", {"DF-1": "80"}, at="2022-08-08T10:00:00")
    return store.path


def _states(path) -> dict[str, str]:
    with Store.open(path, user="检查") as store:
        codes = {p.id: p.code for p in store.projects(2022)}
        return {codes[pid]: s.label for pid, s in store.review_states(JULY).items()}


def test_status_prints_the_board_and_the_chase_list_and_the_same_as_json(run, db):
    result = run("returns", "status", "--db", db, "-p", "2022-07")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "2022年7月月报报送情况（截止日期 2022年8月5日）"
    assert lines[1].split() == [
        "责任单位",
        "项目数",
        "已上报",
        "待审核",
        "退回",
        "未上报",
        "逾期",
        "状态",
    ]
    assert lines[2].split() == ["市工信局", "3", "-", "2", "-", "1", "逾期未报", "部分上报"]
    assert lines[3].split() == ["东丰县政府", "2", "-", "1", "-", "1", "逾期未报", "部分上报"]
    assert lines[4].split() == ["市住建局", "1", "-", "-", "-", "1", "逾期未报", "未上报"]
    assert "催报（3 个单位有未报项目）：" in lines
    assert "  市住建局（联系人 王科员，电话 0437-3300000）：未报 1 个项目：ZJ-1 项目ZJ-1" in lines
    as_json = run("returns", "status", "--db", db, "-p", "2022-07", "--json")
    data = json.loads(as_json.output)
    assert data["period"] == "2022-07" and data["deadline"] == "2022-08-05"
    units = {u["unit"]: u for u in data["units"]}
    assert (units["市工信局"]["pending"], units["市工信局"]["missing"]) == (2, 1)
    assert units["东丰县政府"]["late"] is True and units["市工信局"]["late"] is False
    assert [c["unit"] for c in data["chase"]] == ["市工信局", "东丰县政府", "市住建局"]
    assert data["chase"][0]["missing"] == [{"code": "GX-3", "name": "项目GX-3"}]


def test_accept_reject_and_the_return_notice(run, db, tmp_path):
    clean = run("returns", "accept", "--db", db, "-p", "2022-07", "--all-clean")
    assert clean.exit_code == 0, clean.output
    assert clean.output.splitlines() == ["已审核通过 2022年7月的 2 条月报", "还有 1 条待审核"]
    assert _states(db) == {"GX-1": "已审核", "GX-2": "待审核", "DF-1": "已审核"}
    no_reason = run("returns", "reject", "--db", db, "-p", "2022-07", "--project", "GX-2")
    assert no_reason.exit_code != 0 and "退回须写明原因" in no_reason.output
    rejected = run("returns", "reject", "--db", db, "-p", "2022-07", "--project", "GX-2",
                   "--reason", "与上月相同，请核实")  # fmt: skip
    assert rejected.exit_code == 0, rejected.output
    assert "已退回 2022年7月的 1 条月报（原因：与上月相同，请核实）" in rejected.output
    assert "keyprojects returns notice --period 2022-07 --unit 市工信局" in rejected.output
    assert _states(db)["GX-2"] == "退回"
    notice = tmp_path / "退回通知.xlsx"
    made = run("returns", "notice", "--db", db, "-p", "2022-07", "--unit", "市工信局",
               "-o", notice, "--by", "2022-08-12")  # fmt: skip
    assert made.exit_code == 0, made.output
    with CalamineWorkbook.from_path(str(notice)) as book:
        rows = book.get_sheet_by_index(0).to_python()
    text = [str(c) for r in rows for c in r]
    assert "GX-2" in text and "与上月相同，请核实" in text and "GX-1" not in text
    assert any("2022年8月12日前" in t for t in text)
    unknown = run("returns", "accept", "--db", db, "-p", "2022-07", "--project", "XX-9")
    assert unknown.exit_code != 0 and "没有项目编号为“XX-9”的项目" in unknown.output
    nothing = run("returns", "accept", "--db", db, "-p", "2022-07")
    assert nothing.exit_code != 0 and "--all-clean" in nothing.output


def test_chase_and_timeliness_print_and_export(run, db, tmp_path):
    chase = run("returns", "chase", "--db", db, "-p", "2022-07", "-o", tmp_path / "催报.xlsx")
    assert chase.exit_code == 0, chase.output
    assert (
        "市工信局（联系人 张科长，电话 0437-3212345）：未报 1 个项目：GX-3 项目GX-3" in chase.output
    )
    with CalamineWorkbook.from_path(str(tmp_path / "催报.xlsx")) as book:
        assert book.sheet_names == ["催报清单", "报送情况"]
    rate = run("returns", "timeliness", "--db", db, "-y", "2022", "-o", tmp_path / "及时率.xlsx")
    assert rate.exit_code == 0, rate.output
    lines = rate.output.splitlines()
    assert lines[0] == "2022年各责任单位报送及时率"
    assert lines[2].split() == ["1", "市工信局", "1", "1", "0", "100.0%"]
    assert lines[3].split() == ["2", "东丰县政府", "1", "0", "1", "0.0%"]
    assert lines[4].split() == ["-", "市住建局", "0", "0", "0", "-"]
    assert (tmp_path / "及时率.xlsx").exists()


def _close(db, *args: str, answer: str | None = None):
    from click.testing import CliRunner

    from desktop_app.cli import cli

    return CliRunner().invoke(cli, ["close", "2022-07", "--db", str(db), *args], input=answer)


def test_close_lists_what_is_not_reviewed_and_asks(run, db):
    declined = _close(db, answer="否\n")
    assert declined.exit_code == 1
    assert declined.output.splitlines()[0] == (
        "2022年7月还有 3 条月报未审核：市工信局 待审核 2 条；东丰县政府 待审核 1 条"
    )
    assert "仍要关账吗？" in declined.output and "已取消，未关账" in declined.output
    no_answer = _close(db)  # no terminal to answer on: cancelled, not closed
    assert no_answer.exit_code == 1 and "已取消" in no_answer.output
    with Store.open(db, user="检查") as store:
        assert not store.is_closed("2022-07")
    closed = _close(db, "--yes")
    assert closed.exit_code == 0, closed.output
    assert "仍要关账吗？" not in closed.output and "2022年7月已关账" in closed.output
    refused = run("returns", "accept", "--db", db, "-p", "2022-07", "--all-clean")
    assert refused.exit_code != 0 and "2022年7月已关账" in refused.output


def test_close_asks_and_a_yes_closes(db):
    result = _close(db, answer="是\n")
    assert result.exit_code == 0, result.output
    assert "仍要关账吗？" in result.output and "2022年7月已关账" in result.output
    with Store.open(db, user="检查") as store:
        assert store.is_closed("2022-07")


# ------------------------------------------------------- the whole cycle with real templates
def _make_round():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "returns" / "make_round.py"
    spec = importlib.util.spec_from_file_location("make_round", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _board_of(run, db) -> dict[str, tuple]:
    data = json.loads(run("returns", "status", "--db", db, "-p", "2022-07", "--json").output)
    return {
        u["unit"]: (u["reported"], u["pending"], u["returned"], u["missing"], u["late"])
        for u in data["units"]
    }


def _monthly_cell(path, code: str, label: str):
    with CalamineWorkbook.from_path(str(path)) as book:
        rows = book.get_sheet_by_index(0).to_python()
    header = next(i for i, r in enumerate(rows) if "项目编号" in r)
    labels = [str(a or b) for a, b in zip(rows[header], rows[header + 1], strict=True)]
    col = next(i for i, text in enumerate(labels) if text == label)
    code_col = labels.index("项目编号")
    return next(r[col] for r in rows if r[code_col] == code)


def test_a_round_received_reviewed_returned_corrected_and_closed(run, store, tmp_path):
    mr = _make_round()
    gongxin, zhujian, dongfeng = mr.UNITS
    mr.assign_units(store)
    sent = mr.templates(store, tmp_path / "发出", JULY)
    back = tmp_path / "收回"
    back.mkdir()
    first = {
        gongxin: {"LY2022-001": {"本月完成投资": 150.5}, "LY2022-002": {"本月完成投资": 20}},
        zhujian: {"LY2022-011": {"本月完成投资": 30, "形象进度": "主体施工"}},
    }
    for unit, values in first.items():
        mr.fill(sent[unit], values, to=back / sent[unit].name)
    db = store.path
    got = run("returns", "receive", back, "--db", db, "-p", "2022-07", "--received", "2022-08-03")
    assert got.exit_code == 0, got.output
    board = _board_of(run, db)
    assert board[gongxin] == (0, 2, 0, 8, False) and board[zhujian] == (0, 1, 0, 9, False)
    assert board[dongfeng] == (0, 0, 0, 5, False)
    # the figures (月度调度表) already show what the units sent
    monthly = tmp_path / "月度调度表.xlsx"
    run("export", "monthly", "--db", db, "-p", "2022-07", "-o", monthly)
    assert _monthly_cell(monthly, "LY2022-001", "本月完成") == 150.5

    ok = run("returns", "accept", "--db", db, "-p", "2022-07", "--unit", zhujian)
    assert ok.exit_code == 0 and "已审核通过 2022年7月的 1 条月报" in ok.output
    no = run("returns", "reject", "--db", db, "-p", "2022-07", "--project", "LY2022-001",
             "--reason", "本月完成投资超过年度计划，请核实")  # fmt: skip
    assert no.exit_code == 0, no.output
    assert _board_of(run, db)[gongxin] == (0, 1, 1, 8, False)
    notice = tmp_path / "退回通知.xlsx"
    made = run("returns", "notice", "--db", db, "-p", "2022-07", "-u", gongxin, "-o", notice)
    assert made.exit_code == 0, made.output
    with CalamineWorkbook.from_path(str(notice)) as book:
        text = [str(c) for r in book.get_sheet_by_index(0).to_python() for c in r]
    assert "LY2022-001" in text and "150.5" in text and "LY2022-002" not in text
    assert "本月完成投资超过年度计划，请核实" in text

    # the corrected return replaces the returned one and waits for review again
    again = tmp_path / "更正"
    again.mkdir()
    mr.fill(back / sent[gongxin].name, {"LY2022-001": {"本月完成投资": 15.5}},
            to=again / sent[gongxin].name)  # fmt: skip
    got = run("returns", "receive", again, "--db", db, "-p", "2022-07", "--received", "2022-08-09")
    assert got.exit_code == 0, got.output
    assert _board_of(run, db)[gongxin] == (0, 2, 0, 8, False)  # its first return was on time
    with Store.open(db, user="检查") as s:
        p1 = s.find_project("LY2022-001")
        state = s.review_states(JULY)[p1.id]
        assert (state.label, state.reason, state.late) == ("待审核", None, True)
        assert s.monthly_reports(JULY)[p1.id].month_investment == Decimal("15.5")
    rate = run("returns", "timeliness", "--db", db, "-y", "2022")
    ranks = sorted(line.split() for line in rate.output.splitlines()[2:])
    assert ranks == sorted(  # one return each, on time: both first; 东丰 sent nothing
        [["1", gongxin, "1", "1", "0", "100.0%"], ["1", zhujian, "1", "1", "0", "100.0%"],
         ["-", dongfeng, "0", "0", "0", "-"]]
    )  # fmt: skip
    asked = _close(db, answer="否\n")
    assert "2022年7月还有 2 条月报未审核：" in asked.output and asked.exit_code == 1
    run("returns", "accept", "--db", db, "-p", "2022-07", "--unit", gongxin)
    closed = _close(db)
    assert closed.exit_code == 0 and "仍要关账吗" not in closed.output, closed.output
