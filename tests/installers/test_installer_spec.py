"""The PyInstaller spec's Windows and macOS branches, run here with PyInstaller's classes recorded.

The real Windows and macOS builds happen in .github/workflows/installers.yml; these tests check
the names those scripts rely on (keyprojects-gui.exe, 重点项目调度台.app) and the version wiring.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import desktop_app

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installers" / "keyprojects.spec"


def _run_spec(platform: str, workpath: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    made: dict[str, list] = {"Analysis": [], "EXE": [], "COLLECT": [], "BUNDLE": []}

    def analysis(scripts, **kwargs):
        entry = SimpleNamespace(
            scripts=scripts,
            pure=["pure"],
            binaries=[("PySide6/Qt/lib/libQt6Quick.so.6", "x", "BINARY")],
            datas=[("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA")],
            kwargs=kwargs,
        )
        made["Analysis"].append(entry)
        return entry

    def recorder(kind):
        def make(*args, **kwargs):
            made[kind].append(SimpleNamespace(args=args, kwargs=kwargs))
            return made[kind][-1]

        return make

    namespace = {
        "SPECPATH": str(SPEC.parent),
        "workpath": str(workpath),
        "Analysis": analysis,
        "PYZ": lambda pure: ("PYZ", tuple(pure)),
        "EXE": recorder("EXE"),
        "COLLECT": recorder("COLLECT"),
        "BUNDLE": recorder("BUNDLE"),
        "__file__": str(SPEC),
    }
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "buildinfo", raising=False)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return made


def test_linux_builds_one_console_program_with_the_shipped_files(tmp_path, monkeypatch):
    made = _run_spec("linux", tmp_path, monkeypatch)
    assert [e.kwargs["name"] for e in made["EXE"]] == ["keyprojects"]
    assert made["EXE"][0].kwargs["console"] is True
    assert made["COLLECT"][0].kwargs["name"] == "keyprojects"
    assert not made["BUNDLE"]
    analysis = made["Analysis"][0]
    targets = {Path(src).name: dest for src, dest in analysis.kwargs["datas"]}
    assert targets == {"resources": "resources", "portfolio_2022.json": "db"}
    assert "PySide6.QtWebEngineCore" in analysis.kwargs["excludes"]
    # the unused Qt library and the German Qt translation were filtered out
    assert analysis.binaries == [] and analysis.datas == []


def test_windows_builds_a_console_and_a_windowed_program_with_icon_and_version(
    tmp_path, monkeypatch
):
    made = _run_spec("win32", tmp_path, monkeypatch)
    programs = {e.kwargs["name"]: e.kwargs for e in made["EXE"]}
    assert set(programs) == {"keyprojects", "keyprojects-gui"}  # the .iss shortcuts use -gui
    assert programs["keyprojects"]["console"] is True
    assert programs["keyprojects-gui"]["console"] is False
    for name, kwargs in programs.items():
        assert kwargs["icon"].endswith("keyprojects.ico") and Path(kwargs["icon"]).is_file()
        version = Path(kwargs["version"]).read_text(encoding="utf-8")
        assert f"'{desktop_app.__version__}'" in version and f"'{name}.exe'" in version
    assert len(made["COLLECT"][0].args) == 2 + 4  # both programs, both binaries and datas


def test_macos_wraps_the_windowed_program_in_an_app_with_the_version(tmp_path, monkeypatch):
    made = _run_spec("darwin", tmp_path, monkeypatch)
    assert [(e.kwargs["name"], e.kwargs["console"]) for e in made["EXE"]] == [
        ("keyprojects", False)
    ]
    bundle = made["BUNDLE"][0].kwargs
    assert bundle["name"] == "重点项目调度台.app"  # the workflow's path
    assert bundle["icon"].endswith("keyprojects.icns") and Path(bundle["icon"]).is_file()
    plist = bundle["info_plist"]
    assert plist["CFBundleShortVersionString"] == desktop_app.__version__
    assert plist["CFBundleDisplayName"] == desktop_app.APP_NAME


def test_workflow_and_inno_script_use_the_names_the_spec_produces():
    workflow = (ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    iss = (ROOT / "installers" / "windows" / "keyprojects.iss").read_text(encoding="utf-8-sig")
    assert "installers/keyprojects.spec" in workflow
    assert "dist/重点项目调度台.app" in workflow
    assert 'AppExe "keyprojects-gui.exe"' in iss
    assert "PrivilegesRequired=lowest" in iss
    assert 'MessagesFile: "ChineseSimplified.isl"' in iss
    assert 'MessagesFile: "compiler:Default.isl"' in iss
    assert "{autoprograms}" in iss and "{autodesktop}" in iss
    assert "[UninstallDelete]" not in iss.replace("; No [UninstallDelete]", "")


def test_uninstaller_keeps_the_folder_where_the_app_keeps_the_ledger_on_windows(monkeypatch):
    """The .iss names the ledger folder it leaves alone; it must be platformdirs' on Windows."""
    import platformdirs.windows

    from desktop_app import APP_ID, ORG_NAME

    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda _csidl: "LOCALAPPDATA")
    folder = platformdirs.windows.Windows(APP_ID, ORG_NAME).user_data_dir
    expected = "{localappdata}\\" + folder.removeprefix("LOCALAPPDATA").strip("/\\").replace(
        "/", "\\"
    )
    iss = (ROOT / "installers" / "windows" / "keyprojects.iss").read_text(encoding="utf-8-sig")
    assert f'#define DataDir "{expected}"' in iss
    assert "{app}" not in expected  # outside the program folder the uninstaller empties
