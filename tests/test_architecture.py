"""The shape of desktop_app: its layers (import-linter contracts in pyproject.toml)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> subprocess.CompletedProcess[str]:
    script = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filenames=('pyproject.toml',), no_cache=True, no_logo=True))"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"},
    )


def test_the_import_linter_contracts_hold():
    """Qt only in desktop_app.ui; domain, store, reports and importers import no ui; importers
    import no reports; domain imports nothing of the app (pyproject.toml [tool.importlinter])."""
    result = _lint_imports()
    out = result.stdout + result.stderr
    broken = re.findall(r"^(.+?) BROKEN", out, re.MULTILINE)
    details = out.split("Broken contracts", 1)[-1] if broken else out[-3000:]
    assert result.returncode == 0, f"contracts broken: {broken}\n{details}"
    assert re.search(r"Contracts: \d+ kept, 0 broken", out), out[-3000:]
