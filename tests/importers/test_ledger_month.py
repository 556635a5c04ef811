"""The month's figures inside a ledger become monthly reports of the period the workbook
names, in the same action as the ledger rows (issue 16, item 4)."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.periods import Period
from desktop_app.importers import (
    ImportRefused,
    PeriodNeeded,
    apply_preview,
    open_import,
    preview_file,
)
from desktop_app.store import ConflictError, MonthlyReport, Store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "xlsx"
LEDGER = FIXTURES / "month_ledger.xlsx"
JUNE = "2022-06"


def _script():
    spec = importlib.util.spec_from_file_location("make_month", FIXTURES / "make_month_ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _script()


def _cells(path: Path) -> list[list[object]]:
    return [[c.value for c in r] for r in openpyxl.load_workbook(path).active.iter_rows()]


def test_the_fixture_is_built_by_its_script(tmp_path):
    assert _cells(LEDGER) == _cells(MAKE.build(tmp_path / "again.xlsx"))


@pytest.fixture
def ledger(empty_store: Store) -> Store:
    """The projects of the fixture's :data:`BEFORE` with their January–May 2022 reports."""
    for code, (name, region, total, plan) in MAKE.BEFORE.items():
        project = empty_store.add_project(
            {
                "code": code,
                "name": name,
                "region": region,
                "total_investment": Decimal(total),
                "annual_plan": Decimal(plan),
            }
        )
        empty_store.save_monthly_reports(
            [
                MonthlyReport(project.id, f"2022-{m:02d}", Decimal(v))
                for m, v in enumerate(MAKE.EARLIER[code], start=1)
            ]
        )
    return empty_store


def _june(store: Store) -> dict[str, tuple]:
    codes = {p.id: p.code for p in store.projects()}
    return {
        codes[pid]: (
            None if r.month_investment is None else f"{r.month_investment:.2f}",
            r.progress_pct,
            r.progress_text,
            r.problems,
        )
        for pid, r in store.monthly_reports(JUNE).items()
    }


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])
def test_the_months_figures_become_the_named_periods_reports_in_one_action(ledger, suffix):
    preview = preview_file(ledger, LEDGER.with_suffix(f".{suffix}"))
    assert preview.period == Period(2022, 6)
    assert "2022年6月" in preview.period_source
    assert "2022-06 月报" in preview.summary() and "新增 4 条" in preview.summary()
    actions_before = len({h.action_id for h in ledger.history()})
    result = apply_preview(ledger, preview)
    assert (result.added, result.reports) == (1, 4)
    assert "2022-06 月报 4 条" in result.text
    assert _june(ledger) == MAKE.EXPECTED_JUNE  # XM-05's empty month cells: no report
    assert "XM-04" in {p.code for p in ledger.projects(2022)}
    history = ledger.history()
    assert len({h.action_id for h in history}) == actions_before + 1  # one action
    last = [h for h in history if h.action_id == history[0].action_id]
    assert {h.table_name for h in last} == {"projects", "project_years", "monthly_reports"}
    assert {h.source for h in last} == {LEDGER.with_suffix(f".{suffix}").name}
    figures = ledger.figures(Period(2022, 6))
    by_code = {p.code: p.id for p in ledger.projects()}
    assert figures[by_code["XM-02"]].ytd == Decimal("450.00")  # 1-5月 300 + the derived 150


def test_the_preview_says_how_a_month_was_worked_out_and_shows_both_sums(ledger):
    rows = {r.code: r for r in preview_file(ledger, LEDGER).rows}
    derived = rows["XM-02"].month
    assert derived.values["month_investment"] == Decimal("150.00")
    assert "1-6月累计 450.00 − 已报1-5月 300.00 = 150.00" in rows["XM-02"].detail
    assert "开工以来累计：表中 1,200.00，台账按各月月报合计为 450.00" in rows["XM-02"].detail
    disagree = rows["XM-03"].detail
    assert "1-6月累计与已有月报不一致：表中 260.00" in disagree and "为 280.00" in disagree
    assert rows["XM-03"].month.values["month_investment"] == Decimal("80.00")
    assert "台账中没有该项目1-5月的月报" in rows["XM-04"].detail
    assert "开工以来累计" not in rows["XM-01"].detail  # 500 agrees with 400 + 100
    assert rows["XM-05"].month is None


