"""Every workbook format an office sends goes through the same import: .xlsx, .xlsm, .xls,
.xlsb and .ods of the same two-county ledger import to exactly the same five projects.

The fixtures are built by ``tests/fixtures/workbooks/make_formats.py`` (LibreOffice headless
made the committed .xls and .ods from the same data).  Two .xlsb files written by Excel come
from calamine's test data (MIT licence, see ``tests/fixtures/workbooks/NOTICE.md``).
"""

from __future__ import annotations

import importlib.util
import shutil
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.importers import ImportRefused, apply_preview, open_import, preview_file
from desktop_app.importers.safety import check_workbook
from desktop_app.importers.scan_parts import Limits
from desktop_app.importers.workbook import read_sheets, read_workbook

FIXTURES = Path(__file__).parent.parent / "fixtures" / "workbooks"
KINDS = ("xlsx", "xlsm", "xls", "xlsb", "ods")

#: name → 建设单位, 所属县区, 总投资 (万元), 计划开工 (the ledger keeps dates as ISO text)
EXPECTED = {
    "东丰县梅花鹿产业园": ("东丰县鹿业发展有限公司", "东丰县", Decimal("12500"), "2022-03-01"),
    "东丰县农产品冷链物流中心": (
        "东丰县供销合作社",
        "东丰县",
        Decimal("8600.5"),
        "2022-04-15",
    ),
    "东丰县污水处理厂提标改造": (
        "东丰县住房和城乡建设局",
        "东丰县",
        Decimal("4200"),
        "2022-05-10",
    ),
    "东辽县新能源汽车零部件项目": (
        "辽源市金汇汽车配件有限公司",
        "东辽县",
        Decimal("36000"),
        "2022-06-01",
    ),
    "东辽县乡村振兴示范带": ("东辽县农业农村局", "东辽县", Decimal("15000"), "2022-07-20"),
}


def _script():
    spec = importlib.util.spec_from_file_location("make_formats", FIXTURES / "make_formats.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cells(path: Path) -> list[list[object]]:
    """The ledger sheet's cells as the import reads them (dates as dates, numbers as floats)."""
    (sheet,) = [s for s in read_sheets(path) if not s.hidden]
    return [[v for v in row] for row in sheet.rows if any(v != "" for v in row)]


def test_the_fixtures_are_built_by_their_script(tmp_path):
    """The script rebuilds the files it writes itself; LibreOffice's .xls and .ods hold the
    very cells of the .xlsx they were converted from."""
    rebuilt = _script().build(tmp_path, libreoffice=False)
    for kind in ("xlsx", "xlsm", "xlsb", "merged_xlsx", "merged_xlsb"):
        assert _cells(rebuilt[kind]) == _cells(FIXTURES / rebuilt[kind].name), kind
    xlsx = _cells(FIXTURES / "ledger.xlsx")
    assert len(xlsx) == 7 and xlsx[2][4] == 12500 and xlsx[2][5] == date(2022, 3, 1)
    for kind in ("xls", "ods"):
        assert _cells(FIXTURES / f"ledger.{kind}") == xlsx, kind
        merged = _cells(FIXTURES / f"merged_ledger.{kind}")
        assert merged == _cells(FIXTURES / "merged_ledger.xlsx"), kind


@pytest.mark.parametrize("kind", KINDS)
def test_each_format_imports_to_exactly_the_expected_projects(kind, empty_store):
    path = FIXTURES / f"ledger.{kind}"
    preview = preview_file(empty_store, path)
    assert preview.kind == "ledger"
    assert not preview.rejected, [r.detail for r in preview.rejected]
    assert sorted(r.name for r in preview.new) == sorted(EXPECTED)
    result = apply_preview(empty_store, preview)
    assert (result.added, result.changed, result.action_source) == (5, 0, f"ledger.{kind}")
    got = {
        p.name: (p.owner, p.region, p.total_investment, p.planned_start)
        for p in empty_store.projects()
    }
    assert got == EXPECTED
    again = preview_file(empty_store, path)  # read back: the same file changes nothing now
    assert len(again.unchanged) == 5 and not again.new and not again.changed


MERGED = [((0, 0), (0, 5)), ((2, 3), (4, 3)), ((5, 3), (6, 3))]  # title; 东丰县; 东辽县


@pytest.mark.parametrize("kind", ("xlsx", "xls", "xlsb", "ods"))
def test_merged_cells_are_read_in_every_format(kind, empty_store):
    """The title merged across, 所属县区 merged down over each county's projects: the same
    ranges from every format (python-calamine gives none for .ods and .xlsb: the check's
    scan of the file supplies them), so every project gets its county."""
    path = FIXTURES / f"merged_ledger.{kind}"
    (sheet,) = read_sheets(path)
    assert sorted(sheet.merged) == MERGED
    assert [row[3] for row in sheet.rows[2:7]] == ["东丰县", "", "", "东辽县", ""]
    preview = preview_file(empty_store, path)
    assert {r.name: r.values.get("region") for r in preview.new} == {
        name: region for name, (_owner, region, _total, _start) in EXPECTED.items()
    }


def test_xlsm_says_its_macros_never_run():
    book = read_workbook(FIXTURES / "ledger.xlsm")
    assert book.kind == "xlsm"
    assert book.warnings == ["“ledger.xlsm”含有宏（VBA）；导入只读取单元格中的数据，宏不会运行"]
    for kind in ("xlsx", "xls", "xlsb", "ods"):
        assert read_workbook(FIXTURES / f"ledger.{kind}").warnings == [], kind
    with zipfile.ZipFile(FIXTURES / "ledger.xlsm") as z:
        assert "xl/vbaProject.bin" in z.namelist()


@pytest.mark.parametrize("kind", KINDS)
def test_the_format_is_told_by_the_bytes_not_the_name(kind, tmp_path, empty_store):
    """A renamed file (an .xls that is really an .xlsx) or capitals in the name still import."""
    for name in (f"台账.{kind.upper()}", f"台账-改名.{'xls' if kind != 'xls' else 'xlsx'}"):
        path = tmp_path / name
        shutil.copy(FIXTURES / f"ledger.{kind}", path)
        assert read_workbook(path).kind == kind
        assert len(preview_file(empty_store, path).new) == 5


def test_wps_et_and_csv_are_refused_with_how_to_save_them(tmp_path, store):
    et = tmp_path / "东丰县台账.et"
    shutil.copy(FIXTURES / "ledger.xls", et)
    csv = tmp_path / "东丰县台账.csv"
    csv.write_text("项目名称,建设单位\n东丰县梅花鹿产业园,鹿业公司\n", encoding="utf-8")
    actions = store.action_count()
    with pytest.raises(ImportRefused) as info:
        preview_file(store, et)
    assert str(info.value) == (
        "“东丰县台账.et”是 WPS 表格（.et）文件，无法直接导入；请在 WPS 中“文件→另存为”"
        "Excel 工作簿（.xlsx）后再导入"
    )
    with pytest.raises(ImportRefused) as info:
        preview_file(store, csv)
    assert str(info.value) == (
        "“东丰县台账.csv”是文本（CSV）文件，不含表格格式，无法直接导入；"
        "请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx）再导入"
    )
    assert store.action_count() == actions


def test_a_web_page_saved_as_xls_is_refused_with_how_to_save_it(tmp_path):
    path = tmp_path / "系统导出.xls"
    path.write_text(
        "<html><body><table><tr><td>项目名称</td></tr></table></body></html>", encoding="utf-8"
    )
    with pytest.raises(ImportRefused, match=r"实际是网页（HTML）或 XML 格式的表格.*另存为"):
        open_import(path)


def test_excel_written_xlsb_sheets_hidden_and_charts(tmp_path):
    """An .xlsb Excel wrote: its hidden sheets are marked, its chart sheet is not a sheet."""
    sheets = read_sheets(FIXTURES / "excel_any_sheets.xlsb")
    assert [(s.name, s.hidden) for s in sheets] == [
        ("Visible", False),
        ("Hidden", True),
        ("VeryHidden", True),
    ]
    assert sheets[0].rows[:3] == [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("excel_password.xlsb", "设有打开密码（已加密）"),
        ("../xlsx/password_protected.xlsx", "设有打开密码（已加密）"),
    ],
)
def test_password_protected_workbooks_are_refused_clearly(name, line):
    with pytest.raises(ImportRefused, match=line):
        open_import(FIXTURES / name)


