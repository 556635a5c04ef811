"""desktop_app.views is Qt-free: importing every module of it loads no PySide6, not even indirectly."""

import subprocess
import sys
from pathlib import Path

import desktop_app.views

MODULES = sorted(p.stem for p in Path(desktop_app.views.__file__).parent.glob("*.py"))


def test_views_import_no_qt():
    code = (
        "import sys\n"
        + "".join(f"import desktop_app.views.{m}\n" for m in MODULES if m != "__init__")
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        + "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert {"ledger", "portfolio", "dashboard", "project", "units"} <= set(MODULES)
