"""两期对比 workbook: every sheet read back by openpyxl and by python-calamine."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest

from desktop_app.domain.periods import Period as P
from desktop_app.reports.compare import SHEETS, write_compare
from desktop_app.store import MonthlyReport

from .conftest import dec, read_rows

MAY, JUNE = P(2022, 5), P(2022, 6)


@pytest.fixture
def small(empty_store):
    """甲 on time in May, newly lagging in June; 乙 lagging in May, recovered in June; 丙 named
    like a formula, 绿灯 → 黄灯; 戊 joins the list in June (not on 2021's), 己 leaves it."""
    s = empty_store
    ids = {}
    for key, name, region, plan in [
        ("甲", "甲项目", "龙山区", D(1200)),
        ("乙", "乙项目", "龙山区", D(1200)),
        ("丙", '=HYPERLINK("http://x","丙")', "东丰县", D(1200)),
    ]:
        p = s.add_project({"name": name, "region": region})
        s.set_project_year(p.id, 2022, {"on_list": True, "annual_plan": plan})
        ids[key] = p.id
    reports = []
    for m in range(1, 6):
        reports.append(MonthlyReport(ids["甲"], f"2022-{m:02d}", D(100)))
        reports.append(MonthlyReport(ids["乙"], f"2022-{m:02d}", D(40)))
    reports += [
        MonthlyReport(ids["丙"], "2022-05", D(400)),
        MonthlyReport(ids["乙"], "2022-06", D("500.01")),
        MonthlyReport(ids["乙"], "2021-06", D(250)),
    ]
    s.save_monthly_reports(reports)
    return s, ids


def cell_values(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def find_row(rows: list[list], text: str) -> list:
    return next(r for r in rows if text in [str(v) for v in r])


def test_workbook_sheets_and_hand_counted_values(small, tmp_path):
    store, _ids = small
    out = tmp_path / "out"
    out.mkdir()
    path = out / "对比.xlsx"
    result = write_compare(store, path, earlier=MAY, later=JUNE)
    assert result.path == path and result.items == 3
    assert [p.name for p in out.iterdir()] == ["对比.xlsx"]  # no temporary file left
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(SHEETS)

    overview = cell_values(book["概况"])
    assert "2022年5月与2022年6月" in overview[0][0]
    assert find_row(overview, "名单上的项目")[2:5] == [3, 3, 0]
    assert find_row(overview, "滞后项目")[2:5] == [2, 2, 0]
    assert find_row(overview, "新增滞后（见“滞后变化”）")[3] == 1
    assert find_row(overview, "滞后转正常（见“滞后变化”）")[3] == 1
    assert find_row(overview, "状态灯变化（见“状态灯变化”）")[3] == 2

    lagging = cell_values(book["滞后变化"])
    new, back = find_row(lagging, "甲项目"), find_row(lagging, "乙项目")
    assert new[4] == "新增滞后" and back[4] == "滞后转正常"
    assert (new[8], new[12]) == ("绿灯", "绿灯")  # 8.3 points behind: lagging, still green
    assert (back[8], back[12]) == ("黄灯", "绿灯")

    lights = cell_values(book["状态灯变化"])
    formula = find_row(lights, '=HYPERLINK("http://x","丙")')
    assert formula[4] == "绿灯→黄灯"
    ws = book["状态灯变化"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == formula[2])
    assert cell.data_type == "s"  # text, never a formula

    money = cell_values(book["投资对比"])
    b = find_row(money, "乙项目")
    assert [dec(v) for v in b[4:7]] == [D("500.01"), D(40), D("460.01")]
    assert b[7] == pytest.approx(11.50025)
    assert [dec(v) for v in b[8:10]] == [D(250), D("250.01")]
    total = find_row(money, "合计（3个项目）")
    assert dec(total[4]) == D("500.01") and dec(total[5]) == D(540)
    assert dec(total[8]) == D(250) and dec(total[12]) == D("1600.01")

    plans = cell_values(book["计划变化"])
    assert find_row(plans, "（无）")
    counties = cell_values(book["县区汇总"])
    longshan = find_row(counties, "龙山区")
    assert longshan[2:8] == [2, 2, 0, 1, 1, 0]
    assert [dec(v) for v in longshan[11:14]] == [D(700), D("1200.01"), D("500.01")]
    assert dec(find_row(counties, "合计")[12]) == D("1600.01")


def test_both_readers_agree_on_every_cell(small, tmp_path):
    store, ids = small
    extra = store.add_project({"name": "戊项目", "region": "西安区"})
    store.set_project_year(extra.id, 2022, {"on_list": True, "annual_plan": D(100)})
    for key in ("甲", "乙", "丙"):
        store.set_project_year(ids[key], 2021, {"on_list": True, "annual_plan": D(1000)})
    gone = store.add_project({"name": "己项目", "region": "西安区"})
    store.set_project_year(gone.id, 2021, {"on_list": True, "annual_plan": D(50)})
    store.set_project_year(gone.id, 2022, {"on_list": False})
    path = tmp_path / "对比.xlsx"
    write_compare(store, path, earlier=P(2021, 6), later=JUNE)
    book = openpyxl.load_workbook(path)
    for name in SHEETS:
        ours = cell_values(book[name])
        theirs = read_rows(path, name)
        assert len(theirs) == len(ours), name
        for r1, r2 in zip(ours, theirs, strict=True):
            for a, b in zip(r1, r2, strict=False):
                if a is None:
                    assert b in ("", None), name
                elif isinstance(a, int | float):
                    assert float(b) == pytest.approx(float(a)), name
                else:
                    assert str(b) == str(a), name
    changes = cell_values(book["名单变化"])
    assert find_row(changes, "戊项目")[4] == "新列入（2022年6月）"
    assert find_row(changes, "己项目")[4] == "移出（2021年6月）"
    plans = cell_values(book["计划变化"])
    assert [dec(v) for v in find_row(plans, "甲项目")[4:7]] == [D(1000), D(1200), D(200)]
    assert len([r for r in plans if r[1] and str(r[1]).startswith("LY")]) == 3


def test_county_totals_match_the_store_to_the_cent(demo_store, tmp_path):
    path = tmp_path / "对比.xlsx"
    write_compare(demo_store, path, earlier=MAY, later=JUNE)
    rows = read_rows(path, "县区汇总")
    total = find_row(rows, "合计")
    figures = demo_store.figures(JUNE)
    assert total[3] == len(figures)
    assert dec(total[12]) == sum((f.ytd for f in figures.values()), D(0))
    money = read_rows(path, "投资对比")
    month_total = find_row(money, f"合计（{len(figures)}个项目）")[4]
    assert dec(month_total) == sum((f.month or D(0) for f in figures.values()), D(0))


def test_refuses_a_name_that_is_not_xlsx(small, tmp_path):
    from desktop_app.reports.errors import ExportError

    with pytest.raises(ExportError, match=r"\.xlsx"):
        write_compare(small[0], tmp_path / "对比.xls", earlier=MAY, later=JUNE)
