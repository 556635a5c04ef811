"""Whether Qt's window plugin can start on this Linux machine, said in one Chinese line.

On a stock Debian/Ubuntu, Qt's X11 plugin (``libqxcb.so``) may miss system libraries (in
practice ``libxcb-icccm4`` and ``libxcb-keysyms1``); Qt then prints an English guess (often
naming ``xcb-cursor0`` although that one is installed) and aborts the process, so nothing can
be said after it.  :func:`window_problem` asks before the QApplication exists, and only when
Qt is going to use that plugin: it loads the plugin as Qt would (``dlopen``, lazily bound: the
libraries it loads are those Qt loads next anyway, so the first paint is no later — measured
under Xvfb), and only when that fails does it ask the loader (``ldd``, ~30 ms) for every
library it cannot find, to name them all with the Debian/Ubuntu packages that hold them.
Qt-free: it runs before PySide6 is imported.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

__all__ = [
    "DESKTOP_PACKAGES",
    "PACKAGES",
    "apt_line",
    "missing_in_ldd",
    "missing_libraries",
    "missing_text",
    "uses_xcb",
    "window_problem",
    "xcb_plugins",
]

#: The package holding each system library that the xcb plugin and the Qt libraries it loads
#: (XcbQpa, Gui, Core, DBus, Widgets, Svg) link against: ``dpkg -S`` on Debian 12; the
#: same names on Ubuntu 22.04 and 24.04 (where libglib2.0-0t64 provides libglib2.0-0).
PACKAGES: Mapping[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    # on every Debian/Ubuntu system (apt and dpkg need them): not in the README's apt line
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

_BASE = frozenset({"libc6", "libstdc++6", "libgcc-s1", "zlib1g", "libzstd1"})

#: What a Debian/Ubuntu desktop needs for the window: the README's one apt line.
DESKTOP_PACKAGES: tuple[str, ...] = tuple(
    dict.fromkeys(p for p in PACKAGES.values() if p not in _BASE)
)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)
_DLOPEN_MISSING = re.compile(r"^(\S+?): cannot open shared object file")


def _platforms(argv: Sequence[str], env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (as QGuiApplication chooses them)."""
    names = "xcb"  # the default of Qt's Linux builds
    if env.get("XDG_SESSION_TYPE") == "wayland":
        names = "wayland;xcb"
    if env.get("QT_QPA_PLATFORM"):
        names = env["QT_QPA_PLATFORM"]
    args = list(argv[1:])
    for i, arg in enumerate(args):
        if arg in ("-platform", "--platform") and i + 1 < len(args):
            names = args[i + 1]
    # "xcb:option=value" passes options to the plugin
    return [n.split(":", 1)[0].strip() for n in names.split(";") if n.strip()]


def uses_xcb(argv: Sequence[str], env: Mapping[str, str], platform: str | None = None) -> bool:
    """Whether Qt will load its X11 plugin: on Linux, when xcb is the first platform it tries,
    or comes after a Wayland that has no display to connect to (Qt falls back to the next)."""
    if not (platform or sys.platform).startswith("linux"):
        return False
    for name in _platforms(argv, env):
        if name == "xcb":
            return True
        if not (name.startswith("wayland") and not env.get("WAYLAND_DISPLAY")):
            return False  # offscreen, a working Wayland, vnc, eglfs…: not our plugin
    return False


def xcb_plugins(env: Mapping[str, str]) -> list[Path]:
    """The ``libqxcb.so`` files Qt tries, in its order: the one in QT_QPA_PLATFORM_PLUGIN_PATH
    (when set), then PySide6's (Qt falls back to it).  PySide6 is found, not imported."""
    folders: list[Path] = []
    if env.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    from importlib.util import find_spec

    try:
        spec = find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        folders.append(Path(location) / "Qt" / "plugins" / "platforms")
    return [folder / "libqxcb.so" for folder in folders if (folder / "libqxcb.so").is_file()]


