"""The year is part of the ledger (issue 15, items 1 and 2): a past year's reports do not move
when next year's plans are entered, each year has its own plans and list, and a monthly plan
(月度计划分解) sets a project's 序时进度."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.periods import Period
from desktop_app.importers import apply_preview, preview_file
from desktop_app.reports.monthly import write_monthly
from desktop_app.store import Store
from desktop_app.store.demo import make_demo
from desktop_app.views.dashboard import dashboard_data
from desktop_app.views.ledger import NO_FIGS, changed_figs, figs_of
from desktop_app.views.portfolio import load_portfolio

DEC_2021 = Period(2021, 12)


@pytest.fixture(scope="module")
def years_demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample ledger whose reports run 2020-01 … 2021-12: lists for 2020 and 2021."""
    path = tmp_path_factory.mktemp("years") / "demo.sqlite"
    make_demo(path, projects=120, years=2, until=DEC_2021, seed=11)
    return path


@pytest.fixture
def ledger(years_demo_path: Path, tmp_path: Path):
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(years_demo_path, path)
    with Store.open(path, user="测试员") as store:
        yield store


def cells(path: Path) -> dict[str, list[tuple]]:
    """Every cell value of every sheet, read back with openpyxl."""
    book = openpyxl.load_workbook(path)
    try:
        return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in book}
    finally:
        book.close()


