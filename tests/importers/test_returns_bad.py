"""Bad input in a round of returns (issue 17): a file that is not one of this ledger's
templates for the round, as it was sent, is named and refused with the reason, and the rest
of the round still previews."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.domain.periods import Period
from desktop_app.importers.returns import apply_round, preview_round
from desktop_app.store import Store
from tests.returns_round import GONGXIN, MR, ON_TIME, PERIOD, ZHUJIAN


@pytest.fixture
def round_(store: Store, tmp_path: Path):
    """The 工信局 template filled (the file to spoil), and the 住建局 one filled (the rest of
    the round, which must still preview)."""
    MR.assign_units(store)
    sent = MR.templates(store, tmp_path / "发出", PERIOD)
    back = tmp_path / "收回"
    back.mkdir()
    bad = back / "工信局.xlsx"
    good = back / "住建局.xlsx"
    MR.fill(sent[GONGXIN], {"LY2022-001": {"本月完成投资": 10}}, to=bad)
    MR.fill(sent[ZHUJIAN], {"LY2022-011": {"本月完成投资": 20}}, to=good)
    return store, bad, good


def _refusal(store: Store, bad: Path, good: Path) -> str:
    """The reason ``bad`` is refused; the good file still previews and applies alone."""
    preview = preview_round(store, [bad, good], PERIOD, received=ON_TIME)
    first, second = preview.files
    assert first.name == bad.name and first.refused is not None
    assert first.preview is None and first.state == "拒绝"
    assert second.refused is None
    assert [x.code for x in preview.lines.values() if x.candidates] == ["LY2022-011"]
    assert "拒绝 1 个" in preview.summary()
    result = apply_round(store, preview, backup=False)
    assert result.files == 1
    assert [r.file_name for r in store.received_returns(PERIOD)] == [good.name]
    return first.refused


def test_the_template_of_another_ledger_is_refused(round_, tmp_path):
    store, bad, good = round_
    with Store.create(tmp_path / "另一本.sqlite", user="别处") as other:
        assert other.ledger_id() != store.ledger_id()
        MR.assign_units(other)
        theirs = MR.templates(other, tmp_path / "别处发出", PERIOD)[GONGXIN]
    MR.fill(theirs, {"LY2022-001": {"本月完成投资": 10}}, to=bad)
    assert _refusal(store, bad, good) == (
        "“工信局.xlsx”是另一本台账发出的填报模板（台账标识不符），不是本台账的"
    )


def test_the_template_of_another_period_is_refused(round_, tmp_path):
    store, bad, good = round_
    june = MR.template(store, tmp_path / "六月.xlsx", Period(2022, 6), GONGXIN)
    MR.fill(june, {"LY2022-001": {"本月完成投资": 10}}, to=bad)
    assert _refusal(store, bad, good) == (
        "“工信局.xlsx”是 2022-06 的填报模板，不是本轮 2022-07 的，请用本期模板填报"
    )


def test_an_edited_code_is_refused(round_):
    store, bad, good = round_
    MR.edit_cell(bad, "LY2022-002", "项目编号", "LY2022-012")
    reason = _refusal(store, bad, good)
    assert "少了模板中的项目行 LY2022-002" in reason
    assert "多了模板之外的行：第 7 行“LY2022-012”" in reason


def test_an_edited_name_is_refused_naming_the_row(round_):
    store, bad, good = round_
    MR.edit_cell(bad, "LY2022-003", "项目名称", "巨峰生化改名")
    reason = _refusal(store, bad, good)
    assert reason == (
        "“工信局.xlsx”改动了锁定的台账信息：第 8 行的项目名称“巨峰生化改名”"
        "（台账中为“巨峰生化20万吨山梨酸和50万吨复合饲料”），与发出的模板不符，请用原模板填报"
    )


def test_an_edited_owner_is_refused(round_):
    store, bad, good = round_
    MR.edit_cell(bad, "LY2022-004", "建设单位", "别的公司")
    assert "改动了锁定的台账信息（项目名称或建设单位）" in _refusal(store, bad, good)


def test_a_deleted_row_is_refused(round_):
    store, bad, good = round_
    MR.delete_row(bad, "LY2022-005")
    reason = _refusal(store, bad, good)
    assert "少了模板中的项目行 LY2022-005（删除了行或改动了项目编号）" in reason


def test_an_added_row_is_refused(round_):
    store, bad, good = round_
    MR.add_row(
        bad, {"项目编号": "LY2022-040", "项目名称": "均胜北方零部件生产基地", "本月完成投资": 5}
    )
    reason = _refusal(store, bad, good)
    assert "多了模板之外的行：第 16 行“LY2022-040”（增加了行或改动了项目编号）" in reason


def test_an_added_row_without_a_code_is_refused(round_):
    store, bad, good = round_
    MR.add_row(bad, {"项目名称": "新增的项目", "本月完成投资": 5})
    assert "多了模板之外的行：第 16 行“新增的项目”" in _refusal(store, bad, good)


def test_moved_rows_are_refused(round_):
    store, bad, good = round_
    import openpyxl

    book = openpyxl.load_workbook(bad)
    ws = book.worksheets[0]
    rows = MR.rows_by_code(ws)
    a, b = rows["LY2022-001"], rows["LY2022-002"]
    for col in range(1, ws.max_column + 1):
        x, y = ws.cell(a, col), ws.cell(b, col)
        x.value, y.value = y.value, x.value
    book.save(bad)
    assert "项目行的顺序被改动" in _refusal(store, bad, good)


def test_a_removed_validation_list_is_refused_naming_the_column(round_):
    store, bad, good = round_
    MR.drop_validations(bad, label="形象进度(%)")
    reason = _refusal(store, bad, good)
    assert reason.startswith(
        "“工信局.xlsx”的数据验证（填写限制）被删除或覆盖：“形象进度(%)”列（H 列）"
    )
    assert "复制粘贴" in reason


def test_every_validation_list_removed_is_refused(round_):
    store, bad, good = round_
    MR.drop_validations(bad)
    reason = _refusal(store, bad, good)
    for label in ("本月完成投资", "形象进度(%)", "填报日期"):
        assert f"“{label}”列" in reason


def test_a_validation_list_cut_short_is_refused(round_):
    store, bad, good = round_
    import openpyxl

    book = openpyxl.load_workbook(bad)
    ws = book.worksheets[0]
    for v in ws.data_validations.dataValidation:
        if str(v.sqref).startswith("G"):
            v.sqref = openpyxl.worksheet.cell_range.MultiCellRange("G6:G10")
    book.save(bad)
    assert "“本月完成投资”列（G 列）第 11～15 行中 5 行" in _refusal(store, bad, good)


def test_a_validation_list_pointing_at_a_deleted_range_is_refused(round_):
    store, bad, good = round_
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.load_workbook(bad)
    ws = book.worksheets[0]
    broken = DataValidation(type="list", formula1="#REF!")
    broken.add("I6:I15")
    ws.data_validations.append(broken)
    book.save(bad)
    assert "引用了已删除的单元格（#REF!）" in _refusal(store, bad, good)


def test_a_units_own_sheet_is_not_a_template(round_):
    store, bad, good = round_
    MR.own_sheet(bad, [("LY2022-001", 10)])
    assert _refusal(store, bad, good) == (
        "“工信局.xlsx”不是项目办发出的填报模板（没有“模板信息”工作表），请用本期模板填报"
    )


def test_a_file_that_is_no_workbook_is_refused(round_):
    store, bad, good = round_
    bad.write_text("项目编号,本月完成投资\nLY2022-001,10\n", encoding="utf-8")
    assert "工信局.xlsx" in _refusal(store, bad, good)


def test_a_missing_file_is_named(round_, tmp_path):
    store, bad, good = round_
    bad.unlink()
    assert _refusal(store, bad, good) == f"找不到文件“{bad}”"


def test_a_bad_cell_is_a_refused_row_and_blocks_the_apply_unless_skipped(round_):
    store, bad, good = round_
    MR.fill(bad, {"LY2022-002": {"本月完成投资": "很多"}, "LY2022-003": {"本月完成投资": 3}})
    preview = preview_round(store, [bad, good], PERIOD, received=ON_TIME)
    (row,) = preview.rejected
    assert row.file.name == bad.name and row.row.row == 7 and "很多" in row.row.detail
    with pytest.raises(
        ValueError, match=r"有 1 行数据有问题，未收取任何内容：“工信局\.xlsx”第 7 行"
    ):
        apply_round(store, preview, backup=False)
    assert store.received_returns(PERIOD) == []
    result = apply_round(store, preview, skip_rejected=True, backup=False)
    assert result.reports == 3  # 001, 003 and 011; not 002


def test_a_folder_skips_subfolders_and_other_files(round_):
    store, bad, good = round_
    folder = bad.parent
    (folder / "说明.txt").write_text("请查收", encoding="utf-8")
    (folder / "~$工信局.xlsx").write_bytes(b"lock")
    (folder / "旧的").mkdir()
    shutil.copy(good, folder / "旧的" / "住建局.xlsx")
    preview = preview_round(store, [folder], PERIOD, received=ON_TIME)
    assert [f.name for f in preview.files] == ["住建局.xlsx", "工信局.xlsx"]
    assert preview.notes == ["文件夹“收回”中未读取：旧的（子文件夹）、说明.txt"]
