"""Draw the application icon and write it at the sizes each platform needs.

    uv run python installers/make_icons.py [--font FILE]

The mark is the character 项 (项目) in white on a red rounded square. The glyph is taken from a CJK
font once, as a vector outline, so the SVG is self-contained; PNGs are rendered from the same outline
with Qt. Output under resources/icons/ (committed; rerun only to change the design):

- keyprojects.svg                          scalable master (Linux hicolor/scalable)
- hicolor/NxN/apps/keyprojects.png        Linux sizes 16 … 512 (also the window icon set)
- keyprojects.ico                          Windows: 16, 20, 24, 32, 40, 48, 64 (BMP) and 256 (PNG)
- keyprojects.icns                         macOS: 16 … 1024 with @2x, PNG entries, Apple's icon grid
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QTransform,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
GLYPH = "项"
TOP_COLOR = "#E53935"
BOTTOM_COLOR = "#B71C1C"
GLYPH_COLOR = "#FFFFFF"

LINUX_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# ICNS entry types and their pixel sizes (PNG payloads; macOS 10.7+).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)

SYSTEM_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Black.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


def find_font(explicit: Path | None) -> Path:
    """A font with 项: --font, a bold Noto Sans CJK if installed, else the font the app ships."""
    if explicit:
        return explicit
    for candidate in SYSTEM_FONTS:
        if Path(candidate).exists():
            return Path(candidate)
    shipped = sorted((ROOT / "resources" / "fonts").glob("*.[ot]t[fc]"))
    if shipped:
        return shipped[0]
    raise SystemExit("找不到中文字体：请用 --font 指定一个含“项”字的字体文件")


def glyph_outline(font_file: Path) -> QPainterPath:
    """The outline of 项 in the font, at an arbitrary size (normalised later)."""
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise SystemExit(f"无法读取字体：{font_file}")
    family = next((f for f in families if f.endswith(" SC")), families[0])
    font = QFont(family)
    font.setPixelSize(1000)
    font.setWeight(QFont.Weight.Bold)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, GLYPH)
    if path.isEmpty():
        raise SystemExit(f"字体 {font_file} 中没有“{GLYPH}”")
    return path


def layout(glyph: QPainterPath, *, inset: float, radius: float, glyph_height: float) -> dict:
    """The icon on a 1x1 canvas: the rounded square and the glyph centred in it."""
    box = QRectF(inset, inset, 1 - 2 * inset, 1 - 2 * inset)
    bounds = glyph.boundingRect()
    scale = glyph_height * box.height() / bounds.height()
    transform = QTransform()
    transform.translate(box.center().x(), box.center().y())
    transform.scale(scale, scale)
    transform.translate(-bounds.center().x(), -bounds.center().y())
    return {"box": box, "radius": radius * box.width(), "glyph": transform.map(glyph)}


def render(icon: dict, size: int) -> QImage:
    """The icon as a size×size ARGB image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size, size)
    box: QRectF = icon["box"]
    gradient = QLinearGradient(box.topLeft(), box.bottomLeft())
    gradient.setColorAt(0, QColor(TOP_COLOR))
    gradient.setColorAt(1, QColor(BOTTOM_COLOR))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(box, icon["radius"], icon["radius"])
    painter.setBrush(QColor(GLYPH_COLOR))
    painter.drawPath(icon["glyph"])
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def svg_path_data(path: QPainterPath, unit: float) -> str:
    """SVG 'd' for a QPainterPath, coordinates multiplied by ``unit``."""
    out: list[str] = []
    i = 0
    count = path.elementCount()
    while i < count:
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"M{e.x * unit:.1f} {e.y * unit:.1f}")
            i += 1
        elif e.isLineTo():
            out.append(f"L{e.x * unit:.1f} {e.y * unit:.1f}")
            i += 1
        else:  # CurveTo followed by two CurveToData elements
            c1, c2 = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(
                f"C{e.x * unit:.1f} {e.y * unit:.1f} {c1.x * unit:.1f} {c1.y * unit:.1f} "
                f"{c2.x * unit:.1f} {c2.y * unit:.1f}"
            )
            i += 3
    return "".join(out) + "Z"


def svg(icon: dict) -> str:
    """The icon as a self-contained SVG (no font needed to display it)."""
    unit = 256
    box: QRectF = icon["box"]
    fill_rule = "nonzero" if icon["glyph"].fillRule() == Qt.FillRule.WindingFill else "evenodd"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{unit}" height="{unit}" '
        f'viewBox="0 0 {unit} {unit}">\n'
        "  <title>重点项目调度台</title>\n"
        '  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{TOP_COLOR}"/><stop offset="1" stop-color="{BOTTOM_COLOR}"/>'
        "</linearGradient></defs>\n"
        f'  <rect x="{box.x() * unit:.1f}" y="{box.y() * unit:.1f}" '
        f'width="{box.width() * unit:.1f}" height="{box.height() * unit:.1f}" '
        f'rx="{icon["radius"] * unit:.1f}" fill="url(#bg)"/>\n'
        f'  <path fill="{GLYPH_COLOR}" fill-rule="{fill_rule}" '
        f'd="{svg_path_data(icon["glyph"], unit)}"/>\n'
        "</svg>\n"
    )


def bmp_entry(image: QImage) -> bytes:
    """An ICO image entry as a 32-bit DIB with its AND mask (what Windows expects below 256 px)."""
    width, height = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(height - 1, -1, -1):  # bottom-up
        row = bytearray()
        for x in range(width):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB32 == B, G, R, A bytes
        rows.append(bytes(row))
    mask_stride = ((width + 31) // 32) * 4
    mask = bytes(mask_stride * height)  # all opaque: alpha channel decides
    return header + b"".join(rows) + mask


def write_ico(path: Path, images: Iterable[QImage]) -> None:
    """A Windows .ico: DIB entries below 256 px, a PNG entry at 256 px."""
    entries = []
    for image in images:
        size = image.width()
        data = png_bytes(image) if size >= 256 else bmp_entry(image)
        entries.append((size, data))
    offset = 6 + 16 * len(entries)
    header = struct.pack("<HHH", 0, 1, len(entries))
    directory = b""
    payload = b""
    for size, data in entries:
        dim = 0 if size >= 256 else size
        directory += struct.pack(
            "<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload)
        )
        payload += data
    path.write_bytes(header + directory + payload)


def write_icns(path: Path, pngs: dict[int, bytes]) -> None:
    """A macOS .icns with PNG entries."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", 8 + len(data)) + data
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", type=Path, default=None, help="含“项”字的字体文件")
    parser.add_argument("--out", type=Path, default=OUT, help="输出目录")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])

    font = find_font(args.font)
    glyph = glyph_outline(font)
    # Windows/Linux: a nearly full square; macOS: Apple's grid (824 of 1024, corner radius 185).
    general = layout(glyph, inset=0.04, radius=0.21, glyph_height=0.70)
    mac = layout(glyph, inset=100 / 1024, radius=185 / 824, glyph_height=0.68)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "keyprojects.svg").write_text(svg(general), encoding="utf-8")
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / "keyprojects.svg").write_text(svg(general), encoding="utf-8")
    for size in LINUX_SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "keyprojects.png").write_bytes(png_bytes(render(general, size)))
    write_ico(out / "keyprojects.ico", [render(general, s) for s in ICO_SIZES])
    write_icns(
        out / "keyprojects.icns",
        {size: png_bytes(render(mac, size)) for size in {s for _, s in ICNS_TYPES}},
    )
    print(f"图标已写入 {out}（字体：{font.name}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
