"""Fixtures for the ledger window: a window on a real ledger with its own settings file."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.ui.common.settings import Settings


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> Settings:
    s = Settings(settings_path)
    s.user_name = "张科员"
    s.sync()
    return s


@pytest.fixture
def message_boxes(monkeypatch):
    """Modal message boxes never block a test: they are recorded (and answered No)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.No

        return box

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


@pytest.fixture
def make_window(qtbot, settings_path, settings, message_boxes, monkeypatch):
    """Open a MainWindow on a store (a new Settings object over the same file each time).

    Forms left open with changes are discarded when the test ends instead of asking."""
    from desktop_app.ui.dialogs.project import ProjectDialog
    from desktop_app.ui.window.main_window import MainWindow

    monkeypatch.setattr(ProjectDialog, "ask_unsaved", lambda self: "discard")

    def make(store, *, show: bool = True):
        window = MainWindow(store, Settings(settings_path))
        qtbot.addWidget(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        window.wait_loaded()
        return window

    return make


@pytest.fixture
def demo_copy(demo_path: Path, tmp_path: Path) -> Path:
    """A private copy of the 300-project sample ledger (safe to write)."""
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_path, target)
    return target


@pytest.fixture
def set_amounts():
    """Give a shipped project amounts (the shipped portfolio has none)."""

    def give(store, code: str, total: str, plan: str):
        project = store.find_project(code)
        return store.update_project(
            project.id, {"total_investment": Decimal(total), "annual_plan": Decimal(plan)}
        )

    return give
