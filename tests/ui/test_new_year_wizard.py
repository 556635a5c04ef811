"""年度切换… in the window: the wizard's preview with a checkbox per offered line, one action
after a backup, the window on January of the new year, and the refusal of a second start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.domain.new_year import KIND_LABELS
from desktop_app.domain.periods import Period
from desktop_app.store import Store
from desktop_app.store.backup import list_backups
from desktop_app.ui.dialogs.new_year import KIND_NAMES, NewYearWizard
from tests.store.test_years_change import make_ledger, rows_of

CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "years.sqlite"
    with Store.create(path, user="测试员", portfolio=False) as store:
        ids = make_ledger(store)
    store = Store.open(path, user="测试员")
    yield store, ids
    store.close()


def wait_preview(qtbot, wizard: NewYearWizard) -> None:
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.job is None, timeout=10_000)


def commit(qtbot, wizard: NewYearWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)


def row_of(model, code: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 2).data() == code)


def open_wizard(qtbot, store) -> NewYearWizard:
    wizard = NewYearWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def test_preview_ticks_and_starts_the_year(qtbot, qtmodeltester, ledger):
    store, _ids = ledger
    wizard = open_wizard(qtbot, store)
    assert wizard.year_page.year_box.value() == 2023
    assert "台账当前年度：2022年，名单内 7 个项目" in wizard.year_page.info.text()
    wizard.year_page.reserve_box.setChecked(True)  # reserve lines ticked by default
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    wait_preview(qtbot, wizard)
    page = wizard.preview_page
    model = page.model
    qtmodeltester.check(model)
    assert model.rowCount() == 10
    assert page.summary.text() == (
        "2023年名单（依据2022年名单）：结转续建 4 个；竣工投产 2 个，列入建成达产达效 2 个；"
        "储备项目 2 个，列入 2 个；不再列入 2 个。新年度名单共 8 个项目，年度计划投资待填报。"
    )
    assert [page.filter_box.itemText(i) for i in range(page.filter_box.count())] == [
        "全部（10）", "结转续建（4）", "竣工投产（2）", "储备项目（2）", "不再列入（2）",
    ]  # fmt: skip
    # carried and dropped lines have no checkbox; offered ones do
    carried, finished = row_of(model, "NY01"), row_of(model, "NY06")
    assert model.index(carried, 0).data() == "必列"
    assert not model.flags(model.index(carried, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(row_of(model, "NY09"), 0).data() == "不列"
    assert model.index(finished, 0).data(CHECK) == Qt.CheckState.Checked
    assert model.index(carried, 6).data() == "续建"
    assert model.index(carried, 7).data() == "在建，未完工：结转，建设性质为续建（上年新建）"
    # the clerk leaves NY06 and NY07 off
    assert model.setData(model.index(finished, 0), Qt.CheckState.Unchecked.value, CHECK)
    assert model.setData(model.index(row_of(model, "NY07"), 0), Qt.CheckState.Unchecked, CHECK)
    assert model.index(finished, 6).data() == ""  # not on the new list: no new nature
    assert "列入建成达产达效 1 个" in page.summary.text()
    assert "新年度名单共 6 个项目" in page.summary.text()
    commit_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit_button.text() == "建立名单" and commit_button.isEnabled()
    started = []
    wizard.started.connect(started.append)
    commit(qtbot, wizard)
    assert len(started) == 1 and started[0].total == 6
    with Store.open_reader(store.path) as reader:
        assert sorted(rows_of(reader, 2023)) == ["NY01", "NY02", "NY03", "NY04", "NY05", "NY08"]
    text = wizard.done_page.label.text()
    assert "已建立2023年重点项目名单：6 个项目（结转续建 4，建成达产达效 1，储备 1）" in text
    assert "写入前的备份：" in text
    assert list_backups(store.path)[0].reason == "年度切换前：建立2023年重点项目名单"


def test_the_filter_shows_one_kind_and_ticks_all_of_it(qtbot, ledger):
    store, _ids = ledger
    wizard = open_wizard(qtbot, store)
    wizard.next()
    wait_preview(qtbot, wizard)
    page = wizard.preview_page
    page.filter_box.setCurrentIndex(page.filter_box.findData("reserve"))
    model = page.model
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == ["NY07", "NY08"]
    assert "储备项目 2 个，列入 0 个" in page.summary.text()
    qtbot.mouseClick(page.check_all, Qt.MouseButton.LeftButton)
    assert "储备项目 2 个，列入 2 个" in page.summary.text()
    assert all(
        model.index(r, 0).data(CHECK) == Qt.CheckState.Checked for r in range(model.rowCount())
    )


def test_a_started_year_is_refused_in_the_preview(qtbot, ledger):
    store, _ids = ledger
    store.start_year(2023)
    wizard = open_wizard(qtbot, store)
    wizard.year_page.year_box.setMinimum(2023)
    wizard.year_page.year_box.setValue(2023)
    wizard.next()
    wait_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.error.text().startswith("2023年的项目名单已经建立（6个项目）；不能再次年度切换。")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert page.model.rowCount() == 0


def test_the_window_opens_it_from_tools_and_then_shows_january(qtbot, make_window, ledger):
    store, _ids = ledger
    window = make_window(store)
    action = window.action("actionNewYear")
    assert action.text() == "年度切换…"
    assert action in window.menus["menuTools"].actions()
    action.trigger()
    wizard = window.findChild(NewYearWizard)
    assert wizard.isVisible() and wizard.isModal()
    wizard.next()
    wait_preview(qtbot, wizard)
    commit(qtbot, wizard)
    window.wait_loaded()
    assert window.current_period() == Period(2023, 1)
    assert window.period_combo.currentData() == "2023-01"
    assert window.undo_stack.count() == 0
    wizard.accept()


def test_the_kinds_are_named_as_the_domain_names_them():
    assert KIND_NAMES == KIND_LABELS
