"""The ledger's status-light thresholds (issue 15): set once for the ledger, one action in
the change history; every figure read without thresholds of its own and every close use
them."""

from __future__ import annotations

from decimal import Decimal as D

from desktop_app.domain.derived import Light, LightThresholds
from desktop_app.domain.periods import Period
from desktop_app.store import MonthlyReport
from desktop_app.store.codes import LIGHTS_META

STRICT = LightThresholds(D("2.5"), D(5), 1)


def _behind_by_ten_points(store):
    """A project 10 points behind 时序进度 in June (yellow by the defaults, red by STRICT)."""
    p = store.add_project({"name": "阈值测试项目", "status": "在建"})
    store.set_project_year(p.id, 2022, {"on_list": True, "annual_plan": D(1200)})
    store.save_monthly_report(MonthlyReport(p.id, "2022-06", D(480)))  # 40% vs 50%
    return p


def test_a_new_ledger_has_the_defaults_and_none_stored(empty_store):
    assert empty_store.stored_light_thresholds() is None
    assert empty_store.light_thresholds() == LightThresholds()


def test_setting_them_is_one_action_with_its_history(empty_store):
    actions = empty_store.action_count()
    assert empty_store.set_light_thresholds(STRICT) is True
    assert empty_store.stored_light_thresholds() == STRICT
    assert empty_store.action_count() == actions + 1
    newest = empty_store.history(limit=1)[0]
    assert newest.description.startswith(
        "修改状态灯阈值：落后序时进度2.5个百分点黄灯、5个百分点红灯"
    )
    assert (newest.table_name, newest.field, newest.old_value) == ("meta", LIGHTS_META, None)
    assert empty_store.set_light_thresholds(STRICT) is False  # the same again: no action
    assert empty_store.action_count() == actions + 1


def test_the_lights_follow_the_ledgers_thresholds(empty_store):
    p = _behind_by_ten_points(empty_store)
    june = Period(2022, 6)
    assert empty_store.figures(june)[p.id].light is Light.YELLOW
    empty_store.set_light_thresholds(STRICT)
    assert empty_store.figures(june)[p.id].light is Light.RED
    # thresholds given by the caller still win
    assert empty_store.figures(june, LightThresholds())[p.id].light is Light.YELLOW


def test_a_close_freezes_the_ledgers_thresholds(empty_store):
    p = _behind_by_ten_points(empty_store)
    empty_store.set_light_thresholds(STRICT)
    empty_store.close_period("2022-06", backup=False)
    header = empty_store.round_header("2022-06")
    assert header["thresholds"] == {
        "yellow_points": "2.5",
        "red_points": "5",
        "start_overdue_months": 1,
    }
    frozen = empty_store.frozen_round("2022-06")
    assert frozen.light_thresholds() == STRICT
    assert frozen.figures()[p.id].light is Light.RED
    empty_store.set_light_thresholds(LightThresholds())  # later: the round keeps its lights
    assert empty_store.frozen_round("2022-06").figures()[p.id].light is Light.RED
    assert empty_store.figures(Period(2022, 6))[p.id].light is Light.YELLOW  # frozen ≠ live


def test_an_unreadable_value_falls_back_to_the_defaults(empty_store):
    with empty_store.action("坏数据"):
        empty_store.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)", (LIGHTS_META, '{"yellow_points": "x"}')
        )
    assert empty_store.stored_light_thresholds() is None
    assert empty_store.light_thresholds() == LightThresholds()
