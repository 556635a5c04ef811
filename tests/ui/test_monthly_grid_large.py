"""The monthly grid on the 300-project sample ledger: every row shows its own report, also
past the first batch of rows read, and the summary line counts the whole period."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.money import format_wan
from desktop_app.store import Store
from desktop_app.ui.monthly.grid import GRID_INDEX


def test_every_row_shows_its_report_and_the_summary_counts_the_period(make_window, demo_copy):
    store = Store.open(demo_copy)
    try:
        window = make_window(store)
        window.tabs.setCurrentIndex(1)
        window.wait_loaded()
        grid = window.monthly
        period = window.current_period()
        reports = store.monthly_reports(period)
        ids = grid.model.project_ids()
        assert len(ids) == 300 and 0 < len(reports) < 300
        for row in reversed(range(len(ids))):  # from the bottom: rows read out of order
            report = reports.get(ids[row])
            cells = {
                key: grid.model.index(row, GRID_INDEX[key]).data()
                for key in ("month_investment", "progress_text", "reported")
            }
            if report is None:
                assert cells == {"month_investment": "", "progress_text": "", "reported": "未上报"}
            else:
                assert cells["reported"] == "已上报"
                money = report.month_investment
                assert cells["month_investment"] == ("" if money is None else format_wan(money))
                assert cells["progress_text"] == (report.progress_text or "")
        month = sum((r.month_investment or Decimal(0) for r in reports.values()), Decimal(0))
        summary = grid.summary.text()
        assert f"已上报 {len(reports):,} 个" in summary
        assert f"未上报 {300 - len(reports):,} 个" in summary
        assert f"本月完成投资 {format_wan(month)} 万元" in summary

        # a row far past the first batch: typing saves it and the row shows it at once
        row = 290
        pid = ids[row]
        index = grid.model.index(row, GRID_INDEX["progress_text"])
        assert grid.model.setData(index, "试运行")
        assert store.monthly_reports(period)[pid].progress_text == "试运行"
        assert index.data() == "试运行"
        assert grid.model.index(row, GRID_INDEX["reported"]).data() == "已上报"
        window.close()
    finally:
        store.close()
