"""The four meeting reports, read back by a second reader (python-calamine) and checked
against the store: every row, every 小计 and the 合计, to the cent of 万元."""

from __future__ import annotations

import zipfile
from collections import defaultdict
from decimal import Decimal

import openpyxl
import pytest

from desktop_app.domain.derived import LIGHT_FILLS, Light
from desktop_app.domain.periods import Period
from desktop_app.reports import REPORTS, ExportError, export_report
from desktop_app.reports.summary import DIMENSIONS, SHEET_NAMES
from desktop_app.store import Problem

from .conftest import dec, read_rows

PERIOD = Period(2022, 6)


def body_rows(rows: list[list], first: int = 4) -> list[list]:
    """Project rows: those whose 序号 (column A) is a number."""
    return [r for r in rows[first:] if isinstance(r[0], float | int) and r[0] != ""]


def label_rows(rows: list[list], word: str, col: int = 2) -> list[list]:
    return [r for r in rows if isinstance(r[col], str) and r[col].startswith(word)]


def test_ledger_rows_subtotals_and_total_match_the_store(demo_store, tmp_path):
    path = tmp_path / "台账.xlsx"
    result = export_report(demo_store, "ledger", path, group_by="region")
    rows = read_rows(path)
    projects = {p.code: p for p in demo_store.projects()}
    data = body_rows(rows)
    assert result.items == len(data) == len(projects) == 300
    assert [r[0] for r in data] == list(range(1, 301))  # 序号 runs on across groups
    for r in data:
        p = projects[r[1]]
        assert r[2] == p.name and r[4] == (p.region or "")
        assert dec(r[10]) == p.total_investment and dec(r[11]) == p.annual_plan
    # each group: its section row, its projects, then its 小计 = the exact sum of the group
    by_region: dict[str, list] = defaultdict(list)
    for p in projects.values():
        by_region[p.region or "未填写"].append(p)
    subtotals = label_rows(rows, "小计")
    sections = [r[0] for r in rows if isinstance(r[0], str) and "、" in r[0] and "（" in r[0]]
    assert len(subtotals) == len(sections) == len(by_region)
    for section, subtotal in zip(sections, subtotals, strict=True):
        region = section.split("、", 1)[1].rsplit("（", 1)[0]
        members = by_region[region]
        assert section.endswith(f"（{len(members)}个）")
        assert dec(subtotal[10]) == sum(p.total_investment for p in members)
        assert dec(subtotal[11]) == sum(p.annual_plan for p in members)
    (total,) = label_rows(rows, "合计")
    totals = demo_store.totals()
    assert total[2] == "合计（300个）"
    assert dec(total[10]) == totals["total_investment"]
    assert dec(total[11]) == totals["annual_plan"]


def test_monthly_figures_totals_and_row_colours(demo_store, tmp_path):
    path = tmp_path / "月度.xlsx"
    export_report(demo_store, "monthly", path, period=PERIOD)
    rows = read_rows(path)
    figures = demo_store.figures(PERIOD)
    projects = {p.code: p for p in demo_store.projects()}
    data = body_rows(rows)
    assert len(data) == 300
    for r in data:
        p = projects[r[1]]
        f = figures[p.id]
        assert dec(r[7]) == p.annual_plan
        assert (r[8] == "" and f.month is None) or dec(r[8]) == f.month
        assert dec(r[9]) == f.ytd and dec(r[10]) == f.since_start
        if f.annual_rate is None:
            assert r[11] == ""
        else:
            assert abs(dec(r[11]) - f.annual_rate) < Decimal("0.000001")
        assert r[12] == 0.5  # 时序进度 in June
        assert r[13] == f.light.label
    (total,) = label_rows(rows, "合计")
    assert dec(total[9]) == sum(f.ytd for f in figures.values())
    assert dec(total[8]) == sum(f.month or 0 for f in figures.values())
    assert dec(total[7]) == demo_store.totals()["annual_plan"]
    # yellow and red rows are coloured with the lights' fills, others are not
    ws = openpyxl.load_workbook(path).active
    lights = {f.light for f in figures.values()}
    assert {Light.RED, Light.YELLOW, Light.GREEN} <= lights
    for row in ws.iter_rows(min_row=5, max_row=ws.max_row):
        if not isinstance(row[0].value, int | float) or isinstance(row[0].value, bool):
            continue
        light = figures[projects[row[1].value].id].light
        fill = row[2].fill.fgColor.rgb if row[2].fill.fill_type == "solid" else None
        if light in (Light.RED, Light.YELLOW):
            assert fill == "FF" + LIGHT_FILLS[light.value].lstrip("#").upper()
        else:
            assert fill is None
        assert row[9].number_format == "#,##0.00"
        assert row[11].number_format == "0.0%"


def test_problem_list_has_the_open_problems_with_leader_unit_and_deadline(demo_store, tmp_path):
    p = demo_store.projects()[0]
    demo_store.save_problem(Problem(p.id, "已解决的问题不上会", status="solved"))
    path = tmp_path / "问题.xlsx"
    result = export_report(demo_store, "problems", path, group_by="leader")
    rows = read_rows(path)
    open_problems = demo_store.problems(status="open")
    data = body_rows(rows)
    assert result.items == len(data) == len(open_problems) > 0
    projects = {q.code: q for q in demo_store.projects()}
    texts = {(q.project_id, q.text) for q in open_problems}
    for r in data:
        project = projects[r[1]]
        assert (project.id, r[4]) in texts
        assert r[6] == project.leader
        assert r[7]  # 责任单位
        assert r[8].startswith("2022年")  # 完成时限
    assert all("已解决" not in r[4] for r in data)
    (total,) = label_rows(rows, "合计")
    assert total[2].startswith(f"合计：{len(open_problems)}个问题")


