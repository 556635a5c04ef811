"""问题清单 grouped orders its groups as a Chinese office expects: 县区 in the code list's own
order, leaders and units by pinyin — not by Unicode (issue 14, item 11)."""

from __future__ import annotations

from desktop_app.reports.problems import write_problems
from desktop_app.store import Problem

from .conftest import read_rows

LEADERS = ["重副市长", "长副市长", "白副市长", "安副市长"]  # Unicode: 安 白 重 长


def _setup(store):
    regions = store.code_names("region")
    projects = store.projects()[:8]
    for i, project in enumerate(projects):
        store.update_project(
            project.id, {"leader": LEADERS[i % 4], "region": regions[::-1][i % len(regions)]}
        )
        store.save_problem(Problem(project.id, f"问题{i}", raised_on="2022-05"))
    return regions


def test_problem_list_groups_by_region_in_code_list_order_and_leaders_by_pinyin(store, tmp_path):
    regions = _setup(store)
    for group_by, expected in (
        ("region", [r for r in regions if r in set(regions[::-1][:8])]),
        ("leader", ["安副市长", "白副市长", "长副市长", "重副市长"]),
    ):
        path = tmp_path / f"{group_by}.xlsx"
        write_problems(store, path, group_by=group_by)
        sections = [
            cell.split("（")[0].split("、", 1)[-1]
            for row in read_rows(path)
            for cell in row
            if isinstance(cell, str) and cell.endswith("个问题）")
        ]
        assert sections == expected
