"""Clicking a column header sorts as Excel and WPS do in a Chinese locale (issue 14, item 11):
Chinese by pinyin, code-list columns in the code list's order, numbers as numbers, blanks last
— in the ledger table, the monthly grid (which follows it) and the project form's records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop_app.store import MonthlyReport
from desktop_app.ui.models.project import COLUMN_INDEX

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
NAMES = [
    "重庆测试项目",
    "长春测试项目",
    "白城测试项目",
    "安阳测试项目",
    "Alpha测试项目",
    "2号测试项目",
]


@pytest.fixture
def window(make_window, store):
    for name in NAMES:
        store.add_project({"name": name})
    regions, statuses = store.code_names("region"), store.code_names("status")
    for i, project in enumerate(store.projects()[:12]):  # the shipped ones carry neither
        store.update_project(
            project.id,
            {"region": regions[::-1][i % len(regions)], "status": statuses[::-1][i % 4]},
        )
    return make_window(store)


def column(window, key: str) -> list[str]:
    model, col = window.model, COLUMN_INDEX[key]
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_names_sort_by_pinyin_through_the_header(window):
    window.table.sortByColumn(COLUMN_INDEX["name"], ASC)
    names = column(window, "name")
    mine = [n for n in names if n in NAMES]
    # digits, Latin, then 安 ān 白 bái 长 cháng 重 zhòng (Unicode order: 安 白 重 长)
    assert mine == [
        "2号测试项目",
        "Alpha测试项目",
        "安阳测试项目",
        "白城测试项目",
        "长春测试项目",
        "重庆测试项目",
    ]
    assert (
        names.index("长春测试项目")
        < names.index("鑫达钢铁180万吨热轧带钢")
        < names.index("重庆测试项目")
    )
    window.table.sortByColumn(COLUMN_INDEX["name"], DESC)
    assert [n for n in column(window, "name") if n in NAMES] == mine[::-1]


def test_the_monthly_grid_follows_the_ledger_order(window):
    window.table.sortByColumn(COLUMN_INDEX["name"], ASC)
    window.tabs.setCurrentIndex(1)
    grid = window.monthly.model
    assert grid.project_ids() == window.model.visible_ids()
    names = [grid.index(r, 1).data() for r in range(grid.rowCount())]
    assert [n for n in names if n in NAMES][2:] == [
        "安阳测试项目",
        "白城测试项目",
        "长春测试项目",
        "重庆测试项目",
    ]


@pytest.mark.parametrize("key", ["region", "status"])
def test_code_list_columns_sort_in_the_code_list_order_blanks_last(window, key):
    codes = window.store.code_names(key)
    for order in (ASC, DESC):
        window.table.sortByColumn(COLUMN_INDEX[key], order)
        values = column(window, key)
        filled = [v for v in values if v]
        assert values[: len(filled)] == filled  # blanks (the added projects) last
        ranks = [codes.index(v) for v in filled]
        assert ranks == sorted(ranks, reverse=order == DESC)
        assert len(set(filled)) > 2
    if key == "region":  # pinyin or Unicode order would put 东丰县 before 龙山区
        window.table.sortByColumn(COLUMN_INDEX[key], ASC)
        assert column(window, key)[0] == "龙山区"


def test_amounts_sort_as_numbers(window, store, set_amounts):
    for code, total in (("LY2022-001", "900"), ("LY2022-002", "12000"), ("LY2022-003", "100.5")):
        set_amounts(store, code, total, "10")
    window.model.reload()
    window.table.sortByColumn(COLUMN_INDEX["total_investment"], ASC)
    assert column(window, "total_investment")[:3] == ["100.50", "900.00", "12,000.00"]
    window.table.sortByColumn(COLUMN_INDEX["total_investment"], DESC)
    values = column(window, "total_investment")
    assert values[:3] == ["12,000.00", "900.00", "100.50"] and values[-1] == ""


def test_project_form_records_sort_by_header_click(make_window, store):
    project = store.find_project("LY2022-001")
    store.save_monthly_reports(
        [
            MonthlyReport(project.id, "2022-03", Decimal("12000"), 9, "重新设计"),
            MonthlyReport(project.id, "2022-04", Decimal("900.5"), 87.1, "安装"),
            MonthlyReport(project.id, "2022-05", Decimal("100"), None, "长期停工"),
        ]
    )
    window = make_window(store)
    dialog = window.edit_project(project.id)
    view, model = dialog.monthly_view, dialog.monthly_model

    def col(c):
        return [model.index(r, c).data() for r in range(model.rowCount())]

    assert col(0) == ["2022-05", "2022-04", "2022-03"]  # newest first until a header is clicked
    view.sortByColumn(1, ASC)
    assert col(1) == ["100.00", "900.50", "12,000.00"]
    view.sortByColumn(3, DESC)
    assert col(3) == ["87.1%", "9.0%", ""]  # numbers as numbers, the blank last
    view.sortByColumn(4, ASC)
    assert col(4) == ["安装", "长期停工", "重新设计"]


def test_filter_choices_of_leaders_come_in_pinyin_order(window, store):
    leaders = ["重副市长", "长副市长", "白副市长", "安副市长"]  # Unicode: 安 白 重 长
    for project, leader in zip(store.projects()[:4], leaders, strict=True):
        store.update_project(project.id, {"leader": leader})
    window.model.reload()
    assert window.model.distinct("leader") == ["安副市长", "白副市长", "长副市长", "重副市长"]


def test_a_large_ledger_prepares_the_name_sort_while_the_clerk_looks(
    make_window, store, monkeypatch
):
    """Above the background size the pinyin keys of every name are worked out after the rows
    are shown, so the first click on 项目名称 does not pay for them (benchmarks: ≤ 300 ms)."""
    from desktop_app.domain import collation
    from desktop_app.ui import jobs

    store.add_project({"name": "璎珞测试项目"})  # a name no other test sorts
    store.add_project({"name": "长春测试项目"})
    monkeypatch.setattr(jobs, "BACKGROUND_ABOVE", 10)
    collation._MEMO.pop("璎珞测试项目", None)
    window = make_window(store)  # waits for the loads, the preparation among them
    assert collation._MEMO.get("璎珞测试项目") == collation.sort_key("璎珞测试项目")
    window.table.sortByColumn(COLUMN_INDEX["name"], ASC)
    names = column(window, "name")
    assert names.index("长春测试项目") < names.index("璎珞测试项目")  # cháng before yīng
