"""The review of the units' returns and the board of who is missing (issue 17, items 4-5):
received reports wait as 待审核 until accepted or returned with a reason, a staff edit counts as
reviewed, the board counts 已上报/待审核/退回/未上报/逾期 per unit, 报送及时率 against a hand count,
and closing a period with reports not yet reviewed asks first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport, Store, StoreError
from desktop_app.store.errors import PeriodClosed
from desktop_app.store.reviews import PendingReviews
from tests.review_fixtures import JULY, receive, with_units


@pytest.fixture
def ledger(empty_store: Store) -> Store:
    return with_units(empty_store)


def _codes(store: Store) -> dict[int, str]:
    return {p.id: p.code for p in store.projects(2022)}


def _board(store: Store, today: dt.date = dt.date(2022, 8, 10)):
    return {
        b.unit: (b.projects, b.reported, b.pending, b.returned, b.missing, b.late_label)
        for b in store.return_board(JULY, today=today)
    }


def test_received_reports_wait_for_review_and_count_on_the_board(ledger):
    receive(ledger, JULY, "市工信局", {"GX-1": "100", "GX-2": "250.5"}, at="2022-08-04T09:00:00",
            warnings={"GX-2": ["本月完成投资与上月相同"]})  # fmt: skip
    receive(ledger, JULY, "东丰县政府", {"DF-1": "80", "DF-2": "60"}, at="2022-08-07T16:30:00")
    codes = _codes(ledger)
    states = {codes[pid]: s for pid, s in ledger.review_states(JULY).items()}
    assert {c: s.label for c, s in states.items()} == dict.fromkeys(
        ("GX-1", "GX-2", "DF-1", "DF-2"), "待审核"
    )
    assert states["GX-2"].warnings == ("本月完成投资与上月相同",) and states["GX-1"].warnings == ()
    assert states["DF-1"].late and not states["GX-1"].late  # the 5th of August is the deadline
    assert states["GX-1"].file_name == "月度调度填报_2022-07_市工信局.xlsx"
    # the figures already hold what the units sent, pending or not
    figures = {codes[pid]: f for pid, f in ledger.figures(JULY).items()}
    assert figures["GX-2"].month == Decimal("250.5") and figures["ZJ-1"].reported is False
    assert _board(ledger) == {
        "市工信局": (3, 0, 2, 0, 1, "逾期未报"),
        "东丰县政府": (2, 0, 2, 0, 0, "逾期上报"),
        "市住建局": (1, 0, 0, 0, 1, "逾期未报"),
    }
    before_deadline = _board(ledger, dt.date(2022, 8, 5))
    assert before_deadline["市住建局"][-1] == "" and before_deadline["东丰县政府"][-1] == "逾期上报"
    chase = ledger.chase_list(JULY, today=dt.date(2022, 8, 10))
    assert [(c.unit, c.contact, c.phone, c.missing) for c in chase] == [
        ("市工信局", "张科长", "0437-3212345", (("GX-3", "项目GX-3"),)),
        ("市住建局", "王科员", "0437-3300000", (("ZJ-1", "项目ZJ-1"),)),
    ]


def test_accept_by_unit_by_project_and_all_without_warnings_each_one_action(ledger):
    receive(ledger, JULY, "市工信局", {"GX-1": "100", "GX-2": "250.5", "GX-3": "1"},
            at="2022-08-04T09:00:00", warnings={"GX-2": ["与上月相同"]})  # fmt: skip
    receive(ledger, JULY, "东丰县政府", {"DF-1": "80", "DF-2": "60"}, at="2022-08-05T16:30:00")
    ids = {p.code: p.id for p in ledger.projects(2022)}
    actions = ledger.action_count()
    assert ledger.accept_reports(JULY, without_warnings=True) == 4
    assert ledger.action_count() == actions + 1
    assert _board(ledger)["市工信局"] == (3, 2, 1, 0, 0, "")
    assert ledger.accept_reports(JULY, without_warnings=True) == 0  # nothing clean left
    assert ledger.accept_reports(JULY, project_ids=[ids["GX-2"]]) == 1
    assert _board(ledger) == {
        "市工信局": (3, 3, 0, 0, 0, ""),
        "东丰县政府": (2, 2, 0, 0, 0, ""),
        "市住建局": (1, 0, 0, 0, 1, "逾期未报"),
    }
    history = [h for h in ledger.history(table="report_reviews") if h.field == "state"]
    accepted = [h for h in history if h.new_value == "accepted"]
    assert len(accepted) == 5 and {h.user for h in accepted} == {"测试员"}
    assert accepted[0].description == "审核通过月报：2022年7月（1条）"
    with pytest.raises(StoreError, match="请指定要审核的责任单位或项目"):
        ledger.accept_reports(JULY)
    with pytest.raises(StoreError, match="没有名为“市教育局”的责任单位"):
        ledger.accept_reports(JULY, units=["市教育局"])


def test_a_return_needs_a_reason_and_a_corrected_return_replaces_it(ledger):
    receive(ledger, JULY, "市工信局", {"GX-1": "100", "GX-2": "250.5"}, at="2022-08-03T10:00:00")
    ids = {p.code: p.id for p in ledger.projects(2022)}
    with pytest.raises(StoreError, match="退回须写明原因"):
        ledger.return_reports(JULY, units=["市工信局"], reason="  ")
    assert ledger.return_reports(JULY, project_ids=[ids["GX-2"]], reason="本月完成投资有误") == 1
    state = ledger.review_states(JULY)[ids["GX-2"]]
    assert (state.label, state.reason, state.reviewed_by) == ("退回", "本月完成投资有误", "测试员")
    assert _board(ledger)["市工信局"][:5] == (3, 0, 1, 1, 1)
    (reason,) = [h for h in ledger.history(table="report_reviews") if h.field == "reason"]
    assert reason.new_value == "本月完成投资有误" and "原因：本月完成投资有误" in reason.description
    # the unit sends the corrected file: the returned report waits for review again
    receive(ledger, JULY, "市工信局", {"GX-2": "205.5"}, at="2022-08-06T08:00:00")
    again = ledger.review_states(JULY)[ids["GX-2"]]
    assert (again.label, again.reason, again.late) == ("待审核", None, True)
    assert ledger.monthly_reports(JULY)[ids["GX-2"]].month_investment == Decimal("205.5")
    # the board's 逾期 follows the unit's first return (on time), not the correction
    assert _board(ledger)["市工信局"] == (3, 0, 2, 0, 1, "逾期未报")
    assert [b.returns for b in ledger.return_board(JULY) if b.unit == "市工信局"] == [2]


def test_the_staff_entering_a_report_count_it_as_reviewed(ledger):
    receive(ledger, JULY, "市工信局", {"GX-1": "100", "GX-2": "250.5"}, at="2022-08-03T10:00:00")
    ids = {p.code: p.id for p in ledger.projects(2022)}
    ledger.return_reports(JULY, project_ids=[ids["GX-2"]], reason="数字有误")
    reports = ledger.monthly_reports(JULY)
    # the staff correct GX-2 and fix GX-1's text in the grid; ZJ-1 is entered by them
    ledger.save_monthly_report(
        MonthlyReport(ids["GX-2"], "2022-07", month_investment=Decimal("205"),
                      id=reports[ids["GX-2"]].id, version=reports[ids["GX-2"]].version)
    )  # fmt: skip
    ledger.save_monthly_report(
        MonthlyReport(ids["GX-1"], "2022-07", month_investment=Decimal("100"), progress_text="主体完工")
    )  # fmt: skip
    ledger.save_monthly_report(MonthlyReport(ids["ZJ-1"], "2022-07", month_investment=Decimal("3")))
    states = ledger.review_states(JULY)
    assert [states[ids[c]].label for c in ("GX-1", "GX-2", "ZJ-1")] == [
        "已审核",
        "已审核",
        "项目办录入",
    ]
    assert all(states[ids[c]].reviewed for c in ("GX-1", "GX-2", "ZJ-1"))
    assert states[ids["GX-2"]].reason is None
    assert _board(ledger)["市工信局"][:5] == (3, 2, 0, 0, 1)
    assert _board(ledger)["市住建局"][:5] == (1, 1, 0, 0, 0)
    staff = [
        h for h in ledger.history(table="report_reviews") if h.new_value == "accepted（项目办修改）"
    ]
    assert sorted(h.old_value for h in staff) == ["pending", "returned"]


def test_an_unchanged_staff_save_leaves_the_review_pending(ledger):
    receive(ledger, JULY, "市工信局", {"GX-1": "100"}, at="2022-08-03T10:00:00")
    ids = {p.code: p.id for p in ledger.projects(2022)}
    report = ledger.monthly_reports(JULY)[ids["GX-1"]]
    ledger.save_monthly_report(report)
    assert ledger.review_states(JULY)[ids["GX-1"]].label == "待审核"


def test_timeliness_against_a_hand_count(ledger):
    # 市工信局: May late; June on time (its correction after the deadline does not count
    # again); July on time -> 2 of 3.  东丰县政府: June late -> 0 of 1.  市住建局: no return.
    receive(ledger, Period(2022, 5), "市工信局", {"GX-1": "1"}, at="2022-06-07T17:00:00")
    receive(ledger, Period(2022, 6), "市工信局", {"GX-1": "1"}, at="2022-07-04T09:00:00")
    receive(ledger, Period(2022, 6), "市工信局", {"GX-2": "1"}, at="2022-07-08T10:00:00")
    receive(ledger, JULY, "市工信局", {"GX-1": "1"}, at="2022-08-05T23:59:59")
    receive(ledger, Period(2022, 6), "东丰县政府", {"DF-1": "1"}, at="2022-07-20T09:00:00")
    receive(ledger, Period(2021, 12), "东丰县政府", {"DF-1": "1"}, at="2022-01-04T09:00:00")
    rows = {t.unit: (t.on_time, t.returns, t.rate, t.late_periods) for t in ledger.timeliness(2022)}
    assert rows == {
        "市工信局": (2, 3, Decimal("0.6667"), ("2022-05",)),
        "东丰县政府": (0, 1, Decimal("0"), ("2022-06",)),
        "市住建局": (0, 0, None, ()),
    }
    assert {t.unit: t.rate for t in ledger.timeliness(2021)}["东丰县政府"] == Decimal("1")


def test_closing_a_period_with_reports_not_reviewed_asks_first(ledger):
    receive(ledger, JULY, "市工信局", {"GX-1": "100", "GX-2": "9"}, at="2022-08-03T10:00:00")
    receive(ledger, JULY, "东丰县政府", {"DF-1": "80"}, at="2022-08-03T11:00:00")
    ids = {p.code: p.id for p in ledger.projects(2022)}
    ledger.return_reports(JULY, project_ids=[ids["GX-2"]], reason="数字有误")
    actions = ledger.action_count()
    with pytest.raises(PendingReviews) as asked:
        ledger.close_period(JULY, backup=False)
    assert str(asked.value) == (
        "2022年7月还有 3 条月报未审核：市工信局 待审核 1 条、退回 1 条；东丰县政府 待审核 1 条"
    )
    assert [(p.unit, p.pending, p.returned) for p in ledger.pending_reviews(JULY)] == [
        ("市工信局", 1, 1),
        ("东丰县政府", 1, 0),
    ]
    assert not ledger.is_closed(JULY) and ledger.action_count() == actions
    ledger.close_period(JULY, backup=False, allow_pending=True)
    assert ledger.is_closed(JULY)
    with pytest.raises(PeriodClosed):
        ledger.accept_reports(JULY, units=["市工信局"])
    with pytest.raises(PeriodClosed):
        ledger.return_reports(JULY, units=["东丰县政府"], reason="迟了")
    assert ledger.review_states(JULY)[ids["DF-1"]].label == "待审核"


def test_a_fully_reviewed_period_closes_without_asking(ledger):
    receive(ledger, JULY, "市工信局", {"GX-1": "100"}, at="2022-08-03T10:00:00")
    assert ledger.accept_reports(JULY, units=["工信局"]) == 1  # its short name will do
    assert ledger.pending_reviews(JULY) == []
    assert ledger.close_period(JULY, backup=False).period == "2022-07"


def test_the_waiting_reviews_alone_are_the_pending_and_returned_ones(empty_store):
    from tests.review_fixtures import JULY, receive, with_units

    store = with_units(empty_store)
    receive(store, JULY, "市工信局", {"GX-1": "10", "GX-2": "20"}, at="2022-08-03T09:00:00")
    ids = {p.code: p.id for p in store.projects()}
    store.accept_reports(JULY, project_ids=[ids["GX-1"]])
    every = store.review_states(JULY)
    waiting = store.review_states(JULY, waiting=True)
    assert waiting == {pid: s for pid, s in every.items() if s.state in ("pending", "returned")}
    assert list(waiting) == [ids["GX-2"]]
