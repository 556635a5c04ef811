"""Applying a round of returns (issue 17, item 3): ONE action after a backup, recorded with
every file name; one unit_returns row per file; every report written waits for review."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.periods import Period
from desktop_app.importers.returns import apply_round, preview_round
from desktop_app.store import ConflictError, MonthlyReport, PeriodClosed, Store
from desktop_app.store.backup import list_backups
from tests.returns_round import DONGFENG, GONGXIN, MR, PERIOD, ZHUJIAN


@pytest.fixture
def back(store: Store, tmp_path: Path) -> dict[str, Path]:
    """Three units' filled returns in 收回/ (June reported for LY2022-001)."""
    MR.assign_units(store)
    MR.last_month(store, PERIOD, {"LY2022-001": {"month_investment": Decimal("120")}})
    sent = MR.templates(store, tmp_path / "发出", PERIOD)
    folder = tmp_path / "收回"
    folder.mkdir()
    out = {}
    for unit, values in (
        (GONGXIN, {"LY2022-001": {"本月完成投资": 120}, "LY2022-002": {"本月完成投资": 5}}),
        (ZHUJIAN, {"LY2022-011": {"本月完成投资": 30, "存在问题": "资金未到位"}}),
        (DONGFENG, {"LY2022-021": {"本月完成投资": 8}}),
    ):
        out[unit] = MR.fill(sent[unit], values, to=folder / sent[unit].name)
    return out


def _ids(store: Store, *codes: str) -> list[int]:
    return [store.find_project(c).id for c in codes]


def test_the_round_is_one_action_with_every_file_name_after_a_backup(store, back):
    files = list(back.values())
    backups = len(list_backups(store.path))
    preview = preview_round(store, files, PERIOD, received=dt.date(2022, 8, 6))
    result = apply_round(store, preview)
    assert len(list_backups(store.path)) == backups + 1
    assert list_backups(store.path)[0].reason == "收取月报前：2022-07"
    (action,) = {h.action_id for h in store.history(limit=100) if h.action_id == result.action_id}
    entries = [h for h in store.history(limit=1000) if h.action_id == action]
    assert {h.table_name for h in entries} == {"monthly_reports", "unit_returns", "report_reviews"}
    head = entries[0]
    assert head.description == "收取月度调度（2022-07，3 个文件，4 条）"
    assert head.source == "、".join(f.name for f in files)
    assert result.reports == 4 and result.pending == 4 and result.files == 3
    # nothing else happened in another action since the backup
    assert store.history(limit=1)[0].action_id == action


def test_one_unit_returns_row_per_file(store, back):
    preview = preview_round(
        store, [back[ZHUJIAN], back[GONGXIN]], PERIOD, received=dt.date(2022, 8, 6)
    )
    result = apply_round(store, preview, backup=False)
    rows = store.received_returns(PERIOD)
    assert [(r.unit, r.file_name) for r in rows] == [
        (ZHUJIAN, back[ZHUJIAN].name),
        (GONGXIN, back[GONGXIN].name),
    ]
    assert rows[0].digest == hashlib.sha256(back[ZHUJIAN].read_bytes()).hexdigest()
    assert all(r.late and r.received_at == "2022-08-06" for r in rows)
    assert {r.action_id for r in rows} == {result.action_id}
    assert store.received_returns(Period(2022, 6)) == []


def test_every_report_written_waits_for_review_with_its_warnings(store, back):
    apply_round(
        store,
        preview_round(store, list(back.values()), PERIOD, received=dt.date(2022, 8, 1)),
        backup=False,
    )
    states = store.review_states(PERIOD)
    p1, p2, p11 = _ids(store, "LY2022-001", "LY2022-002", "LY2022-011")
    assert {states[p].state for p in (p1, p2, p11)} == {"pending"}
    assert states[p1].warnings == ("本月完成投资与上月相同（120.00）",)
    assert states[p2].warnings == ()
    assert states[p11].file_name == back[ZHUJIAN].name and states[p11].unit == ZHUJIAN
    assert store.monthly_reports(PERIOD)[p11].problems == "资金未到位"
    june = store.review_states(Period(2022, 6))
    assert june[p1].state == "staff"  # entered by the staff: no review row


def test_a_report_saved_elsewhere_since_the_preview_refuses_the_whole_round(
    store, back, ledger_path
):
    preview = preview_round(store, list(back.values()), PERIOD, received=dt.date(2022, 8, 1))
    (p11,) = _ids(store, "LY2022-011")
    with Store.open(ledger_path, user="乙") as other:
        other.save_monthly_report(MonthlyReport(p11, str(PERIOD), Decimal("1")))
    with pytest.raises(ConflictError, match="已被他人保存"):
        apply_round(store, preview, backup=False)
    assert store.received_returns(PERIOD) == []
    assert set(store.monthly_reports(PERIOD)) == {p11}  # only theirs
    assert store.review_states(PERIOD)[p11].state == "staff"


def test_a_returned_report_is_replaced_by_the_corrected_return(store, back, tmp_path):
    apply_round(
        store,
        preview_round(store, [back[GONGXIN]], PERIOD, received=dt.date(2022, 8, 1)),
        backup=False,
    )
    p1, p2 = _ids(store, "LY2022-001", "LY2022-002")
    assert store.return_reports(PERIOD, reason="与上月完全相同，请核实", project_ids=[p1, p2]) == 2
    assert store.review_states(PERIOD)[p1].state == "returned"
    corrected = MR.fill(
        back[GONGXIN], {"LY2022-001": {"本月完成投资": 95}}, to=tmp_path / "更正.xlsx"
    )
    preview = preview_round(store, [corrected], PERIOD, received=dt.date(2022, 8, 9))
    statuses = {x.code: x.status for x in preview.lines.values() if x.candidates}
    assert statuses == {"LY2022-001": "changed", "LY2022-002": "unchanged"}
    apply_round(store, preview, backup=False)
    states = store.review_states(PERIOD)
    new_return = store.received_returns(PERIOD)[-1]
    assert new_return.file_name == "更正.xlsx" and new_return.late
    for p in (p1, p2):  # the changed one and the one sent back unchanged: both pending again
        assert states[p].state == "pending" and states[p].return_id == new_return.id
        assert states[p].reason is None
    assert store.monthly_reports(PERIOD)[p1].month_investment == Decimal("95.00")


