"""Starting on a stock Linux: when Qt's X11 plugin cannot load, one Chinese line names the
missing system libraries (as the loader finds them) and the apt line, instead of Qt's abort."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import qt_libraries
from desktop_app.qt_libraries import (
    DESKTOP_PACKAGES,
    PACKAGES,
    missing_in_ldd,
    missing_text,
    uses_xcb,
    window_problem,
)

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = qt_libraries.xcb_plugins({})
PLUGIN = PLUGINS[-1] if PLUGINS else None
linux_plugin = pytest.mark.skipif(
    not sys.platform.startswith("linux") or PLUGIN is None or shutil.which("ldd") is None,
    reason="PySide6's xcb plugin and ldd exist on Linux only",
)

# `ldd PySide6/Qt/plugins/platforms/libqxcb.so` on a Debian 12 without libxcb-icccm4 and
# libxcb-keysyms1 (abridged: the libraries it found are cut after the first ones)
LDD_DEBIAN12 = """\
\tlinux-vdso.so.1 (0x00007ffd3a1f2000)
\tlibQt6XcbQpa.so.6 => /x/.venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f8afd723000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f8afd716000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f8afd70f000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f8afcbb2000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-randr.so.0 => /lib/x86_64-linux-gnu/libxcb-randr.so.0 (0x00007f8afcb9b000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f8afd883000)
"""


def test_ldd_output_gives_each_library_it_cannot_find_once():
    assert missing_in_ldd(LDD_DEBIAN12) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert missing_in_ldd("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x7f)\n") == []


def test_the_line_names_the_packages_and_the_apt_command(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    text = missing_text(missing_in_ldd(LDD_DEBIAN12), apt=True)
    assert text == (
        "无法启动窗口：缺少系统库 libxcb-icccm4、libxcb-keysyms1。"
        "请运行：sudo apt install libxcb-icccm4 libxcb-keysyms1"
    )
    monkeypatch.setattr(os, "geteuid", lambda: 0)  # root needs no sudo
    assert missing_text(["libEGL.so.1"], apt=True).endswith("请运行：apt install libegl1")


def test_libraries_of_one_package_give_it_once_and_unknown_ones_by_file_name(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    text = missing_text(["libglib-2.0.so.0", "libgthread-2.0.so.0", "libfoo.so.3"], apt=True)
    assert text == (
        "无法启动窗口：缺少系统库 libglib2.0-0、libfoo.so.3。"
        "请运行：sudo apt install libglib2.0-0，并安装提供 libfoo.so.3 的软件包"
    )


def test_without_apt_the_files_are_named_not_debian_packages():
    text = missing_text(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"], apt=False)
    assert text.startswith("无法启动窗口：缺少系统库 libxcb-icccm.so.4、libxcb-keysyms.so.1。")
    assert "apt" not in text and "\n" not in text


@pytest.mark.parametrize(
    ("argv", "env", "xcb"),
    [
        (["kp"], {}, True),  # Qt's default on Linux
        (["kp"], {"QT_QPA_PLATFORM": "xcb"}, True),
        (["kp"], {"QT_QPA_PLATFORM": "xcb:nograb"}, True),
        (["kp"], {"XDG_SESSION_TYPE": "x11"}, True),
        (["kp"], {"QT_QPA_PLATFORM": "offscreen"}, False),
        (["kp"], {"QT_QPA_PLATFORM": "wayland"}, False),
        (["kp"], {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        # a Wayland session without a compositor to talk to: Qt falls back to xcb
        (["kp"], {"XDG_SESSION_TYPE": "wayland"}, True),
        (["kp"], {"QT_QPA_PLATFORM": "wayland;xcb"}, True),
        (["kp", "-platform", "offscreen"], {}, False),
        (["kp", "-platform", "xcb"], {"QT_QPA_PLATFORM": "offscreen"}, True),
    ],
)
def test_the_check_runs_only_when_qt_will_load_its_x11_plugin(argv, env, xcb):
    assert uses_xcb(argv, env, platform="linux") is xcb


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_no_check_on_windows_and_macos(platform):
    assert uses_xcb(["kp"], {}, platform=platform) is False
    assert window_problem(["kp"], {}, platform=platform, plugins=[Path("/nonexistent")]) is None


def test_offscreen_never_touches_the_loader(monkeypatch):
    def fail(library):
        raise AssertionError("loader asked")

    monkeypatch.setattr(qt_libraries, "missing_libraries", fail)
    assert window_problem(["kp"], {"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None


def _shown(library: str) -> str:
    """How the line names a missing file: by its package where apt installs them."""
    return PACKAGES.get(library, library) if shutil.which("apt-get") else library


def _ldd_missing(library: Path) -> list[str]:
    done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True)
    return re.findall(r"^\s*(\S+) => not found", done.stdout, re.MULTILINE)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "XDG_S"))}
    env.update(PYTHONPATH=str(ROOT), **extra)
    return env


def _in_a_child(code: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh process: what one process loaded stays loaded in it."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


_CHECK = """
import sys
from pathlib import Path
from desktop_app.qt_libraries import window_problem
plugins = [Path(p) for p in sys.argv[1:]] or None
print(window_problem(["kp"], plugins=plugins))
"""


@linux_plugin
def test_the_real_plugin_is_missing_exactly_what_the_loader_says():
    assert PLUGIN is not None
    missing = _ldd_missing(PLUGIN)
    said = _in_a_child(_CHECK, _env(DISPLAY=":0")).stdout.strip()
    if not missing:
        assert said == "None"
        return
    assert said.startswith("无法启动窗口：缺少系统库 ")
    for name in missing:  # each missing file (by its package where the table knows it)
        assert _shown(name) in said


@pytest.fixture
def broken_plugin(tmp_path: Path) -> Path:
    """A copy of the xcb plugin that needs a library no machine has (libxcb-zzz.so.1 instead
    of libxcb-xkb.so.1), beside PySide6's Qt libraries as its RUNPATH ($ORIGIN/../../lib)
    expects."""
    assert PLUGIN is not None
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    (tmp_path / "lib").symlink_to(PLUGIN.parents[2] / "lib")
    data = PLUGIN.read_bytes()
    assert data.count(b"\0libxcb-xkb.so.1\0") == 1
    broken = data.replace(b"\0libxcb-xkb.so.1\0", b"\0libxcb-zzz.so.1\0")
    (folder / "libqxcb.so").write_bytes(broken)
    return folder / "libqxcb.so"


@linux_plugin
def test_a_library_missing_everywhere_is_found_with_the_others(broken_plugin):
    missing = _ldd_missing(broken_plugin)
    assert "libxcb-zzz.so.1" in missing
    said = _in_a_child(_CHECK, _env(DISPLAY=":0"), str(broken_plugin)).stdout.strip()
    assert said.startswith("无法启动窗口：缺少系统库 ")
    assert "libxcb-zzz.so.1" in said
    for name in missing:
        assert _shown(name) in said


@linux_plugin
def test_qt_falls_back_to_pysides_plugin_so_one_that_loads_is_enough(broken_plugin):
    offscreen = PLUGIN.with_name("libqoffscreen.so")  # stands in for a plugin that loads
    said = _in_a_child(_CHECK, _env(DISPLAY=":0"), str(broken_plugin), str(offscreen))
    assert said.stdout.strip() == "None"
    env = {"QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugin.parent)}
    assert qt_libraries.xcb_plugins(env) == [broken_plugin, PLUGIN]  # Qt's order


_LAUNCH = """
import sys
from pathlib import Path
from desktop_app import qt_libraries
plugin, ledger = sys.argv[1:]
qt_libraries.xcb_plugins = lambda env: [Path(plugin)]  # the plugin Qt would load
sys.argv[1:] = ["--db", ledger]
from desktop_app.gui import console_main
console_main()
"""


@linux_plugin
def test_keyprojects_says_it_in_one_chinese_line_instead_of_qts_abort(broken_plugin, tmp_path):
    ledger = tmp_path / "台账.sqlite"
    env = _env(DISPLAY=":0", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    done = _in_a_child(_LAUNCH, env, str(broken_plugin), str(ledger))
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("无法启动窗口：缺少系统库 ") and "libxcb-zzz.so.1" in lines[0]
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr
    assert done.stdout == ""
    assert not ledger.exists()  # nothing was opened


@linux_plugin
def test_no_display_is_said_when_the_libraries_are_there():
    plugin = [PLUGIN.with_name("libqoffscreen.so")]  # a plugin that loads everywhere
    said = window_problem(["kp"], {}, plugins=plugin, platform="linux")
    assert said is not None and said.startswith(
        "无法启动窗口：没有可用的图形桌面（未设置 DISPLAY）"
    )
    assert window_problem(["kp"], {"DISPLAY": ":0"}, plugins=plugin, platform="linux") is None
    assert window_problem(["kp", "-display", ":1"], {}, plugins=plugin, platform="linux") is None


# ------------------------------------------------------------ the table against PySide6
_LIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1"}


def _needed(path: Path) -> list[str]:
    """DT_NEEDED of an ELF64 little-endian shared object (readelf may not be installed)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        pytest.skip(f"not an ELF64 little-endian file: {path.name}")
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    names: list[str] = []
    for section in sections:
        if section[1] != 6:  # SHT_DYNAMIC
            continue
        strings = sections[section[6]][4]
        for offset in range(section[4], section[4] + section[5], 16):
            tag, value = struct.unpack_from("<qQ", data, offset)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                start = strings + value
                names.append(data[start : data.index(b"\0", start)].decode())
    return names


