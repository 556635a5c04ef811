"""What the checks of every container share (:mod:`.safety`, :mod:`.containers`,
:mod:`.zip_sheets`): their plain-Chinese lines, the streaming of a zip member (sizes counted
while decompressing, DOCTYPE looked for), and what a passed check found."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from .errors import ImportRefused
from .scan_parts import CHUNK, Limits, SheetStats

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")
_OVERLAP = max(len(m) for m in _MARKERS)
#: What zipfile raises on a damaged archive besides BadZipFile: a name that is not the UTF-8
#: its flag says, an offset before the start, a truncated or corrupt deflate stream.
ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    IndexError,
    struct.error,
)
MACRO_WARNING = "“{name}”含有宏（VBA）；导入只读取单元格中的数据，宏不会运行"


class Fed(Protocol):
    def feed(self, chunk: bytes) -> None: ...
    def finish(self) -> None: ...


@dataclass(frozen=True)
class WorkbookFile:
    """What the checks found: the kind ("xlsx", "xlsm", "xls", "xlsb", "ods") and lines for
    the preview about the file itself."""

    kind: str
    warnings: tuple[str, ...] = ()
    #: Merged ranges by sheet name, for the formats python-calamine gives none for (.ods,
    #: .xlsb): ((first row, first column), (last row, last column)), 0-based.
    merges: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = field(default_factory=dict)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _too_big(name: str, size: int, limits: Limits) -> str:
    return (
        f"“{name}”解压后超过 {_mb(limits.uncompressed_bytes)}（至少 {_mb(size)}），"
        "远大于项目台账应有的大小，拒绝导入"
    )


def _bomb(name: str) -> str:
    return f"“{name}”的压缩比异常（可能是“压缩炸弹”），拒绝导入"


def _doctype(name: str) -> str:
    return (
        f"“{name}”含有文档类型声明（DOCTYPE/ENTITY），正常的 Excel 文件不会有，"
        "可能是恶意构造的文件，拒绝导入"
    )


def _wan(n: int) -> str:
    """A count in 万 (ten thousands) when it is large: 75000000 → 7500 万."""
    return f"{n / 10000:.0f} 万" if n >= 100_000 else f"{n:,} "


def _column_letter(col: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _check_sheet(sheet: str, stats: SheetStats, limits: Limits) -> int:
    """Refuse a sheet beyond the limits; its area (cells python-calamine allocates) otherwise."""
    rows, cols = stats.extent()
    far = f"{_column_letter(cols)}{rows}"
    if rows > limits.rows:
        raise ImportRefused(
            f"工作表“{sheet}”的数据区域一直到第 {rows:,} 行（A1:{far}），"
            f"超过导入上限 {limits.rows:,} 行；请删去远处无关的单元格后另存再导入"
        )
    if cols > limits.columns:
        raise ImportRefused(
            f"工作表“{sheet}”的数据区域一直到第 {cols:,} 列（A1:{far}），"
            f"超过导入上限 {limits.columns} 列；请删去远处无关的单元格后另存再导入"
        )
    area = rows * cols
    if area > limits.cells:
        raise ImportRefused(
            f"工作表“{sheet}”的数据区域 A1:{far} 共 {_wan(area)}个单元格，"
            f"超过导入上限 {_wan(limits.cells)}个；请删去远处无关的单元格后另存再导入"
        )
    if stats.cells > limits.cells:
        raise ImportRefused(
            f"工作表“{sheet}”有 {_wan(stats.cells)}个单元格，超过导入上限 {_wan(limits.cells)}个，"
            "拒绝导入"
        )
    if stats.merges > limits.merged_ranges:
        raise ImportRefused(
            f"工作表“{sheet}”有 {stats.merges:,} 处合并单元格，超过导入上限 "
            f"{limits.merged_ranges:,} 处；请取消不必要的合并后另存再导入"
        )
    return area


def _text_message(what: str, size: int, limits: Limits) -> str:
    return (
        f"{what}引用的共享文字展开后约 {_mb(size)}，超过导入上限 {_mb(limits.shared_text_bytes)}"
        "（同一段文字被大量单元格重复引用，可能是恶意构造的文件），拒绝导入"
    )


@contextmanager
def zip_refusals(name: str, what: str) -> Iterator[None]:
    """Whatever a zip reader raises on a damaged or unusual file, as one refusal line (our
    own :class:`ImportRefused`, a ValueError too, passes as it is); ``what`` names the kind
    of file it should have been."""
    try:
        yield
    except ImportRefused:
        raise
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise ImportRefused(f"“{name}”的压缩格式无法识别，请在 Excel 中另存后再导入") from exc
    except ZIP_DAMAGE as exc:
        raise ImportRefused(f"“{name}”已损坏，不是完整的{what}") from exc


def check_members(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    """What every zip container (.xlsx .xlsm .xlsb .ods) must pass before a member is read:
    not too many members, none encrypted, not too much declared once unpacked."""
    if len(infos) > limits.members:
        raise ImportRefused(
            f"“{name}”内含 {len(infos)} 个部件，超过上限 {limits.members}，拒绝导入"
        )
    if any(i.flag_bits & 0x1 for i in infos):
        raise ImportRefused(f"“{name}”的内容已加密，无法读取；请取消密码后另存再导入")
    declared = sum(i.file_size for i in infos)
    if declared > limits.uncompressed_bytes:
        raise ImportRefused(_too_big(name, declared, limits))


def _looks_encrypted(data: bytes) -> bool:
    """An OLE file holding an encrypted OOXML package names these streams."""
    return any(
        marker.encode("utf-16-le") in data for marker in ("EncryptionInfo", "EncryptedPackage")
    )


def scan_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    limits: Limits,
    total: int,
    part: Fed | None = None,
) -> int:
    """Stream one member: count its real size, look for DTDs in XML parts, feed ``part``
    (the cell measure of :mod:`.safety`, or what keeps a member's bytes)."""
    is_xml = info.filename.endswith((".xml", ".rels", ".vml"))
    member_bytes = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            member_bytes += len(chunk)
            total += len(chunk)
            if total > limits.uncompressed_bytes:
                raise ImportRefused(_too_big(name, total, limits))
            if member_bytes > limits.ratio_floor and member_bytes > limits.ratio * max(
                1, info.compress_size
            ):
                raise ImportRefused(_bomb(name))
            if is_xml:
                window = tail + chunk
                if b"!" in window and any(m in window for m in _MARKERS):
                    raise ImportRefused(_doctype(name))
                tail = window[-_OVERLAP:]
            if part is not None:
                part.feed(chunk)
    if part is not None:
        part.finish()
    return total