def missing_in_ldd(output: str) -> list[str]:
    """The libraries ``ldd`` says it cannot find, in its order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def _load_error(library: Path) -> str | None:
    """None when ``library`` loads, else the loader's message.  Loaded as Qt loads plugins
    (``dlopen`` with lazy binding: ctypes.CDLL would bind every symbol of Qt's libraries now)
    and kept loaded: Qt's own loading of it then costs nothing."""
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        dlopen, dlerror = libc.dlopen, libc.dlerror
    except (OSError, AttributeError):  # no dlopen to call: ctypes' own (binds everything)
        try:
            ctypes.CDLL(str(library))
        except OSError as exc:
            return str(exc)
        return None
    dlopen.restype, dlopen.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_int]
    dlerror.restype, dlerror.argtypes = ctypes.c_char_p, []
    if dlopen(os.fsencode(library), os.RTLD_LAZY | os.RTLD_LOCAL):
        return None
    message = dlerror()
    return os.fsdecode(message) if message else "dlopen"


def missing_libraries(library: Path) -> list[str]:
    """The system libraries ``library`` needs that the loader cannot find ([] when it loads).

    The library is loaded as Qt loads it (the fast answer); only when that fails is ``ldd``
    asked for the whole list (without ``ldd``: the one name the failure gives)."""
    error = _load_error(library)
    if error is None:
        return []
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is not None:
        try:
            done = subprocess.run(
                [ldd, str(library)], capture_output=True, text=True, timeout=20, check=False
            )
        except (OSError, subprocess.SubprocessError):
            pass
        else:
            return missing_in_ldd(done.stdout)
    found = _DLOPEN_MISSING.match(error)
    return [found.group(1)] if found else []


def apt_line(packages: Iterable[str]) -> str:
    """``sudo apt install …`` for ``packages`` (without sudo for root)."""
    sudo = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    return f"{sudo}apt install {' '.join(packages)}"


def missing_text(libraries: Sequence[str], *, apt: bool) -> str:
    """The one line that names ``libraries`` (file names) and how to install them: by their
    Debian/Ubuntu package where apt is the system's installer, else by file name."""
    packages = list(dict.fromkeys(PACKAGES[name] for name in libraries if name in PACKAGES))
    unknown = [name for name in libraries if name not in PACKAGES]
    if not apt or not packages:
        return (
            f"无法启动窗口：缺少系统库 {'、'.join(libraries)}。"
            "请用系统的软件包管理器安装提供这些文件的软件包"
        )
    text = f"无法启动窗口：缺少系统库 {'、'.join(packages + unknown)}。请运行：{apt_line(packages)}"
    if unknown:
        text += f"，并安装提供 {'、'.join(unknown)} 的软件包"
    return text


def window_problem(
    argv: Sequence[str],
    env: Mapping[str, str] | None = None,
    *,
    plugins: Sequence[Path] | None = None,
    platform: str | None = None,
) -> str | None:
    """Why the window cannot start here, in one Chinese line; None when Qt may try.

    Asked only when Qt will load its X11 plugin (Linux; QT_QPA_PLATFORM unset or xcb; not
    offscreen nor a Wayland session): the system libraries the plugin cannot load, named with
    the packages that hold them, then a missing X display.  Anything this check does not
    recognise is left to Qt.  ``plugins`` (:func:`xcb_plugins`), ``platform``: tests."""
    env = os.environ if env is None else env
    if not uses_xcb(argv, env, platform):
        return None
    plugins = list(plugins) if plugins is not None else xcb_plugins(env)
    if not plugins:
        return None
    # Qt stops at the first plugin that loads; only when none does is the last one's (PySide6's)
    # whole list of missing libraries asked for
    missing = [] if any(_load_error(p) is None for p in plugins) else missing_libraries(plugins[-1])
    if missing:
        import shutil

        return missing_text(missing, apt=shutil.which("apt-get") is not None)
    if not env.get("DISPLAY") and "-display" not in argv and "--display" not in argv:
        return (
            "无法启动窗口：没有可用的图形桌面（未设置 DISPLAY）。"
            "请在桌面中运行；不开窗口的命令见 keyprojects --help"
        )
    return None
