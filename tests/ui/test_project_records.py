"""The project form's records: the change history reads in Chinese as the form shows values
(issue 14, item 7), and problems show when they were raised (item 13)."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop_app.reports import problems as problem_report
from desktop_app.store import MonthlyReport, Store

ENGLISH = re.compile(r"[A-Za-z_]{3,}")


def cells(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_history_tab_shows_fields_values_and_the_report_by_their_chinese_names(make_window, store):
    project = store.find_project("LY2022-001")
    store.update_project(project.id, {"lists": ["在建如期投产项目", "建链强链延链补链项目"]})
    store.update_project(project.id, {"annual_plan": Decimal("12000")})
    store.save_monthly_report(MonthlyReport(project.id, "2026-12", Decimal("12000"), 50.0))
    window = make_window(store)
    dialog = window.edit_project(project.id)
    model = dialog.history_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["时间", "修改人", "操作", "对象", "字段", "原值", "新值"]
    rows = cells(model)
    assert ["月度调度 · 2026年12月", "本月完成投资", "", "12,000.00"] in [r[3:] for r in rows]
    assert ["项目", "年度计划投资（2022年）", "", "12,000.00"] in [r[3:] for r in rows]
    assert [
        "项目",
        "项目清单（2022年）",
        "建链强链延链补链项目",
        "在建如期投产项目、建链强链延链补链项目",
    ] in [r[3:] for r in rows]
    for row in rows:
        for cell in row:
            assert not ENGLISH.search(cell), row
    dialog.tabs.setCurrentIndex(4)
    dialog.resize(1000, 600)
    dialog.grab().save("/tmp/project_history_tab.png")


def test_problems_tab_and_problem_report_show_when_a_problem_was_raised(
    make_window, demo_copy, tmp_path
):
    """The sample ledger's problems carry 提出时间 (they had none: an empty column)."""
    with Store.open(demo_copy, user="测试员") as demo:
        problems = demo.problems(status="open")
        assert problems and all(p.raised_on for p in problems)
        path = tmp_path / "问题清单.xlsx"
        problem_report.write_problems(demo, path)
        from tests.reports.conftest import read_rows

        rows = read_rows(path)
        header = next(r for r in rows if "提出时间" in r)
        col = header.index("提出时间")
        body = [r for r in rows[rows.index(header) + 1 :] if isinstance(r[0], int | float) and r[0]]
        assert len(body) == len(problems)
        assert all(re.fullmatch(r"\d{4}年\d{1,2}月", r[col]) for r in body), body[:3]

        window = make_window(demo)
        dialog = window.edit_project(problems[0].project_id)
        model = dialog.problem_model
        col = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ].index("提出日期")
        assert model.index(0, col).data() == problems[0].raised_on
