"""The change history as shown: every field and value in Chinese, as the forms show them
(views.history over real changes made through the store)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from desktop_app.domain.fields import MONTHLY_FIELDS, PROJECT_FIELDS
from desktop_app.store import Milestone, MonthlyReport, Problem
from desktop_app.views.history import HistoryLine, ledger_history, project_history

ENGLISH = re.compile(r"[A-Za-z_]{3,}")


def find(lines: list[HistoryLine], **want: str) -> HistoryLine:
    found = [line for line in lines if all(getattr(line, k) == v for k, v in want.items())]
    assert found, f"no line {want} among {[line.cells for line in lines]}"
    return found[0]


def test_a_list_a_monthly_report_and_an_amount_read_as_the_form_shows_them(store):
    project = store.find_project("LY2022-001")
    store.update_project(project.id, {"lists": ["在建如期投产项目", "建链强链延链补链项目"]})
    store.update_project(project.id, {"total_investment": Decimal("12000")})
    store.save_monthly_report(
        MonthlyReport(project.id, "2026-12", Decimal("12000"), 87.1, "主体施工")
    )

    lines = project_history(store, project.id)

    lists = find(lines, field="项目清单（2022年）", action="编辑项目：鑫达钢铁180万吨热轧带钢")
    assert (lists.subject, lists.old, lists.new) == (
        "项目",
        "建链强链延链补链项目",
        "在建如期投产项目、建链强链延链补链项目",
    )
    total = find(lines, field="总投资")
    assert (total.old, total.new) == ("", "12,000.00")
    month = find(lines, subject="月度调度 · 2026年12月", field="本月完成投资")
    assert month.new == "12,000.00"
    assert find(lines, subject="月度调度 · 2026年12月", field="形象进度(%)").new == "87.1%"
    created = find(lines, subject="月度调度 · 2026年12月", field="调度期间")
    assert created.new == "2026年12月"
    assert all(not line.at.count("T") for line in lines)

    # the whole ledger's history names the project on each line
    everywhere = ledger_history(store, limit=20)
    month = find(everywhere, field="本月完成投资")
    assert month.subject == "LY2022-001 鑫达钢铁180万吨热轧带钢 · 月度调度 · 2026年12月"


def _every_field(store) -> int:
    """A project with every field given, changed in every field; a monthly report, a key
    node and a problem likewise; then a report and a node deleted.  Returns the project id."""
    codes = {kind: store.code_names(kind) for kind in ("region", "sector", "chain", "nature")}
    first = {
        "code": "LY2026-901",
        "name": "东辽河治理工程",
        "owner": "市水务集团",
        **{kind: names[0] for kind, names in codes.items()},
        "lists": [store.code_names("list")[0]],
        "scope": "河道治理十公里",
        "total_investment": Decimal("12000"),
        "annual_plan": Decimal("3000.5"),
        "planned_start": "2026-03",
        "planned_end": "2027-10",
        "actual_start": "2026-04",
        "actual_end": "2027-11-30",
        "status": "在建",
        "leader": "王副市长",
        "department": "市水利局",
        "secretary": "李秘书",
        "problems": "征地未完成",
        "measures": "加快征地",
        "source": "年度计划",
    }
    assert set(first) == {f.name for f in PROJECT_FIELDS}
    project = store.add_project(first)
    second = {
        **first,
        "code": "LY2026-902",
        "name": "东辽河综合治理工程",
        "owner": "市城投集团",
        **{kind: names[1] for kind, names in codes.items()},
        "lists": store.code_names("list")[:2],
        "scope": "河道治理十二公里",
        "total_investment": Decimal("15000"),
        "annual_plan": Decimal("4000"),
        "planned_start": "2026-04",
        "planned_end": "2027-12",
        "actual_start": "2026-05",
        "actual_end": "2027-12-31",
        "status": "竣工",
        "leader": "赵副市长",
        "department": "市住建局",
        "secretary": "周秘书",
        "problems": "征地已完成",
        "measures": "按期推进",
        "source": "调度会议",
    }
    store.update_project(project.id, second)
    report = MonthlyReport(
        project.id, "2026-12", Decimal("1200"), 40.0, "主体施工", "厂房封顶", "缺少用工",
        "张三", "2026-12-05",
    )  # fmt: skip
    assert {f.name for f in MONTHLY_FIELDS} <= set(report.__slots__)
    store.save_monthly_report(report)
    store.save_monthly_report(
        replace(report, month_investment=Decimal("1300"), progress_pct=45.5,
                progress_text="设备安装", progress_notes="设备进场", problems="资金紧张",
                reporter="李四", report_date="2026-12-06")
    )  # fmt: skip
    store.save_monthly_report(MonthlyReport(project.id, "2026-11", Decimal("800"), 30.0))
    node = store.save_milestone(
        Milestone(project.id, "开工", "2026-03", "2026-04", "市水利局", "按期", 1)
    )
    store.save_milestone(
        replace(node, name="主体完工", planned_date="2026-09", actual_date="2026-10",
                department="市住建局", note="延后", sort_order=2)
    )  # fmt: skip
    problem = store.save_problem(
        Problem(project.id, "用地指标不足", "自然资源局", "2027-01", "open", "协调中",
                "2026-12", None)
    )  # fmt: skip
    store.save_problem(
        replace(problem, text="用地指标不足（已调剂）", department="市发改委",
                deadline="2027-02", status="solved", solution="已调剂指标",
                raised_on="2026-11", solved_on="2026-12-20")
    )  # fmt: skip
    store.delete_monthly_report(project.id, "2026-11")
    gone = store.save_milestone(Milestone(project.id, "试运行", "2027-06"))
    store.delete_milestone(gone.id)
    return project.id


def test_no_english_identifier_in_any_cell_of_a_history_of_every_field(store):
    project_id = _every_field(store)

    lines = project_history(store, project_id)
    shown_fields = {line.field.partition("（")[0] for line in lines}  # 年度计划投资（2022年）
    labels = {f.label for f in PROJECT_FIELDS} | {f.label for f in MONTHLY_FIELDS}
    assert labels <= shown_fields  # the history covers every field of both forms
    assert {"节点名称", "计划完成", "排列顺序", "状态", "提出日期", "解决日期"} <= shown_fields
    everywhere = ledger_history(store, limit=500)
    deleted = find(everywhere, action="删除月度调度：2026年11月")
    assert deleted.subject == "LY2026-902 东辽河综合治理工程 · 月度调度 · 2026年11月"
    assert deleted.field == "整条记录"
    assert deleted.old == "本月完成投资：800.00；形象进度(%)：30%"
    gone_node = find(everywhere, action="删除节点", field="节点名称")
    assert gone_node.subject == "LY2026-902 东辽河综合治理工程 · 关键节点 · 试运行"
    assert gone_node.old == "试运行"
    node = find(lines, field="节点名称", new="主体完工")
    assert (node.subject, node.old) == ("关键节点 · 主体完工", "开工")

    for line in lines + everywhere:
        for cell in line.cells:
            assert not ENGLISH.search(cell), (cell, line)
    solved = find(lines, field="状态", new="已解决")
    assert solved.old == "未解决"
    assert solved.subject == "问题 · 用地指标不足（已调剂）"
    assert find(lines, field="年度计划投资（2022年）", old="").new == "3,000.50"
    assert find(lines, field="所属项目", subject="问题 · 用地指标不足（已调剂）").new == (
        "LY2026-902 东辽河综合治理工程"
    )


def test_a_deleted_projects_year_values_are_still_named_by_the_project(store):
    project = store.find_project("LY2022-001")
    store.update_project(project.id, {"annual_plan": Decimal("3000.5")})
    store.delete_project(project.id)

    everywhere = ledger_history(store, limit=50)
    plan = find(everywhere, field="年度计划投资（2022年）", new="3,000.50")
    assert plan.subject == "LY2022-001 鑫达钢铁180万吨热轧带钢"
