"""A round of returns taken back at once (issue 17, item 3): real templates written by the
app, filled with openpyxl as a unit's clerk would, read back as one combined preview."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.importers import ImportRefused
from desktop_app.importers.returns import NO_UNIT, apply_round, preview_round
from desktop_app.store import MonthlyReport, Store
from tests.returns_round import DONGFENG, GONGXIN, MR, ON_TIME, PERIOD, ZHUJIAN


@pytest.fixture
def sent(store: Store, tmp_path: Path) -> dict[str, Path]:
    """The round as it went out: units given to the shipped projects, June reported for two
    of them, one template per unit for July in 发出/."""
    MR.assign_units(store)
    MR.last_month(
        store,
        PERIOD,
        {
            "LY2022-001": {"month_investment": Decimal("120"), "progress_pct": 40.0},
            "LY2022-002": {"month_investment": Decimal("0"), "progress_text": "设备安装"},
        },
    )
    return MR.templates(store, tmp_path / "发出", PERIOD)


def _returned(sent: dict[str, Path], unit: str, folder: Path, name: str | None = None) -> Path:
    """A unit's copy of its template (what comes back), in ``folder``."""
    folder.mkdir(exist_ok=True)
    target = folder / (name or sent[unit].name)
    shutil.copy(sent[unit], target)
    return target


def test_the_round_previews_per_unit_and_project(store, sent, tmp_path):
    back = tmp_path / "收回"
    a = MR.fill(
        _returned(sent, GONGXIN, back), {"LY2022-001": {"本月完成投资": 150.5, "形象进度(%)": 45}}
    )
    MR.fill(
        _returned(sent, ZHUJIAN, back), {"LY2022-011": {"本月完成投资": 30, "形象进度": "主体施工"}}
    )
    MR.fill(_returned(sent, DONGFENG, back), {"LY2022-021": {"本月完成投资": 8}})
    _returned(sent, NO_UNIT, back)  # sent back as it went out
    p12 = store.find_project("LY2022-012")
    store.save_monthly_report(MonthlyReport(p12.id, str(PERIOD), Decimal("5")))
    MR.fill(
        back / sent[ZHUJIAN].name, {"LY2022-012": {"本月完成投资": 7}}, reporter=None, date=None
    )
    p22 = store.find_project("LY2022-022")
    store.save_monthly_report(MonthlyReport(p22.id, str(PERIOD), Decimal("9")))
    MR.fill(
        back / sent[DONGFENG].name, {"LY2022-022": {"本月完成投资": 9}}, reporter=None, date=None
    )

    preview = preview_round(store, [back], PERIOD, received=ON_TIME)

    assert [f.refused for f in preview.files] == [None] * 4
    assert {f.unit for f in preview.files} == {GONGXIN, ZHUJIAN, DONGFENG, NO_UNIT}
    assert all(f.state == "按时" for f in preview.files)
    blank = next(f for f in preview.files if f.unit == NO_UNIT)
    assert blank.blank and "空白模板" in blank.warnings[-1]
    by_code = {x.code: x for x in preview.lines.values() if x.candidates}
    assert {c: x.status for c, x in by_code.items()} == {
        "LY2022-001": "new",
        "LY2022-011": "new",
        "LY2022-012": "changed",
        "LY2022-021": "new",
        "LY2022-022": "unchanged",
    }
    assert by_code["LY2022-001"].entry.file.name == a.name
    assert by_code["LY2022-012"].entry.row.changes[0].text == "本月完成投资：5.00 → 7.00"
    units = {u.unit: u for u in preview.units()}
    assert units[ZHUJIAN].counts | {} == {
        "new": 1, "changed": 1, "unchanged": 0, "rejected": 0, "conflict": 0
    }  # fmt: skip
    assert units[DONGFENG].counts["unchanged"] == 1
    directory = [u.name for u in store.units() if u.name in units]
    assert [u.unit for u in preview.units()] == [*directory, NO_UNIT]  # the directory's order
    assert (
        preview.summary() == "4 个文件：新增 3 条，修改 1 条，未变 1 条，冲突 0 个项目，拒绝 0 行"
    )


