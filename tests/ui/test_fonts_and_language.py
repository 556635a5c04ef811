"""Chinese renders without a system CJK font; English is a translation the user can switch to."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontInfo

from desktop_app.paths import portfolio_file
from desktop_app.ui.app import install_translator, make_application
from desktop_app.ui.common.fonts import (
    FONT_FILE,
    ensure_cjk_font,
    missing_characters,
    shipped_font_file,
)


def shipped_texts() -> str:
    data = json.loads(portfolio_file().read_text(encoding="utf-8"))
    projects = data["projects"] if isinstance(data, dict) else data
    return "".join(str(p.get(k) or "") for p in projects for k in ("name", "owner", "scope"))


def test_the_table_font_covers_every_character_of_the_shipped_projects(make_window, store):
    window = make_window(store)
    font = window.table.font()
    assert QFontInfo(font).family() == ensure_cjk_font() == "Noto Sans CJK SC"
    names = "".join(p.name for p in store.projects())
    assert len(set(names)) > 150
    assert missing_characters(font, names) == []
    assert missing_characters(font, shipped_texts()) == []
    # what staff paste and type: traditional text, full-width digits, punctuation
    assert missing_characters(font, "遼源鋼鐵龍山區１２３，。：；“”（）％—…") == []


def test_the_shipped_font_is_a_complete_licensed_cjk_face():
    path = shipped_font_file()
    assert path.name == FONT_FILE and path.exists()
    assert 10_000_000 < path.stat().st_size < 20_000_000
    assert "SIL OPEN FONT LICENSE" in (path.parent / "OFL.txt").read_text(encoding="utf-8")


def test_english_is_a_translation_the_user_can_switch_to(qapp, settings):
    assert QCoreApplication.translate("MainWindow", "项目台账") == "项目台账"
    try:
        assert install_translator(qapp, "en")
        assert QCoreApplication.translate("MainWindow", "项目台账") == "Ledger"
        assert QCoreApplication.translate("Field", "总投资") == "Total investment"
        assert QCoreApplication.translate("Light", "红灯") == "Red"
    finally:
        install_translator(qapp, "zh_CN")
    assert QCoreApplication.translate("MainWindow", "项目台账") == "项目台账"


def test_the_window_shows_english_after_switching(qapp, make_window, store):
    try:
        install_translator(qapp, "en")
        window = make_window(store)
        assert window.tabs.tabText(0) == "Ledger"
        assert window.menu_file.title() == "&File"
        assert (
            window.model.headerData(
                1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal
            )
            == "Code"
        )
    finally:
        install_translator(qapp, "zh_CN")


def test_make_application_installs_the_font_and_the_chosen_language(qapp, settings):
    settings.language = "zh_CN"
    app = make_application([], settings)
    assert app is qapp
    assert app.font().family() == "Noto Sans CJK SC"
    assert app.applicationName() == "keyprojects"
