"""文件 ▸ 新建台账 / 打开台账 / 最近打开 / 另存为: the real menu actions on real ledgers, only
the file dialogs answered by the test (issue 14, item 3)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.recent import (
    free_ledger_name,
    ledger_file_name,
    recent_list,
    start_ledger,
    without,
)
from desktop_app.store import Store
from desktop_app.store.demo import make_demo
from desktop_app.ui.common.instance_guard import InstanceGuard
from desktop_app.ui.window import ledger_files
from desktop_app.ui.window.ledger_files import NewLedgerDialog, current_window


@pytest.fixture(autouse=True)
def _close_switched_windows():
    """The windows a switch made are closed and let go after each test (as on quitting)."""
    yield
    for window in list(ledger_files._windows):
        window.close()
        window.files.release()
        ledger_files._windows.remove(window)
        window.deleteLater()


@pytest.fixture
def other_ledger(tmp_path: Path) -> Path:
    """A second ledger, of another county: 7 sample projects."""
    path = tmp_path / "东丰县台账.sqlite"
    make_demo(path, projects=7, years=1, seed=3)
    return path


def answer_open(monkeypatch, path: Path | str) -> list:
    """QFileDialog.getOpenFileName answers ``path``; returns the calls it got."""
    calls: list = []

    def dialog(*args, **kwargs):
        calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    return calls


def answer_save(monkeypatch, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def switched(window):
    """The window showing the ledger after the opening (or copy) under way is done."""
    window.files.wait()
    now = current_window(window)
    now.wait_loaded()
    return now


def codes(window) -> set[str]:
    return {p.code for p in window.store.projects()}


def test_open_another_ledger_shows_it_in_the_windows_place(
    make_window, store, other_ledger, monkeypatch, settings, qtbot
):
    window = make_window(store)
    assert window.model.rowCount() == 51
    calls = answer_open(monkeypatch, other_ledger)
    window.action("actionOpenLedger").trigger()
    new = switched(window)
    assert calls and Path(calls[0][2]) == store.path.absolute().parent  # starts in its folder
    assert new is not window and new.isVisible() and not window.isVisible()
    assert new.windowTitle() == "东丰县台账.sqlite"
    assert new.model.rowCount() == 7
    with Store.open_reader(other_ledger) as reader:
        assert codes(new) == {p.code for p in reader.projects()}
    assert "东丰县台账.sqlite" in new.file_label.text()
    # the old ledger is let go: its store closed, its lock free for the next opening
    with pytest.raises(sqlite3.ProgrammingError):
        store.project_count()
    guard = InstanceGuard(store.path)
    assert guard.acquire()
    guard.release()
    # remembered: the last ledger, first in 最近打开
    assert Path(settings.last_database) == other_ledger.absolute()
    assert Path(settings.recent_ledgers()[0]) == other_ledger.absolute()
    # and the new window opens further ledgers the same way
    answer_open(monkeypatch, store.path)
    new.action("actionOpenLedger").trigger()
    back = switched(new)
    assert back.model.rowCount() == 51 and not new.isVisible()


def test_opening_the_open_ledger_again_changes_nothing(make_window, store, monkeypatch):
    window = make_window(store)
    answer_open(monkeypatch, store.path)
    window.action("actionOpenLedger").trigger()
    assert switched(window) is window
    assert "已经打开" in window.statusBar().currentMessage()
    assert store.project_count() == 51


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "笔记.sqlite"
    path.write_text("这不是台账，是一份笔记。\n" * 50, encoding="utf-8")
    return path


def _other_apps_db(tmp_path: Path) -> Path:
    path = tmp_path / "其他程序.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('x')")
    conn.close()
    return path


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "坏台账.sqlite"
    Store.create(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size - 2 * 4096)
    return path


@pytest.mark.parametrize(
    ("make", "said"),
    [(_foreign, "无法打开“笔记.sqlite”"), (_other_apps_db, "无法打开“其他程序.sqlite”")],
)
def test_a_file_that_is_no_ledger_keeps_the_current_one(
    make_window, store, tmp_path, monkeypatch, message_boxes, make, said
):
    window = make_window(store)
    bad = make(tmp_path)
    answer_open(monkeypatch, bad)
    window.action("actionOpenLedger").trigger()
    assert switched(window) is window
    assert window.isVisible() and window.model.rowCount() == 51
    assert store.project_count() == 51  # still open and usable
    kind, text = message_boxes[-1]
    assert kind == "warning" and said in text and "当前台账“ledger.sqlite”仍然打开" in text
    assert not any(Path(p).name == bad.name for p in window.settings.recent_ledgers())


def test_a_damaged_ledger_offers_its_backup_and_keeps_the_current_one(
    make_window, store, tmp_path, monkeypatch
):
    from desktop_app.ui.dialogs import backup as backup_dialog

    window = make_window(store)
    bad = _damaged(tmp_path)
    offered = []
    monkeypatch.setattr(
        backup_dialog, "offer_restore_on_damage", lambda *a, **k: offered.append(a) or None
    )
    answer_open(monkeypatch, bad)
    window.action("actionOpenLedger").trigger()
    assert switched(window) is window
    assert offered and offered[0][1] == bad  # the restore offer, declined
    assert window.isVisible() and store.project_count() == 51


def test_a_recent_ledger_that_is_gone_leaves_the_list_with_a_message(
    make_window, store, other_ledger, tmp_path, settings, message_boxes, qtbot
):
    gone = tmp_path / "已删除的台账.sqlite"
    settings.set_recent_ledgers([str(gone), str(other_ledger), str(store.path)])
    window = make_window(store)
    menu = window.menus["menuRecentLedgers"]
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == f"&1  已删除的台账.sqlite　—　{tmp_path}"
    assert texts[1].startswith("&2  东丰县台账.sqlite")
    assert texts[2].endswith("（当前）")
    assert not menu.actions()[2].isEnabled()
    menu.actions()[0].trigger()
    kind, text = message_boxes[-1]
    assert kind == "warning" and "找不到台账“已删除的台账.sqlite”" in text
    assert "已从“最近打开”列表中移除" in text
    assert str(gone) not in window.settings.recent_ledgers()
    assert current_window(window) is window and store.project_count() == 51
    menu.aboutToShow.emit()  # the list shown again: without it
    assert not any("已删除的台账" in a.text() for a in menu.actions())
    next(a for a in menu.actions() if "东丰县台账" in a.text()).trigger()
    new = switched(window)
    assert new.model.rowCount() == 7


def test_save_as_writes_a_consistent_copy_and_switches_to_it(
    make_window, store, tmp_path, monkeypatch, qtbot
):
    window = make_window(store)
    first = store.find_project("LY2022-001")
    window.editor.update_project(first.id, {"name": "鑫达钢铁热轧带钢（改名）"})
    answer_save(monkeypatch, tmp_path / "副本")  # typed without an ending: .sqlite added
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    window.action("actionSaveLedgerAs").trigger()
    new = switched(window)
    copy = tmp_path / "副本.sqlite"
    assert asked and "副本.sqlite" in asked[0]
    assert new is not window and new.store.path == copy
    assert new.model.rowCount() == 51
    assert new.store.find_project("LY2022-001").name == "鑫达钢铁热轧带钢（改名）"
    with Store.open_reader(copy) as reader:
        assert codes(new) == {p.code for p in reader.projects()}
    assert new.store.open_check is not None and new.store.open_check.ok  # a whole ledger
    assert not list(tmp_path.glob(".partial-*"))


def test_save_as_refuses_the_open_ledger_and_existing_files(
    make_window, store, other_ledger, monkeypatch, message_boxes
):
    window = make_window(store)
    for target, said in ((store.path, "是当前打开的台账"), (other_ledger, "已存在，不会覆盖")):
        answer_save(monkeypatch, target)
        window.action("actionSaveLedgerAs").trigger()
        window.files.wait()
        assert said in message_boxes[-1][1]
    assert current_window(window) is window
    with Store.open_reader(other_ledger) as reader:
        assert reader.project_count() == 7  # untouched


def test_new_ledger_is_empty_by_default_and_opens(make_window, store, tmp_path, monkeypatch, qtbot):
    window = make_window(store)
    window.action("actionNewLedger").trigger()
    dialog = window.files.dialog
    assert isinstance(dialog, NewLedgerDialog) and dialog.isVisible()
    assert dialog.empty.isChecked()
    answer_save(monkeypatch, tmp_path / "东辽县2027")
    dialog.findChild(type(dialog.buttons.buttons()[0]), "newLedgerBrowse").click()
    assert dialog.path_edit.text() == str(tmp_path / "东辽县2027.sqlite")
    dialog.accept()
    new = switched(window)
    assert new.store.path == tmp_path / "东辽县2027.sqlite"
    assert new.model.rowCount() == 0
    assert len(new.store.code_names("region")) == 6  # the code lists are there to pick from


def test_new_ledger_with_the_portfolio_and_no_overwriting(make_window, store, tmp_path, qtbot):
    window = make_window(store)
    dialog = window.files.new_ledger()
    dialog.path_edit.setText(str(store.path))
    dialog.accept()
    assert dialog.isVisible() and "当前打开的台账" in dialog.message.text()
    dialog.path_edit.setText(str(tmp_path / "含项目"))
    dialog.portfolio.setChecked(True)
    dialog.accept()
    new = switched(window)
    assert new.store.path == tmp_path / "含项目.sqlite" and new.model.rowCount() == 51


def test_a_start_without_db_reopens_the_last_ledger(qapp, other_ledger, tmp_path):
    from desktop_app.launch import open_ledger
    from desktop_app.ui import app as app_module
    from desktop_app.ui.common.settings import Settings

    asked: list = []

    def opener(db):
        asked.append(db)
        return open_ledger(db)

    Settings().remember_ledger(other_ledger)
    assert app_module.run_app(None, ["keyprojects"], opener=opener, smoke=True) == 0
    assert asked == [other_ledger.absolute()]
    other_ledger.unlink()  # gone: the default ledger instead
    asked.clear()
    assert (
        app_module.run_app(None, ["keyprojects"], opener=opener, smoke=True, crash_handler=False)
        == 0
    )
    assert asked == [None]


def test_the_recent_list_is_newest_first_once_each_and_bounded(tmp_path):
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    assert recent_list([a, b], b) == [b, a]
    assert recent_list([a, "", None, 3, str(tmp_path / "." / "a.sqlite")]) == [a]
    many = [str(tmp_path / f"{n}.sqlite") for n in range(20)]
    assert recent_list(many) == many[:8]
    assert without([a, b], tmp_path / "a.sqlite") == [b]
    assert ledger_file_name("台账2027") == Path("台账2027.sqlite")
    assert ledger_file_name("x.DB") == Path("x.DB")
    assert start_ledger(str(tmp_path / "none.sqlite")) is None and start_ledger(None) is None
    assert free_ledger_name(tmp_path, "新台账") == tmp_path / "新台账.sqlite"
    (tmp_path / "新台账.sqlite").touch()
    (tmp_path / "新台账2.sqlite").touch()
    assert free_ledger_name(tmp_path, "新台账") == tmp_path / "新台账3.sqlite"
