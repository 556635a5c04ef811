"""Editing a project through the form: store, change history, validation, undo and redo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop_app.ui.models.project import COLUMN_INDEX


def open_form(window, code: str):
    project = window.store.find_project(code)
    dialog = window.edit_project(project.id)
    assert dialog is not None and dialog.isVisible()
    return project, dialog


def line(dialog, field: str) -> QLineEdit:
    widget = dialog.editors[field]
    assert isinstance(widget, QLineEdit)
    return widget


def test_changing_a_field_in_the_form_saves_it_with_history_and_refreshes_the_table(
    make_window, store
):
    window = make_window(store)
    project, dialog = open_form(window, "LY2022-001")
    line(dialog, "total_investment").setText("1,200,000")
    line(dialog, "annual_plan").setText("30亿")
    line(dialog, "leader").setText("李副市长")
    combo = dialog.editors["region"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("龙山区"))
    assert dialog.try_save()
    assert not dialog.isVisible()

    saved = store.get_project(project.id)
    assert saved.total_investment == Decimal("1200000.00")
    assert saved.annual_plan == Decimal("300000.00")
    assert (saved.leader, saved.region) == ("李副市长", "龙山区")
    history = {
        h.field: h for h in store.history(project_id=project.id) if h.table_name == "projects"
    }
    assert history["total_investment"].old_value is None
    assert history["total_investment"].new_value == "1200000.00"
    assert history["leader"].user == "张科员"  # the user name from the settings
    assert history["leader"].description == "编辑项目：鑫达钢铁180万吨热轧带钢"

    row = window.model.row_of(project.id)
    assert window.model.index(row, COLUMN_INDEX["total_investment"]).data() == "1,200,000.00"
    assert window.model.index(row, COLUMN_INDEX["leader"]).data() == "李副市长"


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "", "项目名称不能为空"),
        ("total_investment", "-5", "总投资不能为负数"),
        ("total_investment", "五百", "“五百”不是有效的金额"),
        ("planned_end", "2021-03", "计划竣工早于计划开工"),
        ("planned_start", "2022年13月", "不是有效的日期"),
        ("code", "LY2022-002", "项目编号“LY2022-002”已被其他项目使用"),
    ],
)
def test_invalid_input_shows_its_message_beside_the_field_and_saves_nothing(
    make_window, store, field, text, message
):
    window = make_window(store)
    project, dialog = open_form(window, "LY2022-001")
    line(dialog, "planned_start").setText("2022-04")
    actions_before = store.action_count()
    line(dialog, field).setText(text)
    assert not dialog.try_save()
    label = dialog.messages[field]
    assert label.isVisible() or not label.isHidden()
    assert message in label.text()
    assert "C62828" in label.styleSheet()  # errors in red
    assert message in dialog.banner.text()
    assert dialog.isVisible()
    assert store.action_count() == actions_before
    assert store.get_project(project.id).version == project.version


def test_a_plan_above_the_total_is_a_warning_and_still_saves(make_window, store):
    window = make_window(store)
    project, dialog = open_form(window, "LY2022-002")
    line(dialog, "total_investment").setText("100")
    line(dialog, "annual_plan").setText("200")
    issues = dialog.validate()
    assert [i.severity for i in issues] == ["warning"]
    assert "年度计划投资大于总投资" in dialog.messages["annual_plan"].text()
    assert "B26A00" in dialog.messages["annual_plan"].styleSheet()
    assert dialog.try_save()
    assert store.get_project(project.id).annual_plan == Decimal("200.00")


def test_undo_and_redo_of_an_edit(make_window, store):
    window = make_window(store)
    project, dialog = open_form(window, "LY2022-003")
    line(dialog, "owner").setText("巨峰生化科技")
    assert dialog.try_save()
    assert store.get_project(project.id).owner == "巨峰生化科技"

    window.action_undo.trigger()
    assert store.get_project(project.id).owner == project.owner
    row = window.model.row_of(project.id)
    assert window.model.index(row, COLUMN_INDEX["owner"]).data() == (project.owner or "")
    assert store.history(project_id=project.id)[0].description.startswith("撤销：编辑项目")

    window.action_redo.trigger()
    assert store.get_project(project.id).owner == "巨峰生化科技"


def test_delete_asks_first_and_undo_brings_the_project_back(make_window, store, monkeypatch):
    window = make_window(store)
    project = store.find_project("LY2022-010")
    asked = []
    monkeypatch.setattr(window, "confirm_delete", lambda name: asked.append(name) or False)
    assert not window.delete_project(project.id)
    assert store.find_project("LY2022-010") is not None

    monkeypatch.setattr(window, "confirm_delete", lambda name: True)
    assert window.delete_project(project.id)
    assert asked == [project.name]
    assert store.find_project("LY2022-010") is None
    assert window.model.rowCount() == 50 and window.model.row_of(project.id) is None

    window.action_undo.trigger()
    back = store.find_project("LY2022-010")
    assert back is not None and back.id == project.id and back.name == project.name
    assert window.model.rowCount() == 51

    window.action_redo.trigger()
    assert store.find_project("LY2022-010") is None


def test_new_and_duplicate_projects_get_a_fresh_code_and_undo_removes_them(make_window, store):
    window = make_window(store)
    dialog = window.new_project()
    code = line(dialog, "code").text()
    assert code.startswith("LY") and store.find_project(code) is None
    line(dialog, "name").setText("辽源新材料产业园")
    sector = dialog.editors["sector"]
    sector.setCurrentIndex(sector.findData("工业"))
    assert dialog.try_save()
    created = store.find_project(code)
    assert created is not None and created.sector == "工业"
    assert window.model.rowCount() == 52
    assert window.current_project_id() == created.id

    copy = window.duplicate_project(created.id)
    assert line(copy, "name").text() == "辽源新材料产业园（复制）"
    assert line(copy, "code").text() not in ("", code)
    assert copy.try_save()
    assert window.model.rowCount() == 53

    window.action_undo.trigger()
    window.action_undo.trigger()
    assert store.find_project(code) is None
    assert window.model.rowCount() == 51


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_form(
    make_window, store, monkeypatch
):
    window = make_window(store)
    project, dialog = open_form(window, "LY2022-004")
    line(dialog, "secretary").setText("赵秘书")
    answers = iter(["cancel", "discard"])
    monkeypatch.setattr(dialog, "ask_unsaved", lambda: next(answers))
    dialog.reject()
    assert dialog.isVisible()
    dialog.reject()
    assert not dialog.isVisible()
    assert store.get_project(project.id).secretary is None


def test_closing_an_unchanged_form_does_not_ask(make_window, store, monkeypatch):
    window = make_window(store)
    _project, dialog = open_form(window, "LY2022-004")
    monkeypatch.setattr(dialog, "ask_unsaved", lambda: pytest.fail("asked without changes"))
    dialog.reject()
    assert not dialog.isVisible()


def test_someone_elses_save_in_between_is_not_overwritten(make_window, store, ledger_path):
    from desktop_app.store import Store

    window = make_window(store)
    project, dialog = open_form(window, "LY2022-005")
    with Store.open(ledger_path, user="另一位科员") as other:
        other.update_project(project.id, {"owner": "辽源矿业集团"})
    line(dialog, "owner").setText("我的修改")
    assert not dialog.try_save()
    assert "已被他人修改" in dialog.banner.text()
    assert store.get_project(project.id).owner == "辽源矿业集团"


def test_project_tabs_show_monthly_history_milestones_problems_and_changes(
    make_window, store, monkeypatch
):
    from desktop_app.store import Milestone, MonthlyReport, Problem

    project = store.find_project("LY2022-001")
    store.save_monthly_reports(
        [
            MonthlyReport(project.id, "2022-05", Decimal("1000"), 40, "主体施工", "厂房封顶"),
            MonthlyReport(project.id, "2022-06", Decimal("500"), 50),
        ]
    )
    store.save_milestone(Milestone(project.id, "设备安装", planned_date="2022-03"))
    store.save_problem(Problem(project.id, "用电增容未批复", department="供电公司"))
    window = make_window(store)
    dialog = window.edit_project(project.id)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["基本信息", "月度调度记录", "关键节点", "问题", "修改记录", "进度图表"]

    monthly = dialog.monthly_model
    assert monthly.rowCount() == 2
    assert [monthly.index(0, c).data() for c in range(4)] == [
        "2022-06",
        "500.00",
        "1,500.00",
        "50.0%",
    ]
    milestones = dialog.milestone_model
    assert milestones.index(0, 0).data() == "设备安装"
    assert milestones.index(0, 3).data() == "已逾期"
    problems = dialog.problem_model
    assert (problems.index(0, 0).data(), problems.index(0, 1).data()) == (
        "用电增容未批复",
        "未解决",
    )
    history = dialog.history_model
    assert history.rowCount() > 0
    assert {history.index(r, 1).data() for r in range(history.rowCount())} == {"测试员"}

    # marking the problem solved goes through the undo stack and shows at once
    from desktop_app.ui.dialogs import project_records

    class Solved:
        def __init__(self, kind, record, parent):
            from dataclasses import replace

            self.result_record = replace(record, status="solved", solution="已协调供电公司")

        def exec(self):
            return project_records.QDialog.DialogCode.Accepted

    monkeypatch.setattr(project_records, "ChildDialog", Solved)
    dialog.problem_view.setCurrentIndex(problems.index(0, 0))
    dialog.edit_child("problem", dialog._selected(dialog.problem_view))
    assert store.problems(project_id=project.id)[0].status == "solved"
    assert problems.index(0, 1).data() == "已解决"
    assert history.index(0, 3).data().startswith("问题")
    assert history.index(0, 1).data() == "张科员"
    window.action_undo.trigger()
    assert store.problems(project_id=project.id)[0].status == "open"
    assert problems.index(0, 1).data() == "未解决"


# ------------------------------------------------ the form does not jump (issue 14, item 8)
def field_places(dialog) -> dict[str, tuple[int, int, int, int]]:
    """Where each field's editor is in the dialog (x, y, width, height)."""
    places = {}
    for name, editor in dialog.editors.items():
        corner = editor.mapTo(dialog, editor.rect().topLeft())
        places[name] = (corner.x(), corner.y(), editor.width(), editor.height())
    return places


