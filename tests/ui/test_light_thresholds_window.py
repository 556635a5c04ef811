"""The window lights by the ledger's thresholds (issue 15): the settings dialog writes them
into the ledger (one action), a window opening a ledger takes the ledger's, and a ledger
that has none yet takes this PC's customised ones once."""

from __future__ import annotations

from decimal import Decimal as D

from desktop_app.domain.derived import LightThresholds
from desktop_app.ui.common.settings import Settings

STRICT = LightThresholds(D("2.5"), D(5), 1)


def test_the_settings_dialog_writes_the_thresholds_into_the_ledger(make_window, store):
    window = make_window(store)
    dialog = window.open_settings()
    dialog.yellow.setValue(7.5)
    dialog.red.setValue(20)
    dialog.overdue.setValue(2)
    dialog.user_name.setText("刘主任")
    dialog.accept()
    assert store.stored_light_thresholds() == LightThresholds(D("7.5"), D(20), 2)
    newest = store.history(limit=1)[0]
    assert newest.user == "刘主任" and newest.description.startswith("修改状态灯阈值")
    assert window.settings.thresholds == LightThresholds(D("7.5"), D(20), 2)
    actions = store.action_count()
    window.open_settings().accept()  # unchanged: no new action
    assert store.action_count() == actions


def test_a_window_takes_the_ledgers_thresholds(make_window, store, settings_path):
    store.set_light_thresholds(STRICT)  # set by another clerk, or by the command line
    window = make_window(store)
    assert window.settings.thresholds == STRICT
    assert Settings(settings_path).thresholds == STRICT
    dialog = window.open_settings()
    assert (dialog.yellow.value(), dialog.red.value(), dialog.overdue.value()) == (2.5, 5.0, 1)
    dialog.reject()


def test_a_ledger_without_thresholds_takes_this_pcs_once(make_window, store, settings):
    settings.thresholds = STRICT  # customised before the thresholds lived in the ledger
    settings.sync()
    actions = store.action_count()
    make_window(store)
    assert store.stored_light_thresholds() == STRICT
    assert store.action_count() == actions + 1
    assert "（沿用本机设置）" in store.history(limit=1)[0].description


def test_the_defaults_write_nothing(make_window, store):
    actions = store.action_count()
    make_window(store)
    assert store.stored_light_thresholds() is None and store.action_count() == actions
