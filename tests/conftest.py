"""Shared fixtures: real ledger files in tmp_path, Qt offscreen, a private user data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from desktop_app.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real user's data, logs and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture(scope="session", autouse=True)
def _cjk_font(qapp):
    """The app's CJK font for every test that draws (no CJK font is installed on CI)."""
    from desktop_app.ui.common.fonts import ensure_cjk_font

    ensure_cjk_font()


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A fresh ledger file holding the shipped 2022 portfolio."""
    from desktop_app.store import Store

    path = tmp_path / "ledger.sqlite"
    Store.create(path, user="测试员").close()
    return path


@pytest.fixture
def store(ledger_path: Path):
    """The shipped-portfolio ledger, open."""
    from desktop_app.store import Store

    s = Store.open(ledger_path, user="测试员")
    yield s
    s.close()


@pytest.fixture
def empty_store(tmp_path: Path):
    """A ledger with code lists but no projects."""
    from desktop_app.store import Store

    s = Store.create(tmp_path / "empty.sqlite", user="测试员", portfolio=False)
    # the tests' projects and reports are 2022's (the shipped code lists' year); a new
    # ledger's own current year is the year it is created in
    s.conn.execute("UPDATE meta SET value = '2022' WHERE key = 'current_year'")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small sample portfolio with three years of monthly reports (read-only use)."""
    from desktop_app.store.demo import make_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    make_demo(path, projects=300, years=3, seed=7)
    return path


@pytest.fixture(scope="module")
def demo(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A writable copy of the sample ledger, opened once per test module."""
    import shutil

    from desktop_app.store import Store

    path = tmp_path_factory.mktemp("demo-copy") / "demo.sqlite"
    shutil.copy(demo_path, path)
    store = Store.open(path, user="测试员")
    yield store
    store.close()


@pytest.fixture
def run():
    """``run("projects", "--db", path)``: the ``keyprojects`` command in-process, every argument
    as text, exceptions not swallowed (a crash fails the test with its traceback)."""
    from click.testing import CliRunner

    from desktop_app.cli import cli

    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke
