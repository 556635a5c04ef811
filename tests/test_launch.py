"""The installed entry point launches the window on the user's default ledger."""

import os
import subprocess
import sys


def test_first_launch_creates_the_default_ledger_and_shows_the_portfolio(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "51 个项目" in result.stdout
    assert (tmp_path / "data" / "keyprojects" / "keyprojects.sqlite").exists()