def test_the_limits_hold_for_every_format():
    """Each container's sheets are measured before python-calamine reads them."""
    for kind in KINDS:
        path = FIXTURES / f"ledger.{kind}"
        check_workbook(path)
        with pytest.raises(ImportRefused, match="超过导入上限 5 行"):
            check_workbook(path, Limits(rows=5))
        with pytest.raises(ImportRefused, match="超过导入上限 3 列"):
            check_workbook(path, Limits(columns=3))
        with pytest.raises(ImportRefused, match="超过导入上限"):
            check_workbook(path, Limits(file_bytes=1000))


@pytest.mark.parametrize(
    "cell",
    [
        b'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>',
        b'table:formula="of:=1"/>',  # no value: calamine keeps it for its formula
    ],
)
def test_an_ods_with_a_repeat_bomb_is_refused(cell, tmp_path):
    """One cell repeated over 1,000 rows and 16,384 columns (after the empty rows LibreOffice
    writes to row 1,048,576): refused from its attributes
    (python-calamine would hold 16 million cells)."""
    path = tmp_path / "重复.ods"
    with zipfile.ZipFile(FIXTURES / "ledger.ods") as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "content.xml":
                data = data.replace(
                    b"</table:table>",
                    b'<table:table-row table:number-rows-repeated="1000"><table:table-cell '
                    b'table:number-columns-repeated="16384" ' + cell + b"</table:table-row>"
                    b"</table:table>",
                    1,
                )
            out.writestr(info, data)
    with pytest.raises(ImportRefused, match=r"（A1:XFD\d+），超过导入上限"):  # 16,384 columns
        open_import(path)


def test_an_xlsb_with_a_far_cell_is_refused(tmp_path):
    """An .xlsb column is a 32-bit number: one cell far to the right would make
    python-calamine allocate a block of billions of cells.  Refused from the records."""
    script = _script()
    path = script.build_xlsb(tmp_path / "远处.xlsb", [("台账", script.xlsb_rows())])
    sheet = script.xlsb_sheet(script.xlsb_rows()).replace(
        script._record(0x0092),  # BrtEndSheetData: one more row first, its cell far away
        script._record(0x0000, bytes(17)) + script._cell(4_000_000, 1.0) + script._record(0x0092),
    )
    with zipfile.ZipFile(path) as src:
        members = {n: src.read(n) for n in src.namelist()}
    members["xl/worksheets/sheet1.bin"] = sheet
    with zipfile.ZipFile(path, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    with pytest.raises(ImportRefused, match=r"^工作表“台账”的数据区域一直到第 4,000,001 列"):
        open_import(path)
