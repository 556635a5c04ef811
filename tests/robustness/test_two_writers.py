"""Two windows or two instances on one ledger never overwrite each other's edit silently."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop_app.store import ConflictError, Milestone, MonthlyReport, Store

ROOT = Path(__file__).resolve().parents[2]


def test_stale_project_save_is_refused_showing_both_values(ledger_path):
    mine, theirs = Store.open(ledger_path, user="甲"), Store.open(ledger_path, user="乙")
    try:
        p = mine.find_project("LY2022-001")
        theirs.update_project(p.id, {"total_investment": "800000", "leader": "王市长"})
        with pytest.raises(ConflictError) as err:
            mine.update_project(
                p.id, {"total_investment": "650000", "leader": "李市长"}, expected_version=p.version
            )
        text = str(err.value)
        assert "已被他人修改" in text and "未保存" in text
        assert "总投资：您填写“650,000.00”，对方已保存“800,000.00”" in text
        assert "包保市级领导：您填写“李市长”，对方已保存“王市长”" in text
        assert err.value.current["leader"] == "王市长"
        assert mine.get_project(p.id).total_investment == Decimal("800000.00")  # theirs stays
    finally:
        mine.close()
        theirs.close()


def test_conflict_on_a_field_the_user_did_not_touch_is_still_refused(ledger_path):
    with Store.open(ledger_path) as mine, Store.open(ledger_path) as theirs:
        p = mine.find_project("LY2022-002")
        theirs.update_project(p.id, {"owner": "对方单位"})
        with pytest.raises(ConflictError) as err:
            mine.update_project(p.id, {"scope": "我的内容"}, expected_version=p.version)
        assert "对方修改了建设单位（“对方单位”）。" in str(err.value)
        assert "建设内容" not in str(err.value)


def test_stale_monthly_report_is_refused_when_versions_are_checked(ledger_path):
    with Store.open(ledger_path) as mine, Store.open(ledger_path) as theirs:
        pid = mine.find_project("LY2022-003").id
        first = mine.save_monthly_report(MonthlyReport(pid, "2022-05", Decimal("10")))
        theirs.save_monthly_report(MonthlyReport(pid, "2022-05", Decimal("30")))
        stale = MonthlyReport(pid, "2022-05", Decimal("20"), id=first.id, version=first.version)
        with pytest.raises(ConflictError) as err:
            mine.save_monthly_reports([stale], check_versions=True)
        assert "本月完成投资：您填写“20.00”，对方已保存“30.00”" in str(err.value)
        assert mine.monthly_reports("2022-05")[pid].month_investment == Decimal("30.00")
        # a report someone else created meanwhile is not silently replaced either
        new = MonthlyReport(pid, "2022-04", Decimal("1"))
        theirs.save_monthly_report(MonthlyReport(pid, "2022-04", Decimal("2")))
        with pytest.raises(ConflictError):
            mine.save_monthly_report(new, check_version=True)


def test_stale_milestone_save_is_refused(ledger_path):
    with Store.open(ledger_path) as mine, Store.open(ledger_path) as theirs:
        pid = mine.find_project("LY2022-004").id
        m = mine.save_milestone(Milestone(pid, "开工"))
        theirs.save_milestone(Milestone(pid, "主体开工", id=m.id, version=m.version))
        with pytest.raises(ConflictError):
            mine.save_milestone(Milestone(pid, "正式开工", id=m.id, version=m.version))


WORKER = """
import sys
from desktop_app.store import ConflictError, Store
store = Store.open(sys.argv[1], user=sys.argv[2])
pid = store.find_project("LY2022-001").id
done = conflicts = 0
while done < int(sys.argv[3]):
    p = store.get_project(pid)
    try:
        store.update_project(pid, {"annual_plan": (p.annual_plan or 0) + 1}, expected_version=p.version)
        done += 1
    except ConflictError:
        conflicts += 1
print(conflicts)
"""


def test_two_processes_incrementing_the_same_project_lose_no_update(ledger_path):
    """Read, add one, save with the version read; retry when refused.  No increment lost."""
    n = 60
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(ledger_path), name, str(n)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for name in ("甲", "乙")
    ]
    conflicts = [int(p.communicate(timeout=120)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    with Store.open(ledger_path) as s:
        project = s.find_project("LY2022-001")
        assert project.annual_plan == Decimal(2 * n)
        assert project.version == 1 + 2 * n
        edits = [h for h in s.history(project_id=project.id) if h.field == "2022.annual_plan"]
        assert len(edits) == 2 * n
    print(f"\ntwo writers: {2 * n} increments, {sum(conflicts)} stale saves refused and retried")


def test_form_shows_both_values_and_keeps_the_input(make_window, store, ledger_path):
    window = make_window(store)
    project = store.find_project("LY2022-006")
    dialog = window.edit_project(project.id)
    with Store.open(ledger_path, user="另一位") as other:
        other.update_project(project.id, {"owner": "对方填写的业主"})
    owner = dialog.editors["owner"]
    assert isinstance(owner, QLineEdit)
    owner.setText("我填写的业主")
    assert not dialog.try_save()
    banner = dialog.banner.text()
    assert "您填写“我填写的业主”" in banner and "对方已保存“对方填写的业主”" in banner
    assert dialog.isVisible() and owner.text() == "我填写的业主"  # nothing typed is lost
    assert store.get_project(project.id).owner == "对方填写的业主"
    dialog.ask_unsaved = lambda: "discard"  # the user gives up; closes without asking
    dialog.reject()