def test_a_project_in_two_files_is_a_conflict_never_summed(store, sent, tmp_path):
    back = tmp_path / "收回"
    first = MR.fill(_returned(sent, GONGXIN, back), {"LY2022-003": {"本月完成投资": 100}})
    second = MR.fill(
        _returned(sent, GONGXIN, back, "工信局-更正.xlsx"),
        {"LY2022-003": {"本月完成投资": 60}, "LY2022-004": {"本月完成投资": 1}},
    )
    preview = preview_round(store, [first, second], PERIOD, received=ON_TIME)
    line = next(x for x in preview.lines.values() if x.code == "LY2022-003")
    assert line.status == "conflict" and line.entry is None
    assert [e.file.name for e in line.candidates] == [first.name, second.name]
    assert [x.code for x in preview.conflicts] == ["LY2022-003"]
    (unit,) = preview.units()
    assert unit.counts["conflict"] == 1 and unit.counts["new"] == 1  # LY2022-004
    with pytest.raises(ImportRefused, match="LY2022-003") as refused:
        apply_round(store, preview, backup=False)
    assert "不止一份文件" in str(refused.value)
    p3 = store.find_project("LY2022-003")
    assert p3.id not in store.monthly_reports(PERIOD)  # nothing written, nothing summed
    assert store.received_returns(PERIOD) == []

    assert preview.prefer("工信局-更正.xlsx") == 1
    assert line.status == "new" and line.entry.file.name == second.name
    apply_round(store, preview, backup=False)
    assert store.monthly_reports(PERIOD)[p3.id].month_investment == Decimal("60.00")


def test_one_project_resolved_by_hand_the_others_stay_conflicts(store, sent, tmp_path):
    back = tmp_path / "收回"
    values = {"LY2022-003": {"本月完成投资": 100}, "LY2022-004": {"本月完成投资": 2}}
    first = MR.fill(_returned(sent, GONGXIN, back), values)
    second = MR.fill(
        _returned(sent, GONGXIN, back, "b.xlsx"), {k: {"本月完成投资": 9} for k in values}
    )
    preview = preview_round(store, [first, second], PERIOD, received=ON_TIME)
    preview.resolve("LY2022-004", "b.xlsx")
    assert [x.code for x in preview.conflicts] == ["LY2022-003"]
    with pytest.raises(ImportRefused, match="“LY2022-009”"):
        preview.resolve("LY2022-009", "b.xlsx")  # not in the round
    with pytest.raises(ImportRefused, match=r"本轮没有文件“c\.xlsx”"):
        preview.resolve("LY2022-003", "c.xlsx")


def test_the_same_file_sent_twice_is_a_conflict_until_one_is_dropped(store, sent, tmp_path):
    filled = MR.fill(
        _returned(sent, GONGXIN, tmp_path / "收回"), {"LY2022-005": {"本月完成投资": 12}}
    )
    preview = preview_round(store, [filled, filled], PERIOD, received=ON_TIME)
    names = [f.name for f in preview.files]
    assert names == [filled.name, f"{filled.name}（第2份）"]
    assert "内容完全相同" in preview.files[1].warnings[-1]
    assert [x.code for x in preview.conflicts] == ["LY2022-005"]
    preview.drop(names[1])
    assert not preview.conflicts
    result = apply_round(store, preview, backup=False)
    assert result.files == 1 and result.reports == 1
    p5 = store.find_project("LY2022-005")
    assert store.monthly_reports(PERIOD)[p5.id].month_investment == Decimal("12.00")


def test_a_project_that_is_not_the_units_own_is_flagged(store, sent, tmp_path):
    p6 = store.find_project("LY2022-006")
    store.update_project(p6.id, {"department": ZHUJIAN})  # moved after the templates went out
    filled = MR.fill(
        _returned(sent, GONGXIN, tmp_path / "收回"),
        {"LY2022-006": {"本月完成投资": 3}, "LY2022-007": {"本月完成投资": 4}},
    )
    preview = preview_round(store, [filled], PERIOD, received=ON_TIME)
    by_code = {x.code: x for x in preview.lines.values()}
    assert by_code["LY2022-006"].entry.warnings == [f"非本单位项目：该项目的责任单位是“{ZHUJIAN}”"]
    assert by_code["LY2022-007"].entry.warnings == []


def test_the_template_of_projects_without_a_unit_flags_none_of_them(store, sent, tmp_path):
    filled = MR.fill(
        _returned(sent, NO_UNIT, tmp_path / "收回"), {"LY2022-030": {"本月完成投资": 3}}
    )
    preview = preview_round(store, [filled], PERIOD, received=ON_TIME)
    (line,) = [x for x in preview.lines.values() if x.candidates]
    assert line.status == "new" and line.entry.warnings == []


@pytest.mark.parametrize(
    ("received", "late"),
    [(dt.date(2022, 8, 5), False), (dt.date(2022, 8, 6), True), (dt.date(2022, 7, 28), False)],
)
def test_a_return_received_after_the_deadline_is_late(store, sent, tmp_path, received, late):
    filled = MR.fill(
        _returned(sent, GONGXIN, tmp_path / "收回"), {"LY2022-001": {"本月完成投资": 1}}
    )
    preview = preview_round(store, [filled], PERIOD, received=received)
    assert preview.deadline == dt.date(2022, 8, 5)
    assert preview.files[0].late is late
    assert preview.files[0].state == ("逾期" if late else "按时")
    assert preview.units()[0].late is late
    assert ("逾期 1 个" in preview.summary()) is late


