"""Monthly return templates: one per responsible unit, identity locked, inputs validated,
and a filled template comes back as monthly reports."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from desktop_app.domain.periods import Period
from desktop_app.importers import ImportRefused, apply_preview, open_import, preview_file
from desktop_app.reports.template import (
    META_SHEET,
    reporting_status,
    units,
    write_template,
    write_templates,
)

from .conftest import read_rows

JULY = Period(2022, 7)


@pytest.fixture
def unit_and_template(demo_store, tmp_path):
    unit, count = units(demo_store)[0]
    path = tmp_path / "模板.xlsx"
    result = write_template(demo_store, path, period=JULY, unit=unit)
    assert result.items == count
    return unit, path


def test_template_lists_the_units_projects_with_locked_identity(demo_store, unit_and_template):
    unit, path = unit_and_template
    book = openpyxl.load_workbook(path)
    ws = book["月度调度填报"]
    assert book[META_SHEET].sheet_state == "hidden"
    meta = {r[0].value: r[1].value for r in book[META_SHEET].iter_rows()}
    assert meta["期间"] == "2022-07" and meta["责任单位"] == unit
    assert ws.protection.sheet
    assert ws["A1"].value == "2022年7月重点项目月度调度填报表"
    assert ws["A2"].value == f"填报单位：{unit}"
    assert "填报说明" in ws["A3"].value
    codes = [ws.cell(r, 2).value for r in range(6, ws.max_row + 1)]
    expected = sorted(p.code for p in demo_store.projects() if p.department == unit)
    assert sorted(codes) == expected
    for col in range(1, 7):  # 序号 .. 截至上月本年累计: locked
        assert ws.cell(6, col).protection.locked
    for col in range(7, 14):  # the inputs: unlocked
        assert not ws.cell(6, col).protection.locked
    ranges = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    last = ws.max_row
    amount, pct = ranges[f"G6:G{last}"], ranges[f"H6:H{last}"]
    assert (amount.type, amount.operator, amount.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert (pct.type, pct.formula1, pct.formula2) == ("decimal", "0", "100")
    assert amount.showErrorMessage and "万元" in amount.error
    assert ranges[f"M6:M{last}"].type == "date"


def test_one_template_per_unit(demo_store, tmp_path):
    results = write_templates(demo_store, tmp_path, period=JULY)
    assert len(results) == len(units(demo_store))
    assert sum(r.items for r in results) == demo_store.project_count()
    assert all(r.path.name.startswith("月度调度填报_2022-07_") for r in results)
    with pytest.raises(ValueError, match="没有责任单位"):
        write_templates(demo_store, tmp_path, period=JULY, only=["不存在的局"])


def fill(path, values: dict[str, dict[str, object]], out) -> None:
    """Type into a template as a unit would (Excel keeps the protection)."""
    book = openpyxl.load_workbook(path)
    ws = book["月度调度填报"]
    columns = {ws.cell(5, c).value or ws.cell(4, c).value: c for c in range(1, ws.max_column + 1)}
    for row in range(6, ws.max_row + 1):
        code = ws.cell(row, 2).value
        for header, value in values.get(code, {}).items():
            ws.cell(row, columns[header]).value = value
    book.save(out)


def test_filled_template_imports_as_monthly_reports(demo_store, unit_and_template, tmp_path):
    unit, path = unit_and_template
    codes = [r[1] for r in read_rows(path)[5:]]
    filled = tmp_path / "东丰县已填.xlsx"
    fill(
        path,
        {
            codes[0]: {"本月完成投资": 1250.5, "形象进度(%)": 65, "形象进度": "主体施工",
                       "进展情况": "完成主体三层", "填报人": "王五", "填报日期": "2022-07-05"},
            codes[1]: {"本月完成投资": "0", "存在问题": "资金到位不足"},
        },
        filled,
    )  # fmt: skip
    before = demo_store.action_count()
    preview = preview_file(demo_store, filled)
    assert preview.kind == "monthly" and preview.period == JULY and preview.unit == unit
    assert [r.status for r in preview.rows] == ["new", "new"]
    assert preview.skipped["unfilled"] == len(codes) - 2
    result = apply_preview(demo_store, preview)
    assert (result.added, result.changed) == (2, 0)
    assert demo_store.action_count() == before + 1
    by_code = {p.code: p.id for p in demo_store.projects()}
    july = demo_store.monthly_reports(JULY)
    first = july[by_code[codes[0]]]
    assert first.month_investment == Decimal("1250.50") and first.progress_pct == 65
    assert (first.progress_text, first.reporter, first.report_date) == (
        "主体施工",
        "王五",
        "2022-07-05",
    )
    assert july[by_code[codes[1]]].month_investment == Decimal(0)
    assert demo_store.history(limit=1)[0].source == "东丰县已填.xlsx"
    status = {s.unit: s for s in reporting_status(demo_store, JULY)}
    assert status[unit].reported == 2 and status[unit].label.startswith("部分已报")
    # the same file again changes nothing; a corrected figure is a change
    again = preview_file(demo_store, filled)
    assert [r.status for r in again.rows] == ["unchanged", "unchanged"]
    fill(path, {codes[0]: {"本月完成投资": 1300}}, tmp_path / "改.xlsx")
    changed = preview_file(demo_store, tmp_path / "改.xlsx")
    (row,) = changed.changed
    assert row.detail == "本月完成投资：1,250.50 → 1,300.00"


def test_template_with_bad_numbers_is_refused_row_by_row(demo_store, unit_and_template, tmp_path):
    _unit, path = unit_and_template
    codes = [r[1] for r in read_rows(path)[5:]]
    bad = tmp_path / "错.xlsx"
    fill(path, {codes[0]: {"本月完成投资": "约500万"}, codes[1]: {"形象进度(%)": 150}}, bad)
    preview = preview_file(demo_store, bad)
    reasons = {r.row: r.detail for r in preview.rejected}
    assert list(reasons) == [6, 7]
    assert "本月完成投资" in reasons[6] and "约500万" in reasons[6]
    assert "0～100" in reasons[7]
    before = demo_store.action_count()
    with pytest.raises(ImportRefused, match="第 6 行"):
        apply_preview(demo_store, preview)
    assert demo_store.action_count() == before
    assert demo_store.monthly_reports(JULY) == {}
    assert open_import(bad).kind == "monthly"


def test_negative_month_investment_is_rejected_in_the_preview(
    demo_store, unit_and_template, tmp_path
):
    _unit, path = unit_and_template
    codes = [r[1] for r in read_rows(path)[5:]]
    bad = tmp_path / "负数.xlsx"
    fill(path, {codes[0]: {"本月完成投资": -1}}, bad)
    preview = preview_file(demo_store, bad)
    (row,) = preview.rejected
    assert row.row == 6 and row.detail == "本月完成投资“-1”不能为负数"


# ------------------------------------------------------------ file names (issue 12, item 6)
COLLIDING_UNITS = ["市/局", "市 局", "市:局", "市_局", "市\x00局", "ABC局", "abc局"]


def _unit_store(tmp_path, units_: list[str]):
    """A ledger with one project per unit (the units written raw, as an old ledger has them)."""
    import sqlite3

    from desktop_app.store import Store

    path = tmp_path / "units.sqlite"
    Store.create(path, user="测试员", portfolio=False).close()
    with Store.open(path, user="测试员") as store:
        store.set_current_year(JULY.year)  # the projects on the list of the templates' year
        for i, _unit in enumerate(units_):
            store.add_project({"name": f"项目{i}", "department": f"单位{i}"})
    conn = sqlite3.connect(path)
    for i, unit in enumerate(units_):
        conn.execute("UPDATE projects SET department = ? WHERE name = ?", (unit, f"项目{i}"))
    conn.commit()
    conn.close()
    return Store.open(path, user="测试员")


def test_every_unit_gets_its_own_template_file(tmp_path):
    store = _unit_store(tmp_path, COLLIDING_UNITS)
    try:
        folder = tmp_path / "out"
        folder.mkdir()
        results = write_templates(store, folder, period=JULY)
    finally:
        store.close()
    names = [r.path.name for r in results]
    assert len(names) == len(COLLIDING_UNITS)
    assert len({n.casefold() for n in names}) == len(names)  # also on Windows and macOS
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    for r in results:
        meta = {row[0]: row[1] for row in read_rows(r.path, META_SHEET)}
        assert meta["项目数"] == "1"
    units_in_files = [dict((row[0], row[1]) for row in read_rows(r.path, META_SHEET))["责任单位"]
                      for r in results]  # fmt: skip
    assert len(set(units_in_files)) == len(COLLIDING_UNITS)


def test_template_file_names_are_unique_safe_and_deterministic():
    from desktop_app.reports.template import template_file_names

    units_ = ["市/局", "市 局", "市:局", "市_局", "市_局-2", "CON", "nul", "Com1", "Ab", "aB"]
    names = template_file_names(JULY, units_)
    assert names == template_file_names(JULY, units_)  # the same order gives the same names
    assert names[:5] == [
        "月度调度填报_2022-07_市_局.xlsx",
        "月度调度填报_2022-07_市_局-2.xlsx",
        "月度调度填报_2022-07_市_局-3.xlsx",
        "月度调度填报_2022-07_市_局-4.xlsx",
        "月度调度填报_2022-07_市_局-2-2.xlsx",
    ]
    assert len({n.casefold() for n in names}) == len(names)
    assert names[-1] == "月度调度填报_2022-07_aB-2.xlsx"
    for name in names:
        stem = name.split(".")[0].upper()
        assert stem not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
        assert not any(ch in name for ch in '\\/:*?"<>|\x00')
        assert not name[:-5].endswith((".", " "))


def test_long_unit_names_fit_the_file_name_limit(tmp_path):
    from desktop_app.reports.template import template_file_names

    long_a = "辽源市" + "很长的责任单位名称" * 30 + "甲"
    long_b = "辽源市" + "很长的责任单位名称" * 30 + "乙"
    names = template_file_names(JULY, [long_a, long_b, "点结尾."])
    assert len(set(names)) == 3
    for name in names:
        assert len(name.encode("utf-8")) <= 255
        assert len(name.encode("utf-16-le")) // 2 <= 255
        (tmp_path / name).write_bytes(b"")  # the file system takes it
        assert not name[:-5].endswith((".", " "))
    assert names[2] == "月度调度填报_2022-07_点结尾.xlsx"


def test_reserved_device_names_are_never_a_whole_file_name():
    from desktop_app.reports.template import template_file_names

    for unit in ("CON", "con.txt", "NUL", "COM1", "LPT9", "AUX", "PRN"):
        (name,) = template_file_names(JULY, [unit])
        assert name.startswith("月度调度填报_2022-07_")
