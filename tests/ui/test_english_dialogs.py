"""With the English translation installed, the dialogs and the dashboard read in English;
without it they keep their Chinese texts."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget, QWizard

from desktop_app.ui.app import install_translator
from desktop_app.ui.dashboard import Dashboard
from desktop_app.ui.dialogs.backup import BackupDialog
from desktop_app.ui.dialogs.export import ExportDialog
from desktop_app.ui.dialogs.import_wizard import ImportWizard

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def english(qapp):
    assert install_translator(qapp, "en")
    yield
    install_translator(qapp, "zh_CN")


def visible_texts(widget: QWidget) -> list[str]:
    """Window title, button texts and label texts a user sees on the widget."""
    texts = [widget.windowTitle()]
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget) and button.text():
            texts.append(button.text())
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget) and label.text():
            texts.append(label.text())
    return texts


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def open_dialogs(qtbot, store, settings) -> dict[str, QWidget]:
    export = ExportDialog(store, settings=settings)
    wizard = ImportWizard(store, settings=settings)
    backup = BackupDialog(store)
    dash = Dashboard(store)
    dash.resize(1400, 800)
    widgets = {"export": export, "import": wizard, "backup": backup, "dashboard": dash}
    for w in widgets.values():
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
    return widgets


def test_dialogs_and_dashboard_read_in_english(qtbot, english, store, settings):
    w = open_dialogs(qtbot, store, settings)
    assert w["export"].windowTitle() == "Export Excel report"
    assert w["import"].windowTitle() == "Import Excel"
    assert w["backup"].windowTitle() == "Backup and restore"
    assert w["export"].export_button.text() == "Export"
    groupings = [w["export"].group_box.itemText(i) for i in range(w["export"].group_box.count())]
    assert "By District" in groupings
    assert w["backup"].backup_button.text() == "Back up now"
    assert w["import"].button(QWizard.WizardButton.NextButton).text() == "Next"
    assert w["import"].currentPage().title() == "Choose the Excel file to import"
    for name in ("export", "import", "backup"):
        chinese = [t for t in visible_texts(w[name]) if CJK.search(t)]
        assert chinese == [], name
    assert headers(w["backup"].model) == ["Backed up", "Reason", "Projects", "Size", "Check"]

    dash = w["dashboard"]
    qtbot.waitUntil(lambda: dash.data is not None)
    assert dash.lagging_title.text().startswith("Ten most lagging projects")
    assert dash.group_chart.title_text() == "By District: annual plan and year to date"
    assert dash.light_chart.title_text() == "Status lights"
    assert headers(dash.lagging_model)[3] == "Annual plan (10k CNY)"
    assert "schedule" in dash.summary.text() and "completion" in dash.summary.text()
    static = [dash.lagging_title.text(), dash.lagging_note.text()]
    static += [b.text() for b in dash.findChildren(QAbstractButton) if b.text()]
    static += [c.title_text() for c in dash.charts]
    assert [t for t in static if CJK.search(t)] == []


def test_the_chinese_default_is_unchanged(qtbot, store, settings):
    w = open_dialogs(qtbot, store, settings)
    assert w["export"].windowTitle() == "导出 Excel 报表"
    assert w["import"].windowTitle() == "导入 Excel"
    assert w["backup"].windowTitle() == "备份与恢复"
    assert w["export"].export_button.text() == "导出"
    assert w["backup"].backup_button.text() == "立即备份"
    assert headers(w["backup"].model) == ["备份时间", "原因", "项目数", "大小", "校验"]
    dash = w["dashboard"]
    qtbot.waitUntil(lambda: dash.data is not None)
    assert dash.lagging_title.text().startswith("滞后项目前十")
    assert dash.group_chart.title_text() == "按所属县区：年度计划与本年累计完成"
    assert headers(dash.lagging_model)[3] == "年度计划(万元)"
