"""Backups in the window: list, back up now, keep count, restore after asking; the offer to
restore the latest good backup when the ledger is damaged at start; the deferred check."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.store import DatabaseDamaged, Store, integrity
from desktop_app.store import backup as backups
from desktop_app.ui.dialogs import backup as backup_dialog
from desktop_app.ui.dialogs.backup import BackupDialog, check_in_background, offer_restore_on_damage


@pytest.fixture
def dialog(qtbot, store):
    backups.make_backup(store, "打开时自动备份")
    store.update_project(1, {"name": "备份之后改的名字"})
    backups.make_backup(store, "导入前：东丰县台账.xlsx")
    d = BackupDialog(store)
    qtbot.addWidget(d)
    d.show()
    return d


def test_dialog_lists_the_backups_newest_first(dialog, qtmodeltester, tmp_path):
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 1).data() == "导入前：东丰县台账.xlsx"
    assert dialog.model.index(1, 1).data() == "打开时自动备份"
    assert dialog.model.index(0, 2).data() == "51" and dialog.model.index(0, 4).data() == "完好"
    assert "备份位置" in dialog.info.text() and "共 2 个备份" in dialog.info.text()
    assert dialog.restore_button.isEnabled()  # the newest is selected
    dialog.grab().save(str(tmp_path / "backup_dialog.png"))


def test_backup_now_and_keep_count(dialog, store):
    assert dialog.backup_now() is not None
    assert dialog.model.rowCount() == 3 and dialog.model.index(0, 1).data() == "手动备份"
    dialog.keep.setValue(2)
    dialog.keep.editingFinished.emit()
    assert dialog.model.rowCount() == 2 and backups.keep_count(store.path) == 2


def test_restore_asks_first_and_backs_up_the_current_ledger(dialog, store, qtbot):
    dialog.table.selectRow(1)  # the older one, from before the rename
    questions, infos = [], []
    dialog.confirm = lambda text: questions.append(text) or False
    dialog.show_info = infos.append
    assert dialog.restore_selected() is None  # the user said no
    assert store.get_project(1).name == "备份之后改的名字"
    dialog.confirm = lambda text: questions.append(text) or True
    with qtbot.waitSignal(dialog.restored) as signal:
        result = dialog.restore_selected()
    assert signal.args[0] is result
    assert "替换当前台账的全部内容" in questions[0] and "51 个项目" in questions[0]
    assert store.get_project(1).name != "备份之后改的名字"
    assert "恢复前的台账已备份到" in infos[0]
    assert dialog.model.index(0, 1).data().startswith("恢复前自动备份")
    assert dialog.model.rowCount() == 3


def test_window_reloads_after_a_restore(make_window, store, qtbot):
    """The wiring the main window needs: restored → clear undo, refresh the table."""
    before = backups.make_backup(store, "改名前")
    window = make_window(store)
    store.update_project(1, {"name": "改过的名字"})
    window.refresh()
    window.wait_loaded()
    d = BackupDialog(store, window)
    qtbot.addWidget(d)
    d.restored.connect(lambda _result: (window.undo_stack.clear(), window.refresh()))
    d.table.selectRow(next(i for i, b in enumerate(d.model.items) if b.path == before.path))
    d.confirm = lambda text: True
    d.show_info = lambda text: None
    d.restore_selected()
    window.wait_loaded()
    names = {
        window.model.index(r, c).data()
        for r in range(window.model.rowCount())
        for c in range(window.model.columnCount())
    }
    assert "改过的名字" not in names and store.get_project(1).name in names


def _damage(path):
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size - 3 * 4096)


def test_damaged_ledger_at_start_offers_the_latest_good_backup(ledger_path, qapp):
    with Store.open(ledger_path) as s:
        backups.make_backup(s, "打开时自动备份")
    _damage(ledger_path)
    with pytest.raises(DatabaseDamaged) as err:
        Store.open(ledger_path)
    asked, told = [], []
    store = offer_restore_on_damage(
        None, ledger_path, err.value, ask=lambda p, text, can: asked.append((text, can)) or True,
        tell=told.append,
    )  # fmt: skip
    assert store is not None and store.project_count() == 51
    store.close()
    text, can_restore = asked[0]
    assert can_restore and "已损坏" in text and "是否用最近一个完好的备份恢复" in text
    assert "打开时自动备份" in text and "51 个项目" in text
    assert "损坏的文件已改名保留为" in told[0]
    assert list(ledger_path.parent.glob("ledger.损坏-*.sqlite"))


def test_damaged_ledger_without_backups_is_explained_and_left_alone(ledger_path, qapp):
    _damage(ledger_path)
    before = ledger_path.read_bytes()
    asked = []
    store = offer_restore_on_damage(
        None,
        ledger_path,
        DatabaseDamaged("x"),
        ask=lambda p, text, can: asked.append((text, can)) or True,
    )
    assert store is None and asked[0][1] is False and "没有找到可用的备份" in asked[0][0]
    assert ledger_path.read_bytes() == before


def test_declining_the_restore_changes_nothing(ledger_path, qapp):
    with Store.open(ledger_path) as s:
        backups.make_backup(s, "x")
    _damage(ledger_path)
    before = ledger_path.read_bytes()
    assert (
        offer_restore_on_damage(None, ledger_path, DatabaseDamaged("x"), ask=lambda *a: False)
        is None
    )
    assert ledger_path.read_bytes() == before


def test_large_ledger_is_checked_in_the_background(ledger_path, qtbot, monkeypatch):
    monkeypatch.setattr(integrity, "QUICK_CHECK_LIMIT", 1024)
    with sqlite3.connect(ledger_path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = c.execute("SELECT rootpage FROM sqlite_master WHERE name = 'history'").fetchone()[0]
    with ledger_path.open("r+b") as f:
        f.seek((page - 1) * 4096 + 8)
        f.write(bytes(range(256)) * 8)
    warnings = []
    monkeypatch.setattr(
        backup_dialog.QMessageBox, "critical", lambda parent, title, text: warnings.append(text)
    )
    store = Store.open(ledger_path)  # only the header is checked on opening
    try:
        check = check_in_background(store)
        assert check is not None
        qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
        assert check.result is not None and not check.result.ok
        assert "后台检查发现台账已损坏" in warnings[0]
    finally:
        store.close()


def test_small_ledgers_need_no_background_check(store):
    assert check_in_background(store) is None