def test_cells_equal_to_last_month_are_flagged_by_column(store, sent, tmp_path):
    filled = MR.fill(
        _returned(sent, GONGXIN, tmp_path / "收回"),
        {
            "LY2022-001": {"本月完成投资": 120, "形象进度(%)": 40, "进展情况": "正在推进"},
            "LY2022-002": {"本月完成投资": 0, "形象进度": "设备安装"},
            "LY2022-003": {"本月完成投资": 120, "形象进度(%)": 40},  # no June report
        },
    )
    preview = preview_round(store, [filled], PERIOD, received=ON_TIME)
    by_code = {x.code: x.entry for x in preview.lines.values()}
    assert by_code["LY2022-001"].warnings == [
        "本月完成投资与上月相同（120.00）",
        "形象进度(%)与上月相同（40）",
    ]
    assert by_code["LY2022-002"].warnings == [
        "形象进度与上月相同（设备安装）"
    ]  # 0 again is not a copy
    assert by_code["LY2022-003"].warnings == []


def test_a_changed_row_is_compared_with_every_cell_the_file_gives(store, sent, tmp_path):
    p1 = store.find_project("LY2022-001")
    store.save_monthly_report(MonthlyReport(p1.id, str(PERIOD), Decimal("120"), 10.0))
    filled = MR.fill(
        _returned(sent, GONGXIN, tmp_path / "收回"),
        {"LY2022-001": {"本月完成投资": 120, "形象进度(%)": 40}},
        reporter=None,
        date=None,
    )
    preview = preview_round(store, [filled], PERIOD, received=ON_TIME)
    entry = next(x for x in preview.lines.values() if x.code == "LY2022-001").entry
    assert entry.row.status == "changed"
    assert [c.field for c in entry.row.changes] == ["progress_pct"]
    assert entry.same_as_last == ["本月完成投资", "形象进度(%)"]


@pytest.mark.parametrize("hide", [None, "I"])
def test_a_template_opens_as_the_general_import_opens_it(store, sent, tmp_path, hide):
    import openpyxl

    from desktop_app.importers import open_import
    from desktop_app.importers.returns_source import open_template

    filled = MR.fill(
        _returned(sent, GONGXIN, tmp_path / "收回"), {"LY2022-001": {"本月完成投资": 1}}
    )
    if hide:
        book = openpyxl.load_workbook(filled)
        book.worksheets[0].column_dimensions[hide].hidden = True
        book.save(filled)
    fast, general = open_template(filled), open_import(filled)
    assert (fast.header.top, fast.header.depth, fast.header.unit) == (
        general.header.top, general.header.depth, general.header.unit
    )  # fmt: skip
    assert fast.header.columns == general.header.columns
    assert fast.header.sheet is fast.sheets[0]
    assert (fast.kind, fast.meta, fast.warnings) == (general.kind, general.meta, general.warnings)
    assert bool(hide) == any("隐藏的列未导入" in w for w in fast.warnings)


def test_a_file_that_is_no_template_opens_through_the_general_import(tmp_path):
    from desktop_app.importers import open_import
    from desktop_app.importers.returns_source import open_template

    own = MR.own_sheet(tmp_path / "自制.xlsx", [("LY2022-001", 10)])
    assert open_template(own).header.columns == open_import(own).header.columns


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_template_saved_again_as_ods_xls_or_by_libreoffice_still_reads(store, sent, tmp_path):
    """What a unit's WPS or LibreOffice does to the file: another format, or its own .xlsx."""
    import subprocess

    filled = MR.fill(
        _returned(sent, GONGXIN, tmp_path / "收回"), {"LY2022-001": {"本月完成投资": 5}}
    )
    profile = (tmp_path / "lo").as_uri()
    out = []
    for target, folder in (
        ("ods", "ods"),
        ("xls", "xls"),
        ("xlsx:Calc MS Excel 2007 XML", "resaved"),
    ):
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
             "--outdir", str(tmp_path / folder), str(filled)],
            capture_output=True, timeout=180, check=True,
        )  # fmt: skip
        out.append(next((tmp_path / folder).iterdir()))
    preview = preview_round(store, out, PERIOD, received=ON_TIME)
    assert [f.name for f in preview.files] == [p.name for p in out], out
    assert [f.refused for f in preview.files] == [None, None, None]
    assert [f.preview.summary()[:7] for f in preview.files] == ["新增 1 条，"] * 3
    assert [x.code for x in preview.conflicts] == ["LY2022-001"]  # the same return three times
