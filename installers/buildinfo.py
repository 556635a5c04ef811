"""Facts the PyInstaller spec and the installer scripts share (plain Python, importable in tests).

The spec (``keyprojects.spec``) imports this file; ``build-linux`` and the CI workflow call it as a
script (``python installers/buildinfo.py version``) so every installer carries the version written in
``desktop_app/__init__.py`` and nowhere else.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_ID = "keyprojects"
APP_NAME_EN = "Key Project Desk"
PUBLISHER = "辽源市发展和改革委员会 重点项目办"
BUNDLE_IDENTIFIER = "org.liaoyuandrc.keyprojects"

# Qt modules the app (and pyqtgraph) may use. Every other PySide6 module is excluded from the
# bundle: QtWebEngine alone is ~200 MB. tests/installers/test_buildinfo.py fails when code under
# desktop_app/ imports a Qt module that is not listed here.
QT_MODULES_KEPT = frozenset(
    {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtSvg",
        "QtSvgWidgets",
        "QtPrintSupport",
        "QtDBus",
    }
)

# Python packages that are never needed at run time (tests, build tools, other Qt bindings).
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "IPython",
    "matplotlib",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "PyInstaller",
    "pip",
    "setuptools",
    "pkg_resources",
    "pyqtgraph.examples",
    "pyqtgraph.opengl",
    "numpy.tests",
)

# Qt's own translations kept in the bundle (the standard dialogs in Chinese; English as fallback).
QT_TRANSLATION_LOCALES = ("zh_CN", "zh_TW", "en")

_DROPPED_QT_NAMES = (
    "qml",
    "qmlmeta",
    "qmlmodels",
    "qmlworkerscript",
    "quick",
    "virtualkeyboard",
    "virtualkeyboardqml",
    "pdf",
    "network",
)
_DROPPED_QT_LIBS = "|".join(_DROPPED_QT_NAMES)
_DROPPED_QT_FRAMEWORKS = frozenset(f"qt{n}.framework" for n in _DROPPED_QT_NAMES)
_DROPPED_QT_PLUGINS = frozenset({"qtvirtualkeyboardplugin", "qpdf", "qtuiotouchplugin", "qvnc"})

# Files of the source tree shipped inside the bundle, as (source, folder in the bundle). The layout
# is the one desktop_app/paths.py looks for under sys._MEIPASS.
SHIPPED = (
    ("resources", "resources"),
    ("db/portfolio_2022.json", "db"),
)


def read_version(root: Path = ROOT) -> str:
    """``__version__`` from desktop_app/__init__.py, read without importing the package."""
    tree = ast.parse((root / "desktop_app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str) and value:
                return value
    raise ValueError("desktop_app/__init__.py 中没有 __version__")


def read_app_name(root: Path = ROOT) -> str:
    """``APP_NAME`` (the Chinese name shown to users) from desktop_app/__init__.py."""
    tree = ast.parse((root / "desktop_app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "APP_NAME" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise ValueError("desktop_app/__init__.py 中没有 APP_NAME")


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows version resources want: '0.1.0rc1' -> (0, 1, 0, 0)."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        numbers.append(int(digits or 0))
    while len(numbers) < 4:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], numbers[3]


def installed_qt_modules() -> list[str]:
    """The Qt modules of the PySide6 installed in this environment (QtCore, QtGui, ...)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    names = {p.name.split(".")[0] for p in folder.iterdir() if p.suffix in {".so", ".pyd"}}
    return sorted(n for n in names if n.startswith("Qt"))


def excludes(qt_modules: Iterable[str] | None = None) -> list[str]:
    """Module names for PyInstaller's ``excludes``: unused Qt modules and build/test packages."""
    modules = installed_qt_modules() if qt_modules is None else list(qt_modules)
    dropped = [f"PySide6.{m}" for m in modules if m not in QT_MODULES_KEPT]
    return sorted(dropped) + list(PYTHON_EXCLUDES)


def keep_data_file(dest: str) -> bool:
    """False for bundled data nobody needs: Qt translations for other languages."""
    parts = dest.replace("\\", "/").split("/")
    if len(parts) >= 2 and parts[-2] == "translations" and parts[-1].endswith(".qm"):
        if parts[0] == "resources":
            return True  # the app's own translations are all kept
        stem = parts[-1][: -len(".qm")]
        return any(stem.endswith("_" + loc) for loc in QT_TRANSLATION_LOCALES)
    return True


def keep_binary(dest: str) -> bool:
    """False for Qt libraries and plugins the app never loads.

    PySide6's hooks pull in the virtual-keyboard input plugin (which drags QtQuick, QtQml and
    QtNetwork along, ~30 MB), the PDF image plugin and the VNC/TUIO plugins. A widgets app without
    network access needs none of them. Names cover Linux (libQt6Quick.so.6), Windows (Qt6Quick.dll)
    and macOS (QtQuick.framework/...).
    """
    path = dest.replace("\\", "/").lower()
    name = path.rsplit("/", 1)[-1]
    if any(part in _DROPPED_QT_FRAMEWORKS for part in path.split("/")):
        return False
    if re.fullmatch(r"(lib)?qt6(" + _DROPPED_QT_LIBS + r")\.(so\.6|dll)", name):
        return False
    stem = name.split(".")[0].removeprefix("lib")
    return not ("/plugins/" in path and stem in _DROPPED_QT_PLUGINS)


def shipped_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """``datas`` for the Analysis: the whole resources/ folder and the shipped portfolio."""
    found = []
    for source, target in SHIPPED:
        path = root / source
        if not path.exists():
            raise FileNotFoundError(f"缺少要打包的文件：{path}")
        found.append((str(path), target))
    return found


def windows_version_info(version: str, app_name: str, filename: str) -> str:
    """A PyInstaller version file (Windows 'Details' tab), in Simplified Chinese (0x0804)."""
    numbers = numeric_version(version)
    strings = [
        ("CompanyName", PUBLISHER),
        ("FileDescription", f"{app_name} ({APP_NAME_EN})"),
        ("FileVersion", version),
        ("InternalName", APP_ID),
        ("OriginalFilename", filename),
        ("ProductName", app_name),
        ("ProductVersion", version),
        ("LegalCopyright", "MIT License"),
    ]
    table = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings)
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f, flags=0x0,\n"
        "                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('080404b0', [\n"
        f"        {table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0804, 1200])]),\n"
        "  ],\n"
        ")\n"
    )


def artifact_name(version: str, platform: str, arch: str) -> str:
    """Base name of an installer file: keyprojects-0.1.0-linux-x86_64."""
    return f"{APP_ID}-{version}-{platform}-{arch}"


def main(argv: list[str]) -> int:
    """``python installers/buildinfo.py version|name|numeric-version`` for scripts and CI."""
    if argv[1:] == ["version"]:
        print(read_version())
        return 0
    if argv[1:] == ["name"]:
        print(read_app_name())
        return 0
    if argv[1:] == ["numeric-version"]:
        print(".".join(str(n) for n in numeric_version(read_version())))
        return 0
    print("usage: buildinfo.py version|name|numeric-version", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
