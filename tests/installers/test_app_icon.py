"""The application icon: every size each platform asks for, readable, the same picture everywhere."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _images(path: Path) -> list[QImage]:
    reader = QImageReader(str(path))
    assert reader.canRead(), reader.errorString()
    images = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{path.name} #{index}: {reader.errorString()}"
        images.append(image)
    return images


def _looks_like_the_icon(image: QImage) -> None:
    """Transparent corners, a red tile, a white glyph in the middle."""
    size = image.width()
    assert image.height() == size
    assert image.pixelColor(0, 0).alpha() == 0, "corners are transparent"
    reds = whites = 0
    step = max(1, size // 128)
    for y in range(0, size, step):
        for x in range(0, size, step):
            color = image.pixelColor(x, y)
            if color.alpha() < 230:
                continue
            if color.red() > 150 and color.green() < 110 and color.blue() < 110:
                reds += 1
            elif min(color.red(), color.green(), color.blue()) > 200:
                whites += 1
    area = len(range(0, size, step)) ** 2
    assert reds > 0.25 * area and whites > 0.05 * area, (size, reds / area, whites / area)


def test_linux_hicolor_icons_have_every_size(qapp):
    for size in HICOLOR_SIZES:
        path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "keyprojects.png"
        image = QImage(str(path))
        assert image.width() == image.height() == size, path
        _looks_like_the_icon(image)
    svg = ICONS / "hicolor" / "scalable" / "apps" / "keyprojects.svg"
    assert svg.read_bytes() == (ICONS / "keyprojects.svg").read_bytes()


def test_scalable_icon_draws_the_same_picture_as_the_pngs(qapp):
    renderer = QSvgRenderer(str(ICONS / "keyprojects.svg"))
    assert renderer.isValid()
    drawn = QImage(128, 128, QImage.Format.Format_ARGB32)
    drawn.fill(QColor(0, 0, 0, 0))
    painter = QPainter(drawn)
    renderer.render(painter, QRectF(0, 0, 128, 128))
    painter.end()
    png = QImage(str(ICONS / "hicolor" / "128x128" / "apps" / "keyprojects.png"))
    png = png.convertToFormat(QImage.Format.Format_ARGB32)
    differing = sum(
        1
        for y in range(0, 128, 2)
        for x in range(0, 128, 2)
        if abs(drawn.pixelColor(x, y).lightness() - png.pixelColor(x, y).lightness()) > 60
    )
    assert differing < 0.03 * 64 * 64, differing


def test_windows_ico_holds_16_to_256_pixels(qapp):
    data = (ICONS / "keyprojects.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = [data[6 + 16 * i] or 256 for i in range(count)]
    assert {16, 24, 32, 48, 256} <= set(sizes)
    images = _images(ICONS / "keyprojects.ico")
    assert sorted(image.width() for image in images) == sorted(sizes)
    for image in images:
        _looks_like_the_icon(image)
    by_size = {image.width(): image for image in images}
    png32 = QImage(str(ICONS / "hicolor" / "32x32" / "apps" / "keyprojects.png"))
    assert by_size[32].convertToFormat(QImage.Format.Format_ARGB32) == png32.convertToFormat(
        QImage.Format.Format_ARGB32
    )


def test_macos_icns_holds_16_to_1024_pixels(qapp):
    data = (ICONS / "keyprojects.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries = {}
    offset = 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        entries[kind.decode()] = data[offset + 8 : offset + length]
        offset += length
    assert {"icp4", "icp5", "ic07", "ic08", "ic09", "ic10"} <= set(entries)
    for kind, expected in {"icp4": 16, "icp5": 32, "ic07": 128, "ic08": 256, "ic10": 1024}.items():
        image = QImage.fromData(QByteArray(entries[kind]), "PNG")
        assert image.width() == expected, kind
        _looks_like_the_icon(image)
    assert len(_images(ICONS / "keyprojects.icns")) == len(entries)


def test_icon_script_redraws_the_whole_set(qapp, tmp_path):
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "installers" / "make_icons.py"
    )
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    try:
        font = make_icons.find_font(None)
    except SystemExit:
        pytest.skip("no CJK font on this machine")
    assert make_icons.main(["--out", str(tmp_path), "--font", str(font)]) == 0
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(ICONS) for p in ICONS.rglob("*") if p.is_file())
    assert written == committed
    for image in _images(tmp_path / "keyprojects.ico"):
        _looks_like_the_icon(image)
