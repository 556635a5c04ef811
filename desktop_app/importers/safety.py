"""Checks an .xlsx file must pass before any reader opens it.

An .xlsx is a zip of XML parts.  Before python-calamine (or openpyxl, which uses defusedxml)
reads one, :func:`check_xlsx` refuses, with a plain-Chinese message:

- files larger than a ledger can be, and anything that is not a zip;
- password-protected workbooks and old .xls files (both are OLE compound files, D0 CF 11 E0);
- zips with too many members, too much uncompressed data, or a compression ratio no spreadsheet
  has (zip bombs) — sizes are counted while decompressing, so lying headers do not help;
- XML with a document type declaration (``<!DOCTYPE``/``<!ENTITY``): spreadsheets never carry
  one, and it is how entity bombs (billion laughs) and external entities get in.

Memory stays bounded: members are streamed in 1 MB chunks.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportRefused

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 20
_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")
_OVERLAP = max(len(m) for m in _MARKERS)


@dataclass(frozen=True)
class Limits:
    """How big an import file may be; a ledger of 200,000 projects stays within them."""

    file_bytes: int = 100 * 1024 * 1024
    members: int = 1000
    uncompressed_bytes: int = 400 * 1024 * 1024
    ratio: int = 150  # uncompressed / compressed, for members above ratio_floor
    ratio_floor: int = 1024 * 1024
    rows: int = 250_000
    columns: int = 300


DEFAULT_LIMITS = Limits()


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_xlsx(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise :class:`ImportRefused` unless ``path`` looks like a sound, ordinary .xlsx file."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImportRefused(f"文件不存在：{path}")
    if path.is_dir():
        raise ImportRefused(f"“{name}”是文件夹，不是 Excel 文件")
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(f"“{name}”是空文件")
    if size > limits.file_bytes:
        raise ImportRefused(
            f"“{name}”有 {_mb(size)}，超过导入上限 {_mb(limits.file_bytes)}，不像是项目台账；"
            "请删去无关的工作表或拆分后再导入"
        )
    with path.open("rb") as f:
        head = f.read(8)
        if head == OLE_MAGIC:
            f.seek(0)
            encrypted = _looks_encrypted(f.read(min(size, 4 * 1024 * 1024)))
            if encrypted:
                raise ImportRefused(
                    f"“{name}”设有打开密码（已加密），无法读取；请在 Excel 中取消密码"
                    "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存再导入"
                )
            raise ImportRefused(
                f"“{name}”是旧版 Excel（.xls）文件，请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入"
            )
    if head[:4] not in ZIP_MAGIC:
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（.xlsx）文件，无法导入")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, name, limits)
    except zipfile.BadZipFile as exc:
        raise ImportRefused(f"“{name}”已损坏，不是完整的 Excel 工作簿（.xlsx）") from exc
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise ImportRefused(f"“{name}”的压缩格式无法识别，请在 Excel 中另存后再导入") from exc


def _looks_encrypted(data: bytes) -> bool:
    """An OLE file holding an encrypted OOXML package names these streams."""
    return any(
        marker.encode("utf-16-le") in data for marker in ("EncryptionInfo", "EncryptedPackage")
    )


def _check_archive(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise ImportRefused(
            f"“{name}”内含 {len(infos)} 个部件，超过上限 {limits.members}，拒绝导入"
        )
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（可能是 Word 或其他压缩文件），无法导入")
    if any(i.flag_bits & 0x1 for i in infos):
        raise ImportRefused(f"“{name}”的内容已加密，无法读取；请取消密码后另存再导入")
    declared = sum(i.file_size for i in infos)
    if declared > limits.uncompressed_bytes:
        raise ImportRefused(_too_big(name, declared, limits))
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(
            1, info.compress_size
        ):
            raise ImportRefused(_bomb(name))
        total = _scan_member(archive, info, name, limits, total)


def _scan_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits, total: int
) -> int:
    """Stream one member: count its real size and look for DTDs in XML parts."""
    is_xml = info.filename.endswith((".xml", ".rels", ".vml"))
    member_bytes = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
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
                if any(m in window for m in _MARKERS):
                    raise ImportRefused(
                        f"“{name}”含有文档类型声明（DOCTYPE/ENTITY），正常的 Excel 文件不会有，"
                        "可能是恶意构造的文件，拒绝导入"
                    )
                tail = window[-_OVERLAP:]
    return total


def _too_big(name: str, size: int, limits: Limits) -> str:
    return (
        f"“{name}”解压后超过 {_mb(limits.uncompressed_bytes)}（至少 {_mb(size)}），"
        "远大于项目台账应有的大小，拒绝导入"
    )


def _bomb(name: str) -> str:
    return f"“{name}”的压缩比异常（可能是“压缩炸弹”），拒绝导入"
