"""Sending a round (issue 17, item 2): every unit's template, in a folder or one .zip, shows
last month's figures locked beside the inputs, the deadline and the planning office's contact,
and carries the ledger, its rows and their digest in the hidden sheet."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from desktop_app.domain.periods import Period
from desktop_app.formats import IDENTITY_HEADERS, identity_digest
from desktop_app.importers import apply_preview, open_import, preview_file
from desktop_app.importers.refusals import check_members
from desktop_app.importers.safety import check_xlsx
from desktop_app.importers.scan_parts import DEFAULT_LIMITS
from desktop_app.reports.template import (
    MAIN_SHEET,
    META_SHEET,
    template_file_names,
    write_template,
    write_templates,
    write_templates_zip,
)
from desktop_app.store import MonthlyReport, Store, Unit

from .conftest import dec, read_rows

JULY = Period(2022, 7)
WORKS = "市住建局"  # two projects, reported in May and June
WATER = "市水利局"  # one project, not reported in June
OFFICE = "辽源市发展和改革委员会重点项目办"


@pytest.fixture
def ledger(tmp_path):
    """A hand-made ledger: three projects of two units, two months of reports, the office's
    settings and the units' contacts."""
    path = tmp_path / "ledger" / "round.sqlite"
    path.parent.mkdir()
    Store.create(path, user="测试员", portfolio=False).close()
    store = Store.open(path, user="测试员")
    store.set_current_year(2022)
    road = store.add_project(
        {"name": "东环路改造", "department": WORKS, "owner": "市城投集团", "annual_plan": "5000"}
    )
    bridge = store.add_project(
        {"name": "辽河大桥", "department": WORKS, "owner": "市路桥公司", "annual_plan": "800"}
    )
    dam = store.add_project({"name": "杨木水库", "department": WATER, "annual_plan": "300"})
    store.save_monthly_reports(
        [
            MonthlyReport(road.id, "2022-05", Decimal("1000.10")),
            MonthlyReport(road.id, "2022-06", Decimal("1250.55"), 65, "主体施工"),
            MonthlyReport(bridge.id, "2022-05", Decimal("20.01"), progress_text="桩基"),
            MonthlyReport(bridge.id, "2022-06", Decimal("0.07"), 12.5),
            MonthlyReport(dam.id, "2022-05", Decimal("33.33"), 40, "清基"),
        ]
    )
    store.set_office_name(OFFICE)
    store.set_return_settings(deadline_day=10, contact="张三", phone="0437-3216549")
    store.save_unit(Unit(WORKS, contact="李四", phone="13900000000"))
    yield store
    store.close()


def sheet_rows(path, sheet: str = MAIN_SHEET) -> list[list]:
    return read_rows(path, sheet)


def table(path) -> tuple[dict[str, int], list[list]]:
    """The header label → column index (0-based) and the data rows, as calamine reads them."""
    rows = sheet_rows(path)
    top = next(i for i, r in enumerate(rows) if r[0] == "序号")
    labels = [lower or upper for upper, lower in zip(rows[top], rows[top + 1], strict=True)]
    return {label: i for i, label in enumerate(labels) if label}, rows[top + 2 :]


def meta_of(path) -> dict[str, str]:
    return {r[0]: r[1] for r in read_rows(path, META_SHEET)}


def test_a_unit_sees_last_months_figures_to_the_cent(ledger, tmp_path):
    path = tmp_path / "住建局.xlsx"
    write_template(ledger, path, period=JULY, unit=WORKS)
    columns, rows = table(path)
    by_code = {r[columns["项目编号"]]: r for r in rows}
    june = ledger.monthly_reports(Period(2022, 6))
    figures = ledger.figures(Period(2022, 6))
    for p in ledger.projects():
        if p.department != WORKS:
            assert p.code not in by_code
            continue
        row = by_code[p.code]
        assert dec(row[columns["上月本月完成"]]) == june[p.id].month_investment
        assert dec(row[columns["截至上月本年累计"]]) == figures[p.id].ytd
    road, bridge = (by_code[p.code] for p in ledger.projects() if p.department == WORKS)
    assert dec(road[columns["截至上月本年累计"]]) == Decimal("2250.65")  # May + June
    assert dec(bridge[columns["截至上月本年累计"]]) == Decimal("20.08")
    assert road[columns["上月形象进度"]] == "65%，主体施工"
    assert bridge[columns["上月形象进度"]] == "12.5%"
    # the inputs are empty: nothing of last month is offered as this month's
    for row in (road, bridge):
        for label in ("本月完成投资", "形象进度(%)", "形象进度", "进展情况", "存在问题"):
            assert row[columns[label]] == ""


