"""The export dialog (worker thread, progress, "export what I see") and the template dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from python_calamine import CalamineWorkbook

from desktop_app.domain.periods import Period
from desktop_app.store import Store
from desktop_app.ui.dialogs.export import ExportDialog, ExportWorker
from desktop_app.ui.dialogs.template import TemplateDialog


@pytest.fixture
def demo_store(demo_copy: Path):
    s = Store.open(demo_copy, user="测试员")
    yield s
    s.close()


def rows_of(path: Path) -> list[list]:
    with CalamineWorkbook.from_path(str(path)) as book:
        return book.get_sheet_by_index(0).to_python(skip_empty_area=False)


def test_dialog_offers_reports_periods_and_groupings(qtbot, demo_store, settings):
    dialog = ExportDialog(demo_store, settings=settings, period=Period(2022, 6))
    qtbot.addWidget(dialog)
    boxes = dialog.report_box
    assert [boxes.itemText(i) for i in range(boxes.count())] == [
        "重点项目台账", "月度调度表", "问题清单", "分类汇总",
    ]  # fmt: skip
    assert dialog.period_box.currentText() == "2022年6月"
    assert not dialog.period_box.isEnabled()  # the ledger has no period
    assert dialog.group_box.currentData() == "region"
    assert dialog.file_edit.text().endswith("重点项目台账.xlsx")
    dialog.set_report("monthly")
    assert dialog.period_box.isEnabled() and dialog.group_box.currentData() == "none"
    assert dialog.file_edit.text().endswith("月度调度表_2022-06.xlsx")
    dialog.set_report("problems")
    groups = [dialog.group_box.itemData(i) for i in range(dialog.group_box.count())]
    assert groups == ["leader", "department", "region", "none"]
    dialog.set_report("summary")
    assert not dialog.group_box.isEnabled()
    assert not dialog.view_button.isEnabled()  # no view given: all projects


def test_export_what_i_see_in_the_background(qtbot, demo_store, settings, tmp_path):
    ids = [p.id for p in demo_store.projects() if p.region == "龙山区"]
    dialog = ExportDialog(
        demo_store, settings=settings, project_ids=ids, period=Period(2022, 6), report="monthly"
    )
    qtbot.addWidget(dialog)
    assert dialog.view_button.isChecked() and f"{len(ids)} 个" in dialog.view_button.text()
    target = tmp_path / "龙山区月报.xlsx"
    dialog.file_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert not dialog.progress.isHidden() and not dialog.export_button.isEnabled()
    result = blocker.args[0]
    qtbot.waitUntil(lambda: dialog.worker is None)
    assert result.path == target and result.items == len(ids)
    assert "已导出" in dialog.status.text() and not dialog.open_button.isHidden()
    assert dialog.progress.isHidden() and dialog.export_button.isEnabled()
    rows = rows_of(target)
    assert rows[0][0] == "2022年6月重点项目月度调度表（筛选结果）"
    regions = {r[3] for r in rows[4:] if isinstance(r[0], float)}
    assert regions == {"龙山区"}
    assert settings.value("reports/folder") == str(tmp_path)
    dialog.all_button.setChecked(True)
    assert dialog.options()["project_ids"] is None


def test_errors_show_in_the_dialog(qtbot, demo_store, settings, tmp_path):
    dialog = ExportDialog(demo_store, settings=settings)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(tmp_path / "没有的文件夹" / "a.xlsx"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20_000)
    assert dialog.status.text().startswith("导出失败：文件夹不存在")


def test_a_cancelled_export_writes_no_file(qtbot, demo_store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "a.xlsx"
    worker = ExportWorker(demo_store.path, "ledger", target, {})
    messages = []
    worker.failed.connect(messages.append)
    worker.cancel()
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        worker.start()
    qtbot.waitUntil(lambda: bool(messages))
    assert messages == ["已取消，未生成文件"]
    assert list(out.iterdir()) == []


def test_template_dialog_writes_the_chosen_units(
    qtbot, qtmodeltester, demo_store, settings, tmp_path
):
    dialog = TemplateDialog(demo_store, settings=settings)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.units)
    assert dialog.period == Period(2022, 7)  # the month after the newest reports
    assert dialog.units.rowCount() == 15
    first = dialog.units.index(0, 0)
    assert "个项目" in first.data() and "未报" in first.data()
    dialog.units.set_all(False)
    dialog.units.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.folder_edit.setText(str(tmp_path / "模板"))
    written = dialog.make()
    assert len(written) == 1 and written[0].exists()
    assert "已生成 1 份2022年7月填报模板" in dialog.status.text()
    dialog.units.set_all(False)
    assert dialog.make() == [] and "至少选择" in dialog.status.text()


def test_template_dialog_packs_the_round_into_one_zip_and_shows_the_deadline(
    qtbot, demo_store, settings, tmp_path
):
    import zipfile

    dialog = TemplateDialog(demo_store, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.deadline.text().startswith("2022-08-05")
    dialog.folder_edit.setText(str(tmp_path / "模板"))
    dialog.zip_box.setChecked(True)
    written = dialog.make()
    archive = tmp_path / "模板" / "月度调度填报模板_2022-07.zip"
    assert "月度调度填报模板_2022-07.zip" in dialog.status.text()
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    assert len(names) == len(written) == 15 and all(n.endswith(".xlsx") for n in names)
    assert list((tmp_path / "模板").iterdir()) == [archive]  # no loose files beside it
