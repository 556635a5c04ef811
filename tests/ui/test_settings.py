"""The settings: one QSettings wrapper, the dialog, and what changes when they change."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.derived import LightThresholds
from desktop_app.store import MonthlyReport
from desktop_app.ui.common.settings import Settings
from desktop_app.ui.dialogs.settings import SettingsDialog
from desktop_app.ui.models.project import COLUMN_INDEX


def test_settings_round_trip_through_the_file(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings(path)
    s.user_name = "王科长"
    s.thresholds = LightThresholds(Decimal("5"), Decimal("20"), 2)
    s.default_grouping = "chain"
    s.language = "en"
    s.save_view(
        "东丰在建", {"query": {"search": "", "filters": {"region": ["东丰县"]}, "lights": []}}
    )
    s.sync()
    again = Settings(path)
    assert again.user_name == "王科长"
    assert again.thresholds == LightThresholds(Decimal("5"), Decimal("20"), 2)
    assert again.default_grouping == "chain"
    assert again.language == "en"
    assert again.saved_views()["东丰在建"]["query"]["filters"] == {"region": ["东丰县"]}
    again.delete_view("东丰在建")
    assert again.saved_views() == {}


def test_a_damaged_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text(
        "[lights]\nyellow_points=abc\nred_points=5\n[views]\nsaved=not json\n", encoding="utf-8"
    )
    s = Settings(path)
    assert s.thresholds == LightThresholds()
    assert s.saved_views() == {}
    assert s.default_grouping == "region"


def test_the_settings_dialog_changes_thresholds_and_the_user_in_the_history(
    make_window, store, set_amounts
):
    a = set_amounts(store, "LY2022-001", "100000", "10000")
    store.save_monthly_report(MonthlyReport(a.id, "2022-06", Decimal("3500")))  # 35% at 50%: yellow
    window = make_window(store)
    light = lambda: window.model.index(window.model.row_of(a.id), COLUMN_INDEX["light"]).data()  # noqa: E731
    assert light() == "黄灯"
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    dialog.yellow.setValue(20)
    dialog.red.setValue(40)
    dialog.user_name.setText("刘主任")
    dialog.grouping.setCurrentIndex(dialog.grouping.findData("chain"))
    dialog.accept()
    assert light() == "绿灯"  # 15 points behind is green now
    assert window.settings.default_grouping == "chain"
    assert store.user == "刘主任"
    window.editor.update_project(a.id, {"secretary": "孙秘书"})
    assert store.history(project_id=a.id)[0].user == "刘主任"
    assert Settings(window.settings.file_name).thresholds.yellow_points == Decimal("20")


def test_thresholds_out_of_order_are_refused_in_plain_chinese(qapp, settings):
    dialog = SettingsDialog(settings)
    dialog.yellow.setValue(50)
    dialog.red.setValue(30)
    dialog.accept()
    assert "黄灯阈值" in dialog.message.text()
    assert settings.thresholds == LightThresholds()