def test_not_reported_last_month_is_blank_and_january_looks_at_december(ledger, tmp_path):
    path = tmp_path / "水利局.xlsx"
    write_template(ledger, path, period=JULY, unit=WATER)
    columns, (row,) = table(path)
    assert row[columns["上月本月完成"]] == "" and row[columns["上月形象进度"]] == ""
    assert dec(row[columns["截至上月本年累计"]]) == Decimal("33.33")  # May's still counts
    dam = next(p for p in ledger.projects() if p.department == WATER)
    ledger.save_monthly_report(MonthlyReport(dam.id, "2021-12", Decimal("7.77"), 100, "完工"))
    january = tmp_path / "一月.xlsx"
    write_template(ledger, january, period=Period(2022, 1), unit=WATER)
    columns, (row,) = table(january)
    assert dec(row[columns["上月本月完成"]]) == Decimal("7.77")
    assert row[columns["上月形象进度"]] == "100%，完工"
    assert dec(row[columns["截至上月本年累计"]]) == 0  # a new year
    assert meta_of(january)["截止日期"] == "2022-02-10"


def test_reference_cells_are_locked_and_the_inputs_open(ledger, tmp_path):
    path = tmp_path / "住建局.xlsx"
    write_template(ledger, path, period=JULY, unit=WORKS)
    columns, _rows = table(path)
    ws = openpyxl.load_workbook(path)[MAIN_SHEET]
    assert ws.protection.sheet
    first = 6
    locked = ("序号", "项目编号", "项目名称", "建设单位", "年度计划投资", "截至上月本年累计",
              "上月本月完成", "上月形象进度")  # fmt: skip
    inputs = (
        "本月完成投资",
        "形象进度(%)",
        "形象进度",
        "进展情况",
        "存在问题",
        "填报人",
        "填报日期",
    )
    assert set(columns) == {*locked, *inputs}
    for row in (first, first + 1):
        for label in locked:
            assert ws.cell(row, columns[label] + 1).protection.locked, label
        for label in inputs:
            assert not ws.cell(row, columns[label] + 1).protection.locked, label
    # the inputs keep their columns (G..M) and checks: old returns and scripts still fit
    assert [columns[label] + 1 for label in inputs] == list(range(7, 14))
    ranges = {str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert ranges == {"G6:G7", "H6:H7", "M6:M7"}


def test_deadline_and_contacts_above_the_table(ledger, tmp_path):
    path = tmp_path / "住建局.xlsx"
    write_template(ledger, path, period=JULY, unit=WORKS)
    rows = sheet_rows(path)
    assert rows[1][0] == f"填报单位：{WORKS}"
    assert "截止日期：2022年8月10日" in " ".join(str(v) for v in rows[1])
    text = rows[2][0]
    assert f"请于2022年8月10日（星期三）前将填好的本表报送{OFFICE}" in text
    assert "项目办联系人：张三，电话：0437-3216549。" in text
    assert "责任单位联系人：李四，电话：13900000000。" in text
    assert "填报说明" in text
    other = tmp_path / "水利局.xlsx"
    write_template(ledger, other, period=JULY, unit=WATER)  # no contact in the directory
    assert "责任单位联系人" not in sheet_rows(other)[2][0]
    ws = openpyxl.load_workbook(path)[MAIN_SHEET]
    assert ws.row_dimensions[3].height >= 15 * len(text.split("\n"))  # every line shows


def test_meta_sheet_names_the_ledger_rows_digest_and_deadline(ledger, tmp_path):
    path = tmp_path / "住建局.xlsx"
    write_template(ledger, path, period=JULY, unit=WORKS)
    meta = meta_of(path)
    codes = [p.code for p in ledger.projects() if p.department == WORKS]
    assert meta["台账标识"] == ledger.ledger_id() and len(meta["台账标识"]) == 32
    assert meta["项目行"] == ",".join(codes)
    assert meta["截止日期"] == "2022-08-10"
    assert (meta["项目办联系人"], meta["项目办电话"]) == ("张三", "0437-3216549")
    assert (meta["期间"], meta["责任单位"], meta["项目数"]) == ("2022-07", WORKS, "2")
    # the importer recomputes the digest from the identity cells it reads
    columns, rows = table(path)
    read = [tuple(r[columns[h]] for h in IDENTITY_HEADERS) for r in rows]
    assert meta["校验"] == identity_digest(read)
    # openpyxl reads the same cells; an edited name gives another digest
    book = openpyxl.load_workbook(path)
    ws = book[MAIN_SHEET]
    cells = [tuple(ws.cell(r, columns[h] + 1).value for h in IDENTITY_HEADERS) for r in (6, 7)]
    assert identity_digest(cells) == meta["校验"]
    edited = [cells[0], (cells[1][0], cells[1][1] + "二期", cells[1][2])]
    assert identity_digest(edited) != meta["校验"]
    assert identity_digest(cells[::-1]) != meta["校验"]  # rows moved
    assert identity_digest(cells[:1]) != meta["校验"]  # a row removed


def test_identity_digest_reads_text_as_the_workbook_keeps_it():
    assert identity_digest([("A1", "东环路", None)]) == identity_digest([("A1", " 东环路 ", "")])
    assert identity_digest([("A1", "一\r\n二", "")]) == identity_digest([("A1", "一\n二", "")])
    assert identity_digest([("A1", "东\x01环路", "")]) == identity_digest([("A1", "东环路", "")])
    assert identity_digest([("A1", "东环路", "")]) != identity_digest([("A1", "东环", "路")])


def test_the_filled_template_imports_exactly_as_before(ledger, tmp_path):
    path = tmp_path / "住建局.xlsx"
    write_template(ledger, path, period=JULY, unit=WORKS)
    book = openpyxl.load_workbook(path)
    ws = book[MAIN_SHEET]
    ws["G6"] = 300  # 本月完成投资 of the first project, nothing else
    book.save(tmp_path / "已填.xlsx")
    preview = preview_file(ledger, tmp_path / "已填.xlsx")
    assert preview.kind == "monthly" and preview.period == JULY and preview.unit == WORKS
    (row,) = preview.rows
    assert row.status == "new" and row.values == {"month_investment": Decimal("300.00")}
    assert preview.skipped["unfilled"] == 1
    apply_preview(ledger, preview)
    saved = ledger.monthly_reports(JULY)[row.project_id]
    assert (saved.month_investment, saved.progress_pct, saved.progress_text) == (
        Decimal("300.00"),
        None,
        None,
    )  # last month's 65%，主体施工 beside it stays last month's


def test_one_zip_holds_every_units_template(ledger, tmp_path):
    target = tmp_path / "模板.zip"
    results = write_templates_zip(ledger, target, JULY)
    names = template_file_names(JULY, [WORKS, WATER])
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == names == [r.path.name for r in results]
        for info, unit in zip(archive.infolist(), (WORKS, WATER), strict=True):
            assert info.flag_bits & 0x800  # UTF-8 names: 月度调度填报_2022-07_市住建局.xlsx
            data = archive.read(info)
            with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
                meta = {r[0]: r[1] for r in book.get_sheet_by_name(META_SHEET).to_python()}
                assert meta["责任单位"] == unit and meta["台账标识"] == ledger.ledger_id()
            ws = openpyxl.load_workbook(io.BytesIO(data))[MAIN_SHEET]
            assert ws.protection.sheet
    assert [r.items for r in results] == [2, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger", "模板.zip"]
    # the checks a received round goes through refuse nothing of it
    with zipfile.ZipFile(target) as archive:
        check_members(archive.infolist(), target.name, DEFAULT_LIMITS)
        for name in archive.namelist():
            member = tmp_path / "收到" / name
            member.parent.mkdir(exist_ok=True)
            member.write_bytes(archive.read(name))
            check_xlsx(member)
            assert open_import(member).kind == "monthly"
    # a chosen unit: the same member name as in the whole round; the old zip is replaced
    write_templates_zip(ledger, target, JULY, only=[WATER])
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [names[1]]
    with pytest.raises(ValueError, match="没有责任单位"):
        write_templates_zip(ledger, tmp_path / "错.zip", JULY, only=["不存在的局"])
    assert not (tmp_path / "错.zip").exists()
    with pytest.raises(ValueError, match="文件夹不存在"):
        write_templates_zip(ledger, tmp_path / "没有" / "模板.zip", JULY)


def test_a_failed_zip_leaves_the_old_one(ledger, tmp_path, monkeypatch):
    from desktop_app.reports import template

    target = tmp_path / "模板.zip"
    write_templates_zip(ledger, target, JULY)
    before = target.read_bytes()

    def broken(book, parts, paths):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(template, "_spliced", broken)
    with pytest.raises(OSError, match=r"无法写入“模板\.zip”"):
        write_templates_zip(ledger, target, JULY)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger", "模板.zip"]


def test_folder_and_zip_hold_the_same_templates(ledger, tmp_path):
    folder = tmp_path / "模板"
    folder.mkdir()
    written = write_templates(ledger, folder, period=JULY)
    write_templates_zip(ledger, tmp_path / "模板.zip", JULY)
    with zipfile.ZipFile(tmp_path / "模板.zip") as archive:
        for r in written:
            member = tmp_path / "member.xlsx"
            member.write_bytes(archive.read(r.path.name))
            assert sheet_rows(member) == sheet_rows(r.path)


def test_cli_writes_a_zip_or_a_folder(run, ledger, tmp_path):
    db = ledger.path
    target = tmp_path / "模板.zip"
    result = run("template", "--db", db, "-p", "2022-07", "-o", target)
    assert result.exit_code == 0, result.output
    assert "已生成 2 份 2022年7月填报模板，打包为" in result.output
    assert "截止日期：2022年8月10日" in result.output
    with zipfile.ZipFile(target) as archive:
        assert len(archive.namelist()) == 2
    one = run("template", "--db", db, "-p", "2022-07", "-u", WORKS, "-o", tmp_path / "一个.zip")
    assert one.exit_code == 0, one.output
    with zipfile.ZipFile(tmp_path / "一个.zip") as archive:
        assert archive.namelist() == [f"月度调度填报_2022-07_{WORKS}.xlsx"]
    folder = run("template", "--db", db, "-p", "2022-07", "-o", tmp_path / "文件夹")
    assert folder.exit_code == 0 and "已生成 2 份" in folder.output
    assert len(list((tmp_path / "文件夹").glob("*.xlsx"))) == 2
    wrong = run("template", "--db", db, "-p", "2022-07", "-u", "不存在的局", "-o", target)
    assert wrong.exit_code != 0 and "没有责任单位为“不存在的局”的项目" in wrong.output


def _looks(path) -> dict:
    """What a unit sees of every cell, as openpyxl reads it back: value, fill, font colour,
    number format, lock; and the sheet's merges, validations, protection, hidden meta."""
    book = openpyxl.load_workbook(path)
    ws = book[MAIN_SHEET]
    cells = {
        c.coordinate: (c.value, c.fill.fgColor.rgb, c.font.color and c.font.color.rgb,
                       c.number_format, c.protection.locked, c.alignment.horizontal)
        for row in ws.iter_rows() for c in row
    }  # fmt: skip
    return {
        "cells": cells,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "validations": sorted((str(v.sqref), v.type, v.formula1) for v in ws.data_validations.dataValidation),
        "protected": ws.protection.sheet,
        "freeze": ws.freeze_panes,
        "meta": book[META_SHEET].sheet_state,
    }  # fmt: skip


def test_a_round_member_is_the_template_written_alone(ledger, tmp_path):
    """The round lays its workbooks out once; every unit's file (here the second, with fewer
    rows) is cell for cell the template written for that unit alone."""
    write_templates_zip(ledger, tmp_path / "模板.zip", JULY)
    with zipfile.ZipFile(tmp_path / "模板.zip") as archive:
        for name, unit in zip(archive.namelist(), (WORKS, WATER), strict=True):
            member = tmp_path / f"member-{unit}.xlsx"
            member.write_bytes(archive.read(name))
            alone = tmp_path / f"alone-{unit}.xlsx"
            write_template(ledger, alone, period=JULY, unit=unit)
            assert _looks(member) == _looks(alone)
            got, want = read_rows(member, META_SHEET), read_rows(alone, META_SHEET)
            assert [r for r in got if r[0] != "生成时间"] == [r for r in want if r[0] != "生成时间"]
    rows = {u: len(table(tmp_path / f"member-{u}.xlsx")[1]) for u in (WORKS, WATER)}
    assert rows == {WORKS: 2, WATER: 1}
    assert _looks(tmp_path / f"member-{WATER}.xlsx")["validations"] == [
        ("G6", "decimal", "0"), ("H6", "decimal", "0"), ("M6", "date", "DATE(2000,1,1)")
    ]  # fmt: skip
