"""A font that shows Chinese on any machine: the shipped Noto Sans CJK SC, else a system CJK font.

Call :func:`ensure_cjk_font` once after the QApplication exists; it makes that font the
application's default, so every widget (tables, forms, charts through :func:`cjk_font`) uses it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from ...paths import resources_dir

FONT_FILE = "NotoSansCJKsc-Regular.otf"

#: System fonts that cover simplified Chinese, tried when the shipped file is missing.
SYSTEM_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "SimSun",
    "Droid Sans Fallback",
)

_PROBE = "辽源重点项目鑫达钢铁遼鋼鐵"
_family: str | None = None


def shipped_font_file() -> Path:
    """The CJK font shipped in resources/fonts/."""
    return resources_dir() / "fonts" / FONT_FILE


def _load_shipped() -> str | None:
    path = shipped_font_file()
    if not path.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def _find_system() -> str | None:
    available = set(QFontDatabase.families())
    for family in SYSTEM_CJK_FAMILIES:
        if family in available and QFontDatabase.writingSystems(family).count(
            QFontDatabase.WritingSystem.SimplifiedChinese
        ):
            return family
    return None


def ensure_cjk_font(*, set_default: bool = True) -> str | None:
    """Make a CJK font available and (by default) the application's font; returns its family.

    Needs a QGuiApplication.  Returns None only when no CJK font can be found at all.
    """
    global _family
    if QGuiApplication.instance() is None:
        raise RuntimeError("ensure_cjk_font() needs a QApplication")
    if _family is None:
        _family = _load_shipped() or _find_system()
    if _family and set_default:
        font = QGuiApplication.font()
        if font.family() != _family:
            font.setFamilies([_family])
            QGuiApplication.setFont(font)
    return _family


def cjk_font(point_size: float | None = None, *, bold: bool = False) -> QFont:
    """A QFont in the CJK family (for painting outside widgets: charts, images)."""
    family = ensure_cjk_font(set_default=False)
    font = QFont(QGuiApplication.font())
    if family:
        font.setFamilies([family])
    if point_size:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def missing_characters(font: QFont, text: str) -> list[str]:
    """Characters of ``text`` that ``font`` itself cannot draw (no fallback counted)."""
    from PySide6.QtGui import QRawFont

    raw = QRawFont.fromFont(font)  # by code point: PySide turns some str into a wrong QChar
    return sorted({ch for ch in text if not ch.isspace() and not raw.supportsCharacter(ord(ch))})
