"""The store API on a real ledger file: every action one transaction, recorded in history."""

from decimal import Decimal as D

import pytest

from desktop_app.domain.derived import Light
from desktop_app.domain.periods import Period
from desktop_app.store import (
    ConflictError,
    Milestone,
    MonthlyReport,
    Problem,
    Store,
    StoreError,
    ValidationFailed,
)


def snapshot_db(store):
    """Every row of every table, to prove an action changed nothing."""
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: store.conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables}


def test_shipped_portfolio_is_loaded(store):
    names = [p.name for p in store.projects()]
    assert "鑫达钢铁180万吨热轧带钢" in names
    assert store.project_count() == len(names) == 51
    assert all(p.total_investment is None and p.annual_plan is None for p in store.projects())
    assert all(p.source == "2022年辽源市政府工作报告" for p in store.projects())
    targets = {i.name: i for i in store.indicators("2022") if i.kind == "目标"}
    assert targets["地区生产总值"].value == 8.5
    assert "东丰县" in store.code_names("region")


def test_add_project_generates_code_and_records_history(store):
    p = store.add_project({"name": "测试新项目", "total_investment": "1,000.5", "region": "龙山区"})
    assert p.code == f"LY{__import__('datetime').date.today().year}-001" or p.code.startswith("LY")
    assert p.total_investment == D("1000.50")
    hist = {(h.field, h.new_value) for h in store.history(table="projects", record_id=p.id)}
    assert ("name", "测试新项目") in hist
    assert ("total_investment", "1000.50") in hist
    assert ("region", "龙山区") in hist
    entry = store.history(table="projects", record_id=p.id)[0]
    assert entry.user == "测试员" and entry.description == "新增项目：测试新项目"


def test_update_records_field_old_and_new(store):
    p = store.find_project("LY2022-001")
    store.update_project(p.id, {"total_investment": D("450000"), "status": "在建", "name": p.name})
    history = store.history(record_id=p.id, table="projects")
    this_edit = [h for h in history if h.action_id == history[0].action_id]
    rows = {(h.field, h.old_value, h.new_value) for h in this_edit}
    assert rows == {("total_investment", None, "450000.00"), ("status", None, "在建")}
    assert store.get_project(p.id).version == p.version + 1


def test_invalid_edit_changes_nothing(store):
    p = store.find_project("LY2022-001")
    before = snapshot_db(store)
    with pytest.raises(ValidationFailed) as info:
        store.update_project(p.id, {"total_investment": D("-5")})
    assert "总投资不能为负数" in str(info.value)
    with pytest.raises(ValidationFailed, match="已被其他项目使用"):
        store.update_project(p.id, {"code": "LY2022-002"})
    with pytest.raises(ValidationFailed, match="计划竣工早于计划开工"):
        store.update_project(p.id, {"planned_start": "2022-05", "planned_end": "2021"})
    assert snapshot_db(store) == before


def test_failure_inside_an_action_rolls_everything_back(store):
    p = store.find_project("LY2022-001")
    before = snapshot_db(store)
    with pytest.raises(RuntimeError), store.action("半途失败的批量编辑"):
        store.update_project(p.id, {"status": "在建"})
        store.add_project({"name": "不应留下的项目"})
        raise RuntimeError("断电")
    assert snapshot_db(store) == before


def test_nested_calls_are_one_action(store):
    count = store.action_count()
    with store.action("批量编辑"):
        for code in ("LY2022-001", "LY2022-002"):
            store.update_project(store.find_project(code).id, {"status": "在建"})
    assert store.action_count() == count + 1


def test_no_op_save_leaves_no_empty_action(store):
    p = store.find_project("LY2022-001")
    count = store.action_count()
    store.update_project(p.id, {"name": p.name})
    assert store.action_count() == count


def test_stale_version_is_refused_with_current_values(store, ledger_path):
    p = store.find_project("LY2022-001")
    with Store.open(ledger_path, user="另一位") as other:
        other.update_project(p.id, {"status": "在建"})
    with pytest.raises(ConflictError) as info:
        store.update_project(p.id, {"status": "前期"}, expected_version=p.version)
    assert info.value.current["status"] == "在建"
    assert store.get_project(p.id).status == "在建"


def test_delete_and_restore_bring_back_everything(store):
    p = store.find_project("LY2022-003")
    store.update_project(p.id, {"annual_plan": "500"})
    store.save_monthly_report(MonthlyReport(p.id, "2022-03", D("120.5"), 30, "主体施工"))
    store.save_milestone(Milestone(p.id, "开工", planned_date="2022-04"))
    store.save_problem(Problem(p.id, "用地指标未落实", department="市自然资源局"))
    before = store.project_snapshot(p.id)
    snap = store.delete_project(p.id)
    assert store.find_project(p.code) is None
    assert store.monthly_reports("2022-03") == {}
    deleted = {(h.table_name, h.field) for h in store.history(limit=50)}
    assert ("projects", "name") in deleted and ("monthly_reports", None) in deleted
    restored = store.restore_project(snap)
    after = store.project_snapshot(restored.id)
    assert after["project"].values() == before["project"].values()
    assert [(r.period, r.month_investment, r.progress_text) for r in after["monthly"]] == [
        ("2022-03", D("120.50"), "主体施工")
    ]
    assert [m.name for m in after["milestones"]] == ["开工"]
    assert [(q.text, q.status) for q in after["problems"]] == [("用地指标未落实", "open")]


