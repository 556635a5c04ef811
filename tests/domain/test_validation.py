from decimal import Decimal as D

from desktop_app.domain.validation import validate_project


def messages(issues):
    return {(i.field, i.severity): i.message for i in issues}


def test_a_good_project_passes():
    assert (
        validate_project({"name": "项目", "total_investment": D(100), "annual_plan": D(50)}) == []
    )


def test_rules_in_plain_chinese():
    issues = messages(
        validate_project(
            {
                "name": " ",
                "total_investment": D(-1),
                "annual_plan": D(5),
                "planned_start": "2022-05",
                "planned_end": "2022-03",
                "region": "火星区",
                "lists": ["不存在的清单"],
                "code": "LY2022-001",
            },
            code_exists=lambda kind, name: name in {"龙山区"},
            code_taken=lambda code: True,
        )
    )
    assert messages and issues[("name", "error")] == "项目名称不能为空"
    assert issues[("total_investment", "error")] == "总投资不能为负数"
    assert issues[("annual_plan", "warning")] == "年度计划投资大于总投资，请核对"
    assert issues[("planned_end", "error")] == "计划竣工早于计划开工"
    assert issues[("region", "error")] == "所属县区“火星区”不在代码表中"
    assert issues[("lists", "error")] == "项目清单“不存在的清单”不在代码表中"
    assert issues[("code", "error")] == "项目编号“LY2022-001”已被其他项目使用"


def test_end_in_the_same_month_as_start_is_fine():
    assert (
        validate_project({"name": "x", "actual_start": "2022-03-20", "actual_end": "2022-03"}) == []
    )