def test_importing_the_same_ledger_again_changes_nothing(ledger):
    apply_preview(ledger, preview_file(ledger, LEDGER))
    again = preview_file(ledger, LEDGER)
    assert again.month_counts() == {"new": 0, "changed": 0, "unchanged": 4}
    assert not again.has_changes


def test_a_changed_figure_changes_only_that_field_of_the_report(ledger, tmp_path):
    apply_preview(ledger, preview_file(ledger, LEDGER))
    book = openpyxl.load_workbook(LEDGER)
    book.active["H4"] = 120  # XM-01: 其中6月 100 → 120
    book.active["K4"] = None  # its 形象进度 text left empty: the report keeps it
    path = tmp_path / "改.xlsx"
    book.save(path)
    preview = preview_file(ledger, path)
    row = next(r for r in preview.rows if r.code == "XM-01")
    assert row.month.status == "changed"
    assert [c.text for c in row.month.changes] == ["本月完成投资：100.00 → 120.00"]
    apply_preview(ledger, preview)
    assert _june(ledger)["XM-01"] == ("120.00", 45.0, "主体结构完工", None)


def _workbook(tmp_path: Path, title: list[object], header: list[str], rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for line in title:
        sheet.append([line])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / "台账.xlsx"
    book.save(path)
    return path


#: A ledger's columns (more of them than a monthly return has) and two of the month's.
HEADER = ["项目编号", "项目名称", "县区", "建设单位", "总投资（万元）", "本月完成投资", "形象进度"]
ROW = ["XM-01", "东丰县梅花鹿产业园", "东丰县", "东丰鹿业公司", 12000, 90, "主体完工"]


@pytest.mark.parametrize(
    ("title", "header", "period", "source"),
    [
        (["辽源市重点项目台账", "截至2022年6月30日"], HEADER, "2022-06", "截至2022年6月30日"),
        (["2022年5月重点项目推进表"], HEADER, "2022-05", "2022年5月"),
        (["截止日期：2022.4.30"], HEADER, "2022-04", "2022.4.30"),
        (["重点项目台账"], [*HEADER[:5], "2022年1-3月完成投资", "形象进度"], "2022-03", "表头"),
        (["2022年重点项目台账"], [*HEADER[:5], "一至七月完成投资", "形象进度"], "2022-07", "表头"),
        (["2022年重点项目台账"], [*HEADER[:5], "其中8月份完成", "形象进度"], "2022-08", "表头"),
    ],
)
def test_the_period_is_read_where_offices_write_it(ledger, tmp_path, title, header, period, source):
    preview = preview_file(ledger, _workbook(tmp_path, title, header, [ROW]))
    assert str(preview.period) == period
    assert source in preview.period_source


def test_without_a_named_period_the_import_asks_instead_of_guessing(ledger, tmp_path, run):
    path = _workbook(tmp_path, ["重点项目台账"], HEADER, [ROW])
    with pytest.raises(PeriodNeeded, match="无法确定是哪一年哪个月的；请指定期间"):
        preview_file(ledger, path)
    preview = preview_file(ledger, path, period=Period(2022, 7))
    assert preview.period_source == "指定的期间"
    assert preview.rows[0].month.values == {
        "month_investment": Decimal("90.00"),
        "progress_text": "主体完工",
    }


def test_two_periods_in_one_workbook_are_asked_about(ledger, tmp_path):
    header = [*HEADER[:5], "1-5月完成投资", "形象进度"]
    path = _workbook(tmp_path, ["2022年6月重点项目台账"], header, [ROW])
    with pytest.raises(PeriodNeeded, match="期间不一致"):
        preview_file(ledger, path)
    assert str(preview_file(ledger, path, period=Period(2022, 5)).period) == "2022-05"


def test_a_period_of_another_year_than_the_plan_is_refused(ledger, tmp_path):
    header = [*HEADER[:5], "2023年计划投资", "本月完成投资"]
    path = _workbook(tmp_path, ["2022年12月重点项目台账"], header, [[*ROW[:5], 100, 5]])
    with pytest.raises(ImportRefused, match="与计划投资的年份（2023年）不同"):
        preview_file(ledger, path)


def test_a_ledger_without_month_columns_has_no_period(ledger, tmp_path):
    path = _workbook(tmp_path, ["2022年6月重点项目台账"], HEADER[:5], [ROW[:5]])
    preview = preview_file(ledger, path)
    assert preview.period is None and "月报" not in preview.summary()


def test_a_year_to_date_below_the_months_reported_is_refused_with_both_sums(ledger, tmp_path):
    header = [*HEADER[:5], "1-6月完成投资"]
    path = _workbook(tmp_path, ["2022年6月台账"], header, [[*ROW[:5], 350]])
    row = preview_file(ledger, path).rows[0]
    assert row.status == "rejected"
    assert "1-6月累计完成投资 350.00 小于已报的1-5月合计 400.00" in row.detail


def test_a_closed_period_refuses_the_rows_whose_month_would_change(ledger, tmp_path):
    apply_preview(ledger, preview_file(ledger, LEDGER))
    ledger.close_period(JUNE)
    book = openpyxl.load_workbook(LEDGER)
    book.active["H4"] = 120
    path = tmp_path / "关账后.xlsx"
    book.save(path)
    preview = preview_file(ledger, path)
    refused = [r for r in preview.rows if r.status == "rejected"]
    assert [r.code for r in refused] == ["XM-01"]
    assert "2022-06 已关账" in refused[0].detail
    with pytest.raises(ImportRefused, match="2022-06 已关账"):
        apply_preview(ledger, preview)
    apply_preview(ledger, preview, skip_rejected=True)
    assert _june(ledger)["XM-01"][0] == "100.00"


def test_a_report_saved_elsewhere_since_the_preview_refuses_it_all(ledger, tmp_path):
    preview = preview_file(ledger, LEDGER)
    with Store.open(ledger.path, user="另一位") as other:
        xm01 = next(p for p in other.projects() if p.code == "XM-01")
        other.save_monthly_report(MonthlyReport(xm01.id, JUNE, Decimal("7")))
    with pytest.raises(ConflictError, match="2022-06 月度调度在您读取后已被他人保存"):
        apply_preview(ledger, preview)
    assert "XM-04" not in {p.code for p in ledger.projects()}  # nothing of it written
    assert _june(ledger) == {"XM-01": ("7.00", None, None, None)}


def test_percent_cells_formatted_as_percentages_are_read_as_percent(ledger, tmp_path):
    header = [*HEADER[:5], "本月完成投资", "形象进度（%）"]
    rows = [[*ROW[:5], 10, 0.45]]
    path = _workbook(tmp_path, ["2022年6月台账"], header, rows)
    preview = preview_file(ledger, path)
    assert preview.rows[0].month.values["progress_pct"] == 45.0
    assert any("0.5 = 50%" in w for w in preview.warnings)


def test_the_month_columns_are_mapped_and_can_be_left_out(ledger):
    source = open_import(LEDGER)
    mapping = {c.header: c.target for c in source.header.columns}
    assert mapping["1-6月完成投资"] == "ytd_investment"
    assert mapping["其中：6月完成"] == "month_investment"
    assert mapping["开工以来累计完成投资（万元）"] == "since_start_investment"
    assert mapping["形象进度（%）"] == "progress_pct"
    assert mapping["本月存在问题"] == "month_problems"
    from dataclasses import replace

    from desktop_app.importers import build_preview
    from desktop_app.importers.headers import MONTH_TARGETS

    columns = [
        replace(c, target=None) if c.target in MONTH_TARGETS else c for c in source.header.columns
    ]
    preview = build_preview(ledger, source, columns=columns)
    assert preview.period is None and not preview.month_rows


def test_the_command_line_takes_the_period_and_asks_for_one(ledger, tmp_path, run):
    path = _workbook(tmp_path, ["重点项目台账"], HEADER, [ROW])
    ledger.close()
    asked = run("import", path, "--db", ledger.path)
    assert asked.exit_code != 0 and "请指定期间" in asked.output
    done = run("import", path, "--db", ledger.path, "--period", "2022-07")
    assert done.exit_code == 0, done.output
    assert "2022-07 月报 1 条" in done.output
    with Store.open(ledger.path) as store:
        (report,) = store.monthly_reports("2022-07").values()
        assert report.month_investment == Decimal("90.00")