def test_monthly_reports_and_figures(store):
    p = store.find_project("LY2022-001")
    store.update_project(p.id, {"annual_plan": "1200", "total_investment": "10000"})
    store.save_monthly_reports(
        [
            MonthlyReport(p.id, "2021-12", D("500")),
            MonthlyReport(p.id, "2022-01", D("100")),
            MonthlyReport(p.id, "2022-02", D("100.25")),
            MonthlyReport(p.id, "2022-04", D("99.75"), progress_pct=35, progress_text="基础施工"),
        ]
    )
    f = store.figures(Period(2022, 4))[p.id]
    assert f.ytd == D("300.00")
    assert f.since_start == D("800.00")
    assert f.annual_rate == D("0.25")
    assert f.total_share == D("0.08")
    assert f.reported and f.month == D("99.75")
    assert f.light == Light.GREEN  # 33.3 - 25 = 8.3 points behind
    f5 = store.figures(Period(2022, 5))[p.id]
    assert not f5.reported and f5.light == Light.YELLOW  # 41.7 - 25 = 16.7 behind
    # changing a report is recorded with old and new values
    store.save_monthly_report(MonthlyReport(p.id, "2022-04", D("80"), 35, "基础施工"))
    h = store.history(table="monthly_reports")[0]
    assert (h.field, h.old_value, h.new_value) == ("month_investment", "99.75", "80.00")


def test_monthly_report_rules(store):
    p = store.find_project("LY2022-001")
    with pytest.raises(ValidationFailed, match="不能为负数"):
        store.save_monthly_report(MonthlyReport(p.id, "2022-04", D("-1")))
    with pytest.raises(ValidationFailed, match="0% 到 100%"):
        store.save_monthly_report(MonthlyReport(p.id, "2022-04", progress_pct=120))
    with pytest.raises(StoreError, match="项目不存在"):
        store.save_monthly_report(MonthlyReport(99999, "2022-04", D("1")))
    assert store.monthly_reports("2022-04") == {}


def test_totals_are_exact_to_the_cent(store):
    ids = []
    for i, amount in enumerate(["0.10", "0.20", "1234567.89", "0.01"]):
        ids.append(store.add_project({"name": f"合计测试{i}", "total_investment": amount}).id)
    assert store.totals(ids)["total_investment"] == D("1234568.20")
    assert store.totals()["total_investment"] == D("1234568.20")


def test_search_matches_pinyin_and_traditional(store):
    assert next(p.name for p in store.list_projects(search="jfsh")).startswith("巨峰生化")
    assert any("鑫达钢铁" in p.name for p in store.list_projects(search="鑫達鋼鐵"))
    assert any("鑫达钢铁" in p.name for p in store.list_projects(search="xinda"))
    assert store.list_projects(search="完全不存在的项目名") == []


def test_problems_and_milestones_edit_with_history(store):
    p = store.find_project("LY2022-001")
    q = store.save_problem(Problem(p.id, "环评未批复", deadline="2022-08"))
    q.status, q.solution, q.solved_on = "solved", "已协调省厅批复", "2022-07-20"
    store.save_problem(q)
    assert store.problems(status="open") == []
    fields = {h.field for h in store.history(table="problems", record_id=q.id)}
    assert {"status", "solution", "solved_on", "text"} <= fields
    m = store.save_milestone(Milestone(p.id, "主体完工", planned_date="2022-10"))
    store.delete_milestone(m.id)
    assert store.milestones(p.id) == []
    with pytest.raises(ValidationFailed):
        store.save_problem(Problem(p.id, "  "))


def test_code_list_in_use_cannot_be_deleted(store):
    p = store.find_project("LY2022-001")
    store.update_project(p.id, {"region": "龙山区"})
    with pytest.raises(StoreError, match="仍被 1 个项目使用"):
        store.delete_code("region", "龙山区")
    store.delete_code("region", "西安区")
    assert "西安区" not in store.code_names("region")


def test_figures_from_running_sums_equal_the_derived_rules(demo_path, tmp_path):
    """The store's fast path (running sums kept on each report) gives exactly what the pure
    rules in domain/derived.py give from the raw monthly amounts, before and after edits."""
    import shutil

    from desktop_app.domain.derived import project_figures

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, path)
    with Store.open(path) as s:
        victim = s.projects()[5]
        reports = s.project_monthly(victim.id)
        s.save_monthly_report(MonthlyReport(victim.id, reports[3].period, D("12345.67")))
        s.delete_monthly_report(victim.id, reports[10].period)
        s.save_monthly_report(MonthlyReport(victim.id, "2019-01", D("1")))  # before all others
        for period in (Period(2022, 6), Period(2021, 1), Period(2020, 12), Period(2019, 6)):
            fast = s.figures(period)
            for p in s.projects(period.year, listed=True):
                monthly = {
                    Period.parse(r.period): r.month_investment for r in s.project_monthly(p.id)
                }
                slow = project_figures(
                    monthly,
                    period,
                    annual_plan=p.annual_plan,
                    total_investment=p.total_investment,
                    planned_start=p.planned_start,
                    actual_start=p.actual_start,
                    status=p.status,
                )
                assert fast[p.id] == slow, (p.code, period)