def _system_libraries_of_the_window() -> set[str]:
    """What the xcb plugin, the modules the app imports and the plugins it loads (svg) need
    outside PySide6, following PySide6's own Qt libraries."""
    assert PLUGIN is not None
    qt = PLUGIN.parents[2]
    folders = (qt / "lib", qt.parent, qt.parents[1] / "shiboken6")
    bundled = {p.name: p for folder in folders if folder.is_dir() for p in folder.iterdir()}
    todo = [
        PLUGIN,
        qt / "plugins" / "imageformats" / "libqsvg.so",
        qt / "plugins" / "iconengines" / "libqsvgicon.so",
        *(qt.parent / f"{m}.abi3.so" for m in ("QtCore", "QtGui", "QtWidgets")),
    ]
    seen: set[Path] = set()
    system: set[str] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in _needed(path):
            if name in bundled:
                todo.append(bundled[name])
            elif not name.startswith("ld-linux") and name not in _LIBC:
                system.add(name)
    return system


@linux_plugin
def test_every_system_library_the_window_needs_has_its_package():
    needed = _system_libraries_of_the_window()
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libEGL.so.1"} <= needed
    assert needed - set(PACKAGES) == set()


def test_the_readme_gives_the_one_apt_line_a_desktop_needs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = re.findall(r"^sudo apt install (lib[^\n`]*)$", readme, re.MULTILINE)
    assert len(lines) == 1, lines
    packages = lines[0].split()
    assert len(packages) == len(set(packages)) and set(packages) == set(DESKTOP_PACKAGES)
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"} <= set(DESKTOP_PACKAGES)


def test_the_linux_package_and_its_readme_ask_for_the_same_libraries():
    """The .deb depends on every package of the README's line; the bundle's README.txt gives it."""
    control = (ROOT / "installers" / "linux" / "control.in").read_text(encoding="utf-8")
    depends = re.search(r"^Depends: (.*)$", control, re.MULTILINE)
    assert depends is not None
    names = {d.strip().split()[0] for d in depends.group(1).split(",")}
    assert set(DESKTOP_PACKAGES) <= names
    bundle = (ROOT / "installers" / "linux" / "README.txt").read_text(encoding="utf-8")
    lines = re.findall(r"^\s*sudo apt install (lib[^\n]*)$", bundle, re.MULTILINE)
    assert len(lines) == 1 and lines[0].split() == list(DESKTOP_PACKAGES)