def plan_workbook(path: Path, header: str, plans: dict[str, D]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目编号", header])
    for code, plan in plans.items():
        ws.append([code, float(plan)])
    book.save(path)
    return path


def test_the_demo_writes_a_list_per_year_and_its_current_year(ledger):
    assert ledger.current_year() == 2021
    assert ledger.years() == [2020, 2021]
    first = ledger.projects()[0]
    assert ledger.project_year(first.id, 2020).on_list
    assert ledger.project_year(first.id, 2022) is None


def test_next_years_plans_leave_last_years_report_cell_for_cell(ledger, tmp_path):
    """The measured failure of issue 15: entering 2022 plans through the import and the form
    changed 202 of 209 rows of the 2021-12 月度调度表.  Now every cell stays."""
    before = tmp_path / "before.xlsx"
    write_monthly(ledger, before, period=DEC_2021)
    old = {p.code: p.annual_plan for p in ledger.projects(2021)}
    new = {code: (plan or D(0)) * 2 + D("1.5") for code, plan in old.items()}

    book = plan_workbook(tmp_path / "plans.xlsx", "2022年计划投资（万元）", new)
    preview = preview_file(ledger, book, kind="ledger")
    assert preview.year == 2022
    assert "年度计划投资写入2022年" in preview.summary()
    assert len(preview.changed) == len(new) and not preview.rejected
    apply_preview(ledger, preview)

    # and through the form's store calls for the year 2022
    some = ledger.projects(2022)[:3]
    ledger.update_project(some[0].id, {"annual_plan": D("777.77"), "nature": "续建"}, year=2022)
    ledger.set_project_year(some[1].id, 2022, {"annual_plan": D("888"), "target": "主体完工"})

    after = tmp_path / "after.xlsx"
    write_monthly(ledger, after, period=DEC_2021)
    assert cells(after) == cells(before)
    ledger.set_current_year(2022)  # as the year change does: 2021's report still stays
    write_monthly(ledger, after, period=DEC_2021)
    assert cells(after) == cells(before)
    ledger.set_current_year(2021)

    # each year keeps its own values
    assert ledger.get_project(some[2].id, 2022).annual_plan == new[some[2].code]
    assert ledger.get_project(some[2].id, 2021).annual_plan == old[some[2].code]
    assert ledger.get_project(some[0].id, 2022).annual_plan == D("777.77")
    assert ledger.get_project(some[0].id, 2022).nature == "续建"
    assert ledger.project_year(some[1].id, 2022).target == "主体完工"
    assert ledger.current_year() == 2021  # the import named its year; nothing else moved
    assert ledger.years() == [2020, 2021, 2022]
    figures = ledger.figures(Period(2022, 1))
    assert len(figures) == len(new)  # every imported project is on 2022's list


def test_a_plan_column_without_a_year_goes_to_the_current_year(ledger, tmp_path):
    project = ledger.projects()[0]
    book = plan_workbook(tmp_path / "plans.xlsx", "年度计划投资", {project.code: D("321")})
    preview = preview_file(ledger, book, kind="ledger")
    assert preview.year == 2021
    assert "年度计划投资写入2021年" in preview.summary()
    apply_preview(ledger, preview)
    assert ledger.get_project(project.id, 2021).annual_plan == D("321")
    assert ledger.get_project(project.id, 2020).annual_plan != D("321")


def test_a_project_off_a_years_list_is_not_in_that_years_report_or_dashboard(ledger, tmp_path):
    victim = ledger.projects(2021)[4]
    ledger.set_project_year(victim.id, 2021, {"on_list": False})
    assert not ledger.get_project(victim.id, 2021).on_list

    december = tmp_path / "2021-12.xlsx"
    write_monthly(ledger, december, period=DEC_2021)
    shown = {v for rows in cells(december).values() for row in rows for v in row}
    assert victim.code not in shown and victim.name not in shown
    earlier = tmp_path / "2020-12.xlsx"
    write_monthly(ledger, earlier, period=Period(2020, 12))
    assert victim.code in {v for rows in cells(earlier).values() for row in rows for v in row}

    snapshot = load_portfolio(ledger, DEC_2021)
    assert victim.id not in set(snapshot.ids.tolist())
    assert dashboard_data(snapshot).count == len(ledger.projects(2021)) - 1
    assert victim.id not in ledger.figures(DEC_2021)
    assert victim.id in ledger.figures(Period(2020, 12))

    other = ledger.projects(2021)[5]
    assert ledger.listed_ids(2021, [victim.id, other.id]) == {other.id}
    assert ledger.listed_ids(2020, [victim.id, other.id]) == {victim.id, other.id}
    assert ledger.listed_count(2021) == len(ledger.listed_ids(2021)) == 119
    after_edit = changed_figs(ledger, [victim.id, other.id], DEC_2021)
    assert after_edit[victim.id] == NO_FIGS
    assert after_edit[other.id] == figs_of(ledger.figures(DEC_2021)[other.id])
    assert changed_figs(ledger, [victim.id], Period(2020, 12))[victim.id] == figs_of(
        ledger.figures(Period(2020, 12))[victim.id]
    )


def test_new_projects_go_on_the_current_years_list_or_the_one_given(ledger):
    one = ledger.add_project({"name": "新项目甲", "annual_plan": D("100")})
    assert ledger.project_year(one.id, 2021).annual_plan == D("100")
    assert ledger.project_year(one.id, 2020) is None
    two = ledger.add_project({"name": "新项目乙", "annual_plan": D("50")}, year=2022)
    assert ledger.project_year(two.id, 2022).on_list
    assert ledger.project_year(two.id, 2021) is None
    assert one.id in ledger.figures(DEC_2021) and two.id not in ledger.figures(DEC_2021)


def test_a_deleted_project_comes_back_with_every_year(ledger):
    project = ledger.projects()[2]
    ledger.set_project_year(project.id, 2021, {"annual_plan": D("12.34")})
    ledger.set_monthly_plan(project.id, 2021, {"2021-03": D("5")})
    years = ledger.project_years(project.id)
    snapshot = ledger.delete_project(project.id)
    assert ledger.project_year(project.id, 2021) is None
    ledger.restore_project(snapshot)
    assert [(y.year, y.annual_plan, y.on_list) for y in ledger.project_years(project.id)] == [
        (y.year, y.annual_plan, y.on_list) for y in years
    ]
    assert ledger.monthly_plan(project.id, 2021) == {"2021-03": D("5.00")}


def test_a_monthly_plan_sets_the_light_and_the_reports_note(ledger, tmp_path):
    """A project 50% done by June: on time by month/12 (green), but its monthly plan had it
    all done by June, so it is 50 points behind (red)."""
    project = ledger.add_project({"name": "月度计划项目", "annual_plan": D("1200")})
    from desktop_app.store import MonthlyReport

    for month in range(1, 7):
        ledger.save_monthly_report(MonthlyReport(project.id, f"2021-{month:02d}", D("100")))
    june = Period(2021, 6)
    assert ledger.figures(june)[project.id].light.value == "green"
    ledger.set_monthly_plan(project.id, 2021, {f"2021-{m:02d}": D("200") for m in range(1, 7)})
    assert ledger.monthly_plan(project.id, 2021)["2021-06"] == D("200.00")
    figures = ledger.figures(june)[project.id]
    assert figures.light.value == "red"
    assert figures.time_progress == D(1)  # 1200 planned by June of 1200
    assert figures.lagging
    rows = {r[0]: r for r in ledger.figure_rows(june)}
    assert rows[project.id][1].value == "red"
    snapshot = load_portfolio(ledger, june)
    at = snapshot.ids.tolist().index(project.id)
    assert snapshot.lights[at] == 2  # RED in LIGHTS order (green, yellow, red, none)

    path = tmp_path / "june.xlsx"
    write_monthly(ledger, path, period=june)
    text = " ".join(str(v) for rows in cells(path).values() for row in rows for v in row if v)
    assert "1个项目有月度计划分解" in text

    history = ledger.history(project_id=project.id, limit=50)
    assert any(h.table_name == "monthly_plans" and h.field == "2021-06.月度计划" for h in history)
    from desktop_app.store import ValidationFailed

    with pytest.raises(ValidationFailed, match="不属于2021年"):
        ledger.set_monthly_plan(project.id, 2021, {"2022-01": D("1")})


def test_the_ledger_export_shows_the_plans_of_the_period_year(ledger, tmp_path):
    from desktop_app.reports import export_report

    project = ledger.projects()[0]
    ledger.set_project_year(project.id, 2020, {"annual_plan": D("11.11")})
    ledger.set_project_year(project.id, 2021, {"annual_plan": D("22.22")})
    for year, plan in ((2020, 11.11), (2021, 22.22)):
        path = tmp_path / f"台账{year}.xlsx"
        export_report(ledger, "ledger", path, period=Period(year, 12), group_by="none")
        row = next(r for rows in cells(path).values() for r in rows if project.code in r)
        assert plan in row
