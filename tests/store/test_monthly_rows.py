"""Store.monthly_rows: the compact report loader behind the monthly grid."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport, Store


def test_rows_give_the_same_reports_as_monthly_reports(store):
    a, b, c = (store.find_project(f"LY2022-00{i}").id for i in (1, 2, 3))
    store.save_monthly_reports(
        [
            MonthlyReport(
                a, "2022-06", Decimal("1234.56"), 45.5, "主体施工", "进展", "用地", "张三"
            ),
            MonthlyReport(b, "2022-06", None, None, None, None, None),
            MonthlyReport(c, "2022-05", Decimal("10")),
        ]
    )
    rows = store.monthly_rows(Period(2022, 6))
    assert set(rows) == {a, b}
    assert {pid: Store.report_from_row(r) for pid, r in rows.items()} == store.monthly_reports(
        "2022-06"
    )
    row = dict(zip(Store.MONTHLY_ROW_COLUMNS, rows[a], strict=True))
    assert row["month_investment"] == 123456  # whole 百元
    assert row["progress_text"] == "主体施工"
    assert store.monthly_rows("2022-06", [b, c]).keys() == {b}
    assert store.monthly_rows("2022-06", []) == {}
    assert store.reported_ids("2022-06") == {a, b}
    assert store.reported_ids("2022-04") == set()


def test_rows_match_on_the_sample_ledger(demo_path):
    demo = Store.open(demo_path)
    try:
        period = demo.default_period()
        rows = demo.monthly_rows(period)
        assert len(rows) > 100
        reports = demo.monthly_reports(period)
        assert {pid: Store.report_from_row(r) for pid, r in rows.items()} == reports
        assert demo.reported_ids(period) == reports.keys()
    finally:
        demo.close()
