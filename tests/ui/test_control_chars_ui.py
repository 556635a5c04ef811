"""Control characters typed or pasted into the project form and the monthly grid are not
stored; the form says what it removed beside the field (issue 12, item 8)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desktop_app.ui.monthly.cells import parse_cell
from desktop_app.ui.monthly.grid import GRID_INDEX


def _clean(value: str) -> bool:
    return all(ch == "\n" or ch.isprintable() for ch in value)


def test_the_form_stores_clean_text_and_says_what_it_removed(make_window, store):
    window = make_window(store)
    project = store.find_project("LY2022-001")
    dialog = window.edit_project(project.id)
    name = dialog.editors["name"]
    scope = dialog.editors["scope"]
    assert isinstance(name, QLineEdit) and isinstance(scope, QPlainTextEdit)
    name.setText("鑫达钢铁\x1b[31m热轧\u202e带钢")
    scope.setPlainText("一、主体\x07完工\n二、设备\x00进场")
    dialog.validate()
    message = dialog.messages["name"]
    assert not message.isHidden()
    assert "已去掉 1 个控制字符（ESC）" in message.text()
    assert "已去掉 1 个文字方向控制符（U+202E）" in message.text()
    assert "已去掉 2 个控制字符（BEL、NUL）" in dialog.messages["scope"].text()
    assert dialog.values()["name"] == "鑫达钢铁[31m热轧带钢"
    assert dialog.try_save()
    saved = store.get_project(project.id)
    assert saved.name == "鑫达钢铁[31m热轧带钢"
    assert saved.scope == "一、主体完工\n二、设备进场"


def test_a_name_of_control_characters_only_is_an_empty_name(make_window, store):
    window = make_window(store)
    dialog = window.edit_project(store.find_project("LY2022-002").id)
    dialog.editors["name"].setText("\x1b\x00\u200b")
    assert not dialog.try_save()
    assert "项目名称不能为空" in dialog.messages["name"].text()
    dialog.reject()


def test_grid_cells_are_cleaned():
    assert parse_cell("progress_notes", "厂房\x1b封顶\n设备进场") == "厂房封顶\n设备进场"
    assert parse_cell("progress_text", "主体\u202e完工\n") == "主体完工"
    assert parse_cell("reporter", "\x07") is None
    assert parse_cell("month_investment", "1,000\x00") == Decimal("1000.00")
    assert parse_cell("progress_pct", "45\u200b%") == 45


def test_pasting_into_the_grid_stores_clean_text(make_window, store):
    window = make_window(store)
    window.tabs.setCurrentIndex(1)
    grid = window.monthly
    june = window.current_period()
    project = store.find_project("LY2022-001")
    row = grid.model.project_ids().index(project.id)
    grid.view.setCurrentIndex(grid.model.index(row, GRID_INDEX["month_investment"]))
    assert grid.view.paste_clipboard("100\t50\t主体\x1b[2J施工\t进展\u202e顺利\t无\x00\r\n") == 1
    report = store.monthly_reports(june)[project.id]
    assert (report.progress_text, report.progress_notes, report.problems) == (
        "主体[2J施工",
        "进展顺利",
        "无",
    )
    assert all(_clean(v) for v in (report.progress_text, report.progress_notes, report.problems))