def activate(qtbot, dialog) -> None:
    """Make ``dialog`` the active window (keys and focus go there), as a user's click does."""
    from PySide6.QtWidgets import QApplication

    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def type_in(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget`` (given the focus) as a user does: ASCII as key presses,
    the rest as an input method (拼音) commits it (QTest's key clicks accept Latin-1 only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def typed_into(window, qtbot, code: str, field: str, text: str):
    """The form of project ``code`` opened and active, ``text`` typed into its ``field``:
    (the project as it was, the dialog, the field's editor)."""
    project, dialog = open_form(window, code)
    activate(qtbot, dialog)
    edit = line(dialog, field)
    type_in(qtbot, edit, text)
    return project, dialog, edit


def test_messages_appearing_and_going_never_move_a_field(make_window, store, qtbot):
    window = make_window(store)
    _project, dialog = open_form(window, "LY2022-001")
    activate(qtbot, dialog)
    before = field_places(dialog)
    assert all(not label.text() for label in dialog.messages.values())

    line(dialog, "name").setText("")
    line(dialog, "total_investment").setText("五百")
    line(dialog, "planned_start").setText("2022年13月")
    line(dialog, "leader").setText("李副市长\x07")  # a warning: the control character is removed
    assert not dialog.try_save()  # and the banner below the fields says why
    qtbot.wait(10)
    shown = {name for name, label in dialog.messages.items() if label.text()}
    assert shown == {"name", "total_investment", "planned_start", "leader"}
    assert dialog.banner.text().startswith("未保存")
    assert field_places(dialog) == before

    line(dialog, "name").setText("鑫达钢铁180万吨热轧带钢")
    line(dialog, "total_investment").setText("500")
    line(dialog, "planned_start").setText("2022-03")
    line(dialog, "leader").setText("李副市长")
    qtbot.wait(10)
    assert all(not label.text() for label in dialog.messages.values())
    assert dialog.banner.text() == ""  # mended: the banner's "未保存：…" went with them
    assert field_places(dialog) == before


def test_a_long_message_is_cut_to_its_line_and_shown_whole_in_the_tooltip(
    make_window, store, qtbot
):
    window = make_window(store)
    _project, dialog = open_form(window, "LY2022-001")
    activate(qtbot, dialog)
    before = field_places(dialog)
    line(dialog, "owner").setText("鑫达\x07钢铁\u202e集团\u200b有限\x00公司\x1b")
    label = dialog.messages["owner"]
    assert "控制字符" in label.text() and "文字方向控制符" in label.text()
    assert label.is_cut() and label.toolTip() == label.text()
    assert field_places(dialog) == before


def test_ctrl_s_saves_the_form(make_window, store, qtbot):
    window = make_window(store)
    project, dialog, edit = typed_into(window, qtbot, "LY2022-003", "secretary", "王秘书")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert store.get_project(project.id).secretary == "王秘书"


def test_ctrl_s_with_an_error_keeps_the_form_open_and_says_why(make_window, store, qtbot):
    window = make_window(store)
    project, dialog, edit = typed_into(window, qtbot, "LY2022-003", "annual_plan", "三千")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert "“三千”不是有效的金额" in dialog.banner.text()
    assert store.get_project(project.id).version == project.version


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("1.2亿", "12,000.00"),
        ("3,000", "3,000.00"),
        ("1,234.5万", "1,234.50"),
        ("１２３４．５", "1,234.50"),
        ("3000000元", "300.00"),
        (" 88 ", "88.00"),
    ],
)
def test_an_amount_is_shown_as_the_ledger_keeps_it_when_the_field_is_left(
    make_window, store, qtbot, typed, shown
):
    window = make_window(store)
    _project, dialog = open_form(window, "LY2022-006")
    activate(qtbot, dialog)
    edit = line(dialog, "total_investment")
    edit.setFocus()
    edit.clear()
    type_in(qtbot, edit, typed)
    assert edit.text() == typed  # as typed while typing
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not edit.hasFocus()
    assert edit.text() == shown
    assert dialog.messages["total_investment"].text() == ""


def test_an_unreadable_amount_says_so_at_once_and_stays_as_typed(make_window, store, qtbot):
    window = make_window(store)
    _project, dialog, edit = typed_into(window, qtbot, "LY2022-006", "annual_plan", "1.2亿元多")
    assert "“1.2亿元多”不是有效的金额" in dialog.messages["annual_plan"].text()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "1.2亿元多"
    assert "不是有效的金额" in dialog.messages["annual_plan"].text()


def test_the_delete_question_is_short_and_ends_with_a_full_width_question_mark(
    make_window, store, message_boxes
):
    window = make_window(store)
    project = store.find_project("LY2022-010")
    assert not window.page.confirm_delete(project.name)  # the recorded box answers No
    kind, text = message_boxes[-1]
    question = text.splitlines()[0]
    assert kind == "question"
    assert question == f"确定删除项目“{project.name}”吗？"
    assert "?" not in text and "撤销" in text
