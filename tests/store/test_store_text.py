"""The store keeps no control, direction or invisible character, whoever calls it (issue 12,
item 8): the importers and the form say what they remove; the store is the last line."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.store import CodeEntry, Milestone, MonthlyReport, Problem

NASTY = "\x1b[31m鑫达\x00钢铁\u202e\u200b\x07"


def test_project_text_is_cleaned_and_multiline_fields_keep_their_lines(store):
    p = store.add_project({"name": NASTY, "owner": "业主\nA", "scope": "一期\n二期\x1b"})
    assert p.name == "[31m鑫达钢铁"
    assert p.owner == "业主 A"  # a single-line field: the line break becomes a space
    assert p.scope == "一期\n二期"  # a multi-line field keeps its lines
    q = store.update_project(
        p.id, {"lists": ["\u202e对接项目", "对接项目"]}, expected_version=p.version
    )
    assert q.lists == ["对接项目"]


def test_monthly_reports_and_child_records_are_cleaned(store):
    pid = store.find_project("LY2022-001").id
    saved = store.save_monthly_report(
        MonthlyReport(
            pid, "2022-06", Decimal("1"), progress_text="主体\x00施工", problems="甲\n乙\x07"
        )
    )
    assert saved.progress_text == "主体施工" and saved.problems == "甲\n乙"
    assert store.save_milestone(Milestone(pid, "开工\u202e")).name == "开工"
    assert store.save_problem(Problem(pid, "用地\x1b\n未批")).text == "用地\n未批"
    store.save_code(CodeEntry("region", "东丰县\x00"))
    assert "东丰县" in store.code_names("region")
    assert not any("\x00" in name for name in store.code_names("region"))
