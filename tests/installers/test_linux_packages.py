"""installers/build-linux: the bundle, the .tar.gz and the .deb a Linux office PC installs.

One build (about 40 s on 2 cores: PyInstaller ~20 s, packing ~20 s) serves every test here.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import desktop_app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
VERSION = desktop_app.__version__
ARCH = os.uname().machine


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A first-launch user: an empty home, offscreen Qt, nothing inherited from the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTHON", "QT_"))}
    env.pop("VIRTUAL_ENV", None)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    env.update(extra)
    return env


def _run(args: list[str | Path], home: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        env=_clean_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home.parent,
        **kwargs,
    )


def _smoke(program: Path, home: Path) -> str:
    result = _run([program, "--smoke"], home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "51 个项目" in result.stdout, result.stdout
    assert f"重点项目调度台 {VERSION}" in result.stdout
    assert (home / "data" / "keyprojects" / "keyprojects.sqlite").is_file()
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run installers/build-linux once; the folder holding the bundle, .tar.gz and .deb."""
    pytest.importorskip("PyInstaller")
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("work")
    home = tmp_path_factory.mktemp("buildhome")
    args = ["bash", str(ROOT / "installers" / "build-linux"), "--dist", dist, "--work", work]
    args += ["--fast"] if shutil.which("dpkg-deb") else ["--no-deb"]
    env = _clean_env(home, PYTHON=sys.executable, PYINSTALLER_CONFIG_DIR=str(home / "pyi"))
    result = subprocess.run(
        [str(a) for a in args], env=env, capture_output=True, text=True, timeout=900, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dist


def test_bundle_opens_the_shipped_portfolio_in_a_fresh_home(built, tmp_path):
    program = built / "keyprojects" / "keyprojects"
    assert os.access(program, os.X_OK)
    _smoke(program, tmp_path / "home")


def test_bundle_needs_no_network(built, tmp_path):
    if subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot make a network namespace here")
    home = tmp_path / "home"
    result = _run(["unshare", "-rn", built / "keyprojects" / "keyprojects", "--smoke"], home)
    assert result.returncode == 0, result.stderr
    assert "51 个项目" in result.stdout


def test_bundle_searches_by_pinyin_and_traditional_characters(built, tmp_path):
    """pypinyin's and OpenCC's data files made it into the bundle."""
    program = built / "keyprojects" / "keyprojects"
    home = tmp_path / "home"
    ledger = tmp_path / "台账.sqlite"
    assert _run([program, "init", ledger], home).returncode == 0
    for query in ("鋼鐵", "xdgt"):
        result = _run([program, "projects", "--db", ledger, "--search", query, "--json"], home)
        assert result.returncode == 0, result.stderr
        names = [p["name"] for p in json.loads(result.stdout)]
        assert "鑫达钢铁180万吨热轧带钢" in names, (query, names)


def test_bundle_ships_resources_and_portfolio_and_leaves_out_unused_qt(built):
    internal = built / "keyprojects" / "_internal"
    shipped = {
        p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    bundled = {p.relative_to(internal / "resources") for p in (internal / "resources").rglob("*")}
    assert shipped and shipped <= bundled
    portfolio = internal / "db" / "portfolio_2022.json"
    assert portfolio.read_bytes() == (ROOT / "db" / "portfolio_2022.json").read_bytes()

    names = {p.name for p in internal.rglob("*")}
    for unwanted in (
        "libQt6WebEngineCore.so.6",
        "libQt6Quick.so.6",
        "libQt6Qml.so.6",
        "libQt6Pdf.so.6",
    ):
        assert unwanted not in names
    assert {"libQt6Widgets.so.6", "libqxcb.so", "libqoffscreen.so"} <= names
    assert {"qtbase_zh_CN.qm"} <= names and "qtbase_de.qm" not in names
    size = sum(p.stat().st_size for p in internal.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 300 * 2**20, f"bundle grew to {size / 2**20:.0f} MB"  # 230 MB with numpy


def test_no_bundled_library_misses_a_qt_library(built):
    if not shutil.which("ldd"):
        pytest.skip("ldd not available")
    internal = built / "keyprojects" / "_internal"
    search = f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"
    missing = set()
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(
            ["ldd", str(path)],
            env={**os.environ, "LD_LIBRARY_PATH": search},
            capture_output=True,
            text=True,
        ).stdout
        for line in out.splitlines():
            if "not found" in line and ("Qt6" in line or "shiboken" in line or "pyside" in line):
                missing.add(f"{path.name}: {line.strip()}")
    assert not missing, sorted(missing)


def test_tarball_installs_for_one_user_without_root(built, tmp_path):
    archive = built / f"keyprojects-{VERSION}-linux-{ARCH}.tar.gz"
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
        top = f"keyprojects-{VERSION}"
        for name in (
            "keyprojects",
            "install.sh",
            "README.txt",
            "share/applications/keyprojects.desktop",
        ):
            assert f"{top}/{name}" in members, name
        assert members[f"{top}/keyprojects"].mode & stat.S_IXUSR
        assert f"{top}/share/icons/hicolor/48x48/apps/keyprojects.png" in members
        tar.extractall(tmp_path / "unpacked", filter="tar")
    home = tmp_path / "home"
    result = _run(["sh", tmp_path / "unpacked" / top / "install.sh"], home)
    assert result.returncode == 0, result.stderr
    command = home / ".local" / "bin" / "keyprojects"
    _smoke(command, home)
    entry = home / "data" / "applications" / "keyprojects.desktop"
    assert f"Exec={home}/.local/opt/keyprojects/keyprojects" in entry.read_text(encoding="utf-8")
    assert (home / "data" / "icons" / "hicolor" / "256x256" / "apps" / "keyprojects.png").is_file()

    result = _run(["sh", tmp_path / "unpacked" / top / "install.sh", "--remove"], home)
    assert result.returncode == 0, result.stderr
    assert not command.exists() and not entry.exists()
    assert (home / "data" / "keyprojects" / "keyprojects.sqlite").is_file(), "the ledger is kept"


def _deb(built: Path) -> Path:
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb not available")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    return built / f"keyprojects_{VERSION}_{arch.stdout.strip()}.deb"


def test_deb_control_names_package_version_and_qt_runtime_libraries(built):
    deb = _deb(built)
    fields = {}
    for field in ("Package", "Version", "Architecture", "Depends", "Installed-Size"):
        out = subprocess.run(["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True)
        fields[field] = out.stdout.strip()
    assert fields["Package"] == "keyprojects"
    assert fields["Version"] == VERSION
    assert deb.name.endswith(f"_{fields['Architecture']}.deb")
    for library in ("libc6 (>= 2.", "libxcb-cursor0", "libxkbcommon-x11-0", "libegl1"):
        assert library in fields["Depends"]
    assert int(fields["Installed-Size"]) > 50_000  # KiB: the whole bundle is inside


def test_deb_puts_command_menu_entry_and_icons_in_place(built):
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(_deb(built))], capture_output=True, text=True, check=True
    ).stdout
    lines = listing.splitlines()
    assert all(" root/root " in line for line in lines)
    paths = {line.split()[5] for line in lines}
    assert "./usr/bin/keyprojects" in paths
    assert any(
        "./usr/bin/keyprojects -> ../../opt/keyprojects/keyprojects" in line for line in lines
    )
    assert "./opt/keyprojects/keyprojects" in paths
    assert "./opt/keyprojects/_internal/db/portfolio_2022.json" in paths
    assert "./usr/share/applications/keyprojects.desktop" in paths
    for size in ("16x16", "32x32", "48x48", "128x128", "256x256", "512x512"):
        assert f"./usr/share/icons/hicolor/{size}/apps/keyprojects.png" in paths
    assert "./usr/share/icons/hicolor/scalable/apps/keyprojects.svg" in paths


def test_deb_contents_run_from_usr_bin(built, tmp_path):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(_deb(built)), str(root)], check=True)
    _smoke(root / "usr" / "bin" / "keyprojects", tmp_path / "home")

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(root / "usr/share/applications/keyprojects.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "重点项目调度台"
    assert desktop["Exec"] == "keyprojects"  # /usr/bin/keyprojects
    assert desktop["Icon"] == "keyprojects"
    assert desktop["Terminal"] == "false"
    assert "Office" in desktop["Categories"].split(";")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(root / "usr/share/applications/keyprojects.desktop")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0 and "error" not in check.stdout, check.stdout
