"""Every text the interface translates has its English in keyprojects_en.ts — also the texts
passed to a module's own wrapper (``_tr("…")``, the ledger's ``tr("…")``), which
pyside6-lupdate cannot see — and the shipped keyprojects_en.qm gives it at run time."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.ui.app import install_translator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{([^{}:!]*)[^{}]*\}")  # the field name: {m} and {m:02} are one


def _extract():
    spec = importlib.util.spec_from_file_location(
        "translations_extract", TRANSLATIONS / "extract.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


extract = _extract()
MESSAGES = sorted({(m.context, m.source) for m in extract.scan()[0]})


def ts_translations() -> dict[tuple[str, str], str | None]:
    """(context, source) -> the finished English, or None when unfinished or obsolete."""
    found = {}
    for context in ET.parse(TRANSLATIONS / "keyprojects_en.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and not translation.get("type")
            text = translation.text if finished else None
            found[(name, message.findtext("source") or "")] = text or None
    return found


@pytest.fixture
def english(qapp):
    assert install_translator(qapp, "en")
    yield
    install_translator(qapp, "zh_CN")


def test_the_scan_sees_the_wrapped_texts():
    """The scan finds the texts lupdate misses, in the wrapper's context (or the scan proves
    nothing)."""
    assert ("LedgerFiles", "新建台账") in MESSAGES  # _tr("新建台账") in window/ledger_files.py
    assert ("MainWindow", "新建台账…") in MESSAGES
    assert ("FirstLaunchDialog", "以后再说") in MESSAGES
    assert ("MonthlyGrid", "找到 {n} 个") in MESSAGES  # _tr("…").format(n=…) in monthly/finder.py
    assert ("MainWindow", "没有符合条件的项目") in MESSAGES  # LedgerPage.tr is the ledger's tr
    assert ("Field", "项目编号") in MESSAGES  # QT_TRANSLATE_NOOP
    assert ("", "没有符合条件的项目") not in MESSAGES
    assert len(MESSAGES) > 400


def test_every_text_has_a_finished_translation_with_its_placeholders():
    ts = ts_translations()
    untranslated = [m for m in MESSAGES if not ts.get(m)]
    assert untranslated == []
    placeholders = [
        (ctx, src, ts[(ctx, src)])
        for ctx, src in MESSAGES
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(ts[(ctx, src)]))
    ]
    assert placeholders == []


def test_no_message_is_filed_under_an_empty_context():
    assert not [key for key in ts_translations() if not key[0]]


@pytest.mark.parametrize(
    ("context", "source", "english_text"),
    [
        ("MainWindow", "新建台账…", "New ledger…"),
        ("MainWindow", "最近打开", "Open recent"),
        ("MonthlyGrid", "找到 {n} 个", "{n} found"),
        ("LedgerFiles", "（没有最近打开的台账）", "(no recent ledgers)"),
        ("FirstLaunchDialog", "欢迎使用{app}", "Welcome to {app}"),
        ("FirstLaunchDialog", "以后再说", "Later"),
        ("MainWindow", "没有符合条件的项目", "No project matches"),
    ],
)
def test_the_shipped_qm_translates_the_wrapped_texts(english, context, source, english_text):
    assert QCoreApplication.translate(context, source) == english_text


def test_the_shipped_qm_is_up_to_date_with_the_ts(english):
    """Every message translates at run time to its .ts English (lrelease was run)."""
    ts = ts_translations()
    stale = [
        (ctx, src)
        for ctx, src in MESSAGES
        if ts.get((ctx, src)) and QCoreApplication.translate(ctx, src) != ts[(ctx, src)]
    ]
    assert stale == []


def test_the_scan_follows_wrappers_imports_and_tr_overrides(tmp_path):
    """On a small package: a module wrapper, one imported from the package, a class whose
    ``tr`` uses it, a ``.format`` on a wrapped text and a choice between two literals."""
    ui = tmp_path / "desktop_app" / "ui"
    (ui / "pane").mkdir(parents=True)
    (ui / "pane" / "__init__.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n\n"
        "def tr(text):\n"
        '    """The pane\'s texts keep the window\'s context."""\n'
        '    return QCoreApplication.translate("MainWindow", text)\n',
        encoding="utf-8",
    )
    (ui / "pane" / "page.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QWidget\n"
        "from . import tr\n\n"
        "def _tr(text):\n"
        '    return QCoreApplication.translate("Finder", text)\n\n'
        'NOTE = _tr("找到 {n} 个").format(n=3)\n'
        'LABEL = tr("乙")\n\n'
        "class Page(QWidget):\n"
        "    def tr(self, text):\n"
        "        return tr(text)\n\n"
        "    def show_state(self, ok, name):\n"
        '        self.setWindowTitle(self.tr("丙"))\n'
        '        QCoreApplication.translate("Report", "好" if ok else "坏")\n'
        "        self.tr(name)\n\n"
        "class Other(QWidget):\n"
        "    def title(self):\n"
        '        return self.tr("丁")\n',
        encoding="utf-8",
    )
    messages, dynamic = extract.scan(ui)
    assert sorted((m.context, m.source) for m in messages) == [
        ("Finder", "找到 {n} 个"),
        ("MainWindow", "丙"),
        ("MainWindow", "乙"),
        ("Other", "丁"),
        ("Report", "坏"),
        ("Report", "好"),
    ]
    assert [d.code for d in dynamic] == ["self.tr(name)"]


def test_texts_from_the_domain_read_in_english(english):
    """Texts made outside desktop_app/ui (no Qt there) that the interface translates through
    markers of its own: a marker that drifts from the domain's text is caught here."""
    from desktop_app.domain.derived import PLAN_RULE, TIME_RULE
    from desktop_app.importers import STATUS_LABELS

    assert QCoreApplication.translate("ProjectDialog", TIME_RULE).startswith("The schedule")
    assert QCoreApplication.translate("ProjectDialog", PLAN_RULE).startswith("The schedule")
    for context in ("PreviewModel", "PreviewPage"):
        assert [QCoreApplication.translate(context, s) for s in STATUS_LABELS.values()] == [
            "New",
            "Changed",
            "Unchanged",
            "Rejected",
        ]


def test_periods_read_in_the_interface_language(english, make_window, store):
    """The period pickers and messages say 6/2022 in English, 2022年6月 in Chinese."""
    from desktop_app.domain.periods import Period
    from desktop_app.ui.common.labels import period_label

    assert period_label(Period(2022, 6)) == "6/2022"
    window = make_window(store)
    combo = window.period_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts and all("年" not in t and "/" in t for t in texts), texts


def test_periods_read_in_chinese_by_default(qapp):
    from desktop_app.domain.periods import Period
    from desktop_app.ui.common.labels import period_label

    assert period_label(Period(2022, 6)) == "2022年6月" == Period(2022, 6).label
