"""The import wizard: file → mapping the user corrects → preview → apply as one action."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard

from desktop_app.domain.periods import Period
from desktop_app.reports.template import write_template
from desktop_app.ui.dialogs.import_wizard import ColumnMappingModel, ImportWizard, PreviewModel

FIXTURES = Path(__file__).parent.parent / "fixtures" / "xlsx"
MESSY = FIXTURES / "messy_ledger.xlsx"


def next_page(qtbot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if wizard.currentPage() is wizard.preview_page:
        button = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def wizard(qtbot, store, settings):
    def make(path: Path | None = MESSY) -> ImportWizard:
        w = ImportWizard(store, path=path, settings=settings)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make


def test_messy_ledger_through_the_wizard(qtbot, qtmodeltester, wizard, store):
    w = wizard()
    imported = []
    w.imported.connect(imported.append)
    next_page(qtbot, w)
    assert w.currentPage() is w.mapping_page
    model = w.mapping_page.model
    qtmodeltester.check(model)
    info = w.mapping_page.info.text()
    assert "识别为项目台账" in info and "第 4～5 行" in info and "亿元" in info
    rows = {model.index(r, 1).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert rows["项目业主"] == "建设单位" and rows["备注"] == "（不导入）"
    assert rows["投资情况 / 总投资"] == "总投资"
    unit_cell = next(
        model.index(r, 3)
        for r in range(model.rowCount())
        if model.index(r, 1).data() == "投资情况 / 总投资"
    )
    assert unit_cell.data() == "亿元" and unit_cell.flags() & Qt.ItemFlag.ItemIsEditable
    # the user maps 备注 to 解决措施
    model.set_target("备注", "measures")
    next_page(qtbot, w)
    assert w.currentPage() is w.preview_page
    assert "新增 2 个，修改 4 个" in w.preview_page.summary.text()
    preview_model = w.preview_page.model
    qtmodeltester.check(preview_model)
    assert w.preview_page.filter_box.currentData() == "changed"
    assert preview_model.rowCount() == 4
    first = [preview_model.index(0, c).data() for c in range(5)]
    assert first[:4] == [9, "修改", "LY2022-001", "鑫达钢铁180万吨热轧带钢"]
    assert "解决措施：（空） → 重点" in first[4]
    assert w.button(QWizard.WizardButton.CommitButton).isEnabled()
    actions = store.action_count()
    next_page(qtbot, w)
    assert w.currentPage() is w.done_page
    assert store.action_count() == actions + 1
    assert store.find_project("LY2022-001").measures == "重点"
    assert "来源：messy_ledger.xlsx" in w.done_page.label.text()
    assert len(imported) == 1 and imported[0].added == 2


def test_the_mapping_can_be_changed_with_the_combo_box(qtbot, wizard):
    w = wizard()
    next_page(qtbot, w)
    table = w.mapping_page.table
    model: ColumnMappingModel = w.mapping_page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "备注")
    index = model.index(row, ColumnMappingModel.TARGET)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QComboBox)
    assert editor is not None
    editor.setCurrentIndex(editor.findData("source"))
    table.commitData(editor)
    assert model.columns[row].target == "source"
    assert index.data() == "数据来源"


def test_rejected_rows_block_the_import_until_skipped(qtbot, wizard, store, tmp_path):
    path = tmp_path / "有错.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["项目名称", "总投资（万元）"])
    wb.active.append(["新项目一", 100])
    wb.active.append(["新项目二", "待定"])
    wb.save(path)
    w = wizard(path)
    next_page(qtbot, w)
    next_page(qtbot, w)
    page = w.preview_page
    assert page.filter_box.currentData() == "rejected"
    assert [page.model.index(0, c).data() for c in (0, 1)] == [3, "拒绝"]
    assert "待定" in page.model.index(0, 4).data()
    commit = w.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled() and not page.skip_box.isHidden()
    page.skip_box.setChecked(True)
    assert commit.isEnabled()
    next_page(qtbot, w)
    assert store.project_count() == 52


def test_a_bad_file_stays_on_the_first_page_with_its_message(qtbot, wizard, store):
    actions = store.action_count()
    w = wizard(FIXTURES / "password_protected.xlsx")
    next_page(qtbot, w)
    assert w.currentPage() is w.file_page
    assert "设有打开密码" in w.file_page.error.text()
    assert store.action_count() == actions


def test_filled_template_with_period_and_unit_status(qtbot, wizard, store, tmp_path):
    project = store.find_project("LY2022-001")
    store.update_project(project.id, {"department": "市工信局", "annual_plan": "1000"})
    path = tmp_path / "工信局.xlsx"
    write_template(store, path, period=Period(2022, 7), unit="市工信局")
    book = openpyxl.load_workbook(path)
    book["月度调度填报"]["G6"] = 88.5
    book.save(path)
    w = wizard(path)
    next_page(qtbot, w)
    assert w.mapping_page.period_edit.text() == "2022-07"
    assert "识别为月报" in w.mapping_page.info.text()
    next_page(qtbot, w)
    assert "2022-07 月报：新增 1 条" in w.preview_page.summary.text()
    next_page(qtbot, w)
    report = store.monthly_reports(Period(2022, 7))[project.id]
    assert str(report.month_investment) == "88.50"
    text = w.done_page.label.text()
    assert "新增 1 条月报" in text and "2022年7月 已报齐 1/" in text


def test_preview_model_filters_by_status(qtmodeltester, store):
    from desktop_app.importers import preview_file

    model = PreviewModel()
    model.set_preview(preview_file(store, MESSY), "new")
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    model.set_preview(None)
    assert model.rowCount() == 0


def test_screens_render_chinese(qtbot, wizard, tmp_path):
    """Render the pages (look at them: tests/ui output under tmp_path)."""
    from PySide6.QtGui import QRawFont

    from desktop_app.ui.common.fonts import ensure_cjk_font

    ensure_cjk_font()
    w = wizard()
    next_page(qtbot, w)
    w.mapping_page.table.resizeColumnsToContents()
    assert w.grab().save(str(tmp_path / "mapping.png"))
    raw = QRawFont.fromFont(w.mapping_page.table.font())
    assert all(raw.glyphIndexesForString("项目业主建设单位总投资亿元"))  # no missing glyph
    next_page(qtbot, w)
    assert w.grab().save(str(tmp_path / "preview.png"))
