"""The 月度调度表 and the monthly grid say which reports a unit sent and no reviewer accepted yet
(issue 17, item 4: "Reports show which rows are not yet reviewed"), also after the close."""

from __future__ import annotations

from python_calamine import CalamineWorkbook

from desktop_app.reports import export_report
from tests.review_fixtures import JULY, receive, with_units


def _notes(path) -> str:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return " ".join(
        str(v)
        for row in rows
        for v in row
        if isinstance(v, str) and v.startswith(("注", "1", "2", "3", "4", "5"))
    )


def test_the_monthly_report_names_the_reports_not_yet_reviewed(empty_store, tmp_path):
    store = with_units(empty_store)
    receive(store, JULY, "市工信局", {"GX-1": "10", "GX-2": "20"}, at="2022-08-03T09:00:00")
    ids = {p.code: p.id for p in store.projects()}
    store.return_reports(JULY, reason="有误", project_ids=[ids["GX-2"]])
    assert store.unreviewed(JULY) == {ids["GX-1"]: "pending", ids["GX-2"]: "returned"}
    export_report(store, "monthly", tmp_path / "before.xlsx", period=JULY)
    text = _notes(tmp_path / "before.xlsx")
    assert "其中2个项目的月报为责任单位报送、尚未审核（待审核1个，退回1个）：GX-1、GX-2" in text
    store.close_period(JULY, allow_pending=True)
    export_report(store, "monthly", tmp_path / "after.xlsx", period=JULY)
    before = (
        CalamineWorkbook.from_path(str(tmp_path / "before.xlsx")).get_sheet_by_index(0).to_python()
    )
    after = (
        CalamineWorkbook.from_path(str(tmp_path / "after.xlsx")).get_sheet_by_index(0).to_python()
    )
    assert after == before  # the closed round says what it said at the close


def test_accepting_removes_the_note(empty_store, tmp_path):
    store = with_units(empty_store)
    receive(store, JULY, "市工信局", {"GX-1": "10"}, at="2022-08-03T09:00:00")
    store.accept_reports(JULY, units=["市工信局"])
    assert store.unreviewed(JULY) == {}
    export_report(store, "monthly", tmp_path / "m.xlsx", period=JULY)
    assert "尚未审核" not in _notes(tmp_path / "m.xlsx")
