"""The ``keyprojects`` console script: the window straight away, the commands through click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__, gui


def test_only_a_ledger_opens_the_window_without_the_command_line(monkeypatch):
    opened = []
    monkeypatch.setattr(gui, "run", lambda db, argv, smoke=False: opened.append((db, smoke)) or 0)
    monkeypatch.setattr(sys, "argv", ["keyprojects", "--db", "台账.sqlite"])
    with pytest.raises(SystemExit) as done:
        gui.console_main()
    assert done.value.code == 0
    assert opened == [(Path("台账.sqlite"), False)]


def test_commands_still_go_to_the_command_line(monkeypatch, capsys):
    monkeypatch.setattr(gui, "run", lambda *a, **k: pytest.fail("the window must not open"))
    monkeypatch.setattr(sys, "argv", ["keyprojects", "--version"])
    with pytest.raises(SystemExit) as done:
        gui.console_main()
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_the_window_path_does_not_load_click():
    code = (
        "import sys; from desktop_app import gui; gui.run = lambda *a, **k: 0; "
        "sys.argv = ['keyprojects', '--db', 'x.sqlite']\n"
        "try:\n    gui.console_main()\nexcept SystemExit:\n    pass\n"
        "print('click' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
