"""``keyprojects units``: the unit directory from the command line and from a simple sheet
(issue 17, item 1)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop_app.importers import ImportRefused
from desktop_app.importers.units import read_units
from desktop_app.store import Store


def _sheet(path, header, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["辽源市重点项目责任单位通讯录"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def ledger_with_units(empty_store):
    for code, unit in (("A-1", "市工信局"), ("A-2", "东丰县政府"), ("A-3", "市工信局")):
        empty_store.add_project({"code": code, "name": f"项目{code}", "department": unit})
    path = empty_store.path
    empty_store.close()
    return path


def test_an_address_list_fills_the_directory(ledger_with_units, tmp_path, run):
    sheet = _sheet(
        tmp_path / "通讯录.xlsx",
        ["序号", "单位名称", "简称", "联系人", "联系电话"],
        [[1, "市工信局", "工信局", "王明", "0437-3210001"], [2, "东丰县政府", None, "李华", 13800001111],
         [None, None, None, None, None], [3, "市财政局", None, None, "0437-3210003"]],
    )  # fmt: skip
    done = run("units", "import", sheet, "--db", ledger_with_units)
    assert done.exit_code == 0, done.output
    assert "新增 3 个，补全 0 个（来源：通讯录.xlsx）" in done.output  # two were unlisted
    listed = run("units", "list", "--db", ledger_with_units, "--json")
    units = {u["name"]: u for u in json.loads(listed.output)}
    assert units["市工信局"]["short_name"] == "工信局" and units["市工信局"]["projects"] == 2
    assert units["东丰县政府"]["phone"] == "13800001111"  # a number cell keeps its digits
    assert units["市财政局"]["listed"] and units["市财政局"]["projects"] == 0


def test_a_sheet_without_a_unit_column_is_refused_with_what_is_missing(tmp_path):
    path = _sheet(tmp_path / "x.xlsx", ["项目名称", "总投资"], [["甲", 1]])
    with pytest.raises(ImportRefused, match="应有“单位名称”"):
        read_units(path)


def test_set_renames_with_the_projects_and_deadline_is_a_setting(ledger_with_units, tmp_path, run):
    done = run("units", "set", "市工信局", "--contact", "王明", "--db", ledger_with_units)
    assert done.exit_code == 0 and "已保存责任单位：市工信局（王明，无电话）" in done.output
    again = run("units", "import", _sheet(tmp_path / "u.xlsx", ["单位名称", "电话"],
                [["市工信局", "0437-3210001"]]), "--db", ledger_with_units)  # fmt: skip
    assert "新增 0 个，补全 1 个" in again.output
    renamed = run("units", "set", "市工信局", "--rename", "辽源市工业和信息化局",
                  "--db", ledger_with_units)  # fmt: skip
    assert renamed.exit_code == 0, renamed.output
    with Store.open(ledger_with_units) as store:
        assert sorted(p.department for p in store.projects()) == [
            "东丰县政府", "辽源市工业和信息化局", "辽源市工业和信息化局"
        ]  # fmt: skip
    bad = run("units", "set", "市工信局", "--phone", "请打电话", "--db", ledger_with_units)
    assert bad.exit_code != 0 and "电话“请打电话”应为数字" in bad.output
    deadline = run("units", "deadline", "--day", "10", "--contact", "规划科 张",
                   "--db", ledger_with_units)  # fmt: skip
    assert "月报截止日：次月 10 日；项目办联系人：规划科 张" in deadline.output
    with Store.open(ledger_with_units) as store:
        assert str(store.report_deadline("2022-07")) == "2022-08-10"