def test_an_accepted_report_sent_again_unchanged_stays_accepted(store, back):
    apply_round(
        store,
        preview_round(store, [back[ZHUJIAN]], PERIOD, received=dt.date(2022, 8, 1)),
        backup=False,
    )
    (p11,) = _ids(store, "LY2022-011")
    store.accept_reports(PERIOD, project_ids=[p11])
    apply_round(
        store,
        preview_round(store, [back[ZHUJIAN]], PERIOD, received=dt.date(2022, 8, 2)),
        backup=False,
    )
    assert store.review_states(PERIOD)[p11].state == "accepted"
    assert len(store.received_returns(PERIOD)) == 2


def test_a_closed_period_takes_no_returns(store, back):
    store.close_period(PERIOD, backup=False)
    preview = preview_round(store, list(back.values()), PERIOD, received=dt.date(2022, 8, 1))
    assert preview.closed
    with pytest.raises(PeriodClosed):
        apply_round(store, preview, backup=False)
    assert store.received_returns(PERIOD) == []


def test_a_blank_template_is_not_counted_as_a_return(store, back, tmp_path):
    sent = MR.templates(store, tmp_path / "再发", PERIOD)
    blank = shutil.copy(sent[DONGFENG], tmp_path / "空白.xlsx")
    preview = preview_round(store, [back[GONGXIN], blank], PERIOD, received=dt.date(2022, 8, 1))
    assert preview.files[1].blank
    result = apply_round(store, preview, backup=False)
    assert result.files == 1
    assert [r.file_name for r in store.received_returns(PERIOD)] == [back[GONGXIN].name]


def _sums(store: Store, period: Period) -> dict[int, tuple[Decimal, Decimal]]:
    return {pid: (f.ytd, f.since_start) for pid, f in store.figures(period).items()}


def _recomputed(store: Store, period: Period) -> dict[int, tuple[Decimal, Decimal]]:
    """The running sums after the store's general refresh of every project."""
    with store.action("测试：重算累计") as action:
        action.running_sums_stale.update(p.id for p in store.projects())
    return _sums(store, period)


def test_the_running_sums_are_those_the_general_refresh_gives(store, back, tmp_path):
    p1, p2, p3 = _ids(store, "LY2022-001", "LY2022-002", "LY2022-003")
    store.save_monthly_reports(
        [
            MonthlyReport(p2, "2021-12", Decimal("1000")),  # last year: in 开工以来 only
            MonthlyReport(p2, "2022-03", Decimal("7.5")),
            MonthlyReport(p3, "2022-08", Decimal("4")),  # a report after the round's period
        ]
    )
    apply_round(
        store,
        preview_round(store, [back[GONGXIN]], PERIOD, received=dt.date(2022, 8, 1)),
        backup=False,
    )
    received = {p: s for p, s in _sums(store, PERIOD).items() if p in (p1, p2)}
    assert received[p1] == (Decimal("240.00"), Decimal("240.00"))  # June 120 + July 120
    assert received[p2] == (Decimal("12.50"), Decimal("1012.50"))
    august = _sums(store, Period(2022, 8))
    assert _recomputed(store, PERIOD) == _sums(store, PERIOD)
    assert _recomputed(store, Period(2022, 8)) == august


def test_a_round_of_an_earlier_month_refreshes_the_months_after_it(store, back, tmp_path):
    (p1,) = _ids(store, "LY2022-001")
    store.save_monthly_report(MonthlyReport(p1, "2022-08", Decimal("1")))
    apply_round(
        store,
        preview_round(store, [back[GONGXIN]], PERIOD, received=dt.date(2022, 8, 1)),
        backup=False,
    )
    assert store.figures(Period(2022, 8))[p1].ytd == Decimal("241.00")  # 120 + 120 + 1
    assert _recomputed(store, Period(2022, 8))[p1] == (Decimal("241.00"), Decimal("241.00"))


def test_a_received_report_has_the_history_of_one_saved_by_hand(store, back):
    apply_round(
        store,
        preview_round(store, [back[ZHUJIAN]], PERIOD, received=dt.date(2022, 8, 1)),
        backup=False,
    )
    (p11, p12) = _ids(store, "LY2022-011", "LY2022-012")
    received = store.monthly_reports(PERIOD)[p11]
    store.save_monthly_report(
        MonthlyReport(
            p12,
            str(PERIOD),
            received.month_investment,
            problems=received.problems,
            reporter=received.reporter,
            report_date=received.report_date,
        )
    )
    by_hand = store.monthly_reports(PERIOD)[p12]

    def history(report_id: int) -> set[tuple[str | None, str | None]]:
        return {
            (h.field, h.new_value)
            for h in store.history(table="monthly_reports", record_id=report_id)
            if h.field != "project_period"
        }

    assert (
        history(received.id)
        == history(by_hand.id)
        == {
            ("month_investment", "30.00"),
            ("problems", "资金未到位"),
            ("reporter", "张三"),
            ("report_date", "2022-08-03"),
        }
    )
    assert (received.version, received.is_sample) == (by_hand.version, by_hand.is_sample)