def test_summary_sheets_counts_sums_and_native_charts(demo_store, tmp_path):
    path = tmp_path / "汇总.xlsx"
    export_report(demo_store, "summary", path, period=PERIOD)
    projects = demo_store.projects()
    figures = demo_store.figures(PERIOD)
    for dimension, sheet_name in SHEET_NAMES.items():
        rows = read_rows(path, sheet_name)
        assert rows[0][0].endswith(f"按{DIMENSIONS[dimension]}")
        expected: dict[str, list] = defaultdict(list)
        for p in projects:
            expected[getattr(p, dimension) or "未填写"].append(p)
        seen = 0
        for r in body_rows(rows):
            members = expected.get(r[1], [])
            assert int(r[2]) == len(members)
            assert dec(r[3]) == sum((p.total_investment for p in members), Decimal(0)) / 10000
            ytd = sum((figures[p.id].ytd for p in members), Decimal(0))
            assert dec(r[5]) == ytd / 10000
            assert int(r[7]) == sum(figures[p.id].light is Light.RED for p in members)
            seen += len(members)
        assert seen == 300
        (total,) = label_rows(rows, "合计", col=1)
        assert int(total[2]) == 300
        assert dec(total[3]) == demo_store.totals()["total_investment"] / 10000
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 4
        assert all(b"<barChart>" in z.read(n) for n in charts)
        drawings = [n for n in z.namelist() if n.startswith("xl/drawings/drawing")]
        assert len(drawings) == 4


def test_reports_have_the_meeting_form(demo_store, tmp_path):
    path = tmp_path / "台账.xlsx"
    export_report(demo_store, "ledger", path)
    ws = openpyxl.load_workbook(path).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:W1" in merged  # title across the table
    assert ws["A1"].value == "重点项目台账"
    assert ws["A1"].font.b and ws["A1"].font.sz == 18
    info = [c.value for c in ws[2] if c.value]
    assert info[0].startswith("填报单位：") and info[1] == "单位：万元"
    assert info[2].startswith("截止日期：")
    # two-level header: 序号 spans rows 3-4, 投资（万元） spans its two columns
    assert "A3:A4" in merged and "K3:L3" in merged
    assert (ws["K3"].value, ws["K4"].value, ws["L4"].value) == (
        "投资（万元）",
        "总投资",
        "年度计划投资",
    )
    assert ws.freeze_panes == "D5"
    assert ws.print_title_rows == "$3:$4"
    assert ws.page_setup.paperSize == 8 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["K6"].number_format == "#,##0.00"
    # widths fit Chinese text: the name column is wider than the 序号 column
    assert ws.column_dimensions["C"].width > 2 * ws.column_dimensions["A"].width


def test_formula_looking_text_is_written_as_text(store, tmp_path):
    risky = {
        "name": '=HYPERLINK("http://example.com","点我")',
        "owner": "+86 0437 123",
        "scope": "-1+2",
        "leader": "@SUM(A1:A9)",
        "department": "=1+1",
    }
    store.add_project(risky)
    path = tmp_path / "台账.xlsx"
    export_report(store, "ledger", path)
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml
    assert '<c r="C' in xml
    assert 't="inlineStr"><is><t>=HYPERLINK(&quot;' not in xml  # quotes are not escaped in text
    assert '=HYPERLINK("http://example.com","点我")</t>' in xml
    rows = read_rows(path)
    row = next(r for r in rows if r[2] == risky["name"])
    assert (row[3], row[9], row[17], row[18]) == ("+86 0437 123", "-1+2", "@SUM(A1:A9)", "=1+1")
    cell = openpyxl.load_workbook(path).active
    found = next(c for c in cell["C"] if c.value == risky["name"])
    assert found.data_type == "s"


def test_export_what_i_see_keeps_the_view_order_and_totals(demo_store, tmp_path):
    chosen = [p.id for p in demo_store.projects()[::7]][::-1]
    path = tmp_path / "筛选.xlsx"
    result = export_report(demo_store, "monthly", path, project_ids=chosen, period=PERIOD)
    rows = read_rows(path)
    assert rows[0][0].endswith("（筛选结果）")
    data = body_rows(rows)
    by_id = {p.id: p for p in demo_store.projects()}
    assert result.items == len(chosen)
    assert [r[1] for r in data] == [by_id[i].code for i in chosen]
    (total,) = label_rows(rows, "合计")
    assert dec(total[7]) == demo_store.totals(chosen)["annual_plan"]


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(demo_store, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    path = out / "台账.xlsx"

    def fail(done: int, total: int) -> None:
        if done >= 100:
            raise RuntimeError("导出中断（模拟）")

    with pytest.raises(RuntimeError):
        export_report(demo_store, "ledger", path, progress=fail)
    assert list(out.iterdir()) == []
    # a failure while the file is being put in place: the temporary file goes, the old stays
    path.write_bytes(b"old report")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop_app.reports.xlsx.os.replace", broken_replace)
    with pytest.raises(OSError):
        export_report(demo_store, "monthly", path)
    assert path.read_bytes() == b"old report"
    assert [p.name for p in out.iterdir()] == ["台账.xlsx"]


def test_export_refuses_bad_targets_in_plain_chinese(demo_store, tmp_path):
    with pytest.raises(ExportError, match="文件夹不存在"):
        export_report(demo_store, "ledger", tmp_path / "无此目录" / "a.xlsx")
    with pytest.raises(ExportError, match=r"应以 \.xlsx 结尾"):
        export_report(demo_store, "ledger", tmp_path / "a.xls")
    with pytest.raises(ValueError, match="不认识的分组方式"):
        export_report(demo_store, "ledger", tmp_path / "a.xlsx", group_by="color")
    assert set(REPORTS) == {"ledger", "monthly", "problems", "summary"}
