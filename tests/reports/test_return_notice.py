"""退回通知, 报送及时率 and 催报 workbooks (issue 17, items 4-5), read back by python-calamine."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.periods import Period
from desktop_app.reports.errors import ExportError
from desktop_app.reports.return_notice import write_return_notice
from desktop_app.reports.timeliness import write_chase, write_timeliness
from desktop_app.store import Store
from tests.reports.conftest import read_rows
from tests.review_fixtures import JULY, receive, with_units


@pytest.fixture
def ledger(empty_store: Store) -> Store:
    store = with_units(empty_store)
    store.set_return_settings(contact="赵科长", phone="0437-3333333")
    return store


def _cells(rows: list[list]) -> list[str]:
    return [str(c) for row in rows for c in row if c not in (None, "")]


def test_a_return_notice_lists_the_returned_rows_with_the_values_sent_and_the_reasons(
    ledger, tmp_path
):
    receive(ledger, JULY, "市工信局", {"GX-1": "100", "GX-2": "250.5", "GX-3": "7"},
            at="2022-08-03T10:00:00", warnings={"GX-2": ["本月完成投资与上月相同"]})  # fmt: skip
    ids = {p.code: p.id for p in ledger.projects(2022)}
    ledger.return_reports(JULY, project_ids=[ids["GX-2"]], reason="本月完成投资与上月相同，请核实")
    ledger.return_reports(JULY, project_ids=[ids["GX-3"]], reason='=HYPERLINK("http://x")')
    path = tmp_path / "退回通知.xlsx"
    result = write_return_notice(ledger, path, period=JULY, unit="市工信局", on=dt.date(2022, 8, 4))
    assert result.items == 2
    rows = read_rows(path)
    assert rows[0][0] == "2022年7月月度调度退回通知"
    text = "\n".join(_cells(rows))
    assert "致：市工信局（联系人：张科长，电话：0437-3212345）" in text
    assert "2022年8月3日报送的《月度调度填报_2022-07_市工信局.xlsx》" in text
    assert "2022年8月7日前" in text  # the 5th is less than three days away
    assert "项目办联系人：赵科长    电话：0437-3333333" in text
    header = next(i for i, r in enumerate(rows) if r[0] == "序号")
    body = [r for r in rows[header + 2 :] if isinstance(r[0], (int, float)) and r[0]]
    assert [(r[1], r[3], r[9], r[10]) for r in body] == [
        ("GX-2", 250.5, "本月完成投资与上月相同，请核实", "本月完成投资与上月相同"),
        ("GX-3", 7.0, '=HYPERLINK("http://x")', ""),
    ]
    assert "GX-1" not in text  # not returned
    with pytest.raises(ExportError, match="东丰县政府2022年7月没有被退回的月报"):
        write_return_notice(ledger, tmp_path / "x.xlsx", period=JULY, unit="东丰县政府")
    assert not (tmp_path / "x.xlsx").exists()


def test_timeliness_sheet_ranks_the_units_by_the_hand_counted_rate(ledger, tmp_path):
    for month, unit, at in (
        (5, "市工信局", "2022-06-05T17:00:00"),  # on time
        (6, "市工信局", "2022-07-06T09:00:00"),  # late
        (7, "市工信局", "2022-08-02T09:00:00"),  # on time
        (6, "东丰县政府", "2022-07-01T09:00:00"),  # on time
        (7, "东丰县政府", "2022-08-04T09:00:00"),  # on time
        (7, "东丰县政府", "2022-08-09T09:00:00"),  # its correction: not counted again
    ):
        receive(ledger, Period(2022, month), unit, {"DF-1" if "东丰" in unit else "GX-1": "1"},
                at=at)  # fmt: skip
    path = tmp_path / "报送及时率.xlsx"
    write_timeliness(ledger, path, year=2022, as_of=dt.date(2022, 8, 10))
    rows = read_rows(path)
    assert rows[0][0] == "2022年各责任单位月报报送及时率"
    header = next(i for i, r in enumerate(rows) if r[0] == "排名")
    body = [r[:7] for r in rows[header + 2 : header + 6]]
    assert body == [
        [1.0, "东丰县政府", 2.0, 2.0, 0.0, 1.0, ""],
        [2.0, "市工信局（工信局）", 3.0, 2.0, 1.0, pytest.approx(0.6667), "2022年6月"],
        ["", "市住建局", 0.0, 0.0, 0.0, "", ""],
        ["", "合计（2个单位）", 5.0, 4.0, 1.0, 0.8, ""],
    ]


def test_the_chase_list_names_whom_to_call_for_which_projects(ledger, tmp_path):
    receive(ledger, JULY, "市工信局", {"GX-1": "100"}, at="2022-08-03T10:00:00")
    receive(ledger, JULY, "东丰县政府", {"DF-1": "8", "DF-2": "6"}, at="2022-08-06T10:00:00")
    ledger.accept_reports(JULY, units=["东丰县政府"])
    path = tmp_path / "催报.xlsx"
    result = write_chase(ledger, path, period=JULY, as_of=dt.date(2022, 8, 8))
    assert result.items == 2
    rows = read_rows(path, "催报清单")
    header = next(i for i, r in enumerate(rows) if r[0] == "序号")
    assert [r[:7] for r in rows[header + 2 : header + 5]] == [
        [
            1.0,
            "市工信局",
            "张科长",
            "0437-3212345",
            2.0,
            "GX-2 项目GX-2、GX-3 项目GX-3",
            "逾期未报",
        ],
        [2.0, "市住建局", "王科员", "0437-3300000", 1.0, "ZJ-1 项目ZJ-1", "逾期未报"],
        ["", "合计：2个单位", "", "", 3.0, "", ""],
    ]
    assert "截止日期：2022年8月5日" in _cells(rows)
    board = read_rows(path, "报送情况")
    header = next(i for i, r in enumerate(board) if r[0] == "序号")
    assert [r[1:10] for r in board[header + 2 : header + 6]] == [
        ["市工信局", 3.0, 0.0, 1.0, 0.0, 2.0, "逾期未报", 1.0, "部分上报"],
        ["东丰县政府", 2.0, 2.0, 0.0, 0.0, 0.0, "逾期上报", 1.0, "已上报"],
        ["市住建局", 1.0, 0.0, 0.0, 0.0, 1.0, "逾期未报", 0.0, "未上报"],
        ["合计：3个单位", 6.0, 2.0, 1.0, 0.0, 3.0, "", 2.0, ""],
    ]
