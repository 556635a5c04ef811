"""The facts the installers are built from: version, what is shipped, what is left out."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
import types
from pathlib import Path

import pytest

import desktop_app
from desktop_app import paths

ROOT = Path(__file__).resolve().parents[2]


def _load_buildinfo():
    spec = importlib.util.spec_from_file_location("buildinfo", ROOT / "installers" / "buildinfo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


buildinfo = _load_buildinfo()


def test_installers_carry_the_version_and_name_of_the_package():
    assert buildinfo.read_version() == desktop_app.__version__
    assert buildinfo.read_app_name() == desktop_app.APP_NAME == "重点项目调度台"


def test_version_is_read_from_whatever_init_says(tmp_path):
    (tmp_path / "desktop_app").mkdir()
    (tmp_path / "desktop_app" / "__init__.py").write_text(
        '"""x"""\n__version__ = "2.3.4rc1"\nAPP_NAME = "甲"\n', encoding="utf-8"
    )
    assert buildinfo.read_version(tmp_path) == "2.3.4rc1"
    assert buildinfo.numeric_version("2.3.4rc1") == (2, 3, 4, 0)
    assert buildinfo.numeric_version("1.0") == (1, 0, 0, 0)


def _qt_modules_imported_by_the_app() -> set[str]:
    found: set[str] = set()
    for file in (ROOT / "desktop_app").rglob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "PySide6":
                    found.update(alias.name for alias in node.names)
                elif node.module.startswith("PySide6."):
                    found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("PySide6."):
                        found.add(alias.name.split(".")[1])
    return found


def test_every_qt_module_the_app_imports_is_kept_in_the_bundle():
    imported = _qt_modules_imported_by_the_app()
    assert {"QtCore", "QtWidgets"} <= imported
    missing = imported - buildinfo.QT_MODULES_KEPT
    assert not missing, (
        f"desktop_app imports {sorted(missing)}, which the bundle leaves out: "
        "add them to QT_MODULES_KEPT in installers/buildinfo.py"
    )
    excluded = set(buildinfo.excludes())
    assert not {f"PySide6.{m}" for m in imported} & excluded


def test_heavy_qt_modules_and_test_tools_are_excluded():
    excluded = set(
        buildinfo.excludes(["QtCore", "QtGui", "QtWebEngineCore", "Qt3DCore", "QtQuick"])
    )
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick"} <= excluded
    assert "PySide6.QtCore" not in excluded and "PySide6.QtGui" not in excluded
    assert {"pytest", "hypothesis", "PyInstaller", "tkinter"} <= excluded
    installed = buildinfo.installed_qt_modules()
    assert "QtCore" in installed and "QtWidgets" in installed


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6\\Qt6Pdf.dll", False),
        ("PySide6\\Qt6Gui.dll", True),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
        ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/imageformats/qsvg.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ],
)
def test_unused_qt_libraries_and_plugins_are_dropped(dest, kept):
    assert buildinfo.keep_binary(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_zh_TW.qm", True),
        ("PySide6/Qt/translations/qt_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6\\translations\\qtbase_ja.qm", False),
        ("resources/translations/keyprojects_en.qm", True),
        ("resources/translations/keyprojects_de.qm", True),
        ("resources/fonts/NotoSansCJKsc-Regular.otf", True),
    ],
)
def test_only_chinese_and_english_qt_translations_are_shipped(dest, kept):
    assert buildinfo.keep_data_file(dest) is kept


def test_bundle_layout_is_where_paths_looks_when_frozen(tmp_path, monkeypatch):
    """Lay the shipped files out as PyInstaller does with the spec's datas; point _MEIPASS there."""
    for source, target in buildinfo.shipped_datas(ROOT):
        source = Path(source)
        if source.is_dir():  # a folder's contents go into the target folder
            shutil.copytree(source, tmp_path / target)
        else:  # a file goes into the target folder under its own name
            (tmp_path / target).mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tmp_path / target / source.name)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.portfolio_file() == tmp_path / "db" / "portfolio_2022.json"
    assert paths.portfolio_file().read_bytes() == (ROOT / "db" / "portfolio_2022.json").read_bytes()
    assert paths.resources_dir() == tmp_path / "resources"
    assert (paths.resources_dir() / "icons" / "keyprojects.ico").is_file()


def test_windows_version_resource_is_valid_for_pyinstaller(tmp_path, monkeypatch):
    pytest.importorskip("PyInstaller")
    # versioninfo imports Windows-only helpers at module level; stub them to parse on any OS.
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    import PyInstaller.compat

    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    text = buildinfo.windows_version_info("1.2.3", "重点项目调度台", "keyprojects-gui.exe")
    path = tmp_path / "version.txt"
    path.write_text(text, encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    raw = info.toRaw()
    assert "重点项目调度台".encode("utf-16-le") in raw
    assert "keyprojects-gui.exe".encode("utf-16-le") in raw
    assert info.ffi.fileVersionMS == (1 << 16) | 2 and info.ffi.fileVersionLS == 3 << 16


def test_command_line_of_buildinfo_prints_the_version(capsys):
    assert buildinfo.main(["buildinfo.py", "version"]) == 0
    assert capsys.readouterr().out.strip() == desktop_app.__version__
    assert buildinfo.main(["buildinfo.py", "nonsense"]) == 2
